// Bench press: lying on a bench or ball, both arms press up evenly to full extension, lowered with control.
import { jointIndex, type Body } from '../geometry';
import { defineExercise } from './types';
import { reps } from '../counting/reps';
import { MIN_CYCLE_MS, both, dropT, elbowAngle, finding, shoulderWidth, trunkToHorizontal } from './common';

/**
 * The press is counted on the hands' height: the wrist's height above its shoulder in the picture, in torso
 * lengths, the higher arm. Lying on the back the press goes straight up, and up in the world is up in the picture
 * from the side, the feet end or the head end alike, where the elbow's angle is foreshortened and the elbows are
 * the points the models lose first (NOTES.md: the arms collapse at the bottom in every model). Measured per rep:
 * - lockouts: 26 (klarfit, dumbbells from the feet end) 0.89–1.10 on all four models; e15 (johnrey, dumbbells
 *   from the head end) 0.84–1.14; e14 (chauhan, barbell from the feet end, the plate hiding his head and arms)
 *   0.80–1.05 where seen (BlazePose lite once 0.11);
 * - bottoms: at most 0.31 at their lowest on every clip and model but one (e15 BlazePose full, 0.50 at the first
 *   bottom), passing frames up to 0.59.
 * The elbow's angle missed e14 (3 of 7, its elbows rejected at every lockout) and e15 (3 of 5, Thunder), and 26
 * on three of four models. Top at LOCK_ENTER, 0.19 under the lowest lockout of the other sources (0.84), 0.15 over
 * the highest passing bottom frame but one; down again at LOCK_EXIT; a press that rose past PARTIAL_MIN and came
 * back without reaching the top is partial.
 */
export const LOCK_ENTER = 0.65;
export const LOCK_EXIT = 0.45;
export const PARTIAL_MIN = 0.55;
/**
 * A partial press is one held past PARTIAL_MIN: the hands there for at least PARTIAL_HELD_MS (two frames apart at
 * 15 fps). A wrist flickering up for one frame among unknown frames while the bar rests on the chest or the rack
 * (e14 on BlazePose full at 6.5 and 10.5 s, 0.6 for a frame) is not an attempt; a press stopped halfway takes
 * half a second or more.
 */
export const PARTIAL_HELD_MS = 100;

/** What the press remembers: when the hands were first and last past PARTIAL_MIN in this excursion, and the last excursion's span (ms). */
interface PressMemory {
  highSince: number;
  highLast: number;
  lastSpan: number;
}

/** Elbows differing by more than this at the top (°) = uneven arms. */
export const UNEVEN_DEG = 30;
// The article: lower under control. Judged on the whole excursion from leaving the lockout band to being back
// down, with the threshold and its source shared with the rows and flys (common.ts MIN_CYCLE_MS).

/** The hands' height above the shoulders (see LOCK_ENTER), torso lengths: the higher arm; null when neither is seen. */
export function handsUp(b: Body): number | null {
  let best: number | null = null;
  for (const s of ['left', 'right'] as const) {
    const d = dropT(b, jointIndex(s, 'wrist'), jointIndex(s, 'shoulder'));
    if (d !== null && (best === null || d > best)) best = d;
  }
  return best;
}

export const benchPress = defineExercise({
  id: 'bench-press',
  name: 'Bench press',
  group: 'strength',
  instructions: [
    'Lie on a bench or with your upper back on an exercise ball, feet on the floor.',
    'Hold the weights at chest height, elbows out.',
    'Tighten your stomach and press both arms straight up together.',
    'Lower slowly. Light weight, good control.',
  ],
  view: 'any',
  // Only the shoulders are required: at the bottom the arms fold onto the chest and the models lose
  // them (NOTES.md, 26); requiring them would pause the set at every bottom and miss the first press.
  required: ['both:shoulder', 'hip'],
  posture: {
    // Seen from the side the trunk is near horizontal; seen from the feet it is foreshortened to
    // less than the shoulder width. Either is lying.
    check: (b) => {
      const t = trunkToHorizontal(b);
      if (t !== null && t <= 45) return true;
      return (shoulderWidth(b) ?? 0) > 0.9;
    },
  },
  counter: reps({
    // The lockout has to be seen and held (100 ms) to count. Arms unknown hold the count where it was: the bottom
    // is seen often enough on every clip (the hands at the chest read under LOCK_EXIT), so unknown arms are no
    // longer taken for a bottom.
    reps: { direction: 'up', enter: LOCK_ENTER, exit: LOCK_EXIT, partialMin: PARTIAL_MIN, minTopMs: 100 },
  }),
  memory: (): PressMemory => ({ highSince: NaN, highLast: NaN, lastSpan: 0 }),
  remember: (_b, ctx) => {
    const m = ctx.mem,
      v = ctx.metric;
    if (v === null) return;
    if (v >= PARTIAL_MIN) {
      if (Number.isNaN(m.highSince)) m.highSince = ctx.t;
      m.highLast = ctx.t;
      return;
    }
    if (v <= LOCK_EXIT && !Number.isNaN(m.highSince)) {
      m.lastSpan = m.highLast - m.highSince;
      m.highSince = NaN;
    }
  },
  measure: handsUp,
  // Hands from the chest (≈0–0.3) to locked out overhead (≈0.9–1.1), LOCK_ENTER and LOCK_EXIT inside.
  metric: { label: 'hands above shoulders', unit: 'torso lengths', span: [0, 1.2] },
  checks: [
    (b, ctx) => {
      if (ctx.phase !== 'top') return null;
      const l = elbowAngle(b, 'left'),
        r = elbowAngle(b, 'right');
      if (l === null || r === null || Math.abs(l - r) <= UNEVEN_DEG) return null;
      return finding('uneven-arms', 'major', both('elbow', 'wrist'));
    },
  ],
  repChecks: [
    (r, ctx) =>
      r.kind === 'partial' && ctx.mem.lastSpan >= PARTIAL_HELD_MS ? finding('partial-rep', 'minor', both('elbow', 'wrist')) : null,
    (r) => (r.kind === 'rep-end' && r.cycleMs < MIN_CYCLE_MS ? finding('too-fast', 'minor', both('elbow', 'wrist')) : null),
  ],
  defaults: { reps: 10, sets: 2, restSec: 60 },
  card: { gear: [['dumbbells'], ['bench', 'ball']], camera: 'either' },
  demo: { clip: '26_db_bench_press_klarfit', from: 3.0, to: 7.0, why: 'lower to the bottom and press to lockout' },
  faultIds: ['uneven-arms', 'partial-rep', 'too-fast'],
  words: {
    posture: 'Lie back on the bench',
    faults: {
      'uneven-arms': 'Press both arms evenly',
      'partial-rep': 'Press all the way up',
      'too-fast': 'Lower the weights slowly',
    },
    guide: {
      'bench-press.start': 'Press both arms straight up',
      'bench-press.further': 'Press all the way up',
    },
  },
});
