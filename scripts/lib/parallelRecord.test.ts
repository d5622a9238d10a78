// The parallel recorder (parallelRecord.ts): how a video is cut and shared out, that a range decode gives the
// very frames of a decode from the start, that each segment restarts the model on its warm-up, and, on a shared
// clip with the real model, that one thread and two give the same keypoints to the bit.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pose, PoseFrame } from '../../src/core/pose';
import { repoRoot, videosDir } from './clips';
import type { FrameModel, Segment } from './parallelRecord';
import {
  blockRange,
  blocksFor,
  joinBlocks,
  MAX_SEGMENTS,
  MIN_SEGMENT_FRAMES,
  parseWorkers,
  planSegments,
  runSegments,
} from './parallelRecord';
import { recordVideo } from './recorder';
import type { RgbFrame } from './video';
import { decodeFrames } from './video';

describe('cutting a video into segments and blocks', () => {
  it('cuts by the video alone: equal segments of at least MIN_SEGMENT_FRAMES, at most MAX_SEGMENTS, warm-ups after the first', () => {
    expect(planSegments(100, 15)).toEqual([{ keep: 0, end: null, warm: 0 }]);
    expect(planSegments(139, 15)).toEqual([
      { keep: 0, end: 70, warm: 0 },
      { keep: 70, end: null, warm: 8 },
    ]);
    const long = planSegments(9000, 15);
    expect(long).toHaveLength(MAX_SEGMENTS);
    expect(long.every((s, i) => i === 0 || s.keep === long[i - 1]!.end)).toBe(true);
    expect(long.slice(0, -1).every((s) => s.end! - s.keep >= MIN_SEGMENT_FRAMES)).toBe(true);
    expect(planSegments(600, 10).map((s) => s.warm)).toEqual([0, 5, 5, 5, 5, 5, 5, 5]);
  });

  it('shares the segments out in contiguous blocks of about equal work, never more blocks than segments', () => {
    const segs = planSegments(600, 15);
    const two = blocksFor(segs, 2, 600);
    expect(two).toHaveLength(2);
    expect(two.flat()).toEqual(segs);
    expect(two.map((b) => b.length)).toEqual([4, 4]);
    expect(blocksFor(segs, 1, 600)).toEqual([segs]);
    expect(blocksFor(planSegments(139, 15), 8, 139)).toHaveLength(2);
    expect(blocksFor(planSegments(100, 15), 4, 100)).toHaveLength(1);
    // A block decodes from its first segment's warm-up to its last segment's end.
    expect(blockRange(two[1]!)).toEqual({ first: 300 - 8, count: undefined });
    expect(blockRange(two[0]!)).toEqual({ first: 0, count: 300 });
  });

  it('joins blocks in order and refuses a gap between them', () => {
    const fr = (i: number): PoseFrame => ({ t: (i * 1000) / 15, width: 1, height: 1, poses: [] });
    const blocks: Segment[][] = [[{ keep: 0, end: 3, warm: 0 }], [{ keep: 3, end: null, warm: 8 }]];
    const ok = joinBlocks(
      blocks,
      [
        { frames: [0, 1, 2].map(fr), inferMs: [1, 1, 1] },
        { frames: [3, 4].map(fr), inferMs: [2, 2] },
      ],
      15,
    );
    expect(ok.frames.map((f) => f.t)).toEqual([0, 1, 2, 3, 4].map((i) => fr(i).t));
    expect(() =>
      joinBlocks(
        blocks,
        [
          { frames: [0, 1].map(fr), inferMs: [1, 1] },
          { frames: [3, 4].map(fr), inferMs: [2, 2] },
        ],
        15,
      ),
    ).toThrow(/do not join/);
  });

  it('reads --workers', () => {
    expect(parseWorkers(undefined)).toBeUndefined();
    expect(parseWorkers('3')).toBe(3);
    expect(() => parseWorkers('0')).toThrow(/whole number from 1/);
    expect(() => parseWorkers('two')).toThrow(/whole number from 1/);
  });
});

