// The plank's hip thresholds are the fitting routine's output on every labelled example, not numbers picked
// by hand: if the examples or the measure change, this says so. Needs the labelled MediaPipe set (one of the
// sources); skips without it.
import { describe, expect, it } from 'vitest';
import { HIGH_DEG, SAG_DEG, type HipMeasure } from '../../src/core/exercises/plank';
import { havePlankDataset } from './enginePlankDataset';
import { fitPlank, measuresOf, plankExamples } from './thresholds';

describe.skipIf(!havePlankDataset())('plank thresholds from distributions', () => {
  it.each([
    ['movenet-thunder', 'movenet', true],
    ['blazepose-full', 'blazepose-3d', true],
    // BlazePose's 2D reading: 04's mild pike reads inside the good planks, so its HIGH_DEG cannot sit between them.
    ['blazepose-full', 'blazepose-2d', false],
  ] as const)('%s, %s: SAG_DEG and HIGH_DEG equal the fit on all sources (to 0.1°)', (model, m: HipMeasure, separates) => {
    const ex = plankExamples(model);
    expect(measuresOf(ex)).toContain(m);
    expect(new Set(ex.filter((e) => e.measure === m).map((e) => e.source)).size).toBeGreaterThanOrEqual(8);
    const f = fitPlank(ex, [], m);
    expect(Math.abs(SAG_DEG[m] - f.sag)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(HIGH_DEG[m] - f.high)).toBeLessThanOrEqual(0.1);
    expect(f.edges.sagEdge).toBeLessThan(SAG_DEG[m]);
    expect(f.edges.goodLow).toBeGreaterThan(SAG_DEG[m]);
    if (separates) {
      expect(f.edges.goodHigh).toBeLessThan(HIGH_DEG[m]);
      expect(f.edges.highEdge).toBeGreaterThan(HIGH_DEG[m]);
    }
  });
});
