import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../storage/schema';
import { exercisesWithSessions, localDay, progressByDay } from './progress';

const day = (d: number, h = 10) => new Date(2026, 10, d, h).getTime();
function rec(id: string, exerciseId: string, startedAt: number, over: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id, version: 1, exerciseId, source: 'live', startedAt, updatedAt: startedAt, endedAt: startedAt + 60_000,
    reps: { total: 0, left: 0, right: 0 }, holdSec: { total: 0, left: 0, right: 0 }, goodFormSec: 0, activeSec: 0,
    faults: [], metric: { label: 'x (°)', unit: '°', series: [], min: null, max: null },
    painBefore: null, painAfter: null, target: null, ...over,
  };
}

describe('progress by day', () => {
  const sessions = [
    rec('a', 'side-bend', day(3, 9), { metric: { label: 'b', unit: '°', series: [], min: -12, max: 15 }, holdSec: { total: 40, left: 20, right: 20 }, painBefore: 4, painAfter: 5 }),
    rec('b', 'side-bend', day(3, 18), { metric: { label: 'b', unit: '°', series: [], min: -21, max: 10 }, holdSec: { total: 30, left: 15, right: 15 }, painBefore: 2, painAfter: 2 }),
    rec('c', 'side-bend', day(5), { metric: { label: 'b', unit: '°', series: [], min: -5, max: 24 }, painBefore: 3 }),
    rec('d', 'plank', day(4), { holdSec: { total: 25, left: 0, right: 0 } }),
  ];
  it('one point per day with the best range, the longest hold and the mean pain', () => {
    const p = progressByDay(sessions, 'side-bend');
    expect(p.map((d) => d.day)).toEqual([localDay(day(3)), localDay(day(5))]);
    expect(p[0]).toMatchObject({ sets: 2, rom: 21, holdSec: 40, reps: null, painBefore: 3, painAfter: 3.5, goodFormPct: null });
    expect(p[1]).toMatchObject({ sets: 1, rom: 24, holdSec: null, painBefore: 3, painAfter: null });
  });
  it('good form share pools the day\'s sets by time', () => {
    const p = progressByDay([
      rec('x', 'plank', day(7, 8), { goodFormSec: 30, activeSec: 40 }),
      rec('y', 'plank', day(7, 9), { goodFormSec: 10, activeSec: 10 }),
    ], 'plank');
    expect(p[0]?.goodFormPct).toBe(80);
  });
  it('lists exercises with sessions, latest first', () => {
    expect(exercisesWithSessions(sessions)).toEqual(['side-bend', 'plank']);
    expect(progressByDay(sessions, 'bicycle')).toEqual([]);
  });
});
