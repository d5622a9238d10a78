// Plane geometry over one body, with units in the types so degrees and radians, or pixel and
// torso-scaled lengths, cannot be mixed by accident (the branded-unit idea of excalidraw's math package).
//
// A body is held in flat typed arrays indexed by COCO-17 number: the hot path allocates nothing.
// A point is usable only when `ok[i]` is 1 (score above threshold and plausible); otherwise it is
// unknown and every function here returns null rather than guessing.

export type Degrees = number & { readonly __unit: 'degrees' };
export type Radians = number & { readonly __unit: 'radians' };
/** A length divided by the person's own torso length (shoulder midpoint to hip midpoint). */
export type TorsoLengths = number & { readonly __unit: 'torso-lengths' };
/** Pixels of the analysed frame (origin top-left, y down). */
export type Px = number & { readonly __unit: 'px' };

export const toDegrees = (r: Radians): Degrees => ((r * 180) / Math.PI) as Degrees;
export const toRadians = (d: Degrees): Radians => ((d * Math.PI) / 180) as Radians;

/** COCO-17 indices. */
export const KP = {
  nose: 0, left_eye: 1, right_eye: 2, left_ear: 3, right_ear: 4,
  left_shoulder: 5, right_shoulder: 6, left_elbow: 7, right_elbow: 8,
  left_wrist: 9, right_wrist: 10, left_hip: 11, right_hip: 12,
  left_knee: 13, right_knee: 14, left_ankle: 15, right_ankle: 16,
} as const;
export type KeypointName = keyof typeof KP;
export const KEYPOINT_NAMES = Object.keys(KP) as KeypointName[];
export const N_KP = 17;

export type Side = 'left' | 'right';
export type Limb = 'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle' | 'ear' | 'eye';
const LEFT_INDEX: Record<Limb, number> = { eye: 1, ear: 3, shoulder: 5, elbow: 7, wrist: 9, hip: 11, knee: 13, ankle: 15 };
/** Index of a side-agnostic joint on one side (right = left + 1 in COCO order). */
export const jointIndex = (side: Side, limb: Limb): number => LEFT_INDEX[limb] + (side === 'right' ? 1 : 0);
export const jointName = (side: Side, limb: Limb): KeypointName => KEYPOINT_NAMES[jointIndex(side, limb)] as KeypointName;
export const otherSide = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/** The engine's per-frame view of one person: smoothed, plausibility-checked pixel points. */
export interface Body {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** 1 = usable; 0 = unknown (low score, implausible, or missing). */
  readonly ok: Uint8Array;
  readonly score: Float64Array;
  /** Torso length in pixels (running, robust); 0 when unknown. */
  torso: number;
  /** The side facing the camera (better-scored side, with hysteresis). */
  side: Side;
  /** Frame time in ms (sanitised: finite, never decreasing). */
  t: number;
  width: number;
  height: number;
  /**
   * Foot points, when the model gives them (BlazePose: heels and toes; MoveNet has none): indices
   * FOOT.left_heel … FOOT.right_toe, raw (not smoothed), usable where `footOk` is 1.
   */
  readonly footX: Float64Array;
  readonly footY: Float64Array;
  readonly footOk: Uint8Array;
  /**
   * By a pair's left index (shoulders 5, hips 11): 1 when one of the pair has just dropped out while the
   * other is seen, so their midpoint is unknown for the moment (see perception's markGirdleGaps).
   */
  readonly pairGap: Uint8Array;
}

/** Foot points kept beside the COCO-17 body, with the names BlazePose gives them. */
export const FOOT = { left_heel: 0, right_heel: 1, left_toe: 2, right_toe: 3 } as const;
export const FOOT_NAMES: Readonly<Record<string, number>> = { left_heel: 0, right_heel: 1, left_foot_index: 2, right_foot_index: 3 };

export function createBody(): Body {
  return {
    x: new Float64Array(N_KP), y: new Float64Array(N_KP), ok: new Uint8Array(N_KP), score: new Float64Array(N_KP),
    torso: 0, side: 'left', t: 0, width: 1, height: 1,
    footX: new Float64Array(4), footY: new Float64Array(4), footOk: new Uint8Array(4), pairGap: new Uint8Array(N_KP),
  };
}

export const has = (b: Body, i: number): boolean => b.ok[i] === 1;
export const hasAll = (b: Body, ...idx: number[]): boolean => idx.every((i) => b.ok[i] === 1);

/** Distance between two points in pixels, or null if either is unknown. */
export function dist(b: Body, i: number, j: number): Px | null {
  if (b.ok[i] !== 1 || b.ok[j] !== 1) return null;
  return Math.hypot((b.x[i] as number) - (b.x[j] as number), (b.y[i] as number) - (b.y[j] as number)) as Px;
}

