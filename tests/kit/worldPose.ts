// Test helper: CONSTRUCTED streams from real poses, edited in 3D. BlazePose's world points (`keypoints3D`, metres
// about the hips) give a real body in three dimensions; a pose change made there (the chest lowered, an elbow bent, a
// leg lifted) is carried into the picture by the camera that filmed the clip, fitted on the same frame, and added to
// each model's own picture points of that frame (Thunder's, Lightning's, BlazePose's), so every point the edit leaves
// alone stays exactly what the model saw. `viewFromWorld` instead films the world points again from another camera
// (a pinhole at a given place): a view no real clip has. Streams made here are labelled "constructed" where used.
import type { Keypoint, Keypoint3D, Pose, PoseFrame } from '../../src/core/pose';

export interface V3 {
  x: number;
  y: number;
  z: number;
}
export const v3 = (x: number, y: number, z: number): V3 => ({ x, y, z });
export const add = (a: V3, b: V3): V3 => v3(a.x + b.x, a.y + b.y, a.z + b.z);
export const sub = (a: V3, b: V3): V3 => v3(a.x - b.x, a.y - b.y, a.z - b.z);
export const mul = (a: V3, k: number): V3 => v3(a.x * k, a.y * k, a.z * k);
export const dot = (a: V3, b: V3): number => a.x * b.x + a.y * b.y + a.z * b.z;
export const cross = (a: V3, b: V3): V3 => v3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
export const len = (a: V3): number => Math.hypot(a.x, a.y, a.z);
export const unit = (a: V3): V3 => {
  const n = len(a);
  return n > 0 ? mul(a, 1 / n) : v3(0, 0, 0);
};
export const mid = (a: V3, b: V3): V3 => mul(add(a, b), 0.5);
const DEG = Math.PI / 180;

/** Rotates p about the axis through c along unit vector k by `deg` (right-handed). */
export function rotateAbout(p: V3, c: V3, k: V3, deg: number): V3 {
  const a = deg * DEG,
    cs = Math.cos(a),
    sn = Math.sin(a),
    d = sub(p, c);
  // Rodrigues.
  const r = add(add(mul(d, cs), mul(cross(k, d), sn)), mul(k, dot(k, d) * (1 - cs)));
  return add(c, r);
}

/** Interior angle at b, degrees. */
export function angle3(a: V3, b: V3, c: V3): number {
  const u = sub(a, b),
    w = sub(c, b),
    n = len(u) * len(w);
  return n > 0 ? Math.acos(Math.max(-1, Math.min(1, dot(u, w) / n))) / DEG : NaN;
}

/** The world points of a pose by name (copies). */
export function worldOf(p: Pose): Map<string, V3> | null {
  if (!p.keypoints3D) return null;
  return new Map(p.keypoints3D.map((k) => [k.name, v3(k.x, k.y, k.z)]));
}

/** The camera of one frame: picture = M · world + o (weak perspective, fitted by least squares). */
export interface Affine {
  m: [number, number, number, number, number, number];
  o: [number, number];
  residualPx: number;
}

/**
 * Fits the picture points of a BlazePose frame to its world points (points scored at least `minScore`): the camera
 * that filmed this frame, as an affine map. Null with fewer than six points.
 */
export function fitAffine(p: Pose, minScore = 0.5): Affine | null {
  if (!p.keypoints3D) return null;
  const rows: number[][] = [],
    us: number[] = [],
    vs: number[] = [];
  for (let i = 0; i < p.keypoints.length; i++) {
    const k = p.keypoints[i] as Keypoint,
      w = p.keypoints3D[i] as Keypoint3D | undefined;
    if (!w || k.score < minScore) continue;
    rows.push([w.x, w.y, w.z, 1]);
    us.push(k.x);
    vs.push(k.y);
  }
  if (rows.length < 6) return null;
  const cu = leastSquares(rows, us),
    cv = leastSquares(rows, vs);
  if (!cu || !cv) return null;
  let ss = 0;
  rows.forEach((r, i) => {
    ss +=
      (r.reduce((s, x, j) => s + x * (cu[j] as number), 0) - (us[i] as number)) ** 2 +
      (r.reduce((s, x, j) => s + x * (cv[j] as number), 0) - (vs[i] as number)) ** 2;
  });
  return {
    m: [cu[0], cu[1], cu[2], cv[0], cv[1], cv[2]] as Affine['m'],
    o: [cu[3], cv[3]] as [number, number],
    residualPx: Math.sqrt(ss / rows.length),
  };
}

