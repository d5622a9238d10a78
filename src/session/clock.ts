// The one way a time is written: m:ss to the nearest second. Pure, so the session's figures (src/session) and the
// app's screens (src/app/format/time.ts re-exports it) write times the same way.

/** 75 → "1:15"; 9.4 → "0:09"; NaN or negative → "0:00". */
export function clock(sec: number): string {
  const s = wholeSeconds(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Whole seconds, never negative (NaN → 0). */
export function wholeSeconds(sec: number): number {
  return Math.max(0, Math.round(Number.isFinite(sec) ? sec : 0));
}
