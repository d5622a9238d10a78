// One-Euro filter (Casiez et al., CHI 2012): smooths jitter at rest, follows fast movement with little
// lag, restarts cleanly after reset, and is deterministic on frame timestamps.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ONE_EURO, OneEuroBank } from './smoothing';

/** Deterministic ±amp jitter (a fixed pseudo-random sequence), so failures replay. */
function jitter(n: number, amp: number): number[] {
  let s = 12345;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return ((s / 2147483648) * 2 - 1) * amp;
  });
}
const std = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};

describe('One-Euro filter', () => {
  it('passes the first value through and flattens jitter on a still point', () => {
    const f = new OneEuroBank(1);
    const noise = jitter(150, 3);
    const out = noise.map((v, i) => f.filter(0, 200 + v, (i * 1000) / 30));
    expect(out[0]).toBe(200 + (noise[0] as number));
    // A plank-like still point with ±3 px jitter (the size seen on fixture 03) comes out at least 3× steadier.
    expect(std(out.slice(30))).toBeLessThan(std(noise.slice(30)) / 3);
  });

  it('follows a fast movement with a small lag (speed raises the cut-off)', () => {
    const f = new OneEuroBank(1);
    // 600 px/s, a wrist in a brisk press at 15 fps.
    let last = 0;
    for (let i = 0; i <= 30; i++) last = f.filter(0, i * 40, (i * 1000) / 15);
    expect(1200 - last).toBeLessThan(60);
    // The same ramp with beta 0 (a plain low-pass at 1 Hz) lags far more: beta is doing the work.
    const plain = new OneEuroBank(1, { ...DEFAULT_ONE_EURO, beta: 0 });
    let p = 0;
    for (let i = 0; i <= 30; i++) p = plain.filter(0, i * 40, (i * 1000) / 15);
    expect(1200 - p).toBeGreaterThan(3 * (1200 - last));
  });

  it('keeps channels independent and restarts a channel after reset', () => {
    const f = new OneEuroBank(2);
    f.filter(0, 0, 0);
    f.filter(1, 500, 0);
    f.filter(0, 100, 33);
    f.reset(0);
    expect(f.filter(0, 300, 66)).toBe(300);
    expect(f.filter(1, 500, 66)).toBeCloseTo(500, 9);
  });

  it('is deterministic and survives repeated timestamps and non-finite input', () => {
    const run = () => {
      const f = new OneEuroBank(1);
      return [0, 33, 33, 20, 66].map((t, i) => f.filter(0, i * 10, t));
    };
    const a = run();
    expect(a).toEqual(run());
    for (const v of a) expect(Number.isFinite(v)).toBe(true);
    const f = new OneEuroBank(1);
    f.filter(0, 7, 0);
    expect(f.filter(0, NaN, 33)).toBe(7);
  });
});
