// Pure helpers for the live screen: when a set's target is met, how the counter reads, and the set-up
// guidance for the engine's set-up issues. No React, no DOM: tested in Node.
import type { EngineView, SetupIssue } from '../../core/engine';
import type { ExerciseDef } from '../../core/exercises';
import { SETUP_TEXT } from '../../core/cues';
import { counterMode } from '../coachEngine';

export interface SetTarget { reps?: number; holdSec?: number }

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

/** "0:22" (minutes) or "22 s" (seconds), as the settings ask. */
export function formatTime(sec: number, units: 'seconds' | 'minutes'): string {
  const s = Math.max(0, Math.floor(Number.isFinite(sec) ? sec : 0));
  if (units === 'seconds') return `${s} s`;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One counter line: "8 / 10" for reps, "0:22 / 0:30" for holds. */
export function counterText(mode: 'reps' | 'hold', value: number, target: SetTarget, units: 'seconds' | 'minutes'): string {
  if (mode === 'hold') return `${formatTime(value, units)} / ${formatTime(target.holdSec ?? 0, units)}`;
  return `${Math.floor(value)} / ${target.reps ?? 0}`;
}

/** Words for one set-up issue, the same as the engine's set-up cue. */
export function setupGuidance(def: ExerciseDef, issue: SetupIssue | undefined): string | null {
  if (!issue) return null;
  if (issue === 'wrong-posture') return def.posture.cue;
  if (issue === 'wrong-view') return SETUP_TEXT[def.view === 'side' ? 'wrong-view-side' : 'wrong-view-front'] ?? null;
  return SETUP_TEXT[issue] ?? null;
}

/**
 * The set-up guidance to show and speak for an engine view: the words for its first set-up issue, or
 * null while counting or while a clear set-up is being confirmed (the engine's first 0.4 s after "Go"
 * is such a window: showing "get into position" there flashed a wrong instruction on every set).
 */
export function guidanceFor(def: ExerciseDef, v: Pick<EngineView, 'phase' | 'setupIssues'>): string | null {
  if (v.phase === 'active') return null;
  return setupGuidance(def, v.setupIssues[0]);
}

/** What the camera must see, in words, for the set-up card. */
export function viewNeeded(def: ExerciseDef): string {
  if (def.view === 'side') return 'Side-on to the camera, whole body in view';
  if (def.view === 'front') return 'Facing the camera, whole body in view';
  return 'Whole body in view';
}