describe('runSegments', () => {
  /** A model that remembers what it saw since its last reset: its pose score is that count, so state shows. */
  function fakeSource(log: string[]): FrameModel {
    let seen = 0;
    return {
      estimate: (f) => {
        seen += 1;
        log.push(`see ${f.index}`);
        return Promise.resolve({ frame: { t: f.t, width: 1, height: 1, poses: [{ score: seen, keypoints: [] } as Pose] }, ms: 1 });
      },
      reset: () => {
        seen = 0;
        log.push('reset');
      },
    };
  }
  async function* frames(from: number, to: number): AsyncGenerator<RgbFrame> {
    for (let i = from; i < to; i++) yield { index: i, t: (i * 1000) / 15, width: 1, height: 1, rgb: new Uint8Array(3) };
  }

  it('resets the model at each segment and runs the warm-up frames through it first, not kept', async () => {
    const segs: Segment[] = [
      { keep: 0, end: 5, warm: 0 },
      { keep: 5, end: null, warm: 2 },
    ];
    const log: string[] = [];
    const kept: [number, number][] = [];
    await runSegments(fakeSource(log), frames(0, 8), segs, (f, _ms, k) => {
      if (k) kept.push([Math.round((f.t * 15) / 1000), f.poses[0]!.score!]);
      else log.push(`warm ${Math.round((f.t * 15) / 1000)}`);
    });
    expect(log).toEqual([
      'reset',
      'see 0',
      'see 1',
      'see 2',
      'see 3',
      'see 4',
      'reset',
      'see 3',
      'warm 3',
      'see 4',
      'warm 4',
      'see 5',
      'see 6',
      'see 7',
    ]);
    // Frame 5 is the reset model's third frame (after warm-up frames 3 and 4), as in any block that starts there.
    expect(kept).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 3],
      [6, 4],
      [7, 5],
    ]);
  });

  it("a block that starts at a later segment begins with that segment's warm-up: the same states as one thread", async () => {
    const segs: Segment[] = [
      { keep: 0, end: 5, warm: 0 },
      { keep: 5, end: null, warm: 2 },
    ];
    const whole: [number, number][] = [];
    await runSegments(fakeSource([]), frames(0, 8), segs, (f, _ms, k) => {
      if (k) whole.push([f.t, f.poses[0]!.score!]);
    });
    const second: [number, number][] = [];
    const r = blockRange([segs[1]!]);
    await runSegments(fakeSource([]), frames(r.first, 8), [segs[1]!], (f, _ms, k) => {
      if (k) second.push([f.t, f.poses[0]!.score!]);
    });
    expect(second).toEqual(whole.slice(5));
  });
});

const hasFfmpeg = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasFfmpeg)('a range decode gives the frames of a decode from the start', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'form-coach-range-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const hash = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');
  async function hashes(path: string, o: Parameters<typeof decodeFrames>[1]): Promise<{ index: number; t: number; h: string }[]> {
    const out = [];
    for await (const f of decodeFrames(path, o)) out.push({ index: f.index, t: f.t, h: hash(f.rgb) });
    return out;
  }
  async function expectSameFrames(path: string, fps: number): Promise<void> {
    const all = await hashes(path, { fps, maxSide: 160 });
    expect(all.length).toBeGreaterThan(60);
    for (const first of [1, 3, 37, all.length - 20]) {
      const part = await hashes(path, { fps, maxSide: 160, range: { first, count: 15 } });
      expect(part, `${path} from ${first}`).toEqual(all.slice(first, first + 15));
    }
  }

  it('a 30 fps video sampled at 15 and 10 fps (ticks between its frames), seeking past 2 s', async () => {
    // testsrc draws a frame counter, so a frame one off never hashes the same.
    const v = join(dir, 'cfr.mp4');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=30',
      '-t',
      '8',
      '-pix_fmt',
      'yuv420p',
      '-g',
      '48',
      v,
    ]);
    await expectSameFrames(v, 15);
    await expectSameFrames(v, 10);
  });

  it('a 23.976 fps video whose picture starts 0.04 s after its sound (as clips 28 and e10 do)', async () => {
    const v = join(dir, 'late.mp4');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-itsoffset',
      '0.0417',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=24000/1001',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440',
      '-t',
      '8',
      '-map',
      '0:v',
      '-map',
      '1:a',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      v,
    ]);
    await expectSameFrames(v, 15);
  });
});

const clip = join(videosDir, '09_bicycle_crunch_klarfit.mp4');
describe.skipIf(!hasFfmpeg || !existsSync(clip))('one thread and two give the same keypoints (real clip, real model)', () => {
  it('09 (fast bicycle crunches, 139 frames, two segments), MoveNet Lightning: identical frames, to the bit', async () => {
    const one = await recordVideo({ video: clip, model: 'movenet-lightning', fps: 15, repoRoot, workers: 1 });
    const two = await recordVideo({ video: clip, model: 'movenet-lightning', fps: 15, repoRoot, workers: 2 });
    expect(one.frames).toHaveLength(139);
    expect(two.frames.map((f) => f.t)).toEqual(one.frames.map((f) => f.t));
    expect(two.frames).toEqual(one.frames);
    expect(two.fixture.frames).toEqual(one.fixture.frames);
  });
});
