// The plank's hip thresholds are the fitting routine's output on every labelled example, not numbers picked
// by hand: if the examples or the measure change, this says so. Needs the labelled MediaPipe set (one of the
// sources); skips without it.
import { describe, expect, it } from 'vitest';
import { HIGH_DEG, SAG_DEG, type HipMeasure } from '../../src/core/exercises/plank';
import { havePlankDataset } from './enginePlankDataset';
import { fitPlank, measuresOf, plankExamples } from './thresholds';

describe.skipIf(!havePlankDataset())('plank thresholds from distributions', () => {
  it.each([
    ['movenet-thunder', 'movenet'],
    ['blazepose-full', 'blazepose-3d'],
    // BlazePose's 2D reading (used where world points are missing) is fitted on the labelled set's files.
    ['blazepose-full', 'blazepose-2d'],
  ] as const)('%s, %s: SAG_DEG and HIGH_DEG equal the fit on all sources (to 0.1°) and sit between the good and faulty examples', (model, m: HipMeasure) => {
    const ex = plankExamples(model);
    expect(measuresOf(ex)).toContain(m);
    expect(new Set(ex.filter((e) => e.measure === m).map((e) => e.source)).size).toBeGreaterThanOrEqual(8);
    const f = fitPlank(ex, [], m);
    expect(Math.abs(SAG_DEG[m] - f.sag)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(HIGH_DEG[m] - f.high)).toBeLessThanOrEqual(0.1);
    expect(f.edges.sagEdge).toBeLessThan(SAG_DEG[m]);
    expect(f.edges.goodLow).toBeGreaterThan(SAG_DEG[m]);
    expect(f.edges.goodHigh).toBeLessThan(HIGH_DEG[m]);
    expect(f.edges.highEdge).toBeGreaterThan(HIGH_DEG[m]);
  });
});
