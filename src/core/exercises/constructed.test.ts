// The constructed streams (test-fixtures/constructed, made by scripts/lib/engineConstruct.ts) replayed
// through the engine and judged against their expected outcomes, as the recorded clips are.
import { describe, expect, it } from 'vitest';
import { summarize } from '../summary';
import { compare } from '../../../tests/kit/compare';
import type { Expected } from '../../../tests/kit/replay';
import { loadConstructed } from '../../../tests/kit/replay';

const expected = import.meta.glob<{ default: Expected }>('../../../test-fixtures/constructed/*.expected.json', { eager: true });

describe('constructed streams', () => {
  const entries = Object.entries(expected).map(([p, m]) => [/([^/]+)\.expected\.json$/.exec(p)?.[1] ?? p, m.default] as const);
  it('there are constructed streams for the rotation stretch, the side bend, the feet-on-ball crunch, a dark room (bench press), bicycles without contact and bicycles filmed from the feet', () => {
    expect(entries.map(([, e]) => e.exercise).sort()).toEqual([
      'ab-crunch',
      'bench-press',
      ...Array(10).fill('bicycle'),
      'rotation-stretch',
      'side-bend',
    ]);
  });
  for (const [name, exp] of entries) {
    it(`${name}: ${exp.exercise}`, async () => {
      const frames = await loadConstructed(name);
      expect(frames, `${name}.keypoints.json missing: npm run construct`).not.toBeNull();
      const s = summarize(exp.exercise, frames ?? [], name);
      const v = compare(s, exp);
      expect({ name, ...v, faults: s.faults, holds: s.holds }).toMatchObject({ pass: true });
    });
  }
});
