// The one pose shape the whole app speaks, whatever model produced it.
// Coordinates are pixels of the analysed frame (origin top-left, y down).

/** The COCO-17 keypoint names, in the order MoveNet and pose-detection use them. */
export const COCO17 = [
  'nose',
  'left_eye',
  'right_eye',
  'left_ear',
  'right_ear',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
] as const;
export type CocoName = (typeof COCO17)[number];

export interface Keypoint {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  /** 0..1; a missing point has score 0. */
  readonly score: number;
}

/**
 * A point of BlazePose's world skeleton (pose-detection's `keypoints3D`): metres, origin between the hips,
 * x to the image right, y down, z away from the camera (MediaPipe's world landmarks).
 */
export interface Keypoint3D {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** 0..1; a missing point has score 0. */
  readonly score: number;
}

export interface Pose {
  /** COCO-17 first, in COCO17 order; models with more points (BlazePose) append theirs after. */
  readonly keypoints: readonly Keypoint[];
  /** Only from models that estimate depth (BlazePose): the same points, in the same order, in metres. */
  readonly keypoints3D?: readonly Keypoint3D[] | undefined;
  /** Whole-pose confidence, 0..1. */
  readonly score: number;
}

/** One analysed camera frame: zero, one or several people. */
export interface PoseFrame {
  /** Milliseconds, monotonic within a stream. */
  readonly t: number;
  readonly width: number;
  readonly height: number;
  readonly poses: readonly Pose[];
  /**
   * Mean brightness of the picture, 0 (black) to 1 (white), when the source measured it (the live camera
   * does; recorded streams do not). Lets the engine tell a dark room from an empty one.
   */
  readonly light?: number | undefined;
}

export type ModelName = 'movenet-lightning' | 'movenet-thunder' | 'blazepose-lite' | 'blazepose-full';
export const MODEL_NAMES: readonly ModelName[] = ['movenet-lightning', 'movenet-thunder', 'blazepose-lite', 'blazepose-full'];
/** The app's model unless Settings says otherwise, and the command-line tools' when no --model is given (README: Models). */
export const DEFAULT_MODEL: ModelName = 'movenet-thunder';
export function isModelName(s: string): s is ModelName {
  return (MODEL_NAMES as readonly string[]).includes(s);
}

/** Model files served from models/ that each model needs (json + bin beside it). */
export const MODEL_FILES: Record<ModelName, readonly string[]> = {
  'movenet-lightning': ['movenet-lightning.json', 'movenet-lightning.bin'],
  'movenet-thunder': ['movenet-thunder.json', 'movenet-thunder.bin'],
  'blazepose-lite': ['blazepose-detector.json', 'blazepose-detector.bin', 'blazepose-lite.json', 'blazepose-lite.bin'],
  'blazepose-full': ['blazepose-detector.json', 'blazepose-detector.bin', 'blazepose-full.json', 'blazepose-full.bin'],
};

/**
 * Where a model family puts its points on the body. MoveNet (Lightning, Thunder) and BlazePose (lite, full)
 * place the hips and shoulders at different spots (NOTES.md), so a threshold read off one family's points
 * does not carry over to the other: the exercise files give such thresholds one value per family (ByFamily).
 */
export type ModelFamily = 'movenet' | 'blazepose';
export const MODEL_FAMILIES: readonly ModelFamily[] = ['movenet', 'blazepose'];
export function modelFamily(m: ModelName): ModelFamily {
  return m.startsWith('blazepose') ? 'blazepose' : 'movenet';
}
/** A value that differs by keypoint space: one per model family. */
export interface ByFamily<T> {
  readonly movenet: T;
  readonly blazepose: T;
}
/** A value given either once for every model or per family (ByFamily), read for one family. */
export type PerFamily<T> = T | ByFamily<T>;
export function forFamily<T>(v: PerFamily<T>, f: ModelFamily): T {
  return typeof v === 'object' && v !== null && 'movenet' in v && 'blazepose' in v ? (v as ByFamily<T>)[f] : (v as T);
}
/** The keypoint space of a model, or the family itself. */
export function keypointSpace(m: ModelName | ModelFamily): ModelFamily {
  return m === 'movenet' || m === 'blazepose' ? m : modelFamily(m);
}
