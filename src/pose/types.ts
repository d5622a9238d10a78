import type { ModelName, Pose } from '../core/pose';

/**
 * Anything that turns an image into poses: the real model (browser or Node) or a replay of a recorded stream.
 * `Input` is whatever the implementation accepts (a video element, an ImageBitmap, a tensor, a frame index).
 */
export interface PoseSource<Input = unknown> {
  readonly model: ModelName | 'replay';
  /** Poses in pixels of `input`. Never throws for "nobody in view": returns []. */
  estimate(input: Input, timestampMs: number): Promise<Pose[]>;
  /** Forget tracking/smoothing state, e.g. between unrelated clips. */
  reset(): void;
  dispose(): void;
}
