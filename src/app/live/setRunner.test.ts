// The pure side of the live coach, in Node on a recorded stream (clip 03, a steady side plank, MoveNet
// Thunder): it owns the engine's clock (paused and resting time is never on it), the engine's lifecycle (a
// fresh engine at "Go") and the set's record (opened at Go, closed at the end).
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../core/exercises';
import type { PoseFrame } from '../../core/pose';
import { loadClip } from '../../../tests/kit/replay';
import { cardRoutine, openFlow } from './setFlow';
import type { RunEffect } from './setRunner';
import { SetRunner } from './setRunner';

async function clip03(): Promise<PoseFrame[]> {
  const f = await loadClip('03_plank_forearm_side_kaiakol005');
  if (!f) throw new Error('clip 03 keypoints missing');
  return f;
}

/** Feeds `n` frames of `frames` (looped), 1000/15 ms apart from `t0`; returns every effect and the last time. */
function feed(r: SetRunner, frames: readonly PoseFrame[], t0: number, n: number, from = 0): { fx: RunEffect[]; t: number } {
  const fx: RunEffect[] = [];
  let t = t0;
  for (let i = 0; i < n; i++) {
    t = t0 + (i * 1000) / 15;
    const f = frames[(from + i) % frames.length]!;
    fx.push(...r.frame({ ...f, t }, t).effects);
  }
  return { fx, t };
}

describe('SetRunner', () => {
  it('owns the engine: fresh at Go, its clock stands still through a pause, the record opens at Go and closes at the end', async () => {
    const frames = await clip03();
    let id = 0;
    const r = new SetRunner({ model: 'movenet-thunder', wall: () => 1_800_000_000_000, newId: () => `rec-${++id}` });
    r.open(openFlow('card', cardRoutine(EXERCISES.plank, { holdSec: 60 })));
    r.send({ type: 'check-in', t: 0, pain: null });
    const gen0 = r.engineGen;
    // Framing → countdown (ticks) → counting.
    let { t } = feed(r, frames, 0, 40);
    for (let k = 0; k < 20 && r.flow?.name === 'countdown'; k++) {
      t += 250;
      r.send({ type: 'tick', t });
    }
    expect(r.flow?.name).toBe('counting');
    expect(r.engineGen).toBeGreaterThan(gen0);
    expect(r.engineClock).toBe(0);
    const counted = feed(r, frames, t + 67, 60, 40);
    t = counted.t;
    const before = r.engineClock;
    expect(before).toBeGreaterThan(3000);
    expect(r.snapshot()?.id).toBe('rec-1');
    // Paused for 10 s of frames: the engine does not step, its clock stays, and the pause saved the record.
    const pauseFx = r.send({ type: 'pause', t });
    expect(pauseFx.some((e) => e.type === 'save')).toBe(true);
    const paused = feed(r, frames, t + 67, 150, 100);
    expect(r.engineClock).toBe(before);
    // Back: the gap is not on the clock; one frame interval at most is added per frame after it.
    r.send({ type: 'resume', t: paused.t });
    feed(r, frames, paused.t + 67, 15, 250);
    expect(r.engineClock - before).toBeGreaterThanOrEqual(14 * (1000 / 15) - 1);
    expect(r.engineClock - before).toBeLessThan(1000 + 1);
    // Stop: the open record is closed and saved, and kept for the summary.
    const end = r.send({ type: 'stop', t: paused.t + 2000 });
    const saves = end.filter((e): e is Extract<RunEffect, { type: 'save' }> => e.type === 'save');
    expect(saves.at(-1)?.record.endedAt).not.toBeNull();
    expect(end.some((e) => e.type === 'summary')).toBe(true);
    expect(r.records.map((x) => x.id)).toEqual(['rec-1']);
    expect(r.records[0]!.holdSec.total).toBeGreaterThan(2);
  });

  it('a frame while nothing runs (check-in, closed) steps no engine and gives no view', async () => {
    const frames = await clip03();
    const r = new SetRunner({ model: 'movenet-thunder', wall: () => 0, newId: () => 'x' });
    expect(r.frame(frames[0]!, 0).view).toBeNull();
    r.open(openFlow('card', cardRoutine(EXERCISES.plank)));
    expect(r.flow?.name).toBe('check-in');
    expect(r.frame(frames[0]!, 0).view).toBeNull();
    r.close();
    expect(r.flow).toBeNull();
    expect(r.hasEngine).toBe(false);
  });
});
