// The 12th-exercise sketch: its file (arm-raise.ts), its counter kind (pairs.ts) and their tests. Registered at run
// time, it is an exercise like the shipped ones: the engine runs it on a real stream with its own counter kind, the
// default routine and the cards list it, the app's counter and summary read its counter's shape and its metric facts
// (no app file names it), and its card has no demo figure (the card says so).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXERCISE_IDS, EXERCISES, exerciseList, isExerciseId, registerExercise } from '../../src/core/exercises';
import type { ExerciseId } from '../../src/core/exercises';
import { defaultRoutine } from '../../src/session/routine';
import { cameraNeeds, equipmentText, routineEquipment } from '../../src/app/exercises/cardText';
import { loadClip } from '../kit/replay';
import { replayFrames } from '../kit/exerciseReplay';
import { summarize } from '../../src/core/summary';
import { counterMode, targetReached } from '../../src/app/live/target';
import { chartRange, countLines } from '../../src/app/summary/format';
import type { SessionRecord } from '../../src/storage/schema';
import { armRaise } from './arm-raise';

const id = 'arm-raise' as ExerciseId;
let unregister: () => void = () => {};
beforeAll(() => {
  unregister = registerExercise(armRaise);
});
afterAll(() => unregister());

describe('a 12th exercise in one file', () => {
  it('registers: its id is known and its record is listed after the shipped ones', () => {
    expect(isExerciseId('arm-raise')).toBe(true);
    expect(EXERCISE_IDS.at(-1)).toBe('arm-raise');
    expect(exerciseList().at(-1)).toBe(armRaise);
    expect(EXERCISES[id]?.name).toBe('Arm raise');
  });

  it('runs through the engine on a recorded stream with its own counter kind: the three raises of clip 24, both arms each time, are three reps', async () => {
    const frames = await loadClip('24_reverse_fly_incline_bench_klarfit', 'movenet-thunder');
    const r = replayFrames(id, frames, '24');
    // The catalogue's tops: ≈1.5, 3.1 and 4.8 s; a pair is counted when its second arm reaches the top.
    expect(r.reps).toHaveLength(3);
    r.reps.forEach((x, i) => expect(Math.abs(x.tSec - [1.5, 3.1, 4.8][i]!)).toBeLessThan(0.6));
    // Its own rule runs on its own memory: played three times faster, the raises come too soon.
    const fast = replayFrames(
      id,
      frames.map((f) => ({ ...f, t: f.t / 3 })),
      '24 x3',
    );
    expect(fast.faultStarts.map((f) => f.id)).toContain('too-fast');
    expect(summarize(id, frames, '24').reps.total).toBe(3);
  });

  it("the app reads its counter and metric from the record: the set's target, the counter line, the summary", () => {
    expect(counterMode(EXERCISES[id])).toEqual({ mode: 'reps', sides: false });
    const counts = (total: number) => ({ total, left: 0, right: 0 });
    expect(targetReached(EXERCISES[id], { reps: counts(8), holdSec: counts(0) }, { reps: 8 })).toBe(true);
    const rec = {
      id: 'a',
      version: 1,
      exerciseId: id,
      source: 'live',
      startedAt: 0,
      updatedAt: 0,
      endedAt: 1,
      reps: counts(6),
      holdSec: counts(0),
      goodFormSec: 0,
      activeSec: 20,
      faults: [],
      metric: { label: 'hand depth below shoulder', unit: 'torso lengths', series: [], min: 0.3, max: 1.1 },
      painBefore: null,
      painAfter: null,
      target: { reps: 8 },
    } as SessionRecord;
    expect(countLines(rec)).toEqual([{ label: 'Reps', value: '6 / 8', done: false }]);
    expect(chartRange(rec)).toEqual([0.2, 1.1]);
  });

  it("appears in the default routine with its record's defaults, and on the cards", () => {
    expect(defaultRoutine().blocks.at(-1)).toEqual({ exerciseId: 'arm-raise', sets: 2, reps: 8, restSec: 45 });
    expect(equipmentText(id)).toBe('Light dumbbells');
    expect(cameraNeeds(EXERCISES[id])).toBe('Side-on or facing it, head to hips in view');
    expect(routineEquipment(['plank', id])).toEqual(['A mat', 'Light dumbbells']);
    expect(armRaise.demo).toBeUndefined();
  });

  it('goes away when unregistered, leaving the shipped eleven', () => {
    unregister();
    expect(isExerciseId('arm-raise')).toBe(false);
    expect(EXERCISE_IDS).toHaveLength(11);
    expect(defaultRoutine().blocks).toHaveLength(11);
    unregister = registerExercise(armRaise);
  });
});