/** Distance in torso lengths, or null when a point or the torso length is unknown. */
export function distT(b: Body, i: number, j: number): TorsoLengths | null {
  const d = dist(b, i, j);
  return d === null || !(b.torso > 0) ? null : ((d / b.torso) as TorsoLengths);
}

/** Interior angle at vertex v of the path a–v–c, 0..180°. */
export function jointAngle(b: Body, a: number, v: number, c: number): Degrees | null {
  if (b.ok[a] !== 1 || b.ok[v] !== 1 || b.ok[c] !== 1) return null;
  return angleOf(b.x[a] as number, b.y[a] as number, b.x[v] as number, b.y[v] as number, b.x[c] as number, b.y[c] as number);
}

export function angleOf(ax: number, ay: number, vx: number, vy: number, cx: number, cy: number): Degrees | null {
  const ux = ax - vx, uy = ay - vy, wx = cx - vx, wy = cy - vy;
  const nu = Math.hypot(ux, uy), nw = Math.hypot(wx, wy);
  if (!(nu > 0) || !(nw > 0) || !Number.isFinite(nu * nw)) return null;
  const c = Math.max(-1, Math.min(1, (ux * wx + uy * wy) / (nu * nw)));
  return toDegrees(Math.acos(c) as Radians);
}

/** Angle of the segment i→j to the horizontal, folded to 0..90° (direction-free). */
export function segmentToHorizontal(b: Body, i: number, j: number): Degrees | null {
  if (b.ok[i] !== 1 || b.ok[j] !== 1) return null;
  const dx = Math.abs((b.x[j] as number) - (b.x[i] as number)), dy = Math.abs((b.y[j] as number) - (b.y[i] as number));
  if (dx === 0 && dy === 0) return null;
  return toDegrees(Math.atan2(dy, dx) as Radians);
}

/** Angle of the segment i→j to the vertical, 0..90°. */
export function segmentToVertical(b: Body, i: number, j: number): Degrees | null {
  const h = segmentToHorizontal(b, i, j);
  return h === null ? null : ((90 - h) as Degrees);
}

/** Signed tilt of the segment from→to away from straight up, in −180..180°; positive leans to image-right. */
export function tiltFromUp(fx: number, fy: number, tx: number, ty: number): Degrees | null {
  const dx = tx - fx, dy = fy - ty; // dy > 0 when `to` is above `from`
  if (dx === 0 && dy === 0) return null;
  return toDegrees(Math.atan2(dx, dy) as Radians);
}

/** Midpoint of a left/right pair, preferring both; falls back to the one known point; null if neither. */
export function pairMid(b: Body, limb: Limb, out: { x: number; y: number }): boolean {
  const l = jointIndex('left', limb), r = l + 1;
  if (b.pairGap[l] === 1) return false;
  const lo = b.ok[l] === 1, ro = b.ok[r] === 1;
  if (lo && ro) { out.x = ((b.x[l] as number) + (b.x[r] as number)) / 2; out.y = ((b.y[l] as number) + (b.y[r] as number)) / 2; return true; }
  if (lo) { out.x = b.x[l] as number; out.y = b.y[l] as number; return true; }
  if (ro) { out.x = b.x[r] as number; out.y = b.y[r] as number; return true; }
  return false;
}

/**
 * Signed perpendicular offset of point p from the line a→c, in torso lengths; positive when p lies
 * above the line in the image (smaller y: toward the ceiling for an upright camera).
 */
export function offsetFromLine(b: Body, a: number, p: number, c: number): TorsoLengths | null {
  if (b.ok[a] !== 1 || b.ok[p] !== 1 || b.ok[c] !== 1 || !(b.torso > 0)) return null;
  const ax = b.x[a] as number, ay = b.y[a] as number;
  const dx = (b.x[c] as number) - ax, dy = (b.y[c] as number) - ay;
  const len = Math.hypot(dx, dy);
  if (!(len > 0)) return null;
  // Cross product sign: with y down, a point above a left→right line has a negative cross; normalise so
  // "above" is positive whichever way the line runs.
  const cross = (dx * ((b.y[p] as number) - ay) - dy * ((b.x[p] as number) - ax)) / len;
  const above = dx >= 0 ? -cross : cross;
  return (above / b.torso) as TorsoLengths;
}

/** Score-weighted choice of the side facing the camera, sticky unless the other side leads clearly. */
export function chooseSide(b: Body, previous: Side): Side {
  let l = 0, r = 0;
  for (const limb of ['shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle'] as const) {
    const li = jointIndex('left', limb);
    l += b.ok[li] === 1 ? (b.score[li] as number) : 0;
    r += b.ok[li + 1] === 1 ? (b.score[li + 1] as number) : 0;
  }
  // A margin of 0.6 summed score (about one joint) keeps the side from flipping on noise.
  if (previous === 'left' ? r > l + 0.6 : l > r + 0.6) return otherSide(previous);
  return previous;
}
