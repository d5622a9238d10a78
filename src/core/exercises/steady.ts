// How fast a held measure is still changing. A stretch is "held" when the body has stopped moving into
// it, not while it is still twisting deeper or coming out: the catalog's hold times are the still part
// (b01 "in the twist 1.5–7.3 s, steady hold 3.3–7.0 s"; b07 "lowering 9.2–10.9 s, hold 10.9–13.7 s").
//
// The rate is the slope of the measure over the last RATE_WINDOW_MS (least squares), not its frame-to-frame change:
// a model's points jitter from frame to frame, and the size of each step, however smoothed, measures the jitter, not
// the body moving (points jittered by 1 % of the picture read 30–50°/s on a still stretch, and no stretch was held:
// b07, c02, b01 0 s). The jitter cancels in a slope; a body still moving into the stretch does not.

/** The span the slope is read over (ms): about six frames at 15 fps, four at 10 (500 ms ended b02's quick bends' holds late on BlazePose full). */
export const RATE_WINDOW_MS = 400;
/** A slope needs this span of readings at least (ms), else the rate is unknown. */
export const RATE_MIN_SPAN_MS = 200;
/** A gap longer than this restarts the rate (the person left, or the set paused). */
const RATE_GAP_MS = 500;

/** A rate's state: the readings of the last RATE_WINDOW_MS (times, values) and the rate (NaN = unknown). */
export interface Rate {
  ts: number[];
  vs: number[];
  rate: number;
}
export const rate = (): Rate => ({ ts: [], vs: [], rate: NaN });

/** Adds a known reading; a restart (the first reading, a gap over RATE_GAP_MS, time gone backwards) keeps only it. */
function addReading(r: { ts: number[]; vs: number[] }, value: number, t: number): void {
  const last = r.ts.length > 0 ? (r.ts[r.ts.length - 1] as number) : NaN;
  if (!(t > last) || t - last > RATE_GAP_MS) {
    r.ts.length = 0;
    r.vs.length = 0;
  }
  r.ts.push(t);
  r.vs.push(value);
}

/**
 * Updates and returns |slope| of the value over the last RATE_WINDOW_MS (units per second) kept in `r`. Call once
 * per frame (from an exercise's `remember`). NaN until readings span RATE_MIN_SPAN_MS.
 */
export function updateRate(r: Rate, value: number | null, t: number): number {
  // Unknown this frame (the point lost, nobody seen): the readings so far stand, and the next known one is read with
  // them across the gap (up to RATE_GAP_MS). Forgetting them made the frame after every lost one unjudgeable, so a
  // model losing the person on one frame in ten broke a stretch's hold on two (c02: 10.0 s held of 12.5).
  if (value === null || !Number.isFinite(value)) return r.rate;
  addReading(r, value, t);
  while (r.ts.length > 0 && t - (r.ts[0] as number) > RATE_WINDOW_MS) {
    r.ts.shift();
    r.vs.shift();
  }
  const n = r.ts.length;
  if (n < 3 || t - (r.ts[0] as number) < RATE_MIN_SPAN_MS) {
    r.rate = NaN;
    return NaN;
  }
  let mt = 0,
    mv = 0;
  for (let i = 0; i < n; i++) {
    mt += r.ts[i] as number;
    mv += r.vs[i] as number;
  }
  mt /= n;
  mv /= n;
  let stv = 0,
    stt = 0;
  for (let i = 0; i < n; i++) {
    const dt = (r.ts[i] as number) - mt;
    stv += dt * ((r.vs[i] as number) - mv);
    stt += dt * dt;
  }
  r.rate = stt > 0 ? Math.abs((stv / stt) * 1000) : NaN;
  return r.rate;
}

/**
 * A measure read through its wobble: the median of its readings over the last NEAR_MS. For what a person holds (a
 * hip width, a body line), which changes over a second or more while a farther or noisier camera's points wobble it
 * from frame to frame (plank.ts HIP_MEDIAN_MS, where this was measured).
 */
export const NEAR_MS = 250;
/** A near reading's state: the readings of the last NEAR_MS (times, values). */
export interface Near {
  ts: number[];
  vs: number[];
}
export const near = (): Near => ({ ts: [], vs: [] });

/**
 * Adds a reading (null: unknown this frame, the readings so far stand) and returns the median of those of the last
 * NEAR_MS, or null when there are none. A gap longer than RATE_GAP_MS starts afresh.
 */
export function updateNear(r: Near, value: number | null, t: number): number | null {
  if (value !== null && Number.isFinite(value)) addReading(r, value, t);
  while (r.ts.length > 0 && t - (r.ts[0] as number) >= NEAR_MS) {
    r.ts.shift();
    r.vs.shift();
  }
  if (r.vs.length === 0) return null;
  const s = [...r.vs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}
