// Pure helpers that turn a saved record into the words and numbers the summary shows. No React, so
// they are tested on their own; the components only lay them out.
import type { ExerciseDef } from '../../core/exercises';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import type { ExerciseId } from '../../core/exercises';
import type { SessionRecord } from '../../storage/schema';
import { GOOD_FORM_LABEL, countMode, goodForm, repsWithFault, targetText } from '../../session/figures';
import { clock } from '../format/time';
import { counterMode } from '../live/target';

export { clock };

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

/**
 * Reps and hold time, per side where the exercise has sides, each against its target. A target per side reads as
 * one per side ("Left side 6 / 10") and, for the reps in all, as the two targets ("13 (target 10 + 10)"): never a
 * total against one side's target.
 */
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
    case 'alternating': {
      const all: CountLine = {
        label: 'Reps in all',
        value: tReps ? `${r.reps.total} (target ${targetText(r.exerciseId, r.target)})` : String(r.reps.total),
        done: tReps ? r.reps.left >= tReps && r.reps.right >= tReps : null,
      };
      return [reps('Left side', r.reps.left), reps('Right side', r.reps.right), all];
    }
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
    if (prev && t - prev[0] > CHART_GAP_SEC) { x.push((t + prev[0]) / 2); y.push(null); }
    x.push(t);
    y.push(v);
  }
  return { x, y };
}

/**
 * The y range that matters for each exercise's metric: the span its rules judge in (from the thresholds in
 * src/core/exercises), so a few degrees of noise look like a few degrees, not like big swings. The data
 * widens it where it goes beyond.
 */
const CHART_SPAN: Record<ExerciseId, [number, number]> = {
  // Body line: the posture gate accepts from 140° (LINE_MIN_DEG); straight is 180°.
  plank: [140, 185],
  // Chest lift: a real lift from 28° (LIFT_MIN), an arch from 40° (ARCH_MIN).
  'prone-press-up': [0, 60],
  // Sideways bend, signed: a bend counts from 10° (BEND_MIN) either way.
  'side-bend': [-30, 30],
  // Forward hinge: a stretch from 18° (STRETCH_HINGE_MIN).
  'hamstring-stretch': [0, 60],
  // Trunk curl: a rep at 22° (CURL_ENTER), back down at 14°.
  'ab-crunch': [0, 40],
  'ball-crunch': [0, 40],
  // Elbow: locked out from 150° (LOCK_ENTER), down below 115°.
  'bench-press': [90, 180],
  // Elbow of the pulling arm: pulled at 120° (PULL_ENTER), straight from 150°.
  'dumbbell-row': [90, 180],
  // Hand depth below the shoulder: top at 0.45 (TOP_DEPTH), rest at 0.7 torso lengths.
  'reverse-fly': [0.2, 1],
  // Knee to shoulders: in at 1.0 (KNEE_IN), out at 1.15 torso lengths.
  bicycle: [0.5, 2],
  // Shoulder turn: 0 square to the camera, 1 fully side-on.
  'rotation-stretch': [0, 1],
};

/** The chart's y range for a record: the exercise's span, widened to the data. */
export function chartRange(r: SessionRecord): [number, number] | undefined {
  const span = (CHART_SPAN as Record<string, [number, number]>)[r.exerciseId];
  if (!span) return undefined;
  const lo = Math.min(span[0], r.metric.min ?? span[0]);
  const hi = Math.max(span[1], r.metric.max ?? span[1]);
  return [lo, hi];
}

export function percent(share: number): string {
  return `${Math.round(Math.max(0, Math.min(1, share)) * 100)} %`;
}
