// The Node video path measures the picture's brightness as the live camera does (src/core/light.ts) and
// puts it on every analysed frame (PoseFrame.light), on videos made here with ffmpeg's own sources, so
// these run wherever ffmpeg does, shared clips or not. The recorder part also needs the model files (missing: it fails).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DARK_LIGHT } from '../src/core/engine';
import { frameLight, meanLuma } from '../src/core/light';
import { MODEL_FILES } from '../src/core/pose';
import { haveModels, repoRoot } from './lib/clips';
import { recordVideo, stringifyFixture } from './lib/recorder';
import { decodeFrames } from './lib/video';

let hasFfmpeg = true;
try {
  execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
} catch {
  hasFfmpeg = false;
}
if (!hasFfmpeg) console.warn('videoLight.test: ffmpeg is not installed (apt-get install ffmpeg); skipping');
const models = haveModels(MODEL_FILES['movenet-lightning']);

const dir = mkdtempSync(join(tmpdir(), 'fc-light-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 1 s, 10 fps, 320×240 video from an ffmpeg lavfi source ("color=c=black", "testsrc"), then `vf` if given. */
function makeVideo(name: string, source: string, vf?: string): string {
  const out = join(dir, `${name}.mp4`);
  const src = `${source}${source.includes('=') ? ':' : '='}s=320x240:r=10:d=1`;
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', src, ...(vf ? ['-vf', vf] : []), '-pix_fmt', 'yuv420p', out]);
  return out;
}

async function lights(video: string): Promise<{ full: number; sampled: number }[]> {
  const out: { full: number; sampled: number }[] = [];
  for await (const f of decodeFrames(video, { fps: 10 }))
    out.push({ full: meanLuma(f.rgb, 3)!, sampled: frameLight(f.rgb, f.width, f.height, 3, 4)! });
  return out;
}

describe.skipIf(!hasFfmpeg)('brightness of decoded frames', () => {
  it('painted colours come out at their own brightness; a room with the light off is below DARK_LIGHT, a dim one above', async () => {
    // Each colour goes through yuv420p and back, so allow a couple of levels (2/255 ≈ 0.008).
    const cases: [name: string, src: string, want: number, dark: boolean][] = [
      ['black', 'color=c=black', 0, true],
      ['lights-off', 'color=c=0x0a0a0a', 10 / 255, true],
      ['dim', 'color=c=0x282828', 40 / 255, false],
      ['grey', 'color=c=gray', 128 / 255, false],
    ];
    for (const [name, src, want, dark] of cases) {
      const ls = await lights(makeVideo(name, src));
      expect(ls, name).toHaveLength(10);
      for (const l of ls) {
        expect(Math.abs(l.sampled - want), name).toBeLessThan(0.008);
        expect(l.sampled, name).toBeCloseTo(l.full, 6);
        expect(l.sampled < DARK_LIGHT, name).toBe(dark);
      }
    }
  });

  it('a detailed picture (testsrc): step 4 within 0.01 of every pixel; darkened as the dark-room test does it, below DARK_LIGHT', async () => {
    const bright = await lights(makeVideo('testsrc', 'testsrc'));
    for (const l of bright) {
      expect(l.full).toBeGreaterThan(0.4);
      expect(Math.abs(l.sampled - l.full)).toBeLessThan(0.01);
    }
    // eq=brightness=-0.85 on its own leaves testsrc's saturated colour bars at ≈0.11; grey (saturation=0)
    // it is the near-black picture a dark room gives.
    const dark = await lights(makeVideo('testsrc-dark', 'testsrc', 'eq=brightness=-0.85:saturation=0'));
    for (const l of dark) expect(l.sampled).toBeLessThan(DARK_LIGHT);
  });
});

describe.skipIf(!hasFfmpeg)('the recorder puts the brightness on each frame', () => {
  // The model files come with npm ci: missing, the install is broken (a failure, not a skip).
  beforeAll(() => {
    if (!models) throw new Error('model files missing under models/: run `npm run models`');
  });
  it('every frame carries light as measured; the fixture written from them has no light (recordings unchanged)', async () => {
    for (const [name, src, want] of [
      ['rec-black', 'color=c=black', 0],
      ['rec-grey', 'color=c=gray', 128 / 255],
    ] as const) {
      const r = await recordVideo({ video: makeVideo(name, src), model: 'movenet-lightning', fps: 10, repoRoot });
      expect(r.frames).toHaveLength(10);
      for (const f of r.frames) expect(Math.abs((f.light as number) - want)).toBeLessThan(0.008);
      expect(stringifyFixture(r.fixture)).not.toMatch(/"light"/);
      expect(r.fixture.frames.every((fr) => Object.keys(fr).sort().join() === 'keypoints,t')).toBe(true);
    }
  }, 120_000);
});
