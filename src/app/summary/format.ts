// Pure helpers that turn a saved record into the words and numbers the summary shows. No React, so
// they are tested on their own; the components only lay them out.
import type { ExerciseDef } from '../../core/exercises';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import type { SessionRecord } from '../../storage/schema';

/** 75 → "1:15"; 9.4 → "0:09". */
export function clock(sec: number): string {
  const s = Math.max(0, Math.round(Number.isFinite(sec) ? sec : 0));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function exerciseName(id: string): string {
  return isExerciseId(id) ? EXERCISES[id].name : id;
}

export function defOf(id: string): ExerciseDef | null {
  return isExerciseId(id) ? EXERCISES[id] : null;
}

/** The label and unit to store for an exercise's metric, from its metricLabel, e.g. "chest lift (°)". */
export function metricMeta(def: ExerciseDef): { label: string; unit: string } {
  const m = /^(.*?) \((.*)\)$/.exec(def.metricLabel);
  const inner = m?.[2] ?? '';
  const unit = inner.startsWith('°') ? '°' : inner.startsWith('torso lengths') ? 'torso lengths' : '';
  // The label without its parenthesis, as the live flow stores it, so live and analysed records match.
  return { label: m?.[1] ?? def.metricLabel, unit };
}

export interface CountLine {
  label: string;
  value: string;
  /** Reached the target (for a tick mark next to it). */
  done: boolean | null;
}

/** Reps and hold time, per side where the exercise has sides, each against its target. */
export function countLines(r: SessionRecord): CountLine[] {
  const kind = defOf(r.exerciseId)?.counter.kind ?? (r.reps.total > 0 ? 'reps' : 'hold');
  const tReps = r.target?.reps;
  const tHold = r.target?.holdSec;
  const reps = (label: string, n: number): CountLine => ({
    label, value: tReps ? `${n} / ${tReps}` : String(n), done: tReps ? n >= tReps : null,
  });
  const hold = (label: string, s: number): CountLine => ({
    label, value: tHold ? `${clock(s)} / ${clock(tHold)}` : clock(s), done: tHold ? s >= tHold : null,
  });
  switch (kind) {
    case 'reps': return [reps('Reps', r.reps.total)];
    case 'reps-per-side':
    case 'alternating':
      return [reps('Reps', r.reps.total), reps('Left side', r.reps.left), reps('Right side', r.reps.right)];
    case 'hold': return [hold('Held', r.holdSec.total)];
    case 'hold-per-side': return [hold('Held, left side', r.holdSec.left), hold('Held, right side', r.holdSec.right)];
    case 'reps+hold': return [reps('Reps', r.reps.total), hold('Held at the top', r.holdSec.total)];
  }
}

/**
 * Exercises where the range reached is the point of the exercise (stretches): trunk rotation, side
 * bend, the hamstring stretch's forward hinge and the press-up's back arch. For the others the key
 * angle still goes on the chart, but is not reported as a range of motion.
 */
export const RANGE_OF_MOTION_EXERCISES: readonly string[] = ['rotation-stretch', 'side-bend', 'hamstring-stretch', 'prone-press-up'];

export function rangeOfMotion(r: SessionRecord): { title: string; text: string } | null {
  const { min, max, unit } = r.metric;
  if (min === null || max === null) return null;
  const u = (v: number) => (unit === '°' ? `${Math.round(v)}°` : `${Math.round(v * 100) / 100}${unit ? ` ${unit}` : ''}`);
  switch (r.exerciseId) {
    case 'side-bend':
      // Signed: + is a bend to the person's left, − to their right.
      return { title: 'Side bend reached', text: `${u(Math.max(0, max))} to your left, ${u(Math.max(0, -min))} to your right` };
    case 'rotation-stretch':
      return { title: 'Trunk rotation reached', text: `shoulder turn up to ${u(max)} (0 = square to the camera, 1 = fully side-on)` };
    case 'hamstring-stretch':
      return { title: 'Forward hinge reached', text: `up to ${u(max)}` };
    case 'prone-press-up':
      return { title: 'Back arch (chest lift) reached', text: `up to ${u(max)}` };
    default:
      // Not a range-of-motion exercise: its key angle is on the chart, and its extremes are often the
      // model losing a limb (bench-press arms at the bottom, NOTES.md), not a range the person reached.
      return null;
  }
}

/** The best value of the range of motion on one record (for progress over days), or null. */
export function romValue(r: SessionRecord): number | null {
  const { min, max } = r.metric;
  if (min === null || max === null) return null;
  if (r.exerciseId === 'side-bend') return Math.max(Math.abs(min), Math.abs(max));
  return max;
}

export function percent(share: number): string {
  return `${Math.round(Math.max(0, Math.min(1, share)) * 100)} %`;
}
