// Analyses a recorded video in the browser with the same pipeline as `npm run analyze`: the app's pose
// source (model and backend from the settings, the model's own filter off as in the CLI), the pure
// engine, SummaryBuilder, and the SessionRecorder that makes the history record. The video is seeked
// frame by frame at ANALYSIS_FPS, so the model never falls behind whatever the machine's speed, and each
// frame is scaled to at most MAX_SIDE px as the CLI's decoder does.
//
// On every core (issue 19 item 3): the recording is cut into segments as the CLI cuts it (src/pose/segments.ts),
// and blocks of segments run side by side, each with its own hidden <video>, canvas and pose model in a Web
// Worker (one wasm thread each). The engine then reads the frames in order as they come in, so the summary is
// the one a single thread gives: every segment after the first starts on a reset model half a second early,
// whichever block runs it. Cancel stops every block and closes every worker.
import type { ModelName, PoseFrame } from '../../core/pose';
import type { BackendSetting } from '../../pose/backend';
import type { ExerciseId } from '../../core/exercises';
import { EXERCISES } from '../../core/exercises';
import type { Summary } from '../../core/summary';
import { EngineRun } from '../../core/summary';
import { SessionRecorder } from '../../session/sessionRecorder';
import type { SessionRecord } from '../../storage/schema';
import { drawSkeleton } from '../../render/skeleton';
import { metricMeta } from '../summary/format';
import { counterMode } from '../live/target';
import { COACH_WORDS } from '../../words/coachWords';
import type { ReviewFrame } from './review';
import type { Segment } from '../../pose/segments';
import { blocksFor, MAX_WORKERS, planSegments } from '../../pose/segments';
import type { PoseSource } from '../../pose/types';

/** Frames analysed per second of video: the CLI's rate (scripts/analyze.ts uses min(15, the video's fps)). */
export const ANALYSIS_FPS = 15;
/** Longest side of the analysed frame, as scripts/lib/recorder.ts DEFAULT_MAX_SIDE. */
export const MAX_SIDE = 640;
/** A file whose metadata or a frame does not arrive within this long is taken as unreadable (ms). */
export const DECODE_TIMEOUT_MS = 6000;
/** With less than this much analysed (s) a decode failure is fatal; with more, the summary covers what was read. */
const PARTIAL_MIN_SEC = 1;

export class VideoFileError extends Error {}
export class AnalysisCancelled extends Error {}

export interface AnalyzeOptions {
  url: string;
  fileName: string;
  exerciseId: ExerciseId;
  model: ModelName;
  backend: BackendSetting;
  video: HTMLVideoElement;
  /** Shows each analysed frame with its skeleton (optional). */
  preview?: HTMLCanvasElement | null;
  signal: AbortSignal;
  /**
   * Pose models running side by side, each in a Web Worker; default: the machine's cores (at most 8). 1, or the
   * graphics-card engine (the workers run wasm): one model on this page's thread.
   */
  workers?: number | undefined;
  onProgress(doneSec: number, totalSec: number): void;
  onStatus?(text: string): void;
}

export interface AnalyzeResult {
  summary: Summary;
  record: SessionRecord;
  /** Seconds into the video of each counted rep (for the timeline). */
  repsAt: number[];
  durationSec: number;
  /** Set when the file stopped being readable part-way: the summary covers what was read. */
  partial: string | null;
  /** Where the time went (ms, summed over the blocks): seeking/decoding the video, and the pose model; on how many. */
  timing: { frames: number; seekMs: number; modelMs: number; totalMs: number; workers: number };
  /** Each analysed frame's body, colours, key angle and why it did not count (the review view: review.ts). */
  frames: ReviewFrame[];
  /** The analysed frames' size in pixels (the bodies' coordinates are in it). */
  frameSize: { width: number; height: number };
}

const UNREADABLE =
  'This file could not be read as a video. Choose a recording saved as MP4 or WebM (most phones and cameras make these); if it is one, it may be damaged or cut short.';

