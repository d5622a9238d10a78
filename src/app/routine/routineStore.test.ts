import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ROUTINE, RoutineError } from '../../session/routine';
import { blockFor, loadRoutine, resetRoutine, saveAmounts, saveRoutine } from './routineStore';
import { memoryStorage } from '../../../tests/kit/memoryStorage';

describe('routine storage', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: Storage }).localStorage = memoryStorage();
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  it('starts from the defaults, and a saved edit is read back', () => {
    expect(loadRoutine()).toEqual(DEFAULT_ROUTINE);
    const mine = { id: 'mine', name: 'Mine', blocks: [{ exerciseId: 'plank', sets: 3, holdSec: 15, restSec: 30 }] };
    saveRoutine(mine);
    expect(loadRoutine()).toEqual(mine);
    expect(resetRoutine()).toEqual(DEFAULT_ROUTINE);
    expect(loadRoutine()).toEqual(DEFAULT_ROUTINE);
  });

  it('an invalid edit is refused with a message and nothing is stored', () => {
    const bad = { id: 'mine', name: 'Mine', blocks: [{ exerciseId: 'plank', sets: Number.NaN, holdSec: 15, restSec: 30 }] };
    expect(() => saveRoutine(bad)).toThrow(RoutineError);
    expect(() => saveRoutine(bad)).toThrow(/sets must be a whole number/);
    expect(loadRoutine()).toEqual(DEFAULT_ROUTINE);
  });

  it('a damaged stored routine falls back to the defaults', () => {
    localStorage.setItem('form-coach:routine@1', '{"id": "x", "blocks": [');
    expect(loadRoutine()).toEqual(DEFAULT_ROUTINE);
    localStorage.setItem(
      'form-coach:routine@1',
      JSON.stringify({ id: 'x', name: 'x', blocks: [{ exerciseId: 'yoga', sets: 1, reps: 5, restSec: 0 }] }),
    );
    expect(loadRoutine()).toEqual(DEFAULT_ROUTINE);
  });

  it('the defaults are a copy: editing the loaded routine never changes DEFAULT_ROUTINE', () => {
    const r = loadRoutine();
    r.blocks[0]!.sets = 9;
    expect(DEFAULT_ROUTINE.blocks[0]!.sets).not.toBe(9);
  });

  it("a card's numbers change that exercise in the routine, and only that one; bad numbers keep the old ones", () => {
    const r = saveAmounts(loadRoutine(), 'plank', { sets: 3, holdSec: 30 });
    expect(blockFor(r, 'plank')).toEqual({ exerciseId: 'plank', sets: 3, holdSec: 30, restSec: 45 });
    expect(blockFor(loadRoutine(), 'plank')).toEqual(blockFor(r, 'plank'));
    const others = (x: typeof r) => x.blocks.filter((b) => b.exerciseId !== 'plank');
    expect(others(loadRoutine())).toEqual(others(DEFAULT_ROUTINE));
    // A hold field never turns a rep exercise into a hold (and back).
    expect(blockFor(saveAmounts(r, 'bicycle', { holdSec: 40, reps: 12 }), 'bicycle')).toEqual({
      exerciseId: 'bicycle',
      sets: 2,
      reps: 12,
      restSec: 45,
    });
    expect(() => saveAmounts(r, 'plank', { holdSec: 2 })).toThrow(/^hold must be 5 to 600 seconds$/);
    expect(() => saveAmounts(r, 'plank', { sets: 11 })).toThrow(/^sets must be a whole number from 1 to 10$/);
    expect(blockFor(loadRoutine(), 'plank')?.holdSec).toBe(30);
    expect(blockFor(loadRoutine(), 'not-there')).toBeNull();
  });
});
