// The 12th-exercise sketch: one file (arm-raise.ts) and this test. Registered at run time, it is an exercise like
// the shipped ones: the engine runs it on a real stream, the default routine and the cards list it, and its card
// has no demo figure (the card says so).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXERCISE_IDS, EXERCISES, exerciseList, isExerciseId, registerExercise } from '../../src/core/exercises';
import type { ExerciseId } from '../../src/core/exercises';
import { defaultRoutine } from '../../src/session/routine';
import { cameraNeeds, equipmentText, routineEquipment } from '../../src/app/exercises/cardText';
import { loadClip } from '../kit/replay';
import { replayFrames } from '../kit/exerciseReplay';
import { summarize } from '../../src/core/summary';
import { armRaise } from './arm-raise';

const id = 'arm-raise' as ExerciseId;
let unregister: () => void = () => {};
beforeAll(() => { unregister = registerExercise(armRaise); });
afterAll(() => unregister());

describe('a 12th exercise in one file', () => {
  it('registers: its id is known and its record is listed after the shipped ones', () => {
    expect(isExerciseId('arm-raise')).toBe(true);
    expect(EXERCISE_IDS.at(-1)).toBe('arm-raise');
    expect(exerciseList().at(-1)).toBe(armRaise);
    expect(EXERCISES[id]?.name).toBe('Arm raise');
  });

  it('runs through the engine on a recorded stream: the two raises of clip 23 are counted at the catalogued tops', async () => {
    const frames = await loadClip('23_reverse_fly_bent_over_klarfit', 'movenet-thunder');
    if (!frames) throw new Error('the committed fixture 23_reverse_fly_bent_over_klarfit.movenet-thunder.json is missing');
    const r = replayFrames(id, frames, '23');
    // The catalogue's tops: ≈3.5 and 6.4 s.
    expect(r.reps).toHaveLength(2);
    r.reps.forEach((x, i) => expect(Math.abs(x.tSec - [3.5, 6.4][i]!)).toBeLessThan(0.6));
    // Its own rule runs on its own memory: played three times faster, the second raise comes too soon.
    const fast = replayFrames(id, frames.map((f) => ({ ...f, t: f.t / 3 })), '23 x3');
    expect(fast.faultStarts.map((f) => f.id)).toContain('too-fast');
    expect(summarize(id, frames, '23').reps.total).toBe(2);
  });

  it('appears in the default routine with its record\'s defaults, and on the cards', () => {
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
