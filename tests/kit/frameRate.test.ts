import { describe, expect, it } from 'vitest';
import { thinToRate } from './frameRate';
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
