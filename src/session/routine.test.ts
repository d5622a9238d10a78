import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTINE, finishSet, parseRoutine, restRemainingSec, skipExercise, startRoutine, tickRest } from './routine';
import type { Routine } from './routine';
import { EXERCISES, isExerciseId } from '../core/exercises';

const IDS = [
  'prone-press-up',
  'rotation-stretch',
  'side-bend',
  'hamstring-stretch',
  'ab-crunch',
  'ball-crunch',
  'plank',
  'bench-press',
  'reverse-fly',
  'dumbbell-row',
  'bicycle',
];

describe('routine', () => {
  it("the starting routine uses each exercise's own starting amounts, so the cards and the routine agree", () => {
    expect(DEFAULT_ROUTINE.blocks.map((b) => b.exerciseId).sort()).toEqual(Object.keys(EXERCISES).sort());
    for (const b of DEFAULT_ROUTINE.blocks) {
      expect(isExerciseId(b.exerciseId), b.exerciseId).toBe(true);
      if (!isExerciseId(b.exerciseId)) continue;
      const d = EXERCISES[b.exerciseId].defaults;
      expect({ id: b.exerciseId, sets: b.sets, amount: b.holdSec ?? b.reps }).toEqual({
        id: b.exerciseId,
        sets: d.sets,
        amount: b.holdSec !== undefined ? d.holdSec : d.reps,
      });
    }
  });

  it('the default routine covers all eleven exercises in the article order and is valid', () => {
    expect(DEFAULT_ROUTINE.blocks.map((b) => b.exerciseId)).toEqual(IDS);
    expect(parseRoutine(DEFAULT_ROUTINE, IDS)).toEqual(DEFAULT_ROUTINE);
  });

  it('walks set → rest → set → next exercise → done', () => {
    const r: Routine = {
      id: 'r',
      name: 'Two',
      blocks: [
        { exerciseId: 'plank', sets: 2, holdSec: 20, restSec: 30 },
        { exerciseId: 'bicycle', sets: 1, reps: 10, restSec: 0 },
      ],
    };
    let s = startRoutine(r);
    expect(s.setsTotal).toBe(3);
    expect(s.step).toMatchObject({ kind: 'set', blockIndex: 0, set: 1 });
    s = finishSet(s, 1000);
    expect(s.step).toMatchObject({ kind: 'rest', untilMs: 31_000 });
    expect(restRemainingSec(s, 11_000)).toBe(20);
    expect(tickRest(s, 30_999).step.kind).toBe('rest');
    s = tickRest(s, 31_000);
    expect(s.step).toMatchObject({ kind: 'set', blockIndex: 0, set: 2 });
    s = finishSet(s, 60_000);
    s = tickRest(s, 60_000, true);
    expect(s.step).toMatchObject({ kind: 'set', blockIndex: 1, set: 1 });
    s = finishSet(s, 90_000);
    expect(s.step.kind).toBe('done');
    expect(s.setsDone).toBe(3);
  });

  it('skipping an exercise counts its remaining sets and moves on', () => {
    let s = startRoutine(DEFAULT_ROUTINE);
    s = skipExercise(s);
    expect(s.step).toMatchObject({ kind: 'set', blockIndex: 1, set: 1 });
    expect(s.setsDone).toBe(2);
  });

  it('rejects edits that make no sense, with a reason naming the exercise', () => {
    const bad = (blocks: unknown[]) => () => parseRoutine({ id: 'x', name: 'x', blocks }, IDS);
    expect(bad([])).toThrow(/at least one/);
    expect(bad([{ exerciseId: 'squat', sets: 1, reps: 5, restSec: 0 }])).toThrow(/unknown exercise "squat"/);
    expect(bad([{ exerciseId: 'plank', sets: 0, holdSec: 20, restSec: 0 }])).toThrow(/exercise 1: sets/);
    expect(bad([{ exerciseId: 'plank', sets: 1, reps: 5, holdSec: 20, restSec: 0 }])).toThrow(/either reps or a hold/);
    expect(bad([{ exerciseId: 'plank', sets: 1, holdSec: 2, restSec: 0 }])).toThrow(/hold must be/);
  });
});
