// npm run analyze -- FILE --exercise ID [--model NAME] [--json] [--trace] [--workers N]
// FILE is a video (decoded with ffmpeg and run through the app's pose source, as `npm run record` does)
// or a form-coach/keypoints@1 JSON file. The coaching itself is the pure core's summarize(). A video's frames
// carry the picture's brightness (PoseFrame.light, as the live camera measures it), so a recording too dark to
// see anyone says so ("Turn on more light") instead of asking the user to step into view.
// Errors: one line on stderr, non-zero exit, never a stack trace.
import { existsSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { EXERCISE_IDS, isExerciseId } from '../src/core/exercises';
import { DEFAULT_MODEL, isModelName, type ModelName, type PoseFrame } from '../src/core/pose';
import { summarize, type Summary } from '../src/core/summary';
import { readFixtureFrames, repoRoot } from './lib/engineRun';
import { COACH_WORDS } from '../src/words/coachWords';
import { parseWorkers } from './lib/parallelRecord';

function fail(msg: string): never {
  process.stderr.write(`analyze: ${msg}\n`);
  process.exit(2);
}

async function videoFrames(path: string, model: ModelName, workers: number | undefined): Promise<PoseFrame[]> {
  // Loaded lazily: reading a keypoint file needs neither ffmpeg nor TensorFlow.
  const { recordVideo } = await import('./lib/recorder');
  const { readClipList, clipCrop } = await import('./lib/clips');
  const { probeVideo, detectCrop } = await import('./lib/video');
  const info = probeVideo(path);
  // A catalogued clip brings its crop (black bars around portrait video); any other video has its black bars
  // found as `npm run record` finds them, so a portrait phone video inside a 16:9 frame reaches the model at
  // the resolution its fixtures were recorded at.
  let clip;
  try {
    clip = readClipList().clips.find((c) => c.video === basename(path));
  } catch {
    clip = undefined;
  }
  let crop = clip ? clipCrop(clip) : undefined;
  if (!clip) {
    try {
      crop = detectCrop(path) ?? undefined;
    } catch {
      crop = undefined;
    }
  }
  const fps = Math.min(15, info.fps > 0 ? info.fps : 15);
  // The model runs on ranges of the video in worker threads, one per core (--workers N; scripts/lib/parallelRecord.ts);
  // the engine then reads the frames in order, as from one thread.
  const r = await recordVideo({ video: path, model, fps, crop, repoRoot, workers, onFrame: () => {} });
  return r.frames;
}

/** Too dark, and nothing counted: the darkness is the reason, not the absence of a person. */
const tooDark = (s: Summary, dark: number): boolean => dark >= 0.5 && s.reps.total === 0 && s.holdSec === 0;
const pct = (v: number): number => Math.max(1, Math.round(v * 100));

function printReadable(s: Summary, dark: number): void {
  const out: string[] = [];
  out.push(`${s.source}: ${s.exercise}, ${s.durationSec} s, ${s.frames} frames, person found in ${Math.round(s.poseCoverage * 100)} %`);
  if (tooDark(s, dark))
    out.push(
      `The recording is too dark: nobody can be seen in ${pct(dark)} % of its frames, so nothing was counted. Turn on more light and record again.`,
    );
  else if (dark > 0) out.push(`Too dark to see in ${pct(dark)} % of the frames: more light would help.`);
  else if (s.poseCoverage === 0) out.push('No person was found in this file, so nothing was counted.');
  out.push(`Reps: ${s.reps.total} (left ${s.reps.left}, right ${s.reps.right})`);
  out.push(
    `Held (no fault standing): ${s.holdSec} s${s.holds.length ? ' in ' + s.holds.map((h) => `${h.startSec}–${h.endSec} s${h.side ? ` (${h.side})` : ''}`).join(', ') : ''}`,
  );
  // Time held where a rule could not judge (the view, unseen joints, the band of doubt) is timed, not judged.
  const unsure = Object.entries(s.unsureSec).filter(([, sec]) => sec >= 0.5);
  if (s.counted)
    out.push(
      `Form judged: ${s.judgedSec} s${s.goodFormShare !== null ? `, good ${Math.round(s.goodFormShare * 100)} %` : ''}${unsure.length ? `; could not judge ${unsure.map(([id, sec]) => `${id} for ${sec} s`).join(', ')}` : ''}`,
    );
  out.push(s.faults.length ? 'Faults:' : 'Faults: none');
  for (const f of s.faults) out.push(`  ${f.startSec}–${f.endSec} s  ${f.id}: ${f.message}`);
  out.push(s.cues.length ? 'Cues:' : 'Cues: none');
  for (const c of s.cues) out.push(`  ${c.tSec} s  ${c.text}`);
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<void> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: { exercise: { type: 'string' }, model: { type: 'string' }, json: { type: 'boolean' }, workers: { type: 'string' } },
    }));
  } catch (e) {
    fail((e as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const file = positionals[0];
  if (!file) fail('usage: npm run analyze -- FILE --exercise ID [--model NAME] [--json]');
  const ex = values.exercise;
  if (!ex) fail(`--exercise is required (one of ${EXERCISE_IDS.join(', ')})`);
  if (!isExerciseId(ex)) fail(`unknown exercise "${ex}" (one of ${EXERCISE_IDS.join(', ')})`);
  const model = values.model ?? DEFAULT_MODEL;
  if (!isModelName(model)) fail(`unknown model "${model}"`);
  let workers: number | undefined;
  try {
    workers = parseWorkers(values.workers);
  } catch (e) {
    fail((e as Error).message);
  }
  if (!existsSync(file) || !statSync(file).isFile()) fail(`no such file: ${file}`);
  if (statSync(file).size === 0) fail(`${file} is empty`);

  let frames: PoseFrame[];
  let source = basename(file);
  // The model that made the stream: the engine reads the thresholds of its keypoint space. A keypoint file
  // names its model; one that names none (or an unknown one) is recognised from its points (perception.ts).
  let streamModel: ModelName | undefined = model;
  if (extname(file).toLowerCase() === '.json') {
    try {
      const r = readFixtureFrames(file);
      frames = r.frames;
      source = r.source || source;
      streamModel = values.model !== undefined ? model : isModelName(r.model) ? r.model : undefined;
    } catch (e) {
      fail(`${file}: ${(e as Error).message}`);
    }
  } else {
    try {
      frames = await videoFrames(file, model, workers);
    } catch (e) {
      fail(`${file}: ${((e as Error).message ?? 'cannot decode').split('\n')[0]}`);
    }
  }
  if (frames.length === 0) fail(`${file} holds no frames`);
  // How much of the stream the engine found too dark to see anyone in (its set-up issue 'too-dark'), 0..1,
  // counted in the same pass that summarises it.
  let darkFrames = 0;
  const s = summarize(
    ex,
    frames,
    source,
    streamModel ? { model: streamModel } : undefined,
    (v) => {
      if (v.setupIssues[0] === 'too-dark') darkFrames++;
    },
    COACH_WORDS,
  );
  const dark = darkFrames / frames.length;
  // Stdout stays exactly one JSON object (its cues carry the engine's "Turn on more light"); the reason
  // nothing was counted goes to stderr (exit 0).
  if (values.json) {
    if (tooDark(s, dark))
      process.stderr.write(
        `analyze: ${file} is too dark: nobody can be seen in ${pct(dark)} % of its frames; turn on more light and record again. Nothing was counted\n`,
      );
    else if (dark > 0) process.stderr.write(`analyze: ${file} is too dark to see in ${pct(dark)} % of its frames; more light would help\n`);
    else if (s.poseCoverage === 0) process.stderr.write(`analyze: no person found in ${file}; nothing was counted\n`);
    process.stdout.write(JSON.stringify(s) + '\n');
  } else printReadable(s, dark);
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.message.split('\n')[0] ?? 'failed') : 'failed'));
