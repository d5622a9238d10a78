// Adapts the pure coaching engine (src/core/engine.ts) to the frame loop's Coach seam: one engine state
// per chosen exercise, stepped on every processed frame; the slow part of its view goes to the store.
import type { PoseFrame } from '../core/pose';
import { createEngineState, step } from '../core/engine';
import type { EngineOptions, EngineState, EngineView } from '../core/engine';
import { EXERCISES, isExerciseId } from '../core/exercises';
import type { ExerciseDef } from '../core/exercises';
import type { Coach, CoachStep } from './session';
import type { CoachView } from './store';

export function counterMode(def: ExerciseDef): { mode: 'reps' | 'hold'; sides: boolean } {
  const k = def.counter.kind;
  return {
    mode: k === 'hold' || k === 'hold-per-side' ? 'hold' : 'reps',
    sides: k === 'hold-per-side' || k === 'reps-per-side' || k === 'alternating',
  };
}

/** The slow part of the engine's view: whole reps and whole seconds, so React hears only of shown changes. */
export function coachViewOf(def: ExerciseDef, v: EngineView): CoachView {
  const { mode, sides } = counterMode(def);
  const per = mode === 'hold' ? v.holdSec : v.reps;
  return {
    mode,
    sides,
    reps: v.reps.total,
    holdSec: Math.floor(v.holdSec.total),
    left: sides ? Math.floor(per.left) : 0,
    right: sides ? Math.floor(per.right) : 0,
    cue: v.cue?.text ?? null,
    cueKind: v.cue?.kind ?? null,
    phase: v.phase,
    setupIssues: v.setupIssues,
  };
}

export function createCoach(exerciseId: string, opts: EngineOptions = {}): Coach | null {
  if (!isExerciseId(exerciseId)) return null;
  const def = EXERCISES[exerciseId];
  let state: EngineState = createEngineState(exerciseId, opts);
  return {
    step(frame: PoseFrame): CoachStep {
      const r = step(state, frame);
      state = r.state;
      return { jointStyles: r.view.jointStyles, view: coachViewOf(def, r.view) };
    },
    reset() { state = createEngineState(exerciseId, opts); },
  };
}

export const EXERCISE_CHOICES = Object.values(EXERCISES).map((d) => ({ id: d.id, name: d.name, group: d.group }));
