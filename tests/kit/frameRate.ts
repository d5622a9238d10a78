// The coach at the model's pace. A slow computer runs the pose model on fewer pictures a second than the recorded
// streams hold (15 fps): the live frame loop takes the newest camera frame whenever the model is free and skips the
// rest (src/app/frameLoop.ts). `thinToRate` plays a recorded stream as such a computer would have seen it, so the
// eval can say what each pace costs (npm run eval, "Frame rate").
import type { PoseFrame } from '../../src/core/pose';

/** The paces the eval reads each stream at (fps): this box's default model runs at 13–17, a slow laptop at 10 or less. */
export const PACES = [10, 7.5, 5] as const;

/**
 * The frames a model reading `fps` pictures a second keeps: the first frame of each 1/fps slot of the stream's time
 * (15 → 10 fps keeps two of every three frames, 67 and 133 ms apart, as a loop that waits for the model does). A
 * stream already at or below `fps` is returned whole.
 */
export function thinToRate(frames: readonly PoseFrame[], fps: number): PoseFrame[] {
  if (!(fps > 0)) throw new Error(`thinToRate: fps must be positive, got ${fps}`);
  const slot = 1000 / fps;
  const kept: PoseFrame[] = [];
  let last = -Infinity;
  for (const f of frames) {
    // A hair under the slot: 15 fps stamps rounded to 0.1 ms must not fall on the wrong side of a slot boundary.
    const k = Math.floor((f.t + 1e-6) / slot);
    if (k !== last) {
      kept.push(f);
      last = k;
    }
  }
  return kept;
}
