import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../storage/schema';
import { exercisesWithSessions, localDay, progressByDay } from './progress';

const day = (d: number, h = 10) => new Date(2026, 10, d, h).getTime();
function rec(id: string, exerciseId: string, startedAt: number, over: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id,
    version: 1,
    exerciseId,
    source: 'live',
    startedAt,
    updatedAt: startedAt,
    endedAt: startedAt + 60_000,
    reps: { total: 0, left: 0, right: 0 },
    holdSec: { total: 0, left: 0, right: 0 },
    goodFormSec: 0,
    activeSec: 0,
    faults: [],
    metric: { label: 'x (°)', unit: '°', series: [], min: null, max: null },
    painBefore: null,
    painAfter: null,
    target: null,
    ...over,
  };
}

describe('progress by day', () => {
  const sessions = [
    rec('a', 'side-bend', day(3, 9), {
      metric: { label: 'b', unit: '°', series: [], min: -12, max: 15 },
      holdSec: { total: 40, left: 20, right: 20 },
    }),
    rec('b', 'side-bend', day(3, 18), {
      metric: { label: 'b', unit: '°', series: [], min: -21, max: 10 },
      holdSec: { total: 30, left: 15, right: 15 },
    }),
    rec('c', 'side-bend', day(5), { metric: { label: 'b', unit: '°', series: [], min: -5, max: 24 } }),
    rec('d', 'plank', day(4), { holdSec: { total: 25, left: 0, right: 0 } }),
  ];
  it('one point per day with the best range (degrees) and the longest hold', () => {
    const p = progressByDay(sessions, 'side-bend');
    expect(p.map((d) => d.day)).toEqual([localDay(day(3)), localDay(day(5))]);
    expect(p[0]).toMatchObject({ sets: 2, rom: 21, holdSec: 40, reps: null });
    expect(p[1]).toMatchObject({ sets: 1, rom: 24, holdSec: null });
  });
  it("the rotation stretch's turn becomes degrees", () => {
    const p = progressByDay(
      [rec('r', 'rotation-stretch', day(6), { metric: { label: 't', unit: '', series: [], min: 0, max: 0.5 } })],
      'rotation-stretch',
    );
    expect(p[0]!.rom).toBe(60);
  });
  it("good form is the one figure, pooled over the day's sets", () => {
    const p = progressByDay(
      [
        rec('x', 'plank', day(7, 8), { holdSec: { total: 40, left: 0, right: 0 }, goodFormSec: 30, activeSec: 40, faultHeldSec: 10 }),
        rec('y', 'plank', day(7, 9), { holdSec: { total: 10, left: 0, right: 0 }, goodFormSec: 10, activeSec: 10, faultHeldSec: 0 }),
      ],
      'plank',
    );
    expect(p[0]?.goodFormPct).toBe(80);
  });
  it("an analysed recording never becomes a point of the person's own progress", () => {
    const mine = rec('m', 'plank', day(8), { holdSec: { total: 20, left: 0, right: 0 } });
    const video = rec('v', 'plank', day(9), { source: 'analysis', holdSec: { total: 90, left: 0, right: 0 } });
    const p = progressByDay([mine, video], 'plank');
    expect(p.map((d) => d.holdSec)).toEqual([20]);
    expect(exercisesWithSessions([video])).toEqual([]);
    expect(exercisesWithSessions([mine, video, rec('w', 'bicycle', day(10), { source: 'analysis' })])).toEqual(['plank']);
  });
  it('lists exercises with sessions, latest first', () => {
    expect(exercisesWithSessions(sessions)).toEqual(['side-bend', 'plank']);
    expect(progressByDay(sessions, 'bicycle')).toEqual([]);
  });
});
