// One-Euro filter: a first-order low-pass whose cut-off rises with speed, so slow jitter is smoothed
// hard and fast movement lags little.
// Casiez, Roussel, Vogel. "1€ Filter: A Simple Speed-based Low-pass Filter for Noisy Input in
// Interactive Systems." CHI 2012, pp. 2527–2530. The same filter pose-detection uses in
// src/shared/filters/one_euro_filter.ts.
// Time comes from the frame timestamps (ms), never from a clock, so replays are deterministic.

export interface OneEuroParams {
  /** Hz: cut-off at rest. Lower = smoother but laggier. */
  minCutoff: number;
  /** How fast the cut-off rises with speed (per unit/s). */
  beta: number;
  /** Hz: cut-off for the derivative. */
  dCutoff: number;
}

/**
 * Defaults for pixel coordinates at 15–60 fps. minCutoff 1.0 Hz and dCutoff 1.0 Hz are the paper's
 * starting values; beta 0.02 was tuned on the plank and bicycle fixtures (03, 09) so a 1.5 s rep keeps
 * its amplitude while the still plank's jitter (≈2–4 px) is flattened.
 */
export const DEFAULT_ONE_EURO: OneEuroParams = { minCutoff: 1.0, beta: 0.02, dCutoff: 1.0 };

const alpha = (cutoffHz: number, dtSec: number): number => {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtSec);
};

/** A bank of independent One-Euro filters (one per channel) in flat arrays. */
export class OneEuroBank {
  private readonly xPrev: Float64Array;
  private readonly dxPrev: Float64Array;
  private readonly tPrev: Float64Array;
  private readonly primed: Uint8Array;

  constructor(
    n: number,
    private readonly p: OneEuroParams = DEFAULT_ONE_EURO,
  ) {
    this.xPrev = new Float64Array(n);
    this.dxPrev = new Float64Array(n);
    this.tPrev = new Float64Array(n);
    this.primed = new Uint8Array(n);
  }

  /** Forget channel i (after a gap or a camera cut): the next value passes through unfiltered. */
  reset(i: number): void {
    this.primed[i] = 0;
  }

  resetAll(): void {
    this.primed.fill(0);
  }

  /** Filters value v of channel i at time tMs. Non-finite input returns the last output unchanged. */
  filter(i: number, v: number, tMs: number): number {
    if (!Number.isFinite(v)) return this.primed[i] === 1 ? (this.xPrev[i] as number) : 0;
    if (this.primed[i] !== 1) {
      this.primed[i] = 1;
      this.xPrev[i] = v;
      this.dxPrev[i] = 0;
      this.tPrev[i] = tMs;
      return v;
    }
    // Repeated or out-of-order timestamps: treat as 1 ms apart rather than dividing by zero.
    const dt = Math.max(0.001, (tMs - (this.tPrev[i] as number)) / 1000);
    const x0 = this.xPrev[i] as number;
    const dx = (v - x0) / dt;
    const ad = alpha(this.p.dCutoff, dt);
    const edx = ad * dx + (1 - ad) * (this.dxPrev[i] as number);
    const cutoff = this.p.minCutoff + this.p.beta * Math.abs(edx);
    const a = alpha(cutoff, dt);
    const out = a * v + (1 - a) * x0;
    this.xPrev[i] = out;
    this.dxPrev[i] = edx;
    this.tPrev[i] = Math.max(tMs, this.tPrev[i] as number);
    return out;
  }
}
