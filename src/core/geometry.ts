// Plane geometry over one body, with units in the types so degrees and radians, or pixel and
// torso-scaled lengths, cannot be mixed by accident (the branded-unit idea of excalidraw's math package).
//
// A body is held in flat typed arrays indexed by COCO-17 number: the hot path allocates nothing.
// A point is usable only when `ok[i]` is 1 (score above threshold and plausible); otherwise it is
// unknown and every function here returns null rather than guessing.

import type { ModelFamily } from './pose';

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
  nose: 0,
  left_eye: 1,
  right_eye: 2,
  left_ear: 3,
  right_ear: 4,
  left_shoulder: 5,
  right_shoulder: 6,
  left_elbow: 7,
  right_elbow: 8,
  left_wrist: 9,
  right_wrist: 10,
  left_hip: 11,
  right_hip: 12,
  left_knee: 13,
  right_knee: 14,
  left_ankle: 15,
  right_ankle: 16,
} as const;
export type KeypointName = keyof typeof KP;
export const KEYPOINT_NAMES = Object.keys(KP) as KeypointName[];
export const N_KP = 17;

export type Side = 'left' | 'right';
export type Limb = 'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle' | 'ear' | 'eye';
const LEFT_INDEX: Record<Limb, number> = { eye: 1, ear: 3, shoulder: 5, elbow: 7, wrist: 9, hip: 11, knee: 13, ankle: 15 };
/** Index of a side-agnostic joint on one side (right = left + 1 in COCO order). */
export const jointIndex = (side: Side, limb: Limb): number => LEFT_INDEX[limb] + (side === 'right' ? 1 : 0);
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
  /** Which model family placed these points (thresholds that differ by keypoint space are read with it). */
  space: ModelFamily;
  /**
   * World points, when the model gives them (BlazePose's keypoints3D: metres about the hips, x to the image
   * right, y down, z away from the camera): COCO-17 by index, then the feet at N_KP + FOOT.*; raw (not
   * smoothed); usable where `wok` is 1. BlazePose places every joint in 3D, the ones it cannot see included,
   * and a joint hidden from a side camera is what 3D is for: `wok` asks only that the person is tracked.
   */
  readonly wx: Float64Array;
  readonly wy: Float64Array;
  readonly wz: Float64Array;
  readonly wok: Uint8Array;
}

/** Foot points kept beside the COCO-17 body, with the names BlazePose gives them. */
export const FOOT = { left_heel: 0, right_heel: 1, left_toe: 2, right_toe: 3 } as const;
export const FOOT_NAMES: Readonly<Record<string, number>> = { left_heel: 0, right_heel: 1, left_foot_index: 2, right_foot_index: 3 };
/** World point slots: COCO-17, then the four foot points. */
export const N_WORLD = N_KP + 4;
/** Index of a foot point among the world points. */
export const worldFoot = (f: number): number => N_KP + f;

export function createBody(): Body {
  return {
    x: new Float64Array(N_KP),
    y: new Float64Array(N_KP),
    ok: new Uint8Array(N_KP),
    score: new Float64Array(N_KP),
    torso: 0,
    side: 'left',
    t: 0,
    width: 1,
    height: 1,
    footX: new Float64Array(4),
    footY: new Float64Array(4),
    footOk: new Uint8Array(4),
    pairGap: new Uint8Array(N_KP),
    space: 'movenet',
    wx: new Float64Array(N_WORLD),
    wy: new Float64Array(N_WORLD),
    wz: new Float64Array(N_WORLD),
    wok: new Uint8Array(N_WORLD),
  };
}

export const has = (b: Body, i: number): boolean => b.ok[i] === 1;

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
  const ux = ax - vx,
    uy = ay - vy,
    wx = cx - vx,
    wy = cy - vy;
  const nu = Math.hypot(ux, uy),
    nw = Math.hypot(wx, wy);
  if (!(nu > 0) || !(nw > 0) || !Number.isFinite(nu * nw)) return null;
  const c = Math.max(-1, Math.min(1, (ux * wx + uy * wy) / (nu * nw)));
  return toDegrees(Math.acos(c) as Radians);
}

/** Angle of the segment i→j to the horizontal, folded to 0..90° (direction-free). */
export function segmentToHorizontal(b: Body, i: number, j: number): Degrees | null {
  if (b.ok[i] !== 1 || b.ok[j] !== 1) return null;
  const dx = Math.abs((b.x[j] as number) - (b.x[i] as number)),
    dy = Math.abs((b.y[j] as number) - (b.y[i] as number));
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
  const dx = tx - fx,
    dy = fy - ty; // dy > 0 when `to` is above `from`
  if (dx === 0 && dy === 0) return null;
  return toDegrees(Math.atan2(dx, dy) as Radians);
}

/**
 * Signed perpendicular offset of point p from the line a→c, in torso lengths; positive when p lies
 * above the line in the image (smaller y: toward the ceiling for an upright camera).
 */
export function offsetFromLine(b: Body, a: number, p: number, c: number): TorsoLengths | null {
  if (b.ok[a] !== 1 || b.ok[p] !== 1 || b.ok[c] !== 1 || !(b.torso > 0)) return null;
  const ax = b.x[a] as number,
    ay = b.y[a] as number;
  const dx = (b.x[c] as number) - ax,
    dy = (b.y[c] as number) - ay;
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
  let l = 0,
    r = 0;
  for (const limb of ['shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle'] as const) {
    const li = jointIndex('left', limb);
    l += b.ok[li] === 1 ? (b.score[li] as number) : 0;
    r += b.ok[li + 1] === 1 ? (b.score[li + 1] as number) : 0;
  }
  // A margin of 0.6 summed score (about one joint) keeps the side from flipping on noise.
  if (previous === 'left' ? r > l + 0.6 : l > r + 0.6) return otherSide(previous);
  return previous;
}

