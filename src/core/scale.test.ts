// A camera's resolution is not the person's size: the same picture at 320 or 1280 px on its long side is coached
// as at 640, the size the recorded streams (and the smoothing's speed term, px/s) were made at (perception.ts
// SMOOTH_SIDE_PX). Read at half size, the good row 20 read a 1.07 s torso-swing and c18 lost 2 of its 8 touches.
import { describe, expect, it } from 'vitest';
import { summarize } from './summary';
import { loadClip } from '../../tests/kit/replay';
import { atScale } from '../../tests/kit/degrade';

describe('the coach at another camera resolution', () => {
  it.each([
    ['20_db_row_one_arm_klarfit', 'dumbbell-row'],
    ['c18_bicycle_crunch_side_backlit_shutterstock-harish', 'bicycle'],
    ['03_plank_forearm_side_kaiakol005', 'plank'],
  ] as const)('%s: the same reps, hold and faults at half and at twice the size', async (clip, exercise) => {
    const frames = await loadClip(clip);
    const read = (k: number) => {
      const s = summarize(exercise, atScale(frames, k), clip, { model: 'movenet-thunder' });
      return { reps: s.reps.total, hold: s.holdSec, faults: s.faults.map((f) => [f.id, f.startSec, f.endSec]) };
    };
    const at1 = read(1);
    expect(read(0.5)).toEqual(at1);
    expect(read(2)).toEqual(at1);
  });
});
