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
// A first version also paced down to 12 and 10 a second: Thunder on 1 thread (66 ms a picture, the app's plan on 2
// cores) went from 13.3 pictures a second to 12, and the eval's streams thinned to 12 lose two clips' reps (c18's
// bicycle, e14's presses). So no cap goes below 15 (PACE_RATES). BlazePose full (27 ms) is capped at 24 on the app's
// page: 26.5 a second against 27.7, latency 51/64 → 35/46 ms.
//
// Plain numbers in and out; the frame loop (frameLoop.ts) measures the cycle and asks the camera's track.

/**
 * The rates a camera is asked for, fastest first; the first means no cap at all (the camera's own rate). None below
 * 15: the coach's rules are measured on streams of 15 pictures a second (`npm run eval`), and read fewer they lose
 * reps (the eval's streams thinned to 12 a second: 51 of 56 clips right against 53 at 13.3 and 15). A model slower
 * than a 15 cap allows reads what it can of a camera running free, as before pacing.
 */
export const PACE_RATES = [30, 24, 20, 15] as const;
export type PaceRate = (typeof PACE_RATES)[number];

/**
 * A cap is taken when its period is at least the cycle × this: the model waits for each picture. The fifth covers the
 * cycle's spread and the wait for the next rendering step, which the measured cycle does not include.
 */
export const PACE_ENTER = 1.2;
/** A cap is kept while its period is at least the cycle × this (under it, the model would miss pictures). */
export const PACE_KEEP = 1.1;
/**
 * Faster only when the faster rate's period is at least the cycle × this. The gap to PACE_ENTER is the hysteresis:
 * with the camera slower the model runs faster (fewer pictures drawn), and that alone must not raise the rate
 * straight back.
 */
export const PACE_FASTER_FROM = 1.35;

const fits = (rate: number, cycleMs: number, headroom: number): boolean => 1000 / rate >= cycleMs * headroom;

/**
 * The rate to ask for next, given the rate asked for now (`current`, null = no cap) and the median time from the
 * model starting on a picture to the skeleton drawn (`cycleMs`). Null = no cap.
 */
export function nextPace(current: number | null, cycleMs: number): PaceRate | null {
  if (!Number.isFinite(cycleMs) || cycleMs <= 0) return asRate(current);
  const capped = PACE_RATES.slice(1);
  if (current === null || current >= PACE_RATES[0]) {
    if (fits(PACE_RATES[0], cycleMs, PACE_ENTER)) return null;
    return capped.find((r) => fits(r, cycleMs, PACE_ENTER)) ?? null;
  }
  if (!fits(current, cycleMs, PACE_KEEP)) return capped.find((r) => r < current && fits(r, cycleMs, PACE_ENTER)) ?? null;
  const faster = PACE_RATES.find((r) => r > current && fits(r, cycleMs, PACE_FASTER_FROM));
  if (faster === undefined) return asRate(current);
  return faster === PACE_RATES[0] ? null : faster;
}

/** `rate` as one of PACE_RATES (the nearest slower one, at least the slowest), null for no cap. */
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
