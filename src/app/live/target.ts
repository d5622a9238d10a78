// Pure helpers for a set's target: which number an exercise counts, when the target is met, how the
// counter reads. No React, no DOM: tested in Node.
import type { EngineView } from '../../core/engine';
import type { ExerciseDef } from '../../core/exercises';
import { formatTime } from '../format/time';

export interface SetTarget {
  reps?: number;
  holdSec?: number;
}
/** Per-side counts. */
export interface Sided {
  readonly left: number;
  readonly right: number;
}

/** Which number an exercise counts, and whether it counts left and right apart. */
export function counterMode(def: ExerciseDef): { mode: 'reps' | 'hold'; sides: boolean } {
  const { mode, sides } = def.counter.shape;
  return { mode, sides };
}

/** The target of a set: the routine's numbers, else the exercise's editable defaults. */
export function targetFor(def: ExerciseDef, given?: SetTarget): SetTarget {
  const { mode } = counterMode(def);
  if (mode === 'hold') return { holdSec: given?.holdSec ?? def.defaults.holdSec ?? 20 };
  return { reps: given?.reps ?? def.defaults.reps ?? 10 };
}

/** True once every counted side has reached the target (both sides where the exercise has sides). */
export function targetReached(def: ExerciseDef, v: Pick<EngineView, 'reps' | 'holdSec'>, target: SetTarget): boolean {
  const { mode, sides } = counterMode(def);
  const goal = mode === 'hold' ? target.holdSec : target.reps;
  if (goal === undefined || goal <= 0) return false;
  const c = mode === 'hold' ? v.holdSec : v.reps;
  return sides ? c.left >= goal && c.right >= goal : c.total >= goal;
}

/** One counter line: "8 / 10" for reps, "0:22 / 0:30" for holds. */
export function counterText(mode: 'reps' | 'hold', value: number, target: SetTarget, units: 'seconds' | 'minutes'): string {
  if (mode === 'hold') return `${formatTime(value, units)} / ${formatTime(target.holdSec ?? 0, units)}`;
  return `${Math.floor(value)} / ${target.reps ?? 0}`;
}

/** What is left of a hold: "0:08 to go", or null when there is no hold target or it is met. */
export function holdLeftText(held: number, target: SetTarget, units: 'seconds' | 'minutes'): string | null {
  if (target.holdSec === undefined) return null;
  const left = Math.ceil(target.holdSec - Math.floor(held));
  return left > 0 ? `${formatTime(left, units)} to go` : null;
}

/**
 * The engine's view with each side stopped at the target (per-side exercises): a side whose target is reached
 * stops adding to the count, the set's total and its held time ("Left 61 / 10" is never shown; time held on a
 * side already done is not credited). Other exercises' views are returned as they are.
 */
export function capSides<V extends Pick<EngineView, 'reps' | 'holdSec'>>(
  def: ExerciseDef,
  v: V,
  target: SetTarget,
  base: { readonly reps: Sided; readonly holdSec: Sided } | null = null,
): V {
  const { mode, sides } = counterMode(def);
  const goal = mode === 'hold' ? target.holdSec : target.reps;
  if (!sides || goal === undefined || goal <= 0) return v;
  const c = mode === 'hold' ? v.holdSec : v.reps;
  // `base`: counted before (a set carried on after a reload): each side has only what is left of its goal.
  const done = base ? (mode === 'hold' ? base.holdSec : base.reps) : { left: 0, right: 0 };
  const gl = Math.max(0, goal - done.left),
    gr = Math.max(0, goal - done.right);
  const over = Math.max(0, c.left - gl) + Math.max(0, c.right - gr);
  if (over <= 0) return v;
  const capped = { total: Math.max(0, c.total - over), left: Math.min(c.left, gl), right: Math.min(c.right, gr) };
  return mode === 'hold' ? { ...v, holdSec: capped } : { ...v, reps: capped };
}

/** Sides are done one after the other (a stretch or a one-arm row), or taken in turns (the bicycle). */
export function sideOrder(def: ExerciseDef): 'sequential' | 'alternating' | null {
  const k = def.counter.kind;
  if (k === 'alternating') return 'alternating';
  return k === 'hold-per-side' || k === 'reps-per-side' ? 'sequential' : null;
}
