// Camera pace: the camera is asked for no more pictures a second than the model can take.
//
// A camera at 30 pictures a second in front of a model that takes 45 ms a picture (MoveNet Thunder, wasm, 2 threads,
// this 2-core box) gives the model one picture in two: each one waits up to a camera frame for the model to be free,
// and every picture, used or not, is still decoded and drawn on screen. Where the page is drawn in software (a
// laptop without a usable GPU) that drawing takes the cores the model's threads need. Asked for 15 a second, the
// camera sends a picture just after the model is done with the last one.
//
// Measured with `npm run bench` on this box, Thunder on 2 threads, the camera capped from outside the app (two runs
// each, 2026-12-07): at 30 a second 17–18 pictures a second used, 41–45 of 101–106 dropped, picture age at start
// 17/31 ms (median/p95), latency 62–69/88–93 ms, live/raw 1.11–1.12; at 15 a second 15.0–15.3 used, none dropped,
// age 1–4/12–17 ms, latency 45–53/58–69 ms, live/raw 1.01–1.05, the model itself 3–5 ms faster a picture. The cost:
// 15 evenly spaced pictures a second instead of 17–18 unevenly spaced ones.
//
// Chromium caps a track by keeping pictures on a counter, so only whole fractions of the camera's rate come evenly
// spaced: measured here on a 30-a-second camera, 15 and 10 keep every second and third picture; 20 keeps two of three
// (33 and 67 ms apart), 24 four of five, 12 two of five (67 and 100 ms). The uneven ones still serve: a picture that
// arrives while the model is busy is read as soon as it is done (the loop drops only a picture overtaken by the next),
// so a model up to the long gap keeps the rate, its pictures a few ms older every other time.
//
// Measured on the whole bench after this landed (2026-12-07 06:24 UTC): Thunder on 1 thread paced to 12 (66 ms a
// picture; 13.3 a second unpaced, 12.0 paced, latency p95 103 → 78–91 ms); under a CPU-bound process beside it
// (71–75 ms) to 10. BlazePose full (27 ms) to 24 on the app's page, 26.5 a second against 27.7, latency 51/64 → 35/46.
//
// Plain numbers in and out; the frame loop (frameLoop.ts) measures the cycle and asks the camera's track.

/** The rates a camera is asked for, fastest first; the first means no cap at all (the camera's own rate). */
export const PACE_RATES = [30, 24, 20, 15, 12, 10] as const;
export type PaceRate = (typeof PACE_RATES)[number];

/**
 * Slower when the camera's period is under the cycle × this: the model would miss pictures. The fifth covers the
 * cycle's spread and the wait for the next rendering step, which the measured cycle does not include.
 */
export const PACE_SLOWER_BELOW = 1.2;
/**
 * Faster only when the faster rate's period is at least the cycle × this. The gap to PACE_SLOWER_BELOW is the
 * hysteresis: with the camera slower the model runs faster (fewer pictures drawn), and that alone must not raise
 * the rate straight back.
 */
export const PACE_FASTER_FROM = 1.35;

const period = (rate: number): number => 1000 / rate;

/**
 * The rate to ask for next, given the rate asked for now (`current`, null = no cap) and the median time from the
 * model starting on a picture to the skeleton drawn (`cycleMs`). Null = no cap. Rates below the slowest listed are
 * never asked: the coach's rules hold at 10 pictures a second and fewer only lose pictures.
 */
export function nextPace(current: number | null, cycleMs: number): PaceRate | null {
  if (!Number.isFinite(cycleMs) || cycleMs <= 0) return asRate(current);
  const now = current ?? PACE_RATES[0];
  let next: PaceRate;
  if (period(now) < cycleMs * PACE_SLOWER_BELOW) {
    next = PACE_RATES.find((r) => period(r) >= cycleMs * PACE_SLOWER_BELOW) ?? PACE_RATES[PACE_RATES.length - 1]!;
  } else {
    next = PACE_RATES.find((r) => r > now && period(r) >= cycleMs * PACE_FASTER_FROM) ?? asRate(now) ?? PACE_RATES[0];
  }
  return next === PACE_RATES[0] ? null : next;
}

/** `rate` as one of PACE_RATES (the nearest slower one), null for no cap or anything at or above the first. */
function asRate(rate: number | null): PaceRate | null {
  if (rate === null || rate >= PACE_RATES[0]) return null;
  return PACE_RATES.find((r) => r <= rate) ?? PACE_RATES[PACE_RATES.length - 1]!;
}

/** The median of `xs` (NaN when empty). */
export function medianOf(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
