// What screens without a reference to the live coach use to start it: each call is a request in the store,
// carried out by the LiveSession (src/app/live/LiveSession.ts). No state of its own.
import type { Routine } from '../../session/routine';
import { go, requestLive } from '../store';

/** Opens the live screen for one exercise: its sets from the card, check-in first. */
export function openExercise(exerciseId: string): void {
  requestLive({ kind: 'exercise', exerciseId });
  go('live');
}

/** Opens the routine (the given one, else the user's, else the defaults). */
export function openRoutine(routine: Routine | null = null): void {
  requestLive({ kind: 'routine', routine });
  go('live');
}
