// "Record keypoints": keeps the session's pose stream (keypoints only, never images) and turns it into a
// form-coach/keypoints@1 file, the same format the command-line recorder writes.
import type { KeypointFixture } from '../../core/fixture';
import { framesToFixture } from '../../core/fixture';
import type { PoseFrame } from '../../core/pose';
import { downloadText } from '../download';

export class KeypointRecorder {
  private frames: PoseFrame[] = [];
  private on = false;

  get active(): boolean {
    return this.on;
  }
  get count(): number {
    return this.frames.length;
  }

  start(): void {
    this.frames = [];
    this.on = true;
  }

  stop(): void {
    this.on = false;
  }

  /** Called for every processed frame; kept only while recording. */
  add(frame: PoseFrame): void {
    if (this.on) this.frames.push(frame);
  }

  /** The recording as a fixture, times rebased to its first frame; null when nothing was recorded. */
  build(meta: { source: string; model: string }): KeypointFixture | null {
    const frames = this.frames;
    if (frames.length === 0) return null;
    const t0 = frames[0]!.t;
    const rebased = frames.map((f) => ({ ...f, t: f.t - t0 }));
    const span = rebased[rebased.length - 1]!.t;
    // The stream's actual processed rate (the model is usually slower than the camera); frame times are exact.
    const fps = span > 0 ? Math.max(1, Math.round(((rebased.length - 1) * 1000) / span)) : 1;
    return framesToFixture(rebased, { ...meta, fps });
  }
}

/** Offers a fixture as a download (a blob URL: nothing leaves the device); returns the file name. */
export function downloadFixture(fixture: KeypointFixture, doc: Document): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const name = `form-coach-keypoints-${stamp}.json`;
  downloadText(name, 'application/json', JSON.stringify(fixture), doc);
  return name;
}
