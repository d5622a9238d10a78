// The plank's hip thresholds are the fitting routine's output on every labelled example, not numbers picked
// by hand: if the examples or the measure change, this says so. Needs the labelled MediaPipe set (one of the
// sources); skips without it.
import { describe, expect, it } from 'vitest';
import { HIGH_DEG, HIGH_DOUBT_DEG, SAG_DEG, SAG_DOUBT_DEG, type HipMeasure } from '../../src/core/exercises/plank';
import { havePlankDataset } from './enginePlankDataset';
import { fitPlank, measuresOf, percentile, plankExamples } from './thresholds';

describe.skipIf(!havePlankDataset())('plank thresholds from distributions', () => {
  it.each([
    ['movenet-thunder', 'movenet'],
    ['blazepose-full', 'blazepose-3d'],
    // BlazePose's 2D reading (used where world points are missing) is fitted on the labelled set's files.
    ['blazepose-full', 'blazepose-2d'],
  ] as const)(
    '%s, %s: SAG_DEG and HIGH_DEG equal the fit on all sources (to 0.1°) and sit between the good and faulty examples',
    (model, m: HipMeasure) => {
      const ex = plankExamples(model);
      expect(measuresOf(ex)).toContain(m);
      expect(new Set(ex.filter((e) => e.measure === m).map((e) => e.source)).size).toBeGreaterThanOrEqual(8);
      const f = fitPlank(ex, [], m);
      expect(Math.abs(SAG_DEG[m] - f.sag)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(HIGH_DEG[m] - f.high)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(SAG_DOUBT_DEG[m] - f.sagDoubt)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(HIGH_DOUBT_DEG[m] - f.highDoubt)).toBeLessThanOrEqual(0.1);
      // The thresholds sit past every good source's edge by a noise width at least (the band of doubt between), and
      // every fault source's clearer quarter lies past the good edge (it is found there, then held by the hysteresis).
      expect(f.edges.goodLow - SAG_DEG[m]).toBeGreaterThanOrEqual(f.edges.noiseLow - 0.1);
      expect(HIGH_DEG[m] - f.edges.goodHigh).toBeGreaterThanOrEqual(f.edges.noiseHigh - 0.1);
      expect(f.edges.sagEdge).toBeLessThan(f.edges.goodLow);
      expect(f.edges.highEdge).toBeGreaterThan(f.edges.goodHigh);
    },
  );
});

describe("BlazePose full's 3D hip reading, each source left out", () => {
  it("with each source left out, its good planks' medians stay inside the refit threshold and its faults' clearer frames (10 %) pass it", () => {
    const ex = plankExamples('blazepose-full').filter((e) => e.measure === 'blazepose-3d');
    for (const src of new Set(ex.map((e) => e.source))) {
      const f = fitPlank(ex, [src], 'blazepose-3d');
      for (const e of ex.filter((x) => x.source === src)) {
        if (e.kind === 'high') expect(percentile(e.values, 0.9), `${e.clip} pike`).toBeGreaterThan(f.high);
        if (e.kind === 'sag') expect(percentile(e.values, 0.1), `${e.clip} sag`).toBeLessThan(f.sag);
        if (e.kind === 'good') expect(Math.abs(percentile(e.values, 0.5)), `${e.clip} good`).toBeLessThan(f.high);
      }
    }
  });
});
