// Range of motion, in degrees, for the exercises where the range reached is the point (the stretches and the
// press-up's back arch), read from a set's record: the furthest its key angle went. Pure. These are the camera's
// estimate of body points, good for a person's own change over weeks, not a clinical measurement.
import { EXERCISES, isExerciseId } from '../core/exercises';
import type { SessionRecord } from '../storage/schema';

export interface RomReading {
  /** What was measured, for people. */
  label: string;
  /** Degrees. Side bend: each side apart; the others: one value. */
  value: number | null;
  left: number | null;
  right: number | null;
  /** Not an angle the camera sees directly, but worked out from another measure (the shoulders' apparent width). */
  derived?: string;
}

/** Whether an exercise's range of motion is reported: its record's metric says so (the stretches and the press-up). */
export function hasRom(exerciseId: string): boolean {
  return isExerciseId(exerciseId) && EXERCISES[exerciseId].metric.rangeOfMotion !== undefined;
}

/**
 * The rotation stretch's metric is the shoulders' turn as 1 − (their apparent width / their widest width seen):
 * 0 square to the camera, 1 fully side-on. Their apparent width is the true width times cos(angle), so the angle
 * is acos(1 − turn).
 */
export function turnDegrees(turn: number): number {
  const c = 1 - Math.max(0, Math.min(1, turn));
  return (Math.acos(c) * 180) / Math.PI;
}

/**
 * Degrees from an exercise's metric value: the metric itself where it is an angle; the shoulders' turn of the
 * rotation stretch (its only metric on a 0–1 scale) through turnDegrees. Null for a metric that is neither.
 */
function degrees(exerciseId: string, unit: string): ((v: number) => number) | null {
  if (unit === '°') return (v) => v;
  if (exerciseId === 'rotation-stretch') return turnDegrees;
  return null;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** The range a set reached, in degrees; null where the exercise reports none or nothing was measured. */
export function romOf(r: Pick<SessionRecord, 'exerciseId' | 'metric'>): RomReading | null {
  const { min, max } = r.metric;
  if (min === null || max === null || !isExerciseId(r.exerciseId)) return null;
  const facts = EXERCISES[r.exerciseId].metric;
  const rom = facts.rangeOfMotion;
  const deg = degrees(r.exerciseId, facts.unit);
  if (!rom || !deg) return null;
  const label = rom.title.replace(/ reached$/, '');
  // Signed: + is to the person's left, − to their right.
  if (rom.reached === 'each-way') return { label, value: null, left: r1(deg(Math.max(0, max))), right: r1(deg(Math.max(0, -min))) };
  return {
    label,
    value: r1(deg(max)),
    left: null,
    right: null,
    ...(facts.unit === '°' ? {} : { derived: 'estimated from how far the shoulders turned' }),
  };
}

/** A reading as the summary writes it: "up to 32°", "23° to your left, 18° to your right". */
export function romText(x: RomReading): string {
  const d = (v: number | null) => `${Math.round(v ?? 0)}°`;
  const text = x.value !== null ? `up to ${d(x.value)}` : `${d(x.left)} to your left, ${d(x.right)} to your right`;
  return x.derived ? `${text} (${x.derived})` : text;
}

/** The furthest of several sets (a session's best), per side where there are sides. */
export function bestRom(list: readonly (RomReading | null)[]): RomReading | null {
  const got = list.filter((x): x is RomReading => x !== null);
  const first = got[0];
  if (!first) return null;
  const best = (k: 'value' | 'left' | 'right') => {
    const v = got.map((x) => x[k]).filter((n): n is number => n !== null);
    return v.length ? Math.max(...v) : null;
  };
  return {
    label: first.label,
    value: best('value'),
    left: best('left'),
    right: best('right'),
    ...(first.derived ? { derived: first.derived } : {}),
  };
}
