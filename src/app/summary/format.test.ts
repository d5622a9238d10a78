import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../core/exercises';
import type { SessionRecord } from '../../storage/schema';
import { clock, countLines, metricMeta, rangeOfMotion, romValue } from './format';

const base: SessionRecord = {
  id: 'a', version: 1, exerciseId: 'plank', source: 'live', startedAt: 0, updatedAt: 0, endedAt: 1,
  reps: { total: 0, left: 0, right: 0 }, holdSec: { total: 31.6, left: 0, right: 0 }, goodFormSec: 10, activeSec: 20,
  faults: [], metric: { label: 'shoulder–hip–ankle angle (°)', unit: '°', series: [], min: 151.2, max: 178.4 },
  painBefore: null, painAfter: null, target: { holdSec: 30 },
};

describe('summary wording', () => {
  it('formats clock times', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(9.4)).toBe('0:09');
    expect(clock(75)).toBe('1:15');
    expect(clock(Number.NaN)).toBe('0:00');
  });
  it('counts per side where the exercise has sides, against the target', () => {
    expect(countLines(base)).toEqual([{ label: 'Held', value: '0:32 / 0:30', done: true }]);
    const row = { ...base, exerciseId: 'dumbbell-row', reps: { total: 7, left: 3, right: 4 }, target: { reps: 8 } };
    expect(countLines(row).map((l) => l.value)).toEqual(['7 / 8', '3 / 8', '4 / 8']);
    const bend = { ...base, exerciseId: 'side-bend', holdSec: { total: 40, left: 25, right: 15 }, target: { holdSec: 20 } };
    expect(countLines(bend)).toEqual([
      { label: 'Held, left side', value: '0:25 / 0:20', done: true },
      { label: 'Held, right side', value: '0:15 / 0:20', done: false },
    ]);
  });
  it('reports range of motion in the exercise\'s own terms', () => {
    expect(rangeOfMotion({ ...base, exerciseId: 'side-bend', metric: { ...base.metric, min: -18.4, max: 22.6 } })?.text)
      .toBe('23° to your left, 18° to your right');
    expect(romValue({ ...base, exerciseId: 'side-bend', metric: { ...base.metric, min: -18.4, max: 12 } })).toBe(18.4);
    expect(rangeOfMotion(base)).toBeNull();
    expect(rangeOfMotion({ ...base, exerciseId: 'hamstring-stretch', metric: { ...base.metric, min: 3, max: 31.6 } })?.text).toBe('up to 32°');
    expect(rangeOfMotion({ ...base, metric: { ...base.metric, min: null, max: null } })).toBeNull();
  });
  it('derives the stored unit from every exercise\'s metric label', () => {
    for (const def of Object.values(EXERCISES)) {
      const { unit, label } = metricMeta(def);
      expect(label, def.id).not.toMatch(/[()]/);
      expect(['°', 'torso lengths', ''].includes(unit), def.id).toBe(true);
      if (def.metricLabel.includes('(°')) expect(unit, def.id).toBe('°');
    }
  });
});
