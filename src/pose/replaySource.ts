// A PoseSource that replays a recorded form-coach/keypoints@1 file, one frame per estimate() call, so the
// app, the engine and the bench can run without model weights or a camera.
import type { KeypointFixture } from '../core/fixture';
import { fixtureToFrames } from '../core/fixture';
import type { Pose, PoseFrame } from '../core/pose';
import type { PoseSource } from './types';

export interface ReplaySource extends PoseSource<unknown> {
  readonly frames: readonly PoseFrame[];
  /** Index of the frame the next estimate() returns. */
  readonly position: number;
  /** True once every frame has been returned (and `loop` is off). */
  readonly done: boolean;
}

/**
 * Each estimate() returns the next recorded frame's poses, ignoring its input (the recording is the
 * input). With `loop`, it starts over after the last frame; without, it returns [] from then on.
 */
export function createReplaySource(fixture: KeypointFixture, opts: { loop?: boolean } = {}): ReplaySource {
  const frames = fixtureToFrames(fixture);
  let i = 0;
  let disposed = false;
  return {
    model: 'replay',
    frames,
    get position() {
      return i;
    },
    get done() {
      return !opts.loop && i >= frames.length;
    },
    estimate(): Promise<Pose[]> {
      if (disposed) return Promise.reject(new Error('replay source was disposed'));
      if (i >= frames.length && opts.loop && frames.length > 0) i = 0;
      const f = frames[i];
      if (!f) return Promise.resolve([]);
      i += 1;
      return Promise.resolve([...f.poses]);
    },
    reset() {
      i = 0;
    },
    dispose() {
      disposed = true;
    },
  };
}
