// Plain canvas drawing for the pose overlay, outside React: called once per processed frame.
// Colour is never the only signal: a faulty joint is red AND drawn as a larger ring with a cross bar;
// an 'unknown' joint is faded and hollow.
import type { CocoName, Pose } from '../core/pose';

export type JointStyle = 'ok' | 'fault' | 'unknown';

/** COCO-17 skeleton edges (the pairs pose-detection's util.getAdjacentPairs gives for MoveNet). */
export const COCO_EDGES: readonly (readonly [CocoName, CocoName])[] = [
  ['nose', 'left_eye'],
  ['nose', 'right_eye'],
  ['left_eye', 'left_ear'],
  ['right_eye', 'right_ear'],
  ['left_shoulder', 'right_shoulder'],
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'],
  ['left_hip', 'right_hip'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
];

export const SKELETON_COLOURS = {
  ok: '#3ee0c8',
  fault: '#ff3b30',
  left: '#ffd166',
  edge: 'rgba(255,255,255,0.85)',
  outline: 'rgba(0,0,0,0.6)',
} as const;

export interface DrawOptions {
  /** Per-joint style by keypoint name; joints not listed are 'ok'. */
  styles?: Partial<Record<string, JointStyle>>;
  /** Points under this score are drawn faded and their edges dashed. Default 0.3. */
  minScore?: number;
  /** Short text drawn beside a joint (e.g. the fault's name), so a fault is also marked in words. */
  labels?: Partial<Record<string, string>>;
  /**
   * Set when the canvas is mirrored by CSS together with the video. Coordinates stay in image pixels;
   * only labels are counter-flipped so they read the right way round.
   */
  mirror?: boolean;
  /** Line width scale, e.g. canvas.width / displayed width, so lines look the same at any size. */
  scale?: number;
}

export function clearOverlay(ctx: CanvasRenderingContext2D): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
}

/** Draws one pose (COCO-17 part; extra BlazePose points are ignored here) onto `ctx`, in image pixels. */
export function drawSkeleton(ctx: CanvasRenderingContext2D, pose: Pose, opts: DrawOptions = {}): void {
  const minScore = opts.minScore ?? 0.3;
  const s = opts.scale ?? 1;
  const byName = new Map(pose.keypoints.map((k) => [k.name, k] as const));
  const styleOf = (name: string): JointStyle => opts.styles?.[name] ?? 'ok';

  ctx.save();
  ctx.lineCap = 'round';
  for (const [a, b] of COCO_EDGES) {
    const ka = byName.get(a);
    const kb = byName.get(b);
    if (!ka || !kb || ka.score <= 0 || kb.score <= 0) continue;
    const confident = ka.score >= minScore && kb.score >= minScore;
    const fault = styleOf(a) === 'fault' && styleOf(b) === 'fault';
    const unknown = styleOf(a) === 'unknown' || styleOf(b) === 'unknown';
    ctx.globalAlpha = confident && !unknown ? 1 : 0.35;
    ctx.setLineDash(confident ? [] : [6 * s, 6 * s]);
    ctx.strokeStyle = SKELETON_COLOURS.outline;
    ctx.lineWidth = 7 * s;
    line(ctx, ka.x, ka.y, kb.x, kb.y);
    ctx.strokeStyle = fault ? SKELETON_COLOURS.fault : SKELETON_COLOURS.edge;
    ctx.lineWidth = (fault ? 5 : 3.5) * s;
    line(ctx, ka.x, ka.y, kb.x, kb.y);
  }
  ctx.setLineDash([]);

  for (const k of pose.keypoints.slice(0, 17)) {
    if (k.score <= 0) continue;
    const style = styleOf(k.name);
    const confident = k.score >= minScore;
    ctx.globalAlpha = confident && style !== 'unknown' ? 1 : 0.35;
    if (style === 'fault') {
      // Larger ring with a bar through it: a shape cue as well as a colour cue.
      const r = 11 * s;
      ctx.lineWidth = 4 * s;
      ctx.strokeStyle = SKELETON_COLOURS.outline;
      circle(ctx, k.x, k.y, r + 2 * s);
      ctx.stroke();
      ctx.strokeStyle = SKELETON_COLOURS.fault;
      circle(ctx, k.x, k.y, r);
      ctx.stroke();
      line(ctx, k.x - r * 0.7, k.y - r * 0.7, k.x + r * 0.7, k.y + r * 0.7);
    } else {
      const left = k.name.startsWith('left_');
      circle(ctx, k.x, k.y, 5.5 * s);
      ctx.fillStyle = SKELETON_COLOURS.outline;
      ctx.lineWidth = 2 * s;
      ctx.strokeStyle = SKELETON_COLOURS.outline;
      if (style === 'unknown') {
        ctx.stroke();
      } else {
        ctx.fillStyle = left ? SKELETON_COLOURS.left : SKELETON_COLOURS.ok;
        ctx.fill();
        ctx.stroke();
      }
    }
  }
  for (const k of pose.keypoints.slice(0, 17)) {
    const text = opts.labels?.[k.name];
    if (!text || k.score <= 0) continue;
    ctx.globalAlpha = 1;
    ctx.save();
    ctx.translate(k.x, k.y);
    if (opts.mirror) ctx.scale(-1, 1);
    ctx.font = `600 ${Math.round(16 * s)}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.lineWidth = 4 * s;
    ctx.strokeStyle = SKELETON_COLOURS.outline;
    ctx.strokeText(text, 16 * s, 0);
    ctx.fillStyle = '#fff';
    ctx.fillText(text, 16 * s, 0);
    ctx.restore();
  }
  ctx.restore();
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

function circle(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
}
