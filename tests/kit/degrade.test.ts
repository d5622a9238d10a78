import { describe, expect, it } from 'vitest';
import { atScale, DEGRADATIONS, seedOf, thinToRate, withJitter, withLostFrames } from './degrade';
import type { PoseFrame } from '../../src/core/pose';
import { loadClip } from './replay';

const at = (ms: number[]): PoseFrame[] => ms.map((t) => ({ t, width: 640, height: 360, poses: [] }));
const stream15 = (n: number) => at(Array.from({ length: n }, (_, i) => Math.round(((i * 1000) / 15) * 10) / 10));

describe('thinToRate', () => {
  it('keeps two of every three 15 fps frames for 10 fps, 67 and 133 ms apart', () => {
    const t = thinToRate(stream15(9), 10).map((f) => f.t);
    expect(t).toEqual([0, 133.3, 200, 333.3, 400, 533.3]);
  });

  it('keeps every other frame for 7.5 fps and one in three for 5 fps', () => {
    expect(thinToRate(stream15(30), 7.5)).toHaveLength(15);
    expect(thinToRate(stream15(30), 5)).toHaveLength(10);
  });

  it('returns a stream already slower than the pace whole, and refuses a pace that is not a rate', () => {
    const slow = at([0, 250, 500, 750]);
    expect(thinToRate(slow, 10)).toEqual(slow);
    expect(() => thinToRate(slow, 0)).toThrow(/positive/);
  });

  it('thins a recorded clip to the pace asked for', async () => {
    const frames = await loadClip('03_plank_forearm_side_kaiakol005');
    const kept = thinToRate(frames, 10);
    const sec = (frames.at(-1)!.t - frames[0]!.t) / 1000;
    expect(kept.length / sec).toBeGreaterThan(9.5);
    expect(kept.length / sec).toBeLessThan(10.5);
    expect(kept.every((f, i) => i === 0 || f.t > kept[i - 1]!.t)).toBe(true);
  });
});

describe('the other degradations', () => {
  it('lose the share of frames asked for, the same ones on every run', async () => {
    const frames = await loadClip('03_plank_forearm_side_kaiakol005');
    const a = withLostFrames(frames, 0.25, seedOf('03'));
    const empty = a.filter((f) => f.poses.length === 0).length / a.length;
    expect(empty).toBeGreaterThan(0.18);
    expect(empty).toBeLessThan(0.32);
    expect(withLostFrames(frames, 0.25, seedOf('03'))).toEqual(a);
  });

  it('jitter the points by about the share asked for, and scale every pixel measure', async () => {
    const frames = await loadClip('03_plank_forearm_side_kaiakol005');
    const j = withJitter(frames, 0.01, 1);
    const d = frames.flatMap((f, i) => f.poses[0]?.keypoints.map((k, n) => j[i]!.poses[0]!.keypoints[n]!.x - k.x) ?? []);
    const sd = Math.sqrt(d.reduce((s, x) => s + x * x, 0) / d.length);
    expect(sd / Math.max(frames[0]!.width, frames[0]!.height)).toBeCloseTo(0.01, 2);
    const half = atScale(frames, 0.5);
    expect(half[0]!.width).toBe(frames[0]!.width / 2);
    expect(half[10]!.poses[0]!.keypoints[5]!.x).toBe(frames[10]!.poses[0]!.keypoints[5]!.x / 2);
    expect(DEGRADATIONS.map((d) => d.label)).toContain('half the resolution');
  });
});
