// Adapts the pure coaching engine (src/core/engine.ts) to the frame loop's Coach seam: one engine state
// per chosen exercise, stepped on every processed frame; the slow part of its view goes to the store.
import type { PoseFrame } from '../core/pose';
import { createEngineState, step } from '../core/engine';
import type { EngineState } from '../core/engine';
import { EXERCISES, isExerciseId } from '../core/exercises';
import type { Coach, CoachStep } from './session';

export function createCoach(exerciseId: string): Coach | null {
  if (!isExerciseId(exerciseId)) return null;
  const def = EXERCISES[exerciseId];
  const mode = def.counter.kind === 'hold' || def.counter.kind === 'hold-per-side' ? 'hold' : 'reps';
  let state: EngineState = createEngineState(exerciseId);
  return {
    step(frame: PoseFrame): CoachStep {
      const r = step(state, frame);
      state = r.state;
      const v = r.view;
      return {
        jointStyles: v.jointStyles,
        view: {
          mode,
          reps: v.reps.total,
          // Whole seconds: the store (and React) only hear about it when the shown number changes.
          holdSec: Math.floor(v.holdSec.total),
          cue: v.cue?.text ?? null,
          phase: v.phase,
          setupIssues: v.setupIssues,
        },
      };
    },
    reset() { state = createEngineState(exerciseId); },
  };
}

export const EXERCISE_CHOICES = Object.values(EXERCISES).map((d) => ({ id: d.id, name: d.name, group: d.group }));
