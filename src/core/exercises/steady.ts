// How fast a held measure is still changing. A stretch is "held" when the body has stopped moving into
// it, not while it is still twisting deeper or coming out: the catalog's hold times are the still part
// (b01 "in the twist 1.5–7.3 s, steady hold 3.3–7.0 s"; b07 "lowering 9.2–10.9 s, hold 10.9–13.7 s").

/** Smoothing time constant for the rate (ms): about four frames at 15 fps, so one jittery frame is not movement. */
export const RATE_TAU_MS = 250;
/** A gap longer than this restarts the rate (the person left, or the set paused). */
const RATE_GAP_MS = 500;

/** A smoothed rate's state: the last value and time, and the rate (NaN = unset). */
export interface Rate {
  v: number;
  t: number;
  rate: number;
}
export const rate = (): Rate => ({ v: NaN, t: NaN, rate: NaN });

/**
 * Updates and returns the smoothed |d value / dt| (units per second) kept in `r`. Call once per frame (from an
 * exercise's `remember`). Returns NaN until two close frames were seen.
 */
export function updateRate(r: Rate, value: number | null, t: number): number {
  const pv = r.v,
    pt = r.t;
  // Unknown this frame (the point lost, nobody seen): the last reading stands, and the next known one is measured
  // against it across the gap (up to RATE_GAP_MS). Forgetting it made the frame after every lost one unjudgeable, so a
  // model losing the person on one frame in ten broke a stretch's hold on two (c02: 10.0 s held of 12.5).
  if (value === null || !Number.isFinite(value)) return r.rate;
  r.v = value;
  r.t = t;
  if (Number.isNaN(pv) || Number.isNaN(pt) || !(t > pt) || t - pt > RATE_GAP_MS) {
    r.rate = NaN;
    return NaN;
  }
  const dt = t - pt;
  const x = (Math.abs(value - pv) * 1000) / dt;
  const prev = r.rate;
  const a = 1 - Math.exp(-dt / RATE_TAU_MS);
  const next = Number.isNaN(prev) ? x : prev + a * (x - prev);
  r.rate = next;
  return next;
}
