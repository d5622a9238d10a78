// The per-frame loop, outside React. Each new camera frame is processed at most once and frames are never
// queued: a frame that arrives while the model is still busy is skipped and counted as dropped, so latency
// stays at one inference. requestVideoFrameCallback fires once per presented frame; where it is missing,
// requestAnimationFrame plus a currentTime check avoids re-processing a frame (../shared/NOTES.md, pitfall 6).
//
// The model runs inside the video-frame callback, that is inside the rendering step: the pose it returns is drawn
// before that step paints (the wasm model runs synchronously and its awaits are microtasks), so the skeleton on screen
// is as fresh as the bench's latency says. The price is the wait for the next rendering step after each inference
// (up to a screen refresh), and, with a camera faster than the model, a picture up to a camera frame old when the model
// gets to it: `npm run bench`'s "picture age at start", 17–20 ms median and 31–34 ms p95 for Thunder on 2 threads
// before the camera was paced (below), 1–10/14–17 ms after (two bench runs, 2026-12-07). Measured before pacing and
// not adopted: passing over a picture more than half a frame older than the freshest and waiting for the next took
// the age to 9–11/25–28 ms but the latency p95 only from 85–88 to 80–85 ms, for 17.1, 12.8 and 17.1 pictures a
// second against 17.8–18.3 (three alternating runs each); running the model again at once when a newer frame had come would draw the skeleton
// between rendering steps, painted only after the next inference.
//
// The loop also paces a live camera to the model (cameraPace.ts): every PACE_EVERY_MS it weighs the median cycle
// (model start → skeleton drawn) and asks the camera's track for fewer pictures a second when the model cannot take
// them all, and more again when it can. The rate asked lives in the track's own constraints, so a loop started on the
// same camera (another model chosen) carries on from it.
import { meanLuma } from '../core/light';
import type { PoseFrame } from '../core/pose';
import type { PoseSource } from '../pose/types';
import { medianOf, nextPace } from './cameraPace';

export interface LoopCounters {
  /** Frames the model ran on. */
  frames: number;
  /**
   * Camera frames the model never saw. Wasm inference blocks the main thread, so most such frames never
   * reach a callback at all; with requestVideoFrameCallback they show up as gaps in presentedFrames.
   */
  dropped: number;
  /** Model time of recent frames, ms (ring of the last 30). */
  recentMs: number[];
  /** performance.now() of recent processed frames (ring of the last 30). */
  recentAt: number[];
  /** Where the time of recent processed frames went (ring of the last 256), read by `npm run bench`. */
  timings: FrameTiming[];
  /** Pictures a second the camera was asked for (cameraPace.ts); null while the camera runs at its own rate. */
  cameraRate: number | null;
}

/** performance.now() instants of one processed frame. */
export interface FrameTiming {
  /** When the camera captured the frame (rVFC captureTime, else its presentation time, else the callback time). */
  frameAt: number;
  start: number;
  /** The model returned. */
  modelEnd: number;
  /** Engine, drawing and store updates done. */
  end: number;
}

export interface FrameLoop {
  stop(): void;
  readonly counters: LoopCounters;
}

export interface FrameLoopOptions {
  onPoseFrame(frame: PoseFrame): void;
  onError(e: unknown): void;
  /** The clock frames are stamped with (ms); performance.now() unless given (tests wind their own). */
  now?(): number;
  /** Pace a live camera to the model (default true); a recorded video or a replay has no track and is never paced. */
  pace?: boolean;
}

const RING = 30;
/** How often the camera's pace is weighed (ms), on at least PACE_MIN_FRAMES cycles measured at the current pace. */
const PACE_EVERY_MS = 2000;
const PACE_MIN_FRAMES = 10;
/** The first frames after the model loads run slower (kernels still being prepared): not weighed. */
const PACE_WARMUP_FRAMES = 5;

/** The part of a camera track the pacing uses (a MediaStreamTrack; a stand-in in the Node tests). */
interface PacedTrack {
  getConstraints(): MediaTrackConstraints;
  applyConstraints(c: MediaTrackConstraints): Promise<void>;
}

function cameraTrack(video: HTMLVideoElement): PacedTrack | null {
  const s = video.srcObject as { getVideoTracks?(): PacedTrack[] } | null | undefined;
  return typeof s?.getVideoTracks === 'function' ? (s.getVideoTracks()[0] ?? null) : null;
}

/** The cap in a track's constraints (`frameRate: { max }`, the only form the loop asks), null without one. */
function cappedRate(c: MediaTrackConstraints): number | null {
  const f = c.frameRate;
  return typeof f === 'object' && f !== null && typeof f.max === 'number' ? f.max : null;
}
/** HTMLMediaElement.HAVE_CURRENT_DATA, spelled out so the loop also runs against a stand-in video in Node tests. */
const HAVE_CURRENT_DATA = 2;

type VideoWithRvfc = HTMLVideoElement & {
  requestVideoFrameCallback?(
    cb: (now: number, meta: { mediaTime: number; presentedFrames: number; captureTime?: number; presentationTime?: number }) => void,
  ): number;
  cancelVideoFrameCallback?(handle: number): void;
};

/** How often the picture's brightness is measured (ms): a room does not get dark faster than this. */
const LIGHT_EVERY_MS = 500;

