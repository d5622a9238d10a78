// "Record keypoints": keeps the session's pose stream (keypoints only, never images) and saves it as a
// form-coach/keypoints@1 file, the same format the command-line recorder writes.
import type { KeypointFixture } from '../core/fixture';
import { framesToFixture } from '../core/fixture';
import type { PoseFrame } from '../core/pose';

let frames: PoseFrame[] = [];
let active = false;

export function startRecording(): void {
  frames = [];
  active = true;
}

export function stopRecording(): void {
  active = false;
}

export function isRecording(): boolean {
  return active;
}

export function recordedFrameCount(): number {
  return frames.length;
}

/** Called by the frame loop for every processed frame; times are rebased to the recording's start. */
export function recordFrame(frame: PoseFrame): void {
  if (active) frames.push(frame);
}

export function buildRecording(meta: { source: string; model: string }): KeypointFixture | null {
  if (frames.length === 0) return null;
  const t0 = frames[0]!.t;
  const rebased = frames.map((f) => ({ ...f, t: f.t - t0 }));
  const span = rebased[rebased.length - 1]!.t;
  // The stream's actual processed rate (the model is usually slower than the camera); frame times are exact.
  const fps = span > 0 ? Math.max(1, Math.round(((rebased.length - 1) * 1000) / span)) : 1;
  return framesToFixture(rebased, { ...meta, fps });
}

/** Offers the recording as a download; returns the file name, or null when nothing was recorded. */
export function saveRecording(meta: { source: string; model: string }): string | null {
  const fixture = buildRecording(meta);
  if (!fixture) return null;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const name = `form-coach-keypoints-${stamp}.json`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(fixture)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
