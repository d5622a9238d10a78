// Pure helpers that turn a saved record into the words and numbers the summary shows. No React, so
// they are tested on their own; the components only lay them out.
import type { ExerciseDef } from '../../core/exercises';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import type { SessionRecord } from '../../storage/schema';
import { GOOD_FORM_LABEL, countMode, goodForm, repsWithFault, targetText } from '../../session/figures';
import { clock } from '../format/time';
import { romOf, romText } from '../../session/rom';
import { counterMode } from '../live/target';

export { clock };

export function exerciseName(id: string): string {
  return isExerciseId(id) ? EXERCISES[id].name : id;
}

export function defOf(id: string): ExerciseDef | null {
  return isExerciseId(id) ? EXERCISES[id] : null;
}

/** The label and unit to store for an exercise's metric (its record's metric facts), e.g. "chest lift", "°". */
export function metricMeta(def: ExerciseDef): { label: string; unit: string } {
  return { label: def.metric.label, unit: def.metric.unit };
}

export interface CountLine {
  label: string;
  value: string;
  /** Reached the target (for a tick mark next to it). */
  done: boolean | null;
}

/**
 * Reps and hold time, per side where the exercise has sides, each against its target. A target per side reads as
 * one per side ("Left side 6 / 10") and, for the reps in all, as the two targets ("13 (target 10 + 10)"): never a
 * total against one side's target.
 */
export function countLines(r: SessionRecord): CountLine[] {
  // What the exercise's counter counts (its shape); a record of an unknown exercise: whatever it holds.
  const shape = defOf(r.exerciseId)?.counter.shape ?? { mode: r.reps.total > 0 ? 'reps' : 'hold', sides: false, holdsToo: false };
  const tReps = r.target?.reps;
  const tHold = r.target?.holdSec;
  const reps = (label: string, n: number): CountLine => ({
    label,
    value: tReps ? `${n} / ${tReps}` : String(n),
    done: tReps ? n >= tReps : null,
  });
  const hold = (label: string, s: number): CountLine => ({
    label,
    value: tHold ? `${clock(s)} / ${clock(tHold)}` : clock(s),
    done: tHold ? s >= tHold : null,
  });
  if (shape.mode === 'hold')
    return shape.sides
      ? [hold('Held, left side', r.holdSec.left), hold('Held, right side', r.holdSec.right)]
      : [hold('Held', r.holdSec.total)];
  if (!shape.sides)
    return shape.holdsToo ? [reps('Reps', r.reps.total), hold('Held at the top', r.holdSec.total)] : [reps('Reps', r.reps.total)];
  const all: CountLine = {
    label: 'Reps in all',
    value: tReps ? `${r.reps.total} (target ${targetText(r.exerciseId, r.target)})` : String(r.reps.total),
    done: tReps ? r.reps.left >= tReps && r.reps.right >= tReps : null,
  };
  return [reps('Left side', r.reps.left), reps('Right side', r.reps.right), all];
}

/**
 * Exercises where the range reached is the point of the exercise (stretches: their record's metric has a
 * rangeOfMotion). For the others the key angle still goes on the chart, but is not reported as a range of motion:
 * its extremes are often the model losing a limb (bench-press arms at the bottom, NOTES.md), not a range reached.
 */
export function hasRangeOfMotion(id: string): boolean {
  return defOf(id)?.metric.rangeOfMotion !== undefined;
}

/** The range the set reached, in degrees (src/session/rom.ts, as the report and History have it). */
export function rangeOfMotion(r: SessionRecord): { title: string; text: string } | null {
  const rom = defOf(r.exerciseId)?.metric.rangeOfMotion;
  const x = romOf(r);
  if (!rom || !x) return null;
  return { title: rom.title, text: romText(x) };
}

/**
 * The good-form figure (src/session/figures.ts, the one place it is computed): for a hold, the share of the time
 * held with no fault; for reps, the share of reps judged well. Null when nothing was counted (nothing to judge).
 */
export function formLine(r: SessionRecord): { label: string; value: string } | null {
  const g = goodForm(r);
  return g ? { label: GOOD_FORM_LABEL, value: g.text } : null;
}

/**
 * Reps that did not count clean, apart from the reps: counted under a fault, and started but not completed (partial
 * attempts). Null for holds and where the record does not say.
 */
export function attemptLines(r: SessionRecord): { withFault: number | null; partial: number | null } | null {
  const mode = countMode(r.exerciseId)?.mode ?? (r.reps.total > 0 ? 'reps' : 'hold');
  if (mode !== 'reps') return null;
  const withFault = repsWithFault(r);
  const partial = r.partialAttempts ?? null;
  return withFault === null && partial === null ? null : { withFault, partial };
}

/**
 * For a hold: the time held while a form problem stood (on, or seen within the last 3 s), when it is more than
 * a moment, with the problem named ("0:10 of the 0:12 held, while told: Lower your hips into line"). That time
 * counts as held but not as good form: a piked plank is not good plank time. Null otherwise.
 */
export function faultHeldLine(r: SessionRecord): string | null {
  const def = defOf(r.exerciseId);
  if (!def || counterMode(def).mode !== 'hold' || r.faultHeldSec === undefined || r.faultHeldSec < 1) return null;
  const top = [...r.faults].sort((a, b) => b.count - a.count)[0];
  return `${clock(r.faultHeldSec)} of the ${clock(r.holdSec.total)} held${top ? `, while told: ${top.message}` : ''}`;
}

/**
 * For a hold: the part of the set that was not held, when it is more than a moment ("0:30 of the 0:48 set"),
 * so a short hold next to a long set is explained rather than left to look like a mistake. Null otherwise.
 */
export function notHeldLine(r: SessionRecord): string | null {
  const def = defOf(r.exerciseId);
  if (!def || counterMode(def).mode !== 'hold' || r.setSec === undefined) return null;
  const gap = r.setSec - r.holdSec.total;
  if (gap < 2) return null;
  return `${clock(gap)} of the ${clock(r.setSec)} set`;
}

/** Samples further apart than this (s) have nobody (or nothing measurable) between them: the line breaks. */
export const CHART_GAP_SEC = 1.5;

/** The metric's series for the chart, with a break (null) wherever the samples stop for a while. */
export function chartSeries(series: readonly (readonly [number, number])[]): { x: number[]; y: (number | null)[] } {
  const x: number[] = [];
  const y: (number | null)[] = [];
  for (let i = 0; i < series.length; i++) {
    const [t, v] = series[i]!;
    const prev = series[i - 1];
    if (prev && t - prev[0] > CHART_GAP_SEC) {
      x.push((t + prev[0]) / 2);
      y.push(null);
    }
    x.push(t);
    y.push(v);
  }
  return { x, y };
}

/** The chart's y range for a record: the span its exercise's rules judge in (its record's metric facts), widened to the data. */
export function chartRange(r: SessionRecord): [number, number] | undefined {
  const span = defOf(r.exerciseId)?.metric.span;
  if (!span) return undefined;
  const lo = Math.min(span[0], r.metric.min ?? span[0]);
  const hi = Math.max(span[1], r.metric.max ?? span[1]);
  return [lo, hi];
}

export function percent(share: number): string {
  return `${Math.round(Math.max(0, Math.min(1, share)) * 100)} %`;
}
