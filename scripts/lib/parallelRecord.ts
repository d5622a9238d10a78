// Node-only: the pose model over a whole video on every core (issue 19 item 3), for `npm run analyze`,
// `npm run record` and `npm run eval -- --video` (all through recordVideo), with the very same keypoints whatever
// the number of worker threads.
//
// Why segments, not just ranges with an overlap: the model carries state from frame to frame (MoveNet crops
// around the last pose and low-pass filters the crop; BlazePose tracks its region of interest). A range started
// with a second of overlap does not come back to the one-thread keypoints: on the shared clips the second half
// stayed 1–9 px away (median per frame, worst joint), up to 40 px, and never equal (measured 2026-12-06:
// 09 bicycle Thunder median 1.9 px, 31 push-up Lightning 8.5 px). The keypoints, and so possibly the verdicts,
// would then depend on how many cores the machine has. So the analysis itself is defined in segments: the video
// is cut at fixed frames (from its length only), and every segment after the first starts on a freshly reset
// model WARMUP_SEC early, those frames thrown away. One thread runs the segments one after another, N threads
// run blocks of them side by side: the same computation, the same keypoints to the bit (parallelRecord.test.ts),
// and the engine then reads them in order as before. The cost on one thread is the warm-up frames (7 × 8 frames
// at most, under 10 % of a long video).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ModelName, PoseFrame } from '../../src/core/pose';
import type { DetectorInput } from '../../src/pose/createPoseSource';
import type { PoseSource } from '../../src/pose/types';
import { estimateFrame } from './poseFrame';
import type { Segment } from '../../src/pose/segments';
import type { Crop, RgbFrame } from './video';
export type { Segment } from '../../src/pose/segments';
export { blockRange, blocksFor, MAX_SEGMENTS, MAX_WORKERS, MIN_SEGMENT_FRAMES, planSegments, WARMUP_SEC } from '../../src/pose/segments';
import { MAX_WORKERS } from '../../src/pose/segments';

/** The pose model as runSegments drives it: a frame in, its PoseFrame out; and a reset. */
export interface FrameModel {
  estimate(f: RgbFrame): Promise<{ frame: PoseFrame; ms: number }>;
  reset(): void;
}

/** The app's pose source as a FrameModel (poseFrame.ts makes the tensor and measures the light). */
export function frameModel(source: PoseSource<DetectorInput>): FrameModel {
  return { estimate: (f) => estimateFrame(source, f), reset: () => source.reset() };
}

/**
 * Runs the model over decoded frames segment by segment: at each segment's warm-up the model is reset, and the
 * warm-up frames (kept aside as they pass, being the previous segment's last frames) go through it first, not
 * kept. `emit` hears every frame through the model. This one function is what one thread and each worker run.
 */
export async function runSegments(
  model: FrameModel,
  decoded: AsyncIterable<RgbFrame>,
  segments: readonly Segment[],
  emit: (frame: PoseFrame, ms: number, kept: boolean) => void,
): Promise<void> {
  let s = 0;
  const recent: RgbFrame[] = [];
  const maxWarm = Math.max(0, ...segments.map((x) => x.warm));
  model.reset();
  for await (const f of decoded) {
    // Into the next segment: a fresh model, settled on the frames before its start.
    while (s + 1 < segments.length && f.index >= segments[s + 1]!.keep) {
      s += 1;
      model.reset();
      const seg = segments[s]!;
      for (const w of recent.filter((r) => r.index >= seg.keep - seg.warm)) {
        const { frame, ms } = await model.estimate(w);
        emit(frame, ms, false);
      }
    }
    const seg = segments[s]!;
    if (f.index >= seg.keep) {
      const { frame, ms } = await model.estimate(f);
      emit(frame, ms, true);
    } else if (s === 0) {
      // Before the block's first segment: its warm-up.
      const { frame, ms } = await model.estimate(f);
      emit(frame, ms, false);
    }
    recent.push(f);
    if (recent.length > maxWarm) recent.shift();
  }
}

