// The one way the app writes a time: m:ss to the nearest second, or "22 s" where the settings ask for
// seconds. A running counter passes whole seconds already counted (a second not yet held is not shown).

/** 75 → "1:15"; 9.4 → "0:09"; NaN or negative → "0:00". */
export function clock(sec: number): string {
  const s = wholeSeconds(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "0:22" (minutes) or "22 s" (seconds), as the settings ask. */
export function formatTime(sec: number, units: 'seconds' | 'minutes'): string {
  return units === 'minutes' ? clock(sec) : `${wholeSeconds(sec)} s`;
}

function wholeSeconds(sec: number): number {
  return Math.max(0, Math.round(Number.isFinite(sec) ? sec : 0));
}
