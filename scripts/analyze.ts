// npm run analyze -- FILE --exercise ID [--model NAME] [--json] [--trace]
// FILE is a video (decoded with ffmpeg and run through the app's pose source, as `npm run record` does)
// or a form-coach/keypoints@1 JSON file. The coaching itself is the pure core's summarize().
// Errors: one line on stderr, non-zero exit, never a stack trace.
import { existsSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { EXERCISE_IDS, isExerciseId } from '../src/core/exercises';
import { isModelName, type ModelName, type PoseFrame } from '../src/core/pose';
import { summarize, type Summary } from '../src/core/summary';
import { readFixtureFrames, repoRoot } from './lib/engineRun';

function fail(msg: string): never {
  process.stderr.write(`analyze: ${msg}\n`);
  process.exit(2);
}

async function videoFrames(path: string, model: ModelName): Promise<PoseFrame[]> {
  // Loaded lazily: reading a keypoint file needs neither ffmpeg nor TensorFlow.
  const { recordVideo } = await import('./lib/recorder');
  const { readClipList, clipCrop } = await import('./lib/clips');
  const { probeVideo } = await import('./lib/video');
  const info = probeVideo(path);
  // A catalogued clip brings its crop (black bars around portrait video); other videos are used whole.
  let crop;
  try {
    crop = readClipList().clips.find((c) => c.video === basename(path));
  } catch {
    crop = undefined;
  }
  const fps = Math.min(15, info.fps > 0 ? info.fps : 15);
  const r = await recordVideo({ video: path, model, fps, crop: crop ? clipCrop(crop) : undefined, repoRoot, onFrame: () => {} });
  return r.frames;
}

function printReadable(s: Summary): void {
  const out: string[] = [];
  out.push(`${s.source}: ${s.exercise}, ${s.durationSec} s, ${s.frames} frames, person found in ${Math.round(s.poseCoverage * 100)} %`);
  if (s.poseCoverage === 0) out.push('No person was found in this file, so nothing was counted.');
  out.push(`Reps: ${s.reps.total} (left ${s.reps.left}, right ${s.reps.right})`);
  out.push(`Held with good form: ${s.holdSec} s${s.holds.length ? ' in ' + s.holds.map((h) => `${h.startSec}–${h.endSec} s${h.side ? ` (${h.side})` : ''}`).join(', ') : ''}`);
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
      options: { exercise: { type: 'string' }, model: { type: 'string' }, json: { type: 'boolean' } },
    }));
  } catch (e) {
    fail((e as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const file = positionals[0];
  if (!file) fail('usage: npm run analyze -- FILE --exercise ID [--model NAME] [--json]');
  const ex = values.exercise;
  if (!ex) fail(`--exercise is required (one of ${EXERCISE_IDS.join(', ')})`);
  if (!isExerciseId(ex)) fail(`unknown exercise "${ex}" (one of ${EXERCISE_IDS.join(', ')})`);
  const model = values.model ?? 'movenet-thunder';
  if (!isModelName(model)) fail(`unknown model "${model}"`);
  if (!existsSync(file) || !statSync(file).isFile()) fail(`no such file: ${file}`);
  if (statSync(file).size === 0) fail(`${file} is empty`);

  let frames: PoseFrame[];
  let source = basename(file);
  if (extname(file).toLowerCase() === '.json') {
    try {
      const r = readFixtureFrames(file);
      frames = r.frames;
      source = r.source || source;
    } catch (e) {
      fail(`${file}: ${(e as Error).message}`);
    }
  } else {
    try {
      frames = await videoFrames(file, model);
    } catch (e) {
      fail(`${file}: ${((e as Error).message ?? 'cannot decode').split('\n')[0]}`);
    }
  }
  if (frames.length === 0) fail(`${file} holds no frames`);
  const s = summarize(ex, frames, source);
  // Stdout stays exactly one JSON object; the reason nothing was counted goes to stderr (exit 0).
  if (values.json && s.poseCoverage === 0) process.stderr.write(`analyze: no person found in ${file}; nothing was counted\n`);
  if (values.json) process.stdout.write(JSON.stringify(s) + '\n');
  else printReadable(s);
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.message.split('\n')[0] ?? 'failed') : 'failed'));
