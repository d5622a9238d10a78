// Bicycle crunch: lying on the back, hands behind the head, each elbow to the opposite knee in turn.
import { jointIndex, type Body, type Side } from '../geometry';
import { defineExercise } from './types';
import { KP, betterOfSides, both, dT, finding, mid, trunkToHorizontal } from './common';

/**
 * A touch is counted on the knee that comes in, not on the elbow: the elbows are the least reliable
 * points here (09, filmed from the feet: at the far-side touch Thunder puts both elbows on one spot
 * and the far elbow is lost; b09, side view: the far elbow is hidden behind the head). The knee's
 * distance from the shoulder midpoint (torso lengths) measured: drawn in ≈0.8–0.95 and stretched out
 * ≈1.6–1.9 in the side view (b09); from the feet end (09) ≈0.6–1.0 in and only ≈0.8–1.5 out, because a
 * leg stretched toward the camera is foreshortened. So a knee is "in" at ≤ KNEE_IN, and out again at
 * ≥ KNEE_OUT (0.15 of hysteresis) or once it has moved KNEE_BACK away from its closest point; sides must
 * alternate. A rep's side is the side of the knee drawn in (the opposite elbow comes to meet it).
 */
export const KNEE_IN = 1.1;
export const KNEE_OUT = 1.25;
export const KNEE_BACK = 0.2;
/** A knee that came within this but not to KNEE_IN is a half-hearted reach (`no-contact`). */
export const NEAR_MISS = 1.2;
/** Wrist further than this from the nose (torso lengths) = hands not behind the head. 09's hands stay under 0.5. */
export const HANDS_OFF_HEAD = 0.8;
/**
 * The article asks to start slowly: the first reps (START_REPS) closer together than this (ms) are too
 * fast. 09 and b09 show a slow demo pace of ≈1.3–1.6 s a touch; 0.9 s leaves room for a normal pace.
 */
export const START_REPS = 4;
export const START_MIN_GAP_MS = 900;
/**
 * On the back: the trunk within this of the horizontal. The shoulders are off the floor in a bicycle, and
 * some do it sitting well up: c18 holds the trunk at ≈55–65° (leaning back on the buttocks, feet off the
 * floor). Sitting or standing upright reads 75–90°.
 */
export const LYING_MAX_DEG = 70;

const SH = { x: 0, y: 0 };
/** Knee distance from the shoulder midpoint, torso lengths; null when unknown. */
export function kneeIn(b: Body, side: Side): number | null {
  const k = jointIndex(side, 'knee');
  if (b.ok[k] !== 1 || !(b.torso > 0) || !mid(b, 'shoulder', SH)) return null;
  return Math.hypot((b.x[k] as number) - SH.x, (b.y[k] as number) - SH.y) / b.torso;
}

function lying(b: Body): boolean {
  const t = trunkToHorizontal(b);
  return t !== null && t <= LYING_MAX_DEG;
}

/** What the bicycle remembers: the last touch's time (NaN = none yet). */
interface BicycleMemory { lastTouch: number }

export const bicycle = defineExercise({
  id: 'bicycle',
  name: 'Bicycle crunch',
  group: 'strength',
  instructions: [
    'Lie on your back with your fingertips behind your head.',
    'Lift your shoulders a little and bring one knee in.',
    'Turn so the opposite elbow meets that knee, then switch sides.',
    'Start slowly; speed up only once it feels easy.',
  ],
  view: 'any',
  // One knee is enough: in a bicycle the legs cross and one knee is often hidden or merged with the other.
  required: ['shoulder', 'knee', 'hip'],
  posture: { check: lying },
  counter: {
    kind: 'alternating',
    // The knee drawn in is often lost behind the other leg right at the touch (c18): a touch seen, then unseen, counts.
    reps: { direction: 'down', enter: KNEE_IN, exit: KNEE_OUT, partialMin: NEAR_MISS, minTopMs: 60, backFromPeak: KNEE_BACK, topHeldWhileUnseen: true },
    sideMetric: kneeIn,
  },
  memory: (): BicycleMemory => ({ lastTouch: NaN }),
  metric: (b) => betterOfSides(kneeIn(b, 'left'), kneeIn(b, 'right'), 'min'),
  metricLabel: 'knee to shoulders (torso lengths)',
  checks: [
    (b) => {
      if (b.ok[KP.nose] !== 1) return null;
      let worst = 0;
      for (const s of ['left', 'right'] as const) {
        const d = dT(b, KP.nose, jointIndex(s, 'wrist'));
        if (d !== null && d > worst) worst = d;
      }
      return worst > HANDS_OFF_HEAD ? finding('hands-off-head', 'major', both('wrist', 'elbow')) : null;
    },
  ],
  repChecks: [
    (r) => (r.kind === 'partial' ? finding('no-contact', 'minor', both('elbow', 'knee')) : null),
    (r, ctx) => {
      const last = ctx.mem.lastTouch;
      if (r.kind !== 'rep' || Number.isNaN(last) || r.index > START_REPS || ctx.t - last >= START_MIN_GAP_MS) return null;
      return finding('too-fast', 'minor', both('elbow', 'knee'));
    },
  ],
  rememberRep: (r, ctx) => { if (r.kind === 'rep') ctx.mem.lastTouch = ctx.t; },
  defaults: { reps: 10, sets: 2, restSec: 45 },
  card: { gear: [['mat']], camera: 'either' },
  demo: { clip: 'b09_bicycle_crunch_side_slayercampo', from: 0.0, to: 3.8, why: 'side view: elbow to opposite knee, both sides' },
  faultIds: ['hands-off-head', 'no-contact', 'too-fast'],
  words: {
    posture: 'Lie on your back, hands behind your head',
    faults: {
      'hands-off-head': 'Keep your hands behind your head',
      'no-contact': 'Draw the knee right in to meet the elbow',
      'too-fast': 'Start slowly',
    },
    guide: {
      'bicycle.start': 'Bring one knee in toward the opposite elbow',
      'bicycle.further': 'Draw the knee right in',
    },
  },
});
