// The plank's hip thresholds are the fitting routine's output on every labelled example, not numbers picked
// by hand: if the examples or the measure change, this says so. Needs the labelled MediaPipe set (one of the
// sources); skips without it.
import { describe, expect, it } from 'vitest';
import { HIGH_DEG, SAG_DEG } from '../../src/core/exercises/plank';
import { havePlankDataset } from './enginePlankDataset';
import { fitPlank, plankExamples } from './thresholds';

describe.skipIf(!havePlankDataset())('plank thresholds from distributions', () => {
  it('SAG_DEG and HIGH_DEG equal the fit on all sources (to 0.1°), and sit between the good and faulty examples', () => {
    const ex = plankExamples();
    expect(new Set(ex.map((e) => e.source)).size).toBeGreaterThanOrEqual(9);
    const f = fitPlank(ex);
    expect(Math.abs(SAG_DEG - f.sag)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(HIGH_DEG - f.high)).toBeLessThanOrEqual(0.1);
    expect(f.edges.sagEdge).toBeLessThan(SAG_DEG);
    expect(f.edges.goodLow).toBeGreaterThan(SAG_DEG);
    expect(f.edges.goodHigh).toBeLessThan(HIGH_DEG);
    expect(f.edges.highEdge).toBeGreaterThan(HIGH_DEG);
  });
});