/** Normal equations with partial pivoting; null when singular. */
function leastSquares(rows: number[][], y: number[]): number[] | null {
  const n = (rows[0] as number[]).length;
  const a = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) =>
      j < n
        ? rows.reduce((s, r) => s + (r[i] as number) * (r[j] as number), 0)
        : rows.reduce((s, r, k) => s + (r[i] as number) * (y[k] as number), 0),
    ),
  );
  for (let i = 0; i < n; i++) {
    let p = i;
    for (let k = i + 1; k < n; k++) if (Math.abs((a[k] as number[])[i] as number) > Math.abs((a[p] as number[])[i] as number)) p = k;
    [a[i], a[p]] = [a[p] as number[], a[i] as number[]];
    const piv = (a[i] as number[])[i] as number;
    if (Math.abs(piv) < 1e-12) return null;
    for (let k = 0; k < n; k++) {
      if (k === i) continue;
      const f = ((a[k] as number[])[i] as number) / piv;
      for (let j = i; j <= n; j++) (a[k] as number[])[j] = ((a[k] as number[])[j] as number) - f * ((a[i] as number[])[j] as number);
    }
  }
  return a.map((r, i) => (r[n] as number) / (r[i] as number));
}

/** What an edit does to one frame's world points (in place); false leaves the frame as recorded. */
export type WorldEdit = (w: Map<string, V3>, t: number) => boolean;

/**
 * CONSTRUCTED: `frames` (any model's stream of a clip) with `edit` applied through `world`, BlazePose full's stream
 * of the same clip (matched by time): each point moves in the picture by the world move the edit gave it, seen
 * through the camera fitted on that world frame. World points on `frames` (a BlazePose stream) move with the edit.
 * Frames with no world frame at their time, or whose camera cannot be fitted, are left as recorded.
 */
export function editThroughWorld(frames: readonly PoseFrame[], world: readonly PoseFrame[], edit: WorldEdit): PoseFrame[] {
  const byT = new Map(world.map((f) => [Math.round(f.t), f] as const));
  return frames.map((f) => {
    const wf = byT.get(Math.round(f.t)),
      wp = wf?.poses[0],
      p = f.poses[0];
    if (!wp || !p) return f;
    const before = worldOf(wp),
      cam = fitAffine(wp);
    if (!before || !cam) return f;
    const after = new Map([...before].map(([n, q]) => [n, { ...q }]));
    if (!edit(after, f.t / 1000)) return f;
    const m = cam.m;
    const moved = (name: string): V3 => {
      const a = after.get(name),
        b = before.get(name);
      return a && b ? sub(a, b) : v3(0, 0, 0);
    };
    const keypoints = p.keypoints.map((k): Keypoint => {
      const d = moved(k.name);
      return { ...k, x: k.x + m[0] * d.x + m[1] * d.y + m[2] * d.z, y: k.y + m[3] * d.x + m[4] * d.y + m[5] * d.z };
    });
    const keypoints3D = p.keypoints3D?.map((k): Keypoint3D => {
      const d = moved(k.name);
      return { ...k, x: k.x + d.x, y: k.y + d.y, z: k.z + d.z };
    });
    return { ...f, poses: [{ ...p, keypoints, keypoints3D }, ...f.poses.slice(1)] };
  });
}

/**
 * The floor under a body, from world points that rest on it: an upward unit normal (turned toward `above`) and the
 * floor's height along it at `on` (a point on the floor). From two points in front and two behind.
 */
export function floorOf(
  w: Map<string, V3>,
  front: readonly [string, string],
  back: readonly [string, string],
  above: string,
): { up: V3; at: V3 } | null {
  const f1 = w.get(front[0]),
    f2 = w.get(front[1]),
    b1 = w.get(back[0]),
    b2 = w.get(back[1]),
    a = w.get(above);
  if (!f1 || !f2 || !b1 || !b2 || !a) return null;
  const along = sub(mid(f1, f2), mid(b1, b2)),
    across = sub(f2, f1);
  let up = unit(cross(along, across));
  const at = mul(add(add(f1, f2), add(b1, b2)), 0.25);
  if (dot(sub(a, at), up) < 0) up = mul(up, -1);
  return { up, at };
}

/** A pinhole camera placed in a body's floor frame (metres): see viewFromWorld. */
export interface FloorCamera {
  /** Where the camera stands, from the hips' midpoint: this far along the body's facing direction (the legs' way)... */
  ahead: number;
  /** ... this far to the body's left (negative: right) ... */
  left: number;
  /** ... and this high above the floor. */
  height: number;
  /** Aimed at a point this high above the floor over the hips' midpoint (the camera turns and tilts to it). */
  aimHeight: number;
  /** Focal length in pixels, and the picture's size. */
  focalPx: number;
  width: number;
  height_px: number;
}

/**
 * How the world of a frame is laid on the floor: `up` (unit, upward), `forward` (unit, along the floor, the way the
 * body faces), and the floor's height along `up` at the hips (the lowest floor point's height).
 */
export interface FloorFrame {
  up: V3;
  forward: V3;
  floorAt: number;
}

