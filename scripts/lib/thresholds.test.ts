// The plank's hip thresholds are the fitting routine's output on every labelled example, not numbers picked
// by hand: if the examples or the measure change, this says so. Needs the labelled MediaPipe set (one of the
// sources); skips without it.
import { describe, expect, it } from 'vitest';
import { HIGH_DEG, SAG_DEG, type HipMeasure } from '../../src/core/exercises/plank';
import { havePlankDataset } from './enginePlankDataset';
import { fitPlank, measuresOf, percentile, plankExamples } from './thresholds';

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

describe('BlazePose full\'s 3D hip reading, each source left out', () => {
  it('the threshold stays within 0.3° of the fit, and the left-out source\'s faults stay past it and its good planks inside', () => {
    const ex = plankExamples('blazepose-full').filter((e) => e.measure === 'blazepose-3d');
    const all = fitPlank(ex, [], 'blazepose-3d');
    for (const src of new Set(ex.map((e) => e.source))) {
      const f = fitPlank(ex, [src], 'blazepose-3d');
      expect(Math.abs(f.high - all.high), src).toBeLessThanOrEqual(0.3);
      for (const e of ex.filter((x) => x.source === src)) {
        const med = percentile(e.values, 0.5);
        if (e.kind === 'high') expect(med, `${e.clip} pike`).toBeGreaterThan(f.high);
        if (e.kind === 'sag') expect(med, `${e.clip} sag`).toBeLessThan(f.sag);
        if (e.kind === 'good') expect(Math.abs(med), `${e.clip} good`).toBeLessThan(f.high);
      }
    }
  });
});