function once(el: HTMLVideoElement, ok: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (f: () => void) => {
      clearTimeout(timer);
      el.removeEventListener(ok, onOk);
      el.removeEventListener('error', onErr);
      signal.removeEventListener('abort', onAbort);
      f();
    };
    const onOk = () => done(resolve);
    const onErr = () => done(() => reject(new VideoFileError(UNREADABLE)));
    const onAbort = () => done(() => reject(new AnalysisCancelled('cancelled')));
    const timer = setTimeout(() => done(() => reject(new VideoFileError(UNREADABLE))), timeoutMs);
    el.addEventListener(ok, onOk);
    el.addEventListener('error', onErr);
    signal.addEventListener('abort', onAbort);
  });
}

/** Loads the file into the video element; rejects with one clear message when it is not a readable video. */
export async function openVideo(video: HTMLVideoElement, url: string, signal: AbortSignal): Promise<number> {
  video.muted = true;
  video.preload = 'auto';
  const loaded = once(video, 'loadeddata', DECODE_TIMEOUT_MS, signal);
  video.src = url;
  video.load();
  await loaded;
  if (!Number.isFinite(video.duration) || video.duration <= 0 || video.videoWidth === 0 || video.videoHeight === 0) {
    throw new VideoFileError(UNREADABLE);
  }
  // BlazePose reads the element's width/height attributes (NOTES.md pitfall 2); CSS sizes it on screen.
  video.width = video.videoWidth;
  video.height = video.videoHeight;
  return video.duration;
}

/** How long the first seek waits for a presented frame before the element is taken as one that never presents. */
const PRESENT_PROBE_MS = 1500;
/** How long a later seek waits for it (a frame lost once must not stall the analysis). */
const PRESENT_WAIT_MS = 1000;

/** Resolves with true when the element presents its next frame, false after `ms`. */
function nextPresented(video: HTMLVideoElement, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const handle = video.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve(true);
    });
    const timer = setTimeout(() => {
      video.cancelVideoFrameCallback(handle);
      resolve(false);
    }, ms);
  });
}

/**
 * Seeks `lane`'s video to `t` and waits until the new frame is presented: 'seeked' alone is not enough, as a busy
 * Chromium has let drawImage read the frame shown before the seek (a neighbouring frame: the in-app analysis then
 * differed from itself by up to 0.32 torso lengths). Whether the element presents frames at all
 * (requestVideoFrameCallback fires) is learnt on its first seek that moves, and kept in `lane.presents`.
 */
async function seek(lane: { video: HTMLVideoElement; presents: boolean | null }, t: number, signal: AbortSignal): Promise<void> {
  const video = lane.video;
  if (video.error) throw new VideoFileError(UNREADABLE);
  const known = lane.presents;
  // A seek to where the element already is presents nothing new: nothing to wait for.
  const moves = Math.abs(video.currentTime - t) > 1e-4;
  const canWait = typeof video.requestVideoFrameCallback === 'function';
  const presented = moves && canWait && known !== false ? nextPresented(video, known === true ? PRESENT_WAIT_MS : PRESENT_PROBE_MS) : null;
  const seeked = once(video, 'seeked', DECODE_TIMEOUT_MS, signal);
  video.currentTime = t;
  await seeked;
  if (presented) {
    const ok = await presented;
    if (known === null) lane.presents = ok;
  }
  if (video.error || video.readyState < 2) throw new VideoFileError(UNREADABLE);
}

/** Pose models side by side by default: one per core, at most MAX_WORKERS. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(MAX_WORKERS, globalThis.navigator?.hardwareConcurrency ?? 1));
}

/** One block's tools: its <video> (the page's own for the first), a canvas at the analysed size, its pose model. */
interface Lane {
  video: HTMLVideoElement;
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  source: PoseSource<HTMLCanvasElement> | null;
  own: boolean;
  /** Whether its video presents a frame after each seek (seek() learns it on the first one that moves). */
  presents: boolean | null;
}

