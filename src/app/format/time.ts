// The one way the app writes a time: m:ss to the nearest second (src/session/clock.ts, shared with the session's
// figures), or "22 s" where the settings ask for seconds. A running counter passes whole seconds already counted
// (a second not yet held is not shown).
import { clock, wholeSeconds } from '../../session/clock';

export { clock };

/** "0:22" (minutes) or "22 s" (seconds), as the settings ask. */
export function formatTime(sec: number, units: 'seconds' | 'minutes'): string {
  return units === 'minutes' ? clock(sec) : `${wholeSeconds(sec)} s`;
}