/** A --workers option's value: a whole number from 1; undefined when absent; throws a one-line error when bad. */
export function parseWorkers(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--workers must be a whole number from 1, got "${v}"`);
  return n;
}

/** Worker threads to use by default: the machine's cores (os.availableParallelism), at most MAX_WORKERS. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
}

export interface SegmentJob {
  video: string;
  model: ModelName;
  fps: number;
  crop: Crop | undefined;
  maxSide: number;
  smoothing: boolean;
  repoRoot: string;
}

/** Messages from recordWorker.ts. */
export type WorkerMessage =
  { type: 'frame'; frame: PoseFrame; ms: number; kept: boolean } | { type: 'done' } | { type: 'error'; message: string };

export interface SegmentsResult {
  frames: PoseFrame[];
  inferMs: number[];
}

/** tsx's ESM API module (its package's "./esm/api" import entry), as a file URL. */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const rel = pkg.exports['./esm/api']?.import?.default;
  if (!rel) throw new Error('tsx has no ./esm/api import entry');
  return pathToFileURL(join(dirname(pkgFile), rel)).href;
}

/**
 * A worker thread running recordWorker.ts. Node gives a worker no TypeScript loader, so the worker starts with
 * tsx's tsImport, as the scripts themselves run under tsx.
 */
function startWorker(data: { job: SegmentJob; block: Segment[] }): Worker {
  const entry = new URL('./recordWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi())}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, workerData: data });
}

/**
 * Runs each block of segments in its own worker thread, all at once; resolves with the kept frames of all
 * blocks, in order. `onFrame` hears of every kept frame as it comes (blocks interleave); `onWork` of every frame
 * through the model, warm-ups included (for progress).
 */
export function recordBlocks(
  job: SegmentJob,
  blocks: readonly Segment[][],
  opts: { onFrame?: ((frame: PoseFrame, ms: number) => void) | undefined; onWork?: ((done: number) => void) | undefined } = {},
): Promise<SegmentsResult> {
  const parts: SegmentsResult[] = blocks.map(() => ({ frames: [], inferMs: [] }));
  const workers: Worker[] = [];
  let work = 0;
  return new Promise<SegmentsResult>((resolve, reject) => {
    let pending = blocks.length;
    let failed = false;
    const fail = (e: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    blocks.forEach((block, b) => {
      const w = startWorker({ job, block });
      workers.push(w);
      w.on('message', (m: WorkerMessage) => {
        if (failed) return;
        if (m.type === 'frame') {
          opts.onWork?.(++work);
          if (!m.kept) return;
          parts[b]!.frames.push(m.frame);
          parts[b]!.inferMs.push(m.ms);
          opts.onFrame?.(m.frame, m.ms);
        } else if (m.type === 'error') {
          fail(new Error(m.message));
        } else if (--pending === 0) {
          for (const x of workers) void x.terminate();
          try {
            resolve(joinBlocks(blocks, parts, job.fps));
          } catch (e) {
            reject(e as Error);
          }
        }
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (code !== 0 && !failed && pending > 0) fail(new Error(`a pose worker thread stopped (exit code ${code})`));
      });
    });
  });
}

/**
 * The blocks' frames end to end. Each block must begin where the previous one ended (by frame time), and a block
 * that ran out early must be followed by empty ones: a gap would be a frame lost between two workers.
 */
export function joinBlocks(blocks: readonly Segment[][], parts: readonly SegmentsResult[], fps: number): SegmentsResult {
  const frames: PoseFrame[] = [];
  const inferMs: number[] = [];
  const tick = (t: number) => Math.round((t * fps) / 1000);
  blocks.forEach((block, b) => {
    const p = parts[b]!;
    if (p.frames.length === 0) return;
    const start = block[0]!.keep;
    if (tick(p.frames[0]!.t) !== start || frames.length !== start) {
      throw new Error(
        `pose blocks do not join: block ${b} starts at frame ${tick(p.frames[0]!.t)}, expected ${start} after ${frames.length} frames`,
      );
    }
    frames.push(...p.frames);
    inferMs.push(...p.inferMs);
  });
  return { frames, inferMs };
}