/**
 * CONSTRUCTED: the world points of each frame filmed again by a pinhole camera placed in the body's floor frame
 * (`floor(w)` says where the floor is and which way the body faces on that frame). The picture points become the
 * projections; the world points are turned into the new camera's axes (x right, y down, z away, as BlazePose gives
 * them); scores are kept (a point hidden from the new camera keeps the score the model gave it from the old one).
 * `points` keeps only those names (e.g. COCO-17 for a MoveNet-like stream, without world points when `world` is false).
 */
export function viewFromWorld(
  frames: readonly PoseFrame[],
  cam: FloorCamera,
  floor: (w: Map<string, V3>) => FloorFrame | null,
  opts: { points?: readonly string[]; world?: boolean } = {},
): PoseFrame[] {
  return frames.map((f) => {
    const p = f.poses[0];
    const w = p ? worldOf(p) : null;
    const fl = w ? floor(w) : null;
    const lh = w?.get('left_hip'),
      rh = w?.get('right_hip');
    if (!p || !w || !fl || !lh || !rh) return { ...f, width: cam.width, height: cam.height_px, poses: [] };
    const hips = mid(lh, rh);
    const { up, forward } = fl;
    const left = cross(up, forward);
    // The hips' point on the floor, and the camera's place and aim in world coordinates.
    const hipH = dot(hips, up) - fl.floorAt;
    const base = sub(hips, mul(up, hipH));
    const eye = add(add(add(base, mul(forward, cam.ahead)), mul(left, cam.left)), mul(up, cam.height));
    const target = add(base, mul(up, cam.aimHeight));
    const zc = unit(sub(target, eye));
    const xc = unit(cross(mul(up, -1), zc));
    const yc = cross(zc, xc);
    const keep = (n: string) => !opts.points || opts.points.includes(n);
    const keypoints: Keypoint[] = [],
      keypoints3D: Keypoint3D[] = [];
    for (let i = 0; i < p.keypoints.length; i++) {
      const k = p.keypoints[i] as Keypoint;
      if (!keep(k.name)) continue;
      const q = w.get(k.name);
      if (!q) {
        keypoints.push({ ...k, x: 0, y: 0, score: 0 });
        continue;
      }
      const d = sub(q, eye),
        z = dot(d, zc);
      const x = cam.width / 2 + (cam.focalPx * dot(d, xc)) / z,
        y = cam.height_px / 2 + (cam.focalPx * dot(d, yc)) / z;
      keypoints.push({ ...k, x, y });
      const r = sub(q, hips);
      keypoints3D.push({ name: k.name, x: dot(r, xc), y: dot(r, yc), z: dot(r, zc), score: k.score });
    }
    const pose: Pose = { keypoints, score: p.score, ...(opts.world === false ? {} : { keypoints3D }) };
    return { ...f, width: cam.width, height: cam.height_px, poses: [pose] };
  });
}

/**
 * The upward direction of a seated person's world, from the frames between `from` and `to` (s) in which they sit tall:
 * the median direction of the trunk (hip midpoint → shoulder midpoint). BlazePose's world turns with the camera that
 * filmed it (28's camera looks down ≈15°), so "up" is taken from the body, not from the world's y axis.
 */
export function uprightUp(frames: readonly PoseFrame[], from: number, to: number): V3 {
  const ups: V3[] = [];
  for (const f of frames) {
    const t = f.t / 1000,
      p = f.poses[0];
    const w = p && t >= from && t <= to ? worldOf(p) : null;
    const ls = w?.get('left_shoulder'),
      rs = w?.get('right_shoulder'),
      lh = w?.get('left_hip'),
      rh = w?.get('right_hip');
    if (ls && rs && lh && rh) ups.push(unit(sub(mid(ls, rs), mid(lh, rh))));
  }
  const med = (k: 'x' | 'y' | 'z') => {
    const a = ups.map((u) => u[k]).sort((x, y) => x - y);
    return a[a.length >> 1] ?? 0;
  };
  return unit(v3(med('x'), med('y'), med('z')));
}

/**
 * The floor frame of a seated stretch (for viewFromWorld): `up` as given, facing the way the longer leg points (the
 * straight one), the floor at the lowest point of the body along `up`.
 */
export const seatedFloor =
  (up: V3) =>
  (w: Map<string, V3>): FloorFrame | null => {
    const lh = w.get('left_hip'),
      rh = w.get('right_hip'),
      la = w.get('left_ankle'),
      ra = w.get('right_ankle');
    if (!lh || !rh || !la || !ra) return null;
    const hips = mid(lh, rh);
    const far = len(sub(ra, hips)) > len(sub(la, hips)) ? ra : la;
    const d = sub(far, hips);
    return { up, forward: unit(sub(d, mul(up, dot(d, up)))), floorAt: Math.min(...[...w.values()].map((p) => dot(p, up))) };
  };