export async function analyzeVideo(o: AnalyzeOptions): Promise<AnalyzeResult> {
  const { video, signal } = o;
  o.onStatus?.('Opening the video…');
  const duration = await openVideo(video, o.url, signal);
  const n = Math.max(1, Math.floor(duration * ANALYSIS_FPS + 1e-6));
  const segments = planSegments(n, ANALYSIS_FPS);
  // The graphics-card engine cannot run in the workers (they use wasm): then one model, on this thread.
  const wanted = o.backend === 'webgl' ? 1 : (o.workers ?? defaultWorkers());
  const blocks = blocksFor(segments, wanted, n);
  // In workers, one wasm thread each, whatever their number (one included): a worker's keypoints differ from the
  // page thread's in the last digits (the frame is copied to it), enough to tip a borderline fault, so the same
  // recording must take the same path on a machine with one core as on one with eight.
  const inWorkers = o.backend !== 'webgl';

  const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  const lanes: Lane[] = [];
  const closeLanes = (): void => {
    for (const l of lanes) {
      l.source?.dispose();
      l.source = null;
      if (l.own) {
        l.video.removeAttribute('src');
        l.video.load();
      }
    }
  };
  try {
    for (let b = 0; b < blocks.length; b++) {
      const v = b === 0 ? video : document.createElement('video');
      if (b > 0) await openVideo(v, o.url, signal);
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d', { willReadFrequently: !inWorkers });
      if (!ctx) throw new Error('This browser cannot draw video frames to a canvas.');
      lanes.push({ video: v, canvas, ctx, source: null, own: b > 0, presents: null });
    }

    o.onStatus?.(blocks.length > 1 ? `Starting the pose engine (${blocks.length} side by side)…` : 'Starting the pose engine…');
    // The one way to open a pose source (the live app and the bench use it too); the model's own filter off,
    // as in the CLI. Side by side, each in a worker on one wasm thread (the cores are shared out by blocks).
    const { createSourceOpener } = await import('../../pose/openSource');
    const opener = createSourceOpener();
    await Promise.all(
      lanes.map(async (lane) => {
        const { source } = await opener.open(
          { model: o.model, backend: o.backend, smoothing: false, ...(inWorkers ? { worker: true, threads: 1 } : {}) },
          { onActivity: (text) => o.onStatus?.(text), stillWanted: () => !signal.aborted },
        );
        lane.source = source as PoseSource<HTMLCanvasElement>;
      }),
    ).catch((e: unknown) => {
      if (signal.aborted) throw new AnalysisCancelled('cancelled');
      throw e;
    });

    return await analyzeBlocks(o, { duration, n, blocks, lanes, width, height, inWorkers });
  } finally {
    closeLanes();
  }
}

