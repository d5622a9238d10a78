// Analyses a recorded video in the browser with the same pipeline as `npm run analyze`: the app's pose
// source (model and backend from the settings, the model's own filter off as in the CLI), the pure
// engine, SummaryBuilder, and the SessionRecorder that makes the history record. The video is seeked
// frame by frame at ANALYSIS_FPS, so the model never falls behind whatever the machine's speed, and each
// frame is scaled to at most MAX_SIDE px as the CLI's decoder does.
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
  /** Where the time went (ms in total): seeking/decoding the video, and the pose model. */
  timing: { frames: number; seekMs: number; modelMs: number; totalMs: number };
  /** Each analysed frame's body, colours, key angle and why it did not count (the review view: review.ts). */
  frames: ReviewFrame[];
  /** The analysed frames' size in pixels (the bodies' coordinates are in it). */
  frameSize: { width: number; height: number };
}

const UNREADABLE = 'This file could not be read as a video. Choose a recording saved as MP4 or WebM (most phones and cameras make these); if it is one, it may be damaged or cut short.';

function once(el: HTMLVideoElement, ok: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (f: () => void) => { clearTimeout(timer); el.removeEventListener(ok, onOk); el.removeEventListener('error', onErr); signal.removeEventListener('abort', onAbort); f(); };
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

async function seek(video: HTMLVideoElement, t: number, signal: AbortSignal): Promise<void> {
  if (video.error) throw new VideoFileError(UNREADABLE);
  const seeked = once(video, 'seeked', DECODE_TIMEOUT_MS, signal);
  video.currentTime = t;
  await seeked;
  if (video.error || video.readyState < 2) throw new VideoFileError(UNREADABLE);
}

export async function analyzeVideo(o: AnalyzeOptions): Promise<AnalyzeResult> {
  const { video, signal } = o;
  o.onStatus?.('Opening the video…');
  const duration = await openVideo(video, o.url, signal);

  o.onStatus?.('Starting the pose engine…');
  // The one way to open a pose source (the live app and the bench use it too); the model's own filter off,
  // as in the CLI.
  const { createSourceOpener } = await import('../../pose/openSource');
  const { source } = await createSourceOpener().open(
    { model: o.model, backend: o.backend, smoothing: false },
    { onActivity: (text) => o.onStatus?.(text), stillWanted: () => !signal.aborted },
  ).catch((e: unknown) => {
    if (signal.aborted) throw new AnalysisCancelled('cancelled');
    throw e;
  });

  const def = EXERCISES[o.exerciseId];
  const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const frameCanvas = document.createElement('canvas');
  frameCanvas.width = Math.round(video.videoWidth * scale);
  frameCanvas.height = Math.round(video.videoHeight * scale);
  const fctx = frameCanvas.getContext('2d', { willReadFrequently: true });
  if (!fctx) throw new Error('This browser cannot draw video frames to a canvas.');
  const pctx = o.preview?.getContext('2d') ?? null;
  if (o.preview) { o.preview.width = frameCanvas.width; o.preview.height = frameCanvas.height; }

  // The analyzer's one pass (the CLI's too): engine and summary together.
  const run = new EngineRun(o.exerciseId, o.fileName, { model: o.model }, COACH_WORDS);
  const meta = metricMeta(def);
  const now = Date.now();
  const rec = new SessionRecorder({
    id: `analysis-${now}-${Math.random().toString(36).slice(2, 8)}`,
    exerciseId: o.exerciseId, source: 'analysis', startedAt: now,
    metricLabel: meta.label, metricUnit: meta.unit,
    // A recording was not a set against a target: the summary shows plain counts.
    target: null,
    painBefore: null,
    counter: counterMode(def).mode,
  });
  const repsAt: number[] = [];
  const frames: ReviewFrame[] = [];
  const n = Math.max(1, Math.floor(duration * ANALYSIS_FPS + 1e-6));
  let partial: string | null = null;
  const timing = { frames: 0, seekMs: 0, modelMs: 0, totalMs: 0 };
  const tStart = performance.now();
  o.onStatus?.('Analysing…');
  source.reset();
  try {
    for (let i = 0; i < n; i++) {
      if (signal.aborted) throw new AnalysisCancelled('cancelled');
      const tSec = i / ANALYSIS_FPS;
      const tMs = Math.round((i * 1000) / ANALYSIS_FPS);
      const t0 = performance.now();
      try {
        await seek(video, tSec, signal);
      } catch (e) {
        if (e instanceof VideoFileError && tSec >= PARTIAL_MIN_SEC) {
          partial = `The recording could not be read after ${tSec.toFixed(1)} s (it may be cut short or damaged). The summary covers the part before that.`;
          break;
        }
        throw e;
      }
      fctx.drawImage(video, 0, 0, frameCanvas.width, frameCanvas.height);
      const t1 = performance.now();
      const poses = await source.estimate(frameCanvas, tMs);
      timing.seekMs += t1 - t0;
      timing.modelMs += performance.now() - t1;
      timing.frames++;
      const frame: PoseFrame = { t: tMs, width: frameCanvas.width, height: frameCanvas.height, poses };
      const r = run.step(frame);
      for (const e of r.events) if (e.type === 'rep') repsAt.push(Math.round(e.t / 10) / 100);
      rec.add(tMs, r.events, r.view, now);
      frames.push({ t: tSec, pose: r.view.smoothedPose, styles: r.view.jointStyles, metric: r.view.metric, active: r.view.phase === 'active', issue: r.view.setupIssues[0] ?? null });
      if (pctx && o.preview) {
        pctx.drawImage(frameCanvas, 0, 0);
        const p = r.view.smoothedPose;
        if (p) drawSkeleton(pctx, p, { styles: r.view.jointStyles, scale: Math.max(1, o.preview.width / 480) });
      }
      o.onProgress(tSec, duration);
    }
  } finally {
    source.dispose();
  }
  const { summary } = run.finish();
  if (summary.frames === 0) throw new VideoFileError(UNREADABLE);
  const record = rec.finish(Date.now());
  o.onProgress(duration, duration);
  timing.totalMs = performance.now() - tStart;
  return { summary, record, repsAt, durationSec: duration, partial, timing, frames, frameSize: { width: frameCanvas.width, height: frameCanvas.height } };
}
