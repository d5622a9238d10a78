// Reverse fly: hinged forward (or chest on an incline bench), arms open out to about shoulder height.
import { jointIndex, type Body, type Side } from '../geometry';
import { defineExercise } from './types';
import { reps } from '../counting/reps';
import {
  hingedForward,
  hingedSeenFromFront,
  unsure,
  MIN_CYCLE_MS,
  SWING_DEG,
  both,
  dropT,
  finding,
  rememberSwing,
  swingMemory,
  type SwingMemory,
} from './common';

/**
 * Wrist depth below the shoulder (torso lengths): ≈0.9–1.1 hanging, ≈0.2–0.4 at shoulder height
 * (23, 24 klarfit). Top at ≤ 0.45, back at rest ≥ 0.7, a reach under 0.6 that stops short is partial.
 */
export const TOP_DEPTH = 0.45;
export const REST_DEPTH = 0.7;
export const PARTIAL_DEPTH = 0.6;
export function wristDepth(b: Body, side?: Side): number | null {
  const sides: Side[] = side ? [side] : ['left', 'right'];
  let best: number | null = null;
  for (const s of sides) {
    const d = dropT(b, jointIndex(s, 'shoulder'), jointIndex(s, 'wrist'));
    if (d !== null && (best === null || d < best)) best = d;
  }
  return best;
}

/**
 * The arms that fly. A one-arm fly (e16, a cable fly with the other hand on the hip) leaves one arm still: its
 * hand, 0.55–0.7 torso lengths below the shoulder, sat between the top and the rest and kept the two-arm reading
 * (the higher hand) from ever coming back to rest. Each hand's range of depth is kept (its highest and lowest,
 * each forgetting RANGE_FORGET a second toward the present), and a hand counts only while its range is at least
 * ARM_SHARE of the wider one's: e16's resting hand ranges 0.15–0.3 (Thunder; BlazePose places it at the
 * shoulder only while the other arm is up, −0.5–0), the working one ≈1.9; in the two-arm flys (23, 24) the
 * two ranges are within 0.7× of each other. Until a hand has moved FLY_RANGE_MIN, both count.
 */
export const ARM_SHARE = 0.5;
export const FLY_RANGE_MIN = 0.3;
export const RANGE_FORGET = 0.1;

/** What the fly remembers: the trunk's swing (common.ts), and each hand's range of depth (hi/lo) with its time. */
interface FlyMemory extends SwingMemory {
  hi: [number, number];
  lo: [number, number];
  rangeT: number;
}
const flyMemory = (): FlyMemory => ({ ...swingMemory(), hi: [NaN, NaN], lo: [NaN, NaN], rangeT: NaN });

/** The depth of the higher flying hand (see ARM_SHARE); keeps the hands' ranges in `m`. */
export function flyingDepth(b: Body, m: FlyMemory, t: number): number | null {
  const dt = Number.isNaN(m.rangeT) ? 0 : Math.max(0, t - m.rangeT) / 1000;
  m.rangeT = t;
  const d = [wristDepth(b, 'left'), wristDepth(b, 'right')];
  const range = [0, 0];
  for (let i = 0; i < 2; i++) {
    const v = d[i] ?? null,
      hi = m.hi[i] as number,
      lo = m.lo[i] as number;
    if (Number.isNaN(hi)) {
      if (v !== null) {
        m.hi[i] = v;
        m.lo[i] = v;
      }
      continue;
    }
    // Forgetting goes on while the hand is unseen: a hand lost for seconds has no range to speak of.
    let h = hi - RANGE_FORGET * dt,
      l = lo + RANGE_FORGET * dt;
    if (h < l) h = l = (h + l) / 2;
    // The range a hand has shown before this frame: a hand that appears far from where it was (BlazePose places
    // e16's resting hand at −0.84 for a few frames in the fade to white) has not flown yet.
    range[i] = h - l;
    if (v !== null) {
      h = Math.max(h, v);
      l = Math.min(l, v);
    }
    m.hi[i] = h;
    m.lo[i] = l;
  }
  const wide = Math.max(range[0] as number, range[1] as number);
  let best: number | null = null;
  for (let i = 0; i < 2; i++) {
    const v = d[i] ?? null;
    if (v === null || (wide >= FLY_RANGE_MIN && (range[i] as number) < ARM_SHARE * wide)) continue;
    if (best === null || v < best) best = v;
  }
  return best;
}

export const reverseFly = defineExercise({
  id: 'reverse-fly',
  name: 'Reverse fly',
  group: 'strength',
  instructions: [
    'Hinge forward from the hips with a flat back, or lie chest-down on an incline bench or ball.',
    'Let light weights hang below your shoulders, elbows soft.',
    'Open your arms out to the sides up to shoulder height.',
    'Lower slowly; keep your trunk still.',
  ],
  view: 'any',
  required: ['shoulder', 'wrist', 'hip'],
  posture: { check: hingedForward },
  counter: reps({ reps: { direction: 'down', enter: TOP_DEPTH, exit: REST_DEPTH, partialMin: PARTIAL_DEPTH, minTopMs: 60 } }),
  memory: flyMemory,
  remember: (b, ctx) => rememberSwing(b, ctx.mem, ctx.phase, ctx.t),
  measure: (b, ctx) => flyingDepth(b, ctx.mem, ctx.t ?? 0),
  // Hand depth below the shoulder, from the top (TOP_DEPTH) to hanging (REST_DEPTH).
  metric: { label: 'hand depth below shoulder', unit: 'torso lengths', span: [0.2, 1] },
  checks: [
    (b, ctx) => {
      // Seen from the front the hinged trunk points at the camera and its tilt cannot be read (e16: 6–11° from
      // vertical, hinged ≈45°): not judged, and said (the guide's view line).
      if (hingedSeenFromFront(b)) return unsure('torso-swing', 'view');
      const s = ctx.mem.swing;
      return s > SWING_DEG ? finding('torso-swing', 'major', both('shoulder', 'hip')) : null;
    },
  ],
  repChecks: [
    (r) => (r.kind === 'partial' ? finding('partial-rep', 'minor', both('wrist', 'elbow')) : null),
    (r) => (r.kind === 'rep-end' && r.cycleMs < MIN_CYCLE_MS ? finding('too-fast', 'minor', both('wrist')) : null),
  ],
  defaults: { reps: 10, sets: 2, restSec: 60 },
  card: { gear: [['dumbbells']], optional: { gear: ['bench', 'ball'], use: 'to lean on' }, camera: 'either' },
  demo: { clip: '23_reverse_fly_bent_over_klarfit', from: 2.6, to: 5.4, why: 'bent over, arms open out and back down' },
  faultIds: ['partial-rep', 'too-fast', 'torso-swing'],
  words: {
    posture: 'Hinge forward from your hips',
    faults: {
      'torso-swing': 'Keep your body still, move only the arms',
      'partial-rep': 'Lift to shoulder height',
      'too-fast': 'Slower, with control',
    },
    guide: {
      'reverse-fly.start': 'Open your arms out to shoulder height',
      'reverse-fly.further': 'Lift to shoulder height',
      'reverse-fly.view': 'From the front I cannot see your back stay still. Turn side-on to the camera',
    },
  },
});
