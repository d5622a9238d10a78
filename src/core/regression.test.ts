// Regression suite: every recorded clip with an expected outcome is replayed through the engine and
// judged by testing/compare.ts. A clip whose fixture is not recorded yet is reported and skipped.
import { describe, expect, it } from 'vitest';
import { summarize } from './summary';
import { compare } from './testing/compare';
import { expectedOutcomes, loadClip } from './testing/replay';

const all = expectedOutcomes();

describe('recorded fixtures (MoveNet Thunder)', () => {
  for (const [clip, exp] of Object.entries(all)) {
    it(`${clip}: ${exp.exercise}`, async (ctx) => {
      const frames = await loadClip(clip);
      if (!frames) { console.log(`skip ${clip}: no recorded fixture test-fixtures/keypoints/${clip}.movenet-thunder.json`); ctx.skip(); return; }
      const s = summarize(exp.exercise, frames, clip);
      const v = compare(s, exp);
      if (exp.knownMiss) {
        console.log(`known miss ${clip}: ${exp.knownMiss} (pass=${v.pass})`);
        return;
      }
      expect({ clip, ...v, summaryFaults: s.faults }).toMatchObject({ pass: true });
    });
  }
});
