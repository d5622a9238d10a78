// The recorded streams as worse computers, cameras and rooms would give them, so `npm run eval` can say what each costs
// (its "Robustness" table) and tests can replay them: a slow computer's model reads fewer pictures a second (the live
// frame loop takes the newest camera frame whenever the model is free and skips the rest, src/app/frameLoop.ts); a
// camera of another resolution; a model that loses the person now and then (a darker room, a window behind them); a
// model whose points jitter more. Deterministic: the same stream and name give the same frames.
import type { PoseFrame } from '../../src/core/pose';

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

/** Every pixel measure of the stream times k, as a camera of k times the resolution would give it. */
export function atScale(frames: readonly PoseFrame[], k: number): PoseFrame[] {
  return frames.map((f) => ({
    ...f,
    width: f.width * k,
    height: f.height * k,
    poses: f.poses.map((p) => ({ ...p, keypoints: p.keypoints.map((q) => ({ ...q, x: q.x * k, y: q.y * k })) })),
  }));
}

/** A seeded uniform generator in [0, 1) (mulberry32), so a degraded stream is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from a name (FNV-1a), so each clip loses its own frames. */
export function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The stream with `share` of its frames, at random, holding nobody: the model lost the person on them. */
export function withLostFrames(frames: readonly PoseFrame[], share: number, seed: number): PoseFrame[] {
  const r = seeded(seed);
  return frames.map((f) => (r() < share ? { ...f, poses: [] } : f));
}

/** Every point moved at random (normal, sigma `share` of the picture's long side, each point and frame on its own). */
export function withJitter(frames: readonly PoseFrame[], share: number, seed: number): PoseFrame[] {
  const r = seeded(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return frames.map((f) => {
    const sd = share * Math.max(f.width, f.height);
    return {
      ...f,
      poses: f.poses.map((p) => ({ ...p, keypoints: p.keypoints.map((q) => ({ ...q, x: q.x + sd * normal(), y: q.y + sd * normal() })) })),
    };
  });
}

/** What the eval reads every real clip as, besides as recorded. */
export const DEGRADATIONS: readonly { label: string; apply: (frames: readonly PoseFrame[], clip: string) => PoseFrame[] }[] = [
  { label: '10 pictures a second', apply: (f) => thinToRate(f, 10) },
  { label: '7.5 pictures a second', apply: (f) => thinToRate(f, 7.5) },
  { label: '5 pictures a second', apply: (f) => thinToRate(f, 5) },
  { label: 'half the resolution', apply: (f) => atScale(f, 0.5) },
  { label: 'nobody found on 1 frame in 10', apply: (f, c) => withLostFrames(f, 0.1, seedOf(c)) },
  { label: 'nobody found on 1 frame in 4', apply: (f, c) => withLostFrames(f, 0.25, seedOf(c)) },
  // The real clips' points move 0.1–0.4 % of the picture's long side from frame to frame (still parts, the median joint):
  // 0.5 % is a noisier camera than any of them, 1 % far past it.
  { label: 'points jitter 0.5 % of the picture', apply: (f, c) => withJitter(f, 0.005, seedOf(c)) },
  { label: 'points jitter 1 % of the picture', apply: (f, c) => withJitter(f, 0.01, seedOf(c)) },
];