// ---- world points (BlazePose's keypoints3D) ----

export interface V3 {
  x: number;
  y: number;
  z: number;
}

/** World point i into out; false when unknown. */
export function world(b: Body, i: number, out: V3): boolean {
  if (b.wok[i] !== 1) return false;
  out.x = b.wx[i] as number;
  out.y = b.wy[i] as number;
  out.z = b.wz[i] as number;
  return true;
}

/** Midpoint of world points i and j into out; false unless both are known. */
export function worldMid(b: Body, i: number, j: number, out: V3): boolean {
  if (b.wok[i] !== 1 || b.wok[j] !== 1) return false;
  out.x = ((b.wx[i] as number) + (b.wx[j] as number)) / 2;
  out.y = ((b.wy[i] as number) + (b.wy[j] as number)) / 2;
  out.z = ((b.wz[i] as number) + (b.wz[j] as number)) / 2;
  return true;
}

/** Interior angle at v of the world path a–v–c, 0..180°; null when a point is unknown. */
export function worldAngle(b: Body, a: number, v: number, c: number): Degrees | null {
  if (b.wok[a] !== 1 || b.wok[v] !== 1 || b.wok[c] !== 1) return null;
  return angle3(
    b.wx[a] as number,
    b.wy[a] as number,
    b.wz[a] as number,
    b.wx[v] as number,
    b.wy[v] as number,
    b.wz[v] as number,
    b.wx[c] as number,
    b.wy[c] as number,
    b.wz[c] as number,
  );
}

export function angle3(
  ax: number,
  ay: number,
  az: number,
  vx: number,
  vy: number,
  vz: number,
  cx: number,
  cy: number,
  cz: number,
): Degrees | null {
  const ux = ax - vx,
    uy = ay - vy,
    uz = az - vz,
    wx = cx - vx,
    wy = cy - vy,
    wz = cz - vz;
  const n = Math.hypot(ux, uy, uz) * Math.hypot(wx, wy, wz);
  if (!(n > 0) || !Number.isFinite(n)) return null;
  return toDegrees(Math.acos(Math.max(-1, Math.min(1, (ux * wx + uy * wy + uz * wz) / n))) as Radians);
}

const FL: V3 = { x: 0, y: 0, z: 0 },
  FR: V3 = { x: 0, y: 0, z: 0 },
  BL: V3 = { x: 0, y: 0, z: 0 },
  BR: V3 = { x: 0, y: 0, z: 0 };
/**
 * The floor's upward unit normal in the world frame, into out, from four points that rest on it (two in
 * front: f1, f2; two behind: b1, b2; e.g. the wrists and toes of a plank), turned toward `above`, a point
 * known to be off the floor. Independent of how the camera is tilted or turned. False when a point is unknown
 * or the four are degenerate.
 */
export function floorNormal(b: Body, f1: number, f2: number, b1: number, b2: number, above: V3, out: V3): boolean {
  if (!world(b, f1, FL) || !world(b, f2, FR) || !world(b, b1, BL) || !world(b, b2, BR)) return false;
  const ax = (FL.x + FR.x - BL.x - BR.x) / 2,
    ay = (FL.y + FR.y - BL.y - BR.y) / 2,
    az = (FL.z + FR.z - BL.z - BR.z) / 2;
  const cx = (FR.x - FL.x + BR.x - BL.x) / 2,
    cy = (FR.y - FL.y + BR.y - BL.y) / 2,
    cz = (FR.z - FL.z + BR.z - BL.z) / 2;
  let nx = ay * cz - az * cy,
    ny = az * cx - ax * cz,
    nz = ax * cy - ay * cx;
  const l = Math.hypot(nx, ny, nz);
  if (!(l > 0) || !Number.isFinite(l)) return false;
  nx /= l;
  ny /= l;
  nz /= l;
  const mx = (BL.x + BR.x) / 2,
    my = (BL.y + BR.y) / 2,
    mz = (BL.z + BR.z) / 2;
  const s = (above.x - mx) * nx + (above.y - my) * ny + (above.z - mz) * nz >= 0 ? 1 : -1;
  out.x = s * nx;
  out.y = s * ny;
  out.z = s * nz;
  return true;
}

/** How far p sits above the line a→c along `up` (made perpendicular to the line), as a share of |ac|; null if degenerate. */
export function heightAbove(a: V3, p: V3, c: V3, up: V3): number | null {
  const dx = c.x - a.x,
    dy = c.y - a.y,
    dz = c.z - a.z;
  const l = Math.hypot(dx, dy, dz);
  if (!(l > 0)) return null;
  const ux = dx / l,
    uy = dy / l,
    uz = dz / l;
  const k = up.x * ux + up.y * uy + up.z * uz;
  const px = up.x - k * ux,
    py = up.y - k * uy,
    pz = up.z - k * uz;
  const pl = Math.hypot(px, py, pz);
  if (!(pl > 1e-6)) return null;
  return ((p.x - a.x) * px + (p.y - a.y) * py + (p.z - a.z) * pz) / pl / l;
}
