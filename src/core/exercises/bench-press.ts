// Bench press: lying on a bench or ball, both arms press up evenly to full extension, lowered with control.
import type { Body } from '../geometry';
import { defineExercise } from './types';
import { reps } from '../counting/reps';
import { MIN_CYCLE_MS, betterOfSides, both, elbowAngle, finding, shoulderWidth, trunkToHorizontal } from './common';

/**
 * Elbow angle at lockout. NOTES.md: the arms collapse at the bottom of the rep in every model (26,
 * klarfit), so the count keys on the lockout: ≥ 150° is "up", back under 115° is "down" again.
 */
export const LOCK_ENTER = 150;
export const LOCK_EXIT = 115;
/** A press that straightened past this but never locked out is a partial rep. */
export const PARTIAL_MIN = 130;
/** Both arms unknown this long (ms) while the shoulders are seen = arms down (≈5 frames at 15 fps). */
export const UNKNOWN_IS_DOWN_MS = 300;
/** Elbows differing by more than this at the top (°) = uneven arms. */
export const UNEVEN_DEG = 30;
// The article: lower under control. Judged on the whole excursion from leaving the lockout band to being back
// down, with the threshold and its source shared with the rows and flys (common.ts MIN_CYCLE_MS).

function elbow(b: Body): number | null {
  // The straighter arm leads: a bottom-collapsed far arm must not hide a lockout.
  return betterOfSides(elbowAngle(b, 'left'), elbowAngle(b, 'right'), 'max');
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
    // Arms unknown for UNKNOWN_IS_DOWN_MS = folded down at the chest (see `required`); the lockout
    // still has to be seen and held to count.
    reps: { direction: 'up', enter: LOCK_ENTER, exit: LOCK_EXIT, partialMin: PARTIAL_MIN, minTopMs: 100, unknownIsRestMs: UNKNOWN_IS_DOWN_MS },
  }),
  measure: elbow,
  // Elbow from the bottom of a press to straight (LOCK_ENTER, LOCK_EXIT inside).
  metric: { label: 'elbow angle', unit: '°', span: [90, 180] },
  checks: [
    (b, ctx) => {
      if (ctx.phase !== 'top') return null;
      const l = elbowAngle(b, 'left'), r = elbowAngle(b, 'right');
      if (l === null || r === null || Math.abs(l - r) <= UNEVEN_DEG) return null;
      return finding('uneven-arms', 'major', both('elbow', 'wrist'));
    },
  ],
  repChecks: [
    (r) => (r.kind === 'partial' ? finding('partial-rep', 'minor', both('elbow')) : null),
    (r) => r.kind === 'rep-end' && r.cycleMs < MIN_CYCLE_MS
      ? finding('too-fast', 'minor', both('elbow', 'wrist'))
      : null,
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
