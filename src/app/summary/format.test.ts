import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../core/exercises';
import type { SessionRecord } from '../../storage/schema';
import { chartRange, chartSeries, clock, countLines, faultHeldLine, formLine, metricMeta, notHeldLine, rangeOfMotion } from './format';

const base: SessionRecord = {
  id: 'a',
  version: 1,
  exerciseId: 'plank',
  source: 'live',
  startedAt: 0,
  updatedAt: 0,
  endedAt: 1,
  reps: { total: 0, left: 0, right: 0 },
  holdSec: { total: 31.6, left: 0, right: 0 },
  goodFormSec: 10,
  activeSec: 20,
  faults: [],
  metric: { label: 'shoulder–hip–ankle angle (°)', unit: '°', series: [], min: 151.2, max: 178.4 },
  painBefore: null,
  painAfter: null,
  target: { holdSec: 30 },
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
    // A target per side is one per side, and the reps in all read against both: never "7 / 8".
    expect(countLines(row).map((l) => `${l.label}: ${l.value}`)).toEqual([
      'Left side: 3 / 8',
      'Right side: 4 / 8',
      'Reps in all: 7 (target 8 + 8 reps)',
    ]);
    const bike = { ...base, exerciseId: 'bicycle', reps: { total: 20, left: 10, right: 10 }, target: { reps: 10 } };
    expect(countLines(bike).at(-1)).toEqual({ label: 'Reps in all', value: '20 (target 10 + 10 reps)', done: true });
    expect(countLines({ ...bike, reps: { total: 20, left: 13, right: 7 } }).at(-1)!.done).toBe(false);
    const bend = { ...base, exerciseId: 'side-bend', holdSec: { total: 40, left: 25, right: 15 }, target: { holdSec: 20 } };
    expect(countLines(bend)).toEqual([
      { label: 'Held, left side', value: '0:25 / 0:20', done: true },
      { label: 'Held, right side', value: '0:15 / 0:20', done: false },
    ]);
  });
  it("reports range of motion in the exercise's own terms", () => {
    expect(rangeOfMotion({ ...base, exerciseId: 'side-bend', metric: { ...base.metric, min: -18.4, max: 22.6 } })?.text).toBe(
      '23° to your left, 18° to your right',
    );
    // The rotation stretch's shoulder turn (0–1) in degrees: acos(1 − 0.5) = 60°.
    expect(rangeOfMotion({ ...base, exerciseId: 'rotation-stretch', metric: { ...base.metric, unit: '', min: 0, max: 0.5 } })?.text).toBe(
      'up to 60° (estimated from how far the shoulders turned)',
    );
    expect(rangeOfMotion(base)).toBeNull();
    expect(rangeOfMotion({ ...base, exerciseId: 'hamstring-stretch', metric: { ...base.metric, min: 3, max: 31.6 } })?.text).toBe(
      'up to 32°',
    );
    expect(rangeOfMotion({ ...base, metric: { ...base.metric, min: null, max: null } })).toBeNull();
  });
  it("stores every exercise's metric label and unit from its record", () => {
    for (const def of Object.values(EXERCISES)) {
      const { unit, label } = metricMeta(def);
      expect(label, def.id).not.toMatch(/[()]/);
      expect(['°', 'torso lengths', ''].includes(unit), def.id).toBe(true);
      expect(chartRange({ ...base, exerciseId: def.id, metric: { ...base.metric, min: null, max: null } }), def.id).toEqual([
        ...def.metric.span,
      ]);
    }
  });
  it('tells one story: the form figure is over the time held (holds) or the reps counted (reps), never "in position"', () => {
    const hold = { ...base, holdSec: { total: 14.2, left: 0, right: 0 }, activeSec: 14.2, goodFormSec: 7.1, faultHeldSec: 7.1, setSec: 40 };
    expect(formLine(hold)).toEqual({ label: 'Good form', value: '50 % (0:07 of 0:14 held)' });
    // An older hold record (no held-with-a-fault figure): the share of the time, said as such.
    const { faultHeldSec: _f, ...olderHold } = hold;
    expect(formLine(olderHold)).toEqual({ label: 'Good form', value: '50 % of the time' });
    expect(notHeldLine(hold)).toBe('0:26 of the 0:40 set');
    expect(notHeldLine({ ...hold, setSec: 15 })).toBeNull();
    expect(formLine({ ...hold, holdSec: { total: 0, left: 0, right: 0 } })).toBeNull();
    const reps = { ...base, exerciseId: 'ab-crunch', reps: { total: 8, left: 0, right: 0 }, repsGood: 6, target: { reps: 10 } };
    expect(formLine(reps)).toEqual({ label: 'Good form', value: '75 % (6 of 8 reps)' });
    expect(formLine({ ...reps, reps: { total: 0, left: 0, right: 0 }, repsGood: 0 })).toBeNull();
    for (const r of [hold, reps]) expect(JSON.stringify(formLine(r))).not.toMatch(/in position/);
  });
  it('a hold held while a form problem stood says so, naming the problem said most; nothing for a moment or for reps', () => {
    const piked: SessionRecord = {
      ...base,
      holdSec: { total: 9.4, left: 0, right: 0 },
      activeSec: 9.4,
      goodFormSec: 1.1,
      faultHeldSec: 8.3,
      faults: [
        { id: 'hips-sagging', message: 'Lift your hips into line', count: 1, atSec: [3] },
        { id: 'hips-high', message: 'Lower your hips into line', count: 13, atSec: [2] },
      ],
    };
    expect(formLine(piked)).toEqual({ label: 'Good form', value: '12 % (0:01 of 0:09 held)' });
    expect(faultHeldLine(piked)).toBe('0:08 of the 0:09 held, while told: Lower your hips into line');
    expect(faultHeldLine({ ...piked, faultHeldSec: 0.6 })).toBeNull();
    // Older records have no such figure: nothing is made up.
    const { faultHeldSec: _, ...older } = piked;
    expect(faultHeldLine(older)).toBeNull();
    expect(faultHeldLine({ ...piked, exerciseId: 'ab-crunch' })).toBeNull();
  });
  it("charts break where the samples stop, and the y-axis spans what the exercise's rules judge", () => {
    const { x, y } = chartSeries([
      [0, 170],
      [0.5, 171],
      [1, 170],
      [5, 172],
      [5.5, 171],
    ]);
    expect(y).toEqual([170, 171, 170, null, 172, 171]);
    expect(x[3]).toBe(3);
    // ±3° of noise on a plank: the axis still spans 140–185°, so the noise looks small.
    expect(chartRange({ ...base, metric: { ...base.metric, min: 174, max: 180 } })).toEqual([140, 185]);
    expect(chartRange({ ...base, metric: { ...base.metric, min: 120, max: 180 } })).toEqual([120, 185]);
  });
});
