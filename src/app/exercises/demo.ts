// The demo-figure data format and its drawing: plain canvas functions (the skeleton drawing of the
// live overlay, ../../render/skeleton.ts), no React. Points are normalised: x and y in [0, 1] of the
// loop's bounding square; null = not seen in that frame.
import type { Pose } from '../../core/pose';
import { clearOverlay, drawSkeleton } from '../../render/skeleton';

/** Frames per second of the stored demos (resampled from the 15 fps recordings). */
export const DEMO_FPS = 10;

export interface DemoClip {
  /** Where the frames came from (clip id, seconds, what it shows). */
  source: string;
  /** Width / height of the figure's bounding box over the loop. */
  aspect: number;
  frames: (readonly [number, number] | null)[][];
}

export interface DemoData {
  fps: number;
  names: string[];
  demos: Partial<Record<string, DemoClip>>;
}

/** Frame `i` of a demo as a Pose in canvas pixels, fitted and centred in a w×h canvas with a margin. */
export function demoPose(data: DemoData, clip: DemoClip, i: number, w: number, h: number): Pose {
  const fr = clip.frames[((i % clip.frames.length) + clip.frames.length) % clip.frames.length] ?? [];
  const margin = 0.1;
  // The points fill a box of aspect × 1 (or 1 × 1/aspect) in normalised units: fit it, keep proportions.
  const boxW = clip.aspect >= 1 ? 1 : clip.aspect;
  const boxH = clip.aspect >= 1 ? 1 / clip.aspect : 1;
  const s = Math.min((w * (1 - 2 * margin)) / boxW, (h * (1 - 2 * margin)) / boxH);
  const ox = (w - boxW * s) / 2;
  const oy = (h - boxH * s) / 2;
  return {
    keypoints: data.names.map((name, k) => {
      const p = fr[k];
      return p ? { name, x: ox + p[0] * s, y: oy + p[1] * s, score: 1 } : { name, x: 0, y: 0, score: 0 };
    }),
    score: 1,
  };
}

export function drawDemoFrame(ctx: CanvasRenderingContext2D, data: DemoData, clip: DemoClip, i: number): void {
  const { width, height } = ctx.canvas;
  clearOverlay(ctx);
  drawSkeleton(ctx, demoPose(data, clip, i, width, height), { scale: Math.max(0.5, Math.min(width, height) / 260) });
}