async function analyzeBlocks(
  o: AnalyzeOptions,
  p: { duration: number; n: number; blocks: Segment[][]; lanes: Lane[]; width: number; height: number; inWorkers: boolean },
): Promise<AnalyzeResult> {
  const { signal } = o;
  const { duration, n, blocks, lanes, width, height } = p;
  const def = EXERCISES[o.exerciseId];
  const pctx = o.preview?.getContext('2d') ?? null;
  if (o.preview) {
    o.preview.width = width;
    o.preview.height = height;
  }

  // The analyzer's one pass (the CLI's too): engine and summary together, over the frames in order.
  const run = new EngineRun(o.exerciseId, o.fileName, { model: o.model }, COACH_WORDS);
  const meta = metricMeta(def);
  const now = Date.now();
  const rec = new SessionRecorder({
    id: `analysis-${now}-${Math.random().toString(36).slice(2, 8)}`,
    exerciseId: o.exerciseId,
    source: 'analysis',
    startedAt: now,
    metricLabel: meta.label,
    metricUnit: meta.unit,
    // A recording was not a set against a target: the summary shows plain counts.
    target: null,
    painBefore: null,
    counter: counterMode(def).mode,
  });
  const repsAt: number[] = [];
  const frames: ReviewFrame[] = [];
  const timing = { frames: 0, seekMs: 0, modelMs: 0, totalMs: 0, workers: blocks.length };
  const tStart = performance.now();

  // Frames in, in any order; the engine takes them in order. `end` shrinks when the file stops being readable.
  const poses = new Map<number, PoseFrame>();
  let next = 0;
  let end = n;
  let partial: string | null = null;
  const work = blocks.reduce((a, b) => a + b.reduce((x, s) => x + ((s.end ?? n) - s.keep) + s.warm, 0), 0);
  let done = 0;
  const pump = (): void => {
    while (next < end && poses.has(next)) {
      const frame = poses.get(next)!;
      poses.delete(next);
      const r = run.step(frame);
      for (const e of r.events) if (e.type === 'rep') repsAt.push(Math.round(e.t / 10) / 100);
      rec.add(frame.t, r.events, r.view, now);
      frames.push({
        t: next / ANALYSIS_FPS,
        pose: r.view.smoothedPose,
        styles: r.view.jointStyles,
        metric: r.view.metric,
        active: r.view.phase === 'active',
        issue: r.view.setupIssues[0] ?? null,
      });
      next += 1;
    }
  };

  const frameAt = async (lane: Lane, i: number): Promise<PoseFrame | null> => {
    if (signal.aborted) throw new AnalysisCancelled('cancelled');
    const tSec = i / ANALYSIS_FPS;
    const tMs = Math.round((i * 1000) / ANALYSIS_FPS);
    const t0 = performance.now();
    try {
      await seek(lane, tSec, signal);
    } catch (e) {
      if (e instanceof VideoFileError && tSec >= PARTIAL_MIN_SEC) {
        if (i < end) {
          end = i;
          partial = `The recording could not be read after ${tSec.toFixed(1)} s (it may be cut short or damaged). The summary covers the part before that.`;
        }
        return null;
      }
      throw e;
    }
    lane.ctx.drawImage(lane.video, 0, 0, width, height);
    const t1 = performance.now();
    if (!lane.source) throw new AnalysisCancelled('cancelled');
    const found = await lane.source.estimate(lane.canvas, tMs);
    timing.seekMs += t1 - t0;
    timing.modelMs += performance.now() - t1;
    timing.frames += 1;
    done += 1;
    o.onProgress((done / work) * duration, duration);
    if (pctx) {
      // The frame just read, with the body points found in it (the engine's own view comes with the summary).
      pctx.drawImage(lane.canvas, 0, 0);
      const pose = found[0];
      if (pose) drawSkeleton(pctx, pose, { scale: Math.max(1, width / 480) });
    }
    return { t: tMs, width, height, poses: found };
  };

  // Each block: its segments in turn, each on a reset model that first sees the half second before it.
  const runBlock = async (block: Segment[], lane: Lane): Promise<void> => {
    for (const seg of block) {
      lane.source?.reset();
      const stop = Math.min(seg.end ?? n, n);
      for (let i = seg.keep - seg.warm; i < stop && i < end; i++) {
        const frame = await frameAt(lane, i);
        if (!frame) return;
        if (i >= seg.keep) {
          poses.set(i, frame);
          pump();
        }
      }
    }
  };

  o.onStatus?.('Analysing…');
  const failed: unknown[] = [];
  await Promise.all(
    blocks.map((block, b) =>
      runBlock(block, lanes[b]!).catch((e: unknown) => {
        failed.push(e);
        // One block failing (or Cancel) stops the others: their models are closed, their next frame throws.
        for (const l of lanes) {
          l.source?.dispose();
          l.source = null;
        }
      }),
    ),
  );
  if (signal.aborted) throw new AnalysisCancelled('cancelled');
  if (failed.length) throw failed.find((e) => !(e instanceof AnalysisCancelled)) ?? failed[0];
  pump();
  const { summary } = run.finish();
  if (summary.frames === 0) throw new VideoFileError(UNREADABLE);
  const record = rec.finish(Date.now());
  o.onProgress(duration, duration);
  timing.totalMs = performance.now() - tStart;
  return { summary, record, repsAt, durationSec: duration, partial, timing, frames, frameSize: { width, height } };
}
