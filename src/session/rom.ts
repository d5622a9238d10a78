// Range of motion, in degrees, for the exercises where the range reached is the point (the stretches and the
// press-up's back arch), read from a set's record: the furthest its key angle went. Pure. These are the camera's
// estimate of body points, good for a person's own change over weeks, not a clinical measurement.
import type { SessionRecord } from '../storage/schema';

export interface RomReading {
  /** What was measured, for people. */
  label: string;
  /** Degrees. Side bend: each side apart; the others: one value. */
  value: number | null;
  left: number | null;
  right: number | null;
}

/** The exercises whose range of motion is reported (same list as the summary's). */
export const ROM_EXERCISES: readonly string[] = ['rotation-stretch', 'side-bend', 'hamstring-stretch', 'prone-press-up'];

/**
 * The rotation stretch's metric is the shoulders' turn as 1 − (their apparent width / their widest width seen):
 * 0 square to the camera, 1 fully side-on. Their apparent width is the true width times cos(angle), so the angle
 * is acos(1 − turn).
 */
export function turnDegrees(turn: number): number {
  const c = 1 - Math.max(0, Math.min(1, turn));
  return (Math.acos(c) * 180) / Math.PI;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** The range a set reached, in degrees; null for other exercises or when nothing was measured. */
export function romOf(r: Pick<SessionRecord, 'exerciseId' | 'metric'>): RomReading | null {
  const { min, max } = r.metric;
  if (min === null || max === null) return null;
  switch (r.exerciseId) {
    case 'side-bend':
      // Signed: + is a bend to the person's left, − to their right.
      return { label: 'Side bend', value: null, left: r1(Math.max(0, max)), right: r1(Math.max(0, -min)) };
    case 'rotation-stretch':
      return { label: 'Trunk rotation (estimated from the shoulders)', value: r1(turnDegrees(max)), left: null, right: null };
    case 'hamstring-stretch':
      return { label: 'Forward hinge', value: r1(max), left: null, right: null };
    case 'prone-press-up':
      return { label: 'Back arch (chest lift)', value: r1(max), left: null, right: null };
    default:
      return null;
  }
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
  return { label: first.label, value: best('value'), left: best('left'), right: best('right') };
}
