// Node half of `npm run bench`: the pure engine's time per frame over every recorded stream, and the
// video analyzer's throughput against the model alone on the same clip (both wasm, same model).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { createEngineState, step } from '../../src/core/engine';
import { isExerciseId } from '../../src/core/exercises';
import type { ExerciseId } from '../../src/core/exercises';
import type { ModelName, PoseFrame } from '../../src/core/pose';
import { summarize } from '../../src/core/summary';
import { createPoseSource } from '../../src/pose/createPoseSource';
import { nodeModelLoader } from '../../src/pose/nodeLoader';
import { clipCrop, fixturesDir, keypointsDir, readClipList } from '../lib/clips';
import { readFixtureFrames } from '../lib/engineRun';
import { startWasmBackend } from '../lib/nodeBackend';
import { recordVideo } from '../lib/recorder';
import type { Crop } from '../lib/video';
import { decodeFrames } from '../lib/video';
import { median, percentile } from './stats';
import { COACH_WORDS } from '../../src/words/coachWords';

export interface EngineBench {
  files: number;
  frames: number;
  medianUs: number;
  p99Us: number;
  maxUs: number;
  skipped: string[];
}

/** Engine step() µs per frame over all recorded fixtures (one untimed pass first so the JIT has settled). */
export function benchEngine(): EngineBench {
  // The engine's exercise for a clip: its expected-outcome file names it; else the clip list's, when it is one.
  const exerciseOf = new Map<string, string>();
  for (const c of readClipList().clips) {
    const expected = join(fixturesDir, `${c.id}.expected.json`);
    const ex = existsSync(expected) ? (JSON.parse(readFileSync(expected, 'utf8')) as { exercise?: string }).exercise : undefined;
    exerciseOf.set(c.id, ex ?? c.exercise);
  }
  const runs: { ex: ExerciseId; frames: PoseFrame[] }[] = [];
  const skipped: string[] = [];
  const files = existsSync(keypointsDir)
    ? readdirSync(keypointsDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  for (const f of files) {
    const clip = f.replace(/\.[a-z-]+\.json$/, '');
    const ex = exerciseOf.get(clip);
    if (!isExerciseId(ex)) {
      skipped.push(`${f} (exercise "${ex ?? '?'}" has no engine record)`);
      continue;
    }
    runs.push({ ex, frames: readFixtureFrames(join(keypointsDir, f)).frames });
  }
  const us: number[] = [];
  for (const pass of [0, 1]) {
    for (const r of runs) {
      let s = createEngineState(r.ex);
      for (const fr of r.frames) {
        const t0 = process.hrtime.bigint();
        s = step(s, fr).state;
        const dt = process.hrtime.bigint() - t0;
        if (pass === 1) us.push(Number(dt) / 1000);
      }
    }
  }
  return { files: runs.length, frames: us.length, medianUs: median(us), p99Us: percentile(us, 99), maxUs: Math.max(...us), skipped };
}

export interface AnalyzerBench {
  clip: string;
  model: ModelName;
  frames: number;
  width: number;
  height: number;
  rawMsPerFrame: number;
  rawFps: number;
  analyzerFps: number;
  /** Analyzer frames/s including the backend and model start-up. */
  analyzerFpsWithStartup: number;
  ratio: number;
}

/**
 * Raw: frames decoded up front, then only estimate() is timed. Analyzer: the analyze CLI's path
 * (recordVideo: ffmpeg decode → tensor → model, then summarize) timed from its first to its last frame,
 * plus summarize; start-up (model load, first-call compilation) reported apart.
 */
export async function benchAnalyzer(o: {
  video: string;
  clipId: string;
  exercise: ExerciseId;
  model: ModelName;
  seconds: number;
  repoRoot: string;
}): Promise<AnalyzerBench> {
  await startWasmBackend(o.repoRoot);
  const clip = readClipList().clips.find((c) => c.id === o.clipId);
  const crop: Crop | undefined = clip ? clipCrop(clip) : undefined;
  const fps = 15;
  const decoded = [];
  for await (const f of decodeFrames(o.video, { fps, crop, maxSide: 640, duration: o.seconds })) decoded.push(f);
  const first = decoded[0];
  if (!first) throw new Error(`no frames decoded from ${o.video}`);

  // Raw model and whole analyzer in alternating rounds, medians per frame: one pass of each was at the
  // mercy of whatever else the two cores did in that minute (three single passes here gave 0.82–1.09).
  const ROUNDS = 3;
  const rawMsAll: number[] = [];
  const gapsAll: number[] = [];
  let n = 0,
    summarizeMs = 0,
    withStartupFps = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const source = await createPoseSource(o.model, { loader: nodeModelLoader(join(o.repoRoot, 'models')), smoothing: false });
    try {
      for (const pass of [0, 1]) {
        source.reset();
        for (const f of pass === 0 ? decoded.slice(0, 5) : decoded) {
          const input = tf.tensor3d(f.rgb, [f.height, f.width, 3], 'int32');
          const t0 = performance.now();
          await source.estimate(input, f.t);
          const dt = performance.now() - t0;
          input.dispose();
          if (pass === 1) rawMsAll.push(dt);
        }
      }
    } finally {
      source.dispose();
    }
    const at: number[] = [];
    const tStart = performance.now();
    const r = await recordVideo({
      video: o.video,
      model: o.model,
      fps,
      crop,
      duration: o.seconds,
      repoRoot: o.repoRoot,
      onFrame: () => {
        at.push(performance.now());
      },
    });
    const s0 = performance.now();
    summarize(o.exercise, r.frames, o.clipId, undefined, undefined, COACH_WORDS);
    summarizeMs = Math.max(summarizeMs, performance.now() - s0);
    n = r.frames.length;
    for (let i = 1; i < at.length; i++) gapsAll.push(at[i]! - at[i - 1]!);
    withStartupFps += (n * 1000) / (performance.now() - tStart) / ROUNDS;
  }
  const rawMs = median(rawMsAll);
  const perFrame = median(gapsAll) + summarizeMs / Math.max(1, n);
  const analyzerFps = 1000 / perFrame;
  return {
    clip: o.clipId,
    model: o.model,
    frames: n,
    width: first.width,
    height: first.height,
    rawMsPerFrame: rawMs,
    rawFps: 1000 / rawMs,
    analyzerFps,
    analyzerFpsWithStartup: withStartupFps,
    ratio: analyzerFps / (1000 / rawMs),
  };
}

