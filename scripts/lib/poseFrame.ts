// Node-only: one decoded frame through the pose model, as the recorder does it in this thread or in a worker
// thread (parallelRecord.ts): the same tensor, the same call, the same brightness measure.
import * as tf from '@tensorflow/tfjs-core';
import { frameLight } from '../../src/core/light';
import type { PoseFrame } from '../../src/core/pose';
import type { DetectorInput } from '../../src/pose/createPoseSource';
import type { PoseSource } from '../../src/pose/types';
import type { RgbFrame } from './video';

/** frameLight's sampling step for decoded frames (see there). */
const LIGHT_STEP = 4;

/** The model's poses on `f`, with the time the model took (ms). */
export async function estimateFrame(source: PoseSource<DetectorInput>, f: RgbFrame): Promise<{ frame: PoseFrame; ms: number }> {
  const input = tf.tensor3d(f.rgb, [f.height, f.width, 3], 'int32');
  const t0 = performance.now();
  let poses;
  try {
    poses = await source.estimate(input, f.t);
  } finally {
    input.dispose();
  }
  const ms = performance.now() - t0;
  // The picture's mean brightness, the measure the live camera loop puts on its frames (src/core/light.ts),
  // so the engine can tell a dark room from an empty one. Every 4th pixel of every 4th row: ~0.1 ms a frame.
  // Not written to fixtures (framesToFixture keeps keypoints only), so recordings stay as they were.
  const frame: PoseFrame = { t: f.t, width: f.width, height: f.height, poses, light: frameLight(f.rgb, f.width, f.height, 3, LIGHT_STEP) };
  return { frame, ms };
}
