// The per-frame loop, outside React. Each new camera frame is processed at most once and frames are never
// queued: a frame that arrives while the model is still busy is skipped and counted as dropped, so latency
// stays at one inference. requestVideoFrameCallback fires once per presented frame; where it is missing,
// requestAnimationFrame plus a currentTime check avoids re-processing a frame (../shared/NOTES.md, pitfall 6).
//
// The model runs inside the video-frame callback, that is inside the rendering step: the pose it returns is drawn
// before that step paints (the wasm model runs synchronously and its awaits are microtasks), so the skeleton on screen
// is as fresh as the bench's latency says. The price is the wait for the next rendering step after each inference
// (up to a screen refresh), and a picture up to a camera frame old when the model gets to it: `npm run bench`'s
// "picture age at start", 17–20 ms median and 31–34 ms p95 for Thunder on 2 threads (2026-12-07). Measured then and
// not adopted: passing over a picture more than half a frame older than the freshest and waiting for the next took
// the age to 9–11/25–28 ms but the latency p95 only from 85–88 to 80–85 ms, for 17.1, 12.8 and 17.1 pictures a
// second against 17.8–18.3 (three alternating runs each); running the model again at once when a newer frame had come would draw the skeleton
// between rendering steps, painted only after the next inference.
import { meanLuma } from '../core/light';
import type { PoseFrame } from '../core/pose';
import type { PoseSource } from '../pose/types';

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
}

const RING = 30;
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
  const counters: LoopCounters = { frames: 0, dropped: 0, recentMs: [], recentAt: [], timings: [] };
  const now = opts.now ?? (() => performance.now());
  const measureLight = lightMeter();
  const t0 = now();
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
      push(counters.timings, { frameAt, start: started, modelEnd: done, end: now() }, 256);
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
