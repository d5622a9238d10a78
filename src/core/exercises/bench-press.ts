// Bench press: lying on a bench or ball, both arms press up evenly to full extension, lowered with control.
import type { Body } from '../geometry';
import type { ExerciseDef } from './types';
import { angleOn, both, finding, trunkToHorizontal } from './common';
import { MIN_CYCLE_MS } from './reverse-fly';

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
/**
 * The article: lower under control. Judged on the whole excursion from leaving the lockout band to
 * being back down, with the threshold and its source shared with the rows and flys (reverse-fly.ts).
 */
export { MIN_CYCLE_MS };

function elbow(b: Body): number | null {
  const l = angleOn(b, 'left', 'shoulder', 'elbow', 'wrist'), r = angleOn(b, 'right', 'shoulder', 'elbow', 'wrist');
  // The straighter arm leads: a bottom-collapsed far arm must not hide a lockout.
  return l === null ? r : r === null ? l : Math.max(l, r);
}

export const benchPress: ExerciseDef = {
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
    id: 'lying-back',
    cue: 'Lie back on the bench',
    // Seen from the side the trunk is near horizontal; seen from the feet it is foreshortened to
    // less than the shoulder width. Either is lying.
    check: (b) => {
      const t = trunkToHorizontal(b);
      if (t !== null && t <= 45) return true;
      const sw = b.ok[5] === 1 && b.ok[6] === 1 ? Math.hypot((b.x[5] as number) - (b.x[6] as number), (b.y[5] as number) - (b.y[6] as number)) : 0;
      return b.torso > 0 && sw > 0.9 * b.torso;
    },
  },
  counter: {
    kind: 'reps',
    // Arms unknown for UNKNOWN_IS_DOWN_MS = folded down at the chest (see `required`); the lockout
    // still has to be seen and held to count.
    reps: { direction: 'up', enter: LOCK_ENTER, exit: LOCK_EXIT, partialMin: PARTIAL_MIN, minTopMs: 100, unknownIsRestMs: UNKNOWN_IS_DOWN_MS },
  },
  metric: elbow,
  metricLabel: 'elbow angle (°)',
  checks: [
    (b, ctx) => {
      if (ctx.phase !== 'top') return null;
      const l = angleOn(b, 'left', 'shoulder', 'elbow', 'wrist'), r = angleOn(b, 'right', 'shoulder', 'elbow', 'wrist');
      if (l === null || r === null || Math.abs(l - r) <= UNEVEN_DEG) return null;
      return finding('uneven-arms', 'major', both('elbow', 'wrist'), 'Press both arms evenly');
    },
  ],
  repChecks: [
    (r) => (r.kind === 'partial' ? finding('partial-rep', 'minor', both('elbow'), 'Press all the way up') : null),
    (r) => r.kind === 'rep-end' && r.cycleMs < MIN_CYCLE_MS
      ? finding('too-fast', 'minor', both('elbow', 'wrist'), 'Lower the weights slowly')
      : null,
  ],
  defaults: { reps: 10, sets: 2 },
  faultIds: ['uneven-arms', 'partial-rep', 'too-fast'],
};
