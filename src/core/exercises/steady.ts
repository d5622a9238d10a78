// How fast a held measure is still changing. A stretch is "held" when the body has stopped moving into
// it, not while it is still twisting deeper or coming out: the catalog's hold times are the still part
// (b01 "in the twist 1.5–7.3 s, steady hold 3.3–7.0 s"; b07 "lowering 9.2–10.9 s, hold 10.9–13.7 s").

/** Smoothing time constant for the rate (ms): about four frames at 15 fps, so one jittery frame is not movement. */
export const RATE_TAU_MS = 250;
/** A gap longer than this restarts the rate (the person left, or the set paused). */
const RATE_GAP_MS = 500;

/**
 * Updates and returns the smoothed |d value / dt| (units per second) kept in mem under `key`. Call once
 * per frame (from an exercise's `remember`). Returns NaN until two close frames were seen.
 */
export function updateRate(mem: Record<string, number>, key: string, value: number | null, t: number): number {
  const vKey = `${key}:v`, tKey = `${key}:t`, rKey = `${key}:rate`;
  const pv = mem[vKey], pt = mem[tKey];
  if (value === null || !Number.isFinite(value)) { delete mem[vKey]; delete mem[tKey]; delete mem[rKey]; return NaN; }
  mem[vKey] = value;
  mem[tKey] = t;
  if (pv === undefined || pt === undefined || !(t > pt) || t - pt > RATE_GAP_MS) { delete mem[rKey]; return NaN; }
  const dt = t - pt;
  const r = (Math.abs(value - pv) * 1000) / dt;
  const prev = mem[rKey];
  const a = 1 - Math.exp(-dt / RATE_TAU_MS);
  const next = prev === undefined ? r : prev + a * (r - prev);
  mem[rKey] = next;
  return next;
}

/** The last rate stored under key (NaN when unknown). */
export function rateOf(mem: Record<string, number>, key: string): number {
  const v = mem[`${key}:rate`];
  return v === undefined ? NaN : v;
}
