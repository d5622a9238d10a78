// The plank coaching against someone else's labels (MediaPipe planks: correct / hips sagging / hips high),
// by the rules alone and through the engine as the app runs it. Skips when ../shared/fixtures/keypoint-datasets
// is absent.
import { describe, expect, it } from 'vitest';
import { havePlankDataset, plankDatasetAccuracy, plankDatasetDir, plankDatasetThroughEngine } from './enginePlankDataset';

describe.skipIf(!havePlankDataset())('plank on the labelled MediaPipe plank dataset', () => {
  it('the rules alone call each class right at least at the measured floor', () => {
    const acc = plankDatasetAccuracy();
    const pct = (k: 'C' | 'L' | 'H') => acc.perClass[k].correct / Math.max(1, acc.perClass[k].n);
    console.log(
      `plank dataset, rules alone (${plankDatasetDir}): C ${(100 * pct('C')).toFixed(1)} %, L ${(100 * pct('L')).toFixed(1)} %, H ${(100 * pct('H')).toFixed(1)} %`,
    );
    expect(acc.total).toBeGreaterThan(5000);
    // Measured 97.5 / 95.6 / 99.9 %.
    expect(pct('C')).toBeGreaterThanOrEqual(0.95);
    expect(pct('L')).toBeGreaterThanOrEqual(0.93);
    expect(pct('H')).toBeGreaterThanOrEqual(0.99);
  });

  // The set is MediaPipe's keypoint space (BlazePose's), 2D only: BlazePose reads it with its 2D thresholds; MoveNet's
  // thresholds are checked on it too, as they were fitted with it.
  it.each(['movenet', 'blazepose'] as const)(
    'through the engine with %s thresholds (every 4th labelled frame as a 5 s stream, and every sequence): each class at least 90 percent right, none silent',
    (model) => {
      const r = plankDatasetThroughEngine(plankDatasetDir, 4, { model });
      for (const k of ['C', 'L', 'H'] as const) {
        const f = r.frames[k];
        console.log(
          `through the engine (${model}), ${k}: ${f.right}/${f.n} right, ${f.wrong} wrong, ${f.silent} silent; sequences ${r.sequences[k].right}/${r.sequences[k].n}`,
        );
        expect(f.right / f.n, k).toBeGreaterThanOrEqual(0.9);
        expect(f.silent, k).toBe(0);
        expect(r.sequences[k].silent, k).toBe(0);
      }
    },
  );
});
