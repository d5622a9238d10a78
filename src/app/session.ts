// For screens that hold no reference to the live coach: "Try again" after an error. A request in the
// store, carried out by the LiveSession (src/app/live/LiveSession.ts).
import { requestLive } from './store';

/** Starts the camera and the model again (after an error). */
export function restart(): void {
  requestLive({ kind: 'retry' });
}
