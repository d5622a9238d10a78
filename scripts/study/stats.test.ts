import { describe, expect, it } from 'vitest';
import type { Problem, Sample } from './stats';
import { fitThreshold, leaveOneSourceOut, leaveOneSourceOutEdge, quantile, separation } from './stats';

const s = (source: string, label: string, values: number[]): Sample => ({
  source,
  clip: source,
  label,
  start: 0,
  end: 1,
  frames: values.length,
  values,
});
const sag: Problem = { id: 'sag', negative: ['good'], positive: ['sag'], dir: -1 };

describe('study statistics', () => {
  it('quantiles interpolate', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.1)).toBeCloseTo(1);
  });

  it('the fitted threshold sits in the middle of the gap, on the fault side given by dir', () => {
    const fit = fitThreshold([s('a', 'good', [0, 1, 2]), s('b', 'sag', [-10, -9, -8])], sag)!;
    expect(fit.balancedAccuracy).toBe(1);
    expect(fit.threshold).toBeCloseTo(-4); // halfway between −8 and 0
  });

  it('each source and class weighs the same, however many frames it has', () => {
    // Source a: 100 good frames at 0; source b: 1 good frame at -5. Sag frames at -6 and -4.
    const data = [s('a', 'good', Array(100).fill(0)), s('b', 'good', [-5]), s('c', 'sag', [-6]), s('d', 'sag', [-4])];
    const fit = fitThreshold(data, sag)!;
    // Cutting at -4.5 (b's good frame wrong, d's sag frame right) and at -5.5 score alike; without the
    // weights, b's single frame would not count and -2 would win outright.
    expect(fit.balancedAccuracy).toBeCloseTo(0.75);
  });

  it('separation gives the 10/90 gap and the worst window gap', () => {
    const sep = separation([s('a', 'good', [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]), s('b', 'sag', [-3, -3, -3, -3, -3, -2, -2, -2, -2, -2])], sag)!;
    expect(sep.windowGap).toBeCloseTo(3); // window medians 0.5 (good) and −2.5 (sag)
    expect(sep.frameGap).toBeGreaterThan(0);
  });

  it('leave-one-source-out: a class found in one source only cannot be scored without it', () => {
    const data = [s('a', 'good', [0, 1]), s('b', 'good', [0.5, 1.5]), s('c', 'sag', [-5, -6])];
    const lo = leaveOneSourceOut(data, sag);
    expect(lo.unscorable).toEqual(['c']);
    expect(lo.balancedAccuracy).toBeNaN(); // no scored source has sag frames: nothing to average
    expect(lo.perSource.find((r) => r.source === 'a')!.negAccuracy).toBe(1);
  });

  it('leave-one-source-out reports a left-out source that lands on the wrong side', () => {
    const data = [
      s('a', 'good', [0, 1]),
      s('b', 'good', [0.5, 1.5]),
      s('c', 'good', [-4.5, -4]),
      s('d', 'sag', [-5, -6]),
      s('e', 'sag', [-5.5, -6.5]),
    ];
    const lo = leaveOneSourceOut(data, sag);
    // Without c, the cut falls between 0 and −5; c's good frames at −4.5/−4 fall on the sag side.
    expect(lo.perSource.find((r) => r.source === 'c')!.negAccuracy).toBe(0);
    expect(lo.wrongWindows).toBeGreaterThanOrEqual(1);
    expect(lo.worstMargin).toBeLessThan(0);
  });
});

describe('leave-one-source-out against the edge of the normal class', () => {
  it("scores the only faulty source against the other sources' good planks", () => {
    const data = [
      s('a', 'good', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      s('b', 'good', [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
      s('c', 'pike', [20, 21, 22]),
    ];
    const pike: Problem = { id: 'pike', negative: ['good'], positive: ['pike'], dir: 1 };
    const e = leaveOneSourceOutEdge(data, pike);
    const c = e.perSource.find((r) => r.source === 'c')!;
    expect(c.threshold).toBeCloseTo(quantile([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)); // b's p90 is the edge
    expect(c.windows[0]!.margin).toBeCloseTo(21 - c.threshold);
    // Leaving b out, the edge is a's p90 (8.1): b's median 6.5 is on the good side, but 10 % of its frames beyond.
    expect(e.perSource.find((r) => r.source === 'b')!.windows[0]!.margin).toBeCloseTo(8.1 - 6.5);
    expect(e.wrongNegative).toBe(0);
    expect(e.scoredPositive).toBe(1);
  });
});
