// Records keypoint fixtures: runs the app's pose model over real clips and writes
// test-fixtures/keypoints/<clip>.<model>.json (format form-coach/keypoints@1, see test-fixtures/README.md).
//
//   npm run record -- all                          every clip in test-fixtures/clips.json, every model listed there
//   npm run record -- 03_plank_forearm_side_kaiakol005 --model movenet-thunder
//   npm run record -- --video some.mp4 --crop 404:720:438:0 --model movenet-lightning --out /tmp/x.json
//   npm run record -- some.mp4 --out /tmp/x.json   a video without --model: the app's default model
//
// Options: --model M (repeatable), --fps N, --max-side PX, --start S, --duration S, --smoothing, --out FILE, --quiet
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ModelName } from '../src/core/pose';
import { DEFAULT_MODEL, isModelName, MODEL_FILES } from '../src/core/pose';
import type { Clip } from './lib/clips';
import { clipVideoPath, fixturePath, haveModels, haveVideos, readClipList, repoRoot, videosDir } from './lib/clips';
import { median, recordVideo, stringifyFixture } from './lib/recorder';
import { parseWorkers } from './lib/parallelRecord';
import { detectCrop, formatCrop, parseCrop } from './lib/video';

function fail(msg: string): never {
  console.error(`record: ${msg}`);
  process.exit(2);
}

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    model: { type: 'string', multiple: true },
    fps: { type: 'string' },
    'max-side': { type: 'string' },
    start: { type: 'string' },
    duration: { type: 'string' },
    smoothing: { type: 'boolean', default: false },
    video: { type: 'string' },
    crop: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    // The model's worker threads, each on a range of the video (scripts/lib/parallelRecord.ts); 1 = one thread.
    workers: { type: 'string' },
  },
});

const list = readClipList();
const num = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) fail(`--${name} must be a non-negative number, got "${v}"`);
  return n;
};
const fps = num('fps', opt.fps) ?? list.fps;
if (fps <= 0) fail('--fps must be above 0');
const maxSide = num('max-side', opt['max-side']) ?? list.maxSide;
const start = num('start', opt.start);
const duration = num('duration', opt.duration);
let workers: number | undefined;
try {
  workers = parseWorkers(opt.workers);
} catch (e) {
  fail((e as Error).message);
}
// A positional argument naming an existing file is a video, as with --video.
const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
const videoArg = opt.video ?? (positionals.length === 1 && isFile(positionals[0]!) ? positionals[0] : undefined);
// Clip fixtures are recorded with every model the clip list names; a video, with the app's own model unless told.
const models: ModelName[] = (opt.model ?? (videoArg ? [DEFAULT_MODEL] : list.models)).map((m) =>
  isModelName(m) ? m : fail(`unknown model "${m}"`),
);
for (const m of models) if (!haveModels(MODEL_FILES[m])) fail(`model files for ${m} are missing: run \`npm run models\``);

interface Job {
  label: string;
  video: string;
  crop: string | null;
  out: (m: ModelName) => string;
}
const jobs: Job[] = [];
if (videoArg) {
  if (opt.video && positionals.length) fail('give either --video or clip ids, not both');
  const video = resolve(videoArg);
  if (!isFile(video)) fail(`no such video file: ${video}`);
  let crop: string | null;
  if (opt.crop === 'none') crop = null;
  else if (opt.crop) crop = formatCrop(parseCrop(opt.crop));
  else {
    const found = detectCrop(video);
    crop = found ? formatCrop(found) : null;
    if (!opt.quiet)
      console.log(found ? `${basename(video)}: black bars found, cropping to ${crop}` : `${basename(video)}: no black bars to crop`);
  }
  if (opt.out && models.length > 1) fail('--out names one file: give a single --model');
  jobs.push({
    label: basename(video),
    video,
    crop,
    out: (m) => (opt.out ? resolve(opt.out) : resolve(`${basename(video).replace(/\.[^.]+$/, '')}.${m}.json`)),
  });
} else {
  if (positionals.length === 0) fail('name clip ids from test-fixtures/clips.json, or "all", or --video FILE');
  if (!haveVideos()) fail(`the shared clips are not at ${videosDir}`);
  const wanted: Clip[] = positionals.includes('all')
    ? list.clips
    : positionals.map((id) => list.clips.find((c) => c.id === id) ?? fail(`no clip "${id}" in test-fixtures/clips.json`));
  if (opt.out) fail('--out is for a video file; clip fixtures always go to test-fixtures/keypoints/');
  if (opt.crop) fail("--crop is for a video file; a clip's crop lives in test-fixtures/clips.json");
  for (const c of wanted) {
    jobs.push({ label: c.id, video: clipVideoPath(c), crop: c.crop, out: (m) => fixturePath(c.id, m) });
  }
}

for (const job of jobs) {
  for (const model of models) {
    const t0 = performance.now();
    let n = 0;
    const r = await recordVideo({
      video: job.video,
      model,
      fps,
      crop: job.crop === null ? undefined : parseCrop(job.crop),
      maxSide,
      start,
      duration,
      smoothing: opt.smoothing,
      repoRoot,
      workers,
      onFrame: opt.quiet
        ? undefined
        : () => {
            if (++n % 50 === 0) process.stderr.write(`  ${job.label} ${model}: ${n} frames\r`);
          },
    });
    const file = job.out(model);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, stringifyFixture(r.fixture));
    const found = r.frames.filter((f) => f.poses.length > 0).length;
    console.log(
      `${job.label} ${model}: ${r.frames.length} frames (${found} with a person), ` +
        `median ${median(r.inferMs).toFixed(1)} ms/frame, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${file.replace(repoRoot + '/', '')}`,
    );
  }
}
