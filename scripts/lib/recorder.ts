// Node-only: runs the app's own pose source (src/pose/createPoseSource.ts) over a video file and returns
// the keypoint stream as a form-coach/keypoints@1 fixture. Same model files, same code path as the browser;
// only the frame source (ffmpeg) and the model loader (files on disk) differ.
import { basename, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { KeypointFixture } from '../../src/core/fixture';
import { framesToFixture } from '../../src/core/fixture';
import type { ModelName, PoseFrame } from '../../src/core/pose';
import { COCO17 } from '../../src/core/pose';
import { createPoseSource } from '../../src/pose/createPoseSource';
import { nodeModelLoader } from '../../src/pose/nodeLoader';
import { startWasmBackend } from './nodeBackend';
import type { Segment } from './parallelRecord';
import { blocksFor, defaultWorkers, frameModel, planSegments, recordBlocks, runSegments } from './parallelRecord';
import type { Crop } from './video';
import { decodeFrames, formatCrop, probeVideo } from './video';

export interface RecordOptions {
  video: string;
  model: ModelName;
  fps: number;
  crop?: Crop | undefined;
  maxSide?: number | undefined;
  start?: number | undefined;
  duration?: number | undefined;
  /** The model's own temporal filter. Off for fixtures: smoothing belongs to the pure core, which can then be tested on raw input. */
  smoothing?: boolean | undefined;
  repoRoot: string;
  /** Keypoint names to keep; default: all of MoveNet's, and BLAZEPOSE_POINTS of BlazePose's 33. */
  points?: readonly string[] | undefined;
  /**
   * Worker threads for the model, each on its own block of segments of the video (parallelRecord.ts); default:
   * the machine's cores. The keypoints are the same for any number. 1, or a video of one segment: this thread.
   */
  workers?: number | undefined;
  /** Called after each frame, for progress output (with several workers, in the order they finish). */
  onFrame?: ((frame: PoseFrame, inferMs: number) => void) | undefined;
}

/** How a fixture was made, kept in the file so that anyone can remake it. Readers ignore it. */
export interface RecordingInfo {
  video: string;
  crop: string | null;
  maxSide: number | null;
  start: number;
  duration: number | null;
  smoothing: boolean;
  backend: string;
}

export type RecordedFixture = KeypointFixture & { recording: RecordingInfo };

export interface RecordResult {
  fixture: RecordedFixture;
  frames: PoseFrame[];
  /** Milliseconds spent in estimate() per frame, for the report (not stored in the fixture: it varies by machine). */
  inferMs: number[];
}

/** Default analysed size: MoveNet looks at 192 or 256 px and BlazePose at 224/256, so 640 px loses nothing and decodes fast. */
export const DEFAULT_MAX_SIDE = 640;

/**
 * BlazePose points kept in fixtures: the COCO-17 ones plus heels and toes (the foot's line in a plank or a
 * press-up). Its face, finger and thumb points are left out: no rule uses them, and with the world points
 * (`keypoints3D`) they would double the file size.
 */
export const BLAZEPOSE_POINTS: readonly string[] = [...COCO17, 'left_heel', 'right_heel', 'left_foot_index', 'right_foot_index'];

/**
 * The model over the video on this thread: segment after segment for a whole video (the computation the workers
 * share out), frame after frame for a window of it (`start`, `duration`).
 */
async function recordHere(
  o: RecordOptions,
  maxSide: number,
  smoothing: boolean,
  segments: readonly Segment[],
): Promise<{ frames: PoseFrame[]; inferMs: number[] }> {
  await startWasmBackend(o.repoRoot);
  const source = await createPoseSource(o.model, { loader: nodeModelLoader(join(o.repoRoot, 'models')), smoothing });
  const frames: PoseFrame[] = [];
  const inferMs: number[] = [];
  try {
    const decoded = decodeFrames(o.video, { fps: o.fps, crop: o.crop, maxSide, start: o.start, duration: o.duration });
    await runSegments(frameModel(source), decoded, segments, (frame, ms, kept) => {
      if (!kept) return;
      frames.push(frame);
      inferMs.push(ms);
      o.onFrame?.(frame, ms);
    });
  } finally {
    source.dispose();
  }
  return { frames, inferMs };
}

export async function recordVideo(o: RecordOptions): Promise<RecordResult> {
  const smoothing = o.smoothing ?? false;
  const maxSide = o.maxSide ?? DEFAULT_MAX_SIDE;
  const whole = !o.start && o.duration === undefined;
  // A whole video is cut into segments from its length alone (the frame count its duration gives; the last
  // segment runs to the real end); a window of it is one segment.
  const total = whole ? Math.floor(probeVideo(o.video).duration * o.fps) : 0;
  const segments: Segment[] = whole ? planSegments(total, o.fps) : [{ keep: 0, end: null, warm: 0 }];
  const blocks = blocksFor(segments, o.workers ?? defaultWorkers(), total);
  const { frames, inferMs } =
    blocks.length > 1
      ? await recordBlocks({ video: o.video, model: o.model, fps: o.fps, crop: o.crop, maxSide, smoothing, repoRoot: o.repoRoot }, blocks, {
          onFrame: o.onFrame,
        })
      : await recordHere(o, maxSide, smoothing, segments);
  if (frames.length === 0) throw new Error(`${o.video}: no frames decoded (start ${o.start ?? 0} s, duration ${o.duration ?? 'all'})`);
  const points = o.points ?? (o.model.startsWith('blazepose') ? BLAZEPOSE_POINTS : undefined);
  const fixture = framesToFixture(frames, { source: basename(o.video), model: o.model, fps: o.fps, points });
  return {
    fixture: {
      ...fixture,
      recording: {
        video: basename(o.video),
        crop: o.crop ? formatCrop(o.crop) : null,
        maxSide,
        start: o.start ?? 0,
        duration: o.duration ?? null,
        smoothing,
        // The workers run the same backend as this thread would (nodeBackend.ts).
        backend: blocks.length > 1 ? 'wasm' : tf.getBackend(),
      },
    },
    frames,
    inferMs,
  };
}

/**
 * JSON with one frame per line: small diffs when a fixture is re-recorded, and still plain JSON.
 * Key order is fixed so that re-recording an unchanged clip gives an identical file.
 */
export function stringifyFixture(f: RecordedFixture): string {
  const { frames, ...head } = f;
  const headJson = JSON.stringify(head, null, 2);
  const frameLines = frames.map((fr) => '    ' + JSON.stringify(fr));
  return `${headJson.slice(0, -2)},\n  "frames": [\n${frameLines.join(',\n')}\n  ]\n}\n`;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
