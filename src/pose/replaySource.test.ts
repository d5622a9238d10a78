import { describe, expect, it } from 'vitest';
import { framesToFixture } from '../core/fixture';
import type { PoseFrame } from '../core/pose';
import { COCO17 } from '../core/pose';
import { createReplaySource } from './replaySource';

// Three frames: a person drifting right, then nobody.
const frames: PoseFrame[] = [0, 1].map((i) => ({
  t: i * 100,
  width: 640,
  height: 360,
  poses: [{ score: 0.8, keypoints: COCO17.map((name, k) => ({ name, x: 100 + 10 * i + k, y: 50 + k, score: 0.8 })) }],
}));
frames.push({ t: 200, width: 640, height: 360, poses: [] });
const fixture = framesToFixture(frames, { source: 'test', model: 'movenet-thunder', fps: 10 });

describe('createReplaySource', () => {
  it('returns the recorded frames in order, one per call, then nothing', async () => {
    const src = createReplaySource(fixture);
    const a = await src.estimate(null, 0);
    const b = await src.estimate(null, 100);
    const c = await src.estimate(null, 200);
    expect(a[0]?.keypoints[0]).toEqual({ name: 'nose', x: 100, y: 50, score: 0.8 });
    expect(b[0]?.keypoints[16]).toEqual({ name: 'right_ankle', x: 126, y: 66, score: 0.8 });
    expect(c).toEqual([]);
    expect(src.done).toBe(true);
    expect(await src.estimate(null, 300)).toEqual([]);
  });

  it('starts over on reset, and loops when asked', async () => {
    const src = createReplaySource(fixture, { loop: true });
    for (let i = 0; i < 3; i++) await src.estimate(null, 0);
    expect((await src.estimate(null, 0))[0]?.keypoints[0]?.x).toBe(100);
    src.reset();
    expect(src.position).toBe(0);
  });

  it('refuses to run after dispose', async () => {
    const src = createReplaySource(fixture);
    src.dispose();
    await expect(src.estimate(null, 0)).rejects.toThrow(/disposed/);
  });
});
