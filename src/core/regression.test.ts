// Regression suite: every recorded clip with an expected outcome is replayed through the engine and
// judged by testing/compare.ts. A clip with an expected outcome and no committed fixture for a model fails.
import { describe, expect, it } from 'vitest';
import { summarize } from './summary';
import { compare } from '../../tests/kit/compare';
import { expectedOutcomes, loadClip } from '../../tests/kit/replay';

const all = expectedOutcomes();

// The default model and BlazePose full, each with its own keypoint space's thresholds (the engine is told the model).
describe.each(['movenet-thunder', 'blazepose-full'] as const)('recorded fixtures (%s)', (model) => {
  for (const [clip, exp] of Object.entries(all)) {
    it(`${clip}: ${exp.exercise}`, async () => {
      const frames = await loadClip(clip, model);
      const s = summarize(exp.exercise, frames, clip, { model });
      const v = compare(s, exp);
      const known = exp.knownMiss?.[model];
      if (known) {
        console.log(`known miss ${clip} (${model}): ${known} (pass=${v.pass})`);
        // A known miss that now passes is news: the note must go.
        expect(v.pass, `${clip} passes with ${model}: remove its knownMiss`).toBe(false);
        return;
      }
      expect({ clip, ...v, summaryFaults: s.faults }).toMatchObject({ pass: true });
    });
  }
});