export interface ParallelAnalyzerBench {
  clip: string;
  model: ModelName;
  frames: number;
  workers: number;
  /** Frames per wall-clock second of recordVideo + summarize on the whole clip, start-up included (what one waits). */
  oneFps: number;
  manyFps: number;
  ratio: number;
  /** The two runs' keypoints were the same (they must be: parallelRecord.ts). */
  identical: boolean;
  rounds: number;
}

/**
 * `npm run analyze`'s whole path (recordVideo over the whole clip, then summarize) with one worker thread and with
 * `workers`, in alternating rounds so a load spike hits both alike; medians of the wall-clock frames/s.
 */
export async function benchParallelAnalyzer(o: {
  video: string;
  clipId: string;
  exercise: ExerciseId;
  model: ModelName;
  workers: number;
  rounds: number;
  repoRoot: string;
}): Promise<ParallelAnalyzerBench> {
  const clip = readClipList().clips.find((c) => c.id === o.clipId);
  const crop: Crop | undefined = clip ? clipCrop(clip) : undefined;
  const fps = 15;
  const one: number[] = [];
  const many: number[] = [];
  let frames = 0;
  let identical = true;
  for (let round = 0; round < o.rounds; round++) {
    let ref: string | null = null;
    for (const workers of [1, o.workers]) {
      const t0 = performance.now();
      const r = await recordVideo({ video: o.video, model: o.model, fps, crop, repoRoot: o.repoRoot, workers });
      summarize(o.exercise, r.frames, o.clipId, undefined, undefined, COACH_WORDS);
      const rate = (r.frames.length * 1000) / (performance.now() - t0);
      (workers === 1 ? one : many).push(rate);
      frames = r.frames.length;
      const key = JSON.stringify(r.frames);
      if (ref === null) ref = key;
      else if (ref !== key) identical = false;
    }
  }
  const oneFps = median(one);
  const manyFps = median(many);
  return {
    clip: o.clipId,
    model: o.model,
    frames,
    workers: o.workers,
    oneFps,
    manyFps,
    ratio: manyFps / oneFps,
    identical,
    rounds: o.rounds,
  };
}
