import { describe, expect, it } from 'vitest';
import { recallCell, tallyFaults, type FaultRow } from './faultTable';
import type { Verdict } from '../../tests/kit/compare';

const verdict = (hits: boolean[], falseIds: string[] = []): Verdict => ({
  reps: null,
  hold: null,
  holds: null,
  cleanReps: null,
  lateSetup: [],
  missingCues: [],
  wrongSides: 0,
  silent: false,
  pass: true,
  faults: { expected: hits.length, found: hits.filter(Boolean).length, ok: hits.every(Boolean) },
  faultHits: hits.map((found) => ({ id: 'hips-high', found, cover: found ? 1 : 0 })),
  falseFaults: falseIds.map((id) => ({ id, startSec: 0, endSec: 2 })),
});
const row = (clip: string, source: string, model: string, hits: boolean[], good = false, falseIds: string[] = []): FaultRow => ({
  clip,
  source,
  exercise: 'plank',
  model,
  v: verdict(hits, falseIds),
  s: { unsureSec: { 'hips-high': 1 }, rulesRanSec: 10 },
  exp: { exercise: 'plank', faults: hits.map(() => ({ id: 'hips-high', startSec: 0, endSec: 3 })), goodForm: good, notes: '' },
});

describe('per-fault table', () => {
  it('counts real windows found, and false faults on good clips, per fault id; constructed streams never count', () => {
    const rows = [
      row('e03', 'chauhan', 'movenet-thunder', [true]),
      row('e04', 'summerobert', 'movenet-thunder', [false]),
      row('c03', 'kaiakol', 'movenet-thunder', [], true, ['hips-high']),
      row('c05', 'chco', 'movenet-thunder', [], true),
      row('planted', 'constructed', 'constructed', [true, true, true]),
    ];
    const t = tallyFaults(rows).find((x) => x.exercise === 'plank' && x.faultId === 'hips-high')!;
    expect(t).toMatchObject({
      examples: 2,
      found: 1,
      good: 2,
      falseOn: 1,
      missed: ['e04'],
      sources: ['chauhan', 'summerobert'],
      ranSec: 40,
      unsureSec: 4,
    });
    expect(tallyFaults(rows).find((x) => x.faultId === 'hips-sagging')).toMatchObject({ examples: 0, good: 2, falseOn: 0 });
  });
  it('rates recall only from three faulty clips up: three reps of one clip are a count, not a rate', () => {
    expect(recallCell({ examples: 0, found: 0, sources: [], clips: [] })).toBe('no real example');
    expect(recallCell({ examples: 3, found: 3, sources: ['a'], clips: ['e18'] })).toBe('3/3 (too few to rate; 1 clip, 1 source)');
    expect(recallCell({ examples: 4, found: 3, sources: ['a', 'b'], clips: ['x', 'y', 'z'] })).toBe('3/4 (75 %; 3 clips, 2 sources)');
  });
});
