// The frame decoder on small videos made here with ffmpeg's own test sources, so these tests run wherever
// ffmpeg does, shared clips or not. The pixel values are known because we painted them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RgbFrame } from './video';
import { decodeFrames, detectCrop, filterChain, fitSize, parseCrop, probeVideo } from './video';

const hasFfmpeg = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasFfmpeg) console.warn('video.test: ffmpeg is not installed (apt-get install ffmpeg); skipping the decoding tests');

async function collect(it: AsyncIterable<RgbFrame>): Promise<RgbFrame[]> {
  const out: RgbFrame[] = [];
  for await (const f of it) out.push(f);
  return out;
}

/** Mean of each channel over a rectangle. */
function meanRgb(f: RgbFrame, x0: number, y0: number, w: number, h: number): [number, number, number] {
  const s = [0, 0, 0];
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      for (let c = 0; c < 3; c++) s[c]! += f.rgb[(y * f.width + x) * 3 + c]!;
    }
  }
  return s.map((v) => v / (w * h)) as [number, number, number];
}

describe('crop and size arithmetic', () => {
  it('parses ffmpeg crop strings and rejects others', () => {
    expect(parseCrop('404:720:438:0')).toEqual({ w: 404, h: 720, x: 438, y: 0 });
    expect(() => parseCrop('404x720')).toThrow(/w:h:x:y/);
    expect(() => parseCrop('0:720:0:0')).toThrow(/empty/);
  });

  it('shrinks to the longest side, keeps even sizes, never enlarges', () => {
    expect(fitSize(1920, 1080, 640)).toEqual({ width: 640, height: 360 });
    expect(fitSize(404, 720, 640)).toEqual({ width: 360, height: 640 });
    expect(fitSize(428, 396, 640)).toEqual({ width: 428, height: 396 });
    expect(fitSize(1080, 1440, 640)).toEqual({ width: 480, height: 640 });
  });

  it('crops before scaling and refuses a crop outside the frame', () => {
    const c = filterChain({ width: 1280, height: 720 }, { fps: 15, crop: parseCrop('404:720:438:0'), maxSide: 640 });
    expect(c.vf).toBe('crop=404:720:438:0,fps=15,scale=360:640:flags=area');
    expect(() => filterChain({ width: 1280, height: 720 }, { fps: 15, crop: parseCrop('404:720:900:0') })).toThrow(/does not fit/);
  });
});

describe.skipIf(!hasFfmpeg)('decodeFrames on generated video', () => {
  let dir = '';
  let boxed = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'form-coach-video-'));
    boxed = join(dir, 'boxed.mp4');
    // 2 s at 30 fps: a red 100×240 strip padded with black to 320×240, strip at x = 110 — like portrait video in bars.
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'color=c=red:s=100x240:r=30:d=2',
      '-vf',
      'pad=320:240:110:0:black',
      '-pix_fmt',
      'yuv420p',
      '-c:v',
      'libx264',
      '-qp',
      '0',
      boxed,
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('probes size, duration and rate', () => {
    const info = probeVideo(boxed);
    expect(info).toMatchObject({ width: 320, height: 240 });
    expect(info.duration).toBeCloseTo(2, 1);
    expect(info.fps).toBeCloseTo(30, 3);
  });

  it('reads a phone video stored sideways with a rotation tag as the upright picture ffmpeg decodes', async () => {
    const turned = join(dir, 'turned.mp4');
    // The boxed clip (320×240) stored with a 90° display rotation, as a phone writes a portrait video.
    execFileSync('ffmpeg', ['-v', 'error', '-i', boxed, '-metadata:s:v:0', 'rotate=90', '-c', 'copy', turned]);
    expect(probeVideo(turned)).toMatchObject({ width: 240, height: 320 });
    const frames = await collect(decodeFrames(turned, { fps: 5, maxSide: 160 }));
    expect([frames[0]!.width, frames[0]!.height]).toEqual([120, 160]);
    // Upright: the red strip now runs across the picture (rows 110–210 of 320 at full size).
    const f = frames[0]!;
    expect(meanRgb(f, 0, 60, 120, 40)[0]).toBeGreaterThan(200);
    expect(meanRgb(f, 0, 0, 120, 40)[0]).toBeLessThan(10);
  });

  it('samples at the requested rate with clip-relative timestamps', async () => {
    const frames = await collect(decodeFrames(boxed, { fps: 10 }));
    expect(frames).toHaveLength(20);
    expect(frames.map((f) => f.t).slice(0, 3)).toEqual([0, 100, 200]);
    expect(frames.every((f) => f.rgb.length === 320 * 240 * 3)).toBe(true);
    // Unchanged geometry: black bars left and right of the red strip.
    const f = frames[5]!;
    expect(meanRgb(f, 0, 0, 100, 240)[0]).toBeLessThan(10);
    expect(meanRgb(f, 130, 0, 60, 240)[0]).toBeGreaterThan(200);
  });

  it('cuts the bars away with a crop, then scales', async () => {
    const frames = await collect(decodeFrames(boxed, { fps: 5, crop: parseCrop('100:240:110:0'), maxSide: 120 }));
    expect(frames).toHaveLength(10);
    const f = frames[0]!;
    expect([f.width, f.height]).toEqual([50, 120]);
    const [r, g, b] = meanRgb(f, 0, 0, f.width, f.height);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(40);
    expect(b).toBeLessThan(40);
  });

  it('honours start and duration, keeping time from the clip start', async () => {
    const frames = await collect(decodeFrames(boxed, { fps: 10, start: 1, duration: 0.5 }));
    expect(frames.map((f) => f.t)).toEqual([1000, 1100, 1200, 1300, 1400]);
  });

  it('stops ffmpeg when the consumer stops early', async () => {
    let n = 0;
    for await (const _ of decodeFrames(boxed, { fps: 30 })) if (++n === 3) break;
    expect(n).toBe(3);
  });

  it('finds the black bars, and finds none in a full picture', () => {
    expect(detectCrop(boxed)).toEqual({ w: 100, h: 240, x: 110, y: 0 });
    const plain = join(dir, 'plain.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=30:d=1', '-pix_fmt', 'yuv420p', plain]);
    expect(detectCrop(plain)).toBeNull();
  });

  it('reports a missing file', async () => {
    await expect(collect(decodeFrames(join(dir, 'nope.mp4'), { fps: 10 }))).rejects.toThrow(/cannot read .*nope.mp4/);
  });
});