/**
 * Mean brightness of the video picture (0..1, Rec. 601 luma, core/light.ts) from a 16×9 copy: ~0.1 ms. Undefined where
 * there is no canvas (Node tests) or the picture cannot be read (a replayed stream has none).
 */
function lightMeter(): (video: HTMLVideoElement) => number | undefined {
  let canvas: HTMLCanvasElement | null = null;
  return (video) => {
    try {
      if (typeof document === 'undefined') return undefined;
      canvas ??= Object.assign(document.createElement('canvas'), { width: 16, height: 9 });
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) return undefined;
      ctx.drawImage(video, 0, 0, 16, 9);
      return meanLuma(ctx.getImageData(0, 0, 16, 9).data, 4);
    } catch {
      return undefined;
    }
  };
}

export function startFrameLoop(videoEl: HTMLVideoElement, source: PoseSource<HTMLVideoElement>, opts: FrameLoopOptions): FrameLoop {
  const video = videoEl as VideoWithRvfc;
  const now = opts.now ?? (() => performance.now());
  const track = opts.pace === false ? null : cameraTrack(video);
  const counters: LoopCounters = {
    frames: 0,
    dropped: 0,
    recentMs: [],
    recentAt: [],
    timings: [],
    cameraRate: track ? cappedRate(track.getConstraints()) : null,
  };
  const measureLight = lightMeter();
  const t0 = now();
  // Cycles measured since the pace last changed, the last pace decision, and whether a change is on its way.
  let cycles: number[] = [];
  let pacedAt = t0;
  let pacing = false;

  const pace = (at: number): void => {
    if (!track || pacing || cycles.length < PACE_MIN_FRAMES || at - pacedAt < PACE_EVERY_MS) return;
    pacedAt = at;
    const constraints = track.getConstraints();
    const current = cappedRate(constraints);
    const next = nextPace(current, medianOf(cycles));
    if (next === current) return;
    const { frameRate: _asked, ...rest } = constraints;
    pacing = true;
    track.applyConstraints(next === null ? rest : { ...rest, frameRate: { max: next } }).then(
      () => {
        counters.cameraRate = next;
        cycles = [];
        pacing = false;
      },
      // A camera that refuses the cap keeps its own rate: the loop drops what the model cannot take, as before.
      () => {
        pacedAt = Infinity;
        pacing = false;
      },
    );
  };
  let busy = false;
  let stopped = false;
  let handle = 0;
  let lastMediaTime = -1;
  let lastPresented = -1;
  let light: number | undefined;
  let lightAt = -Infinity;

  const process = async (frameAt: number): Promise<void> => {
    busy = true;
    const started = now();
    try {
      const poses = await source.estimate(video, started);
      if (stopped) return;
      const done = now();
      counters.frames += 1;
      push(counters.recentMs, done - started);
      push(counters.recentAt, done);
      if (started - lightAt >= LIGHT_EVERY_MS) {
        lightAt = started;
        light = measureLight(video);
      }
      opts.onPoseFrame({ t: started - t0, width: video.videoWidth, height: video.videoHeight, poses, light });
      const end = now();
      push(counters.timings, { frameAt, start: started, modelEnd: done, end }, 256);
      if (counters.frames > PACE_WARMUP_FRAMES) push(cycles, end - started);
      pace(end);
    } catch (e) {
      if (!stopped) {
        stopped = true;
        opts.onError(e);
      }
    } finally {
      busy = false;
    }
  };

  const onFrame = (mediaTime: number, presentedFrames?: number, frameAt = now()): void => {
    if (stopped) return;
    if (presentedFrames !== undefined) {
      if (lastPresented >= 0 && presentedFrames > lastPresented + 1) counters.dropped += presentedFrames - lastPresented - 1;
      lastPresented = presentedFrames;
    }
    if (mediaTime !== lastMediaTime && video.readyState >= HAVE_CURRENT_DATA && video.videoWidth > 0) {
      lastMediaTime = mediaTime;
      if (busy) counters.dropped += 1;
      else void process(frameAt);
    }
    schedule();
  };

  const useRvfc = typeof video.requestVideoFrameCallback === 'function';
  const schedule = (): void => {
    if (stopped) return;
    handle = useRvfc
      ? video.requestVideoFrameCallback!((now, meta) =>
          onFrame(meta.mediaTime, meta.presentedFrames, meta.captureTime ?? meta.presentationTime ?? now),
        )
      : requestAnimationFrame(() => onFrame(video.currentTime));
  };
  schedule();

  return {
    counters,
    stop() {
      stopped = true;
      if (useRvfc) video.cancelVideoFrameCallback?.(handle);
      else cancelAnimationFrame(handle);
    },
  };
}

function push<T>(ring: T[], v: T, size = RING): void {
  ring.push(v);
  if (ring.length > size) ring.shift();
}

/** Processed frames/s and median model ms over the recent ring. */
export function summarise(c: LoopCounters, now = performance.now()): { fps: number; modelMs: number } {
  const at = c.recentAt.filter((t) => now - t < 3000);
  const fps = at.length >= 2 ? ((at.length - 1) * 1000) / (at[at.length - 1]! - at[0]!) : 0;
  const sorted = [...c.recentMs].sort((a, b) => a - b);
  const modelMs = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
  return { fps, modelMs };
}
