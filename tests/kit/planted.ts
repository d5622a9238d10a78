// Test helper: PLANTED faults, made from real recorded poses. Each function returns a copy of a recorded
// stream in which, between two times, some joints are moved the way a person making the fault would move them
// (lengths of the moved limbs kept where the fault allows), eased in and out over `ease` seconds so that no joint
// jumps from one frame to the next. Streams built here are labelled "planted" in the tests that use them.
import type { Keypoint, PoseFrame } from '../../src/core/pose';

export type Pts = Map<string, { x: number; y: number }>;

/**
 * Frames with `move` applied between s0 and s1 (s), at full strength inside and eased over `ease` s at both ends:
 * `move(p, torso, w)` edits the points of one pose in place, w in (0, 1] being the strength. `torso` is the
 * shoulder-midpoint → hip-midpoint length in pixels on that frame.
 */
export function plant(
  frames: readonly PoseFrame[],
  s0: number,
  s1: number,
  move: (p: Pts, torso: number, w: number) => void,
  ease = 0.3,
): PoseFrame[] {
  return frames.map((f) => {
    const t = f.t / 1000;
    if (t < s0 - ease || t > s1 + ease) return f;
    const w = t < s0 ? (t - (s0 - ease)) / ease : t > s1 ? (s1 + ease - t) / ease : 1;
    if (!(w > 0)) return f;
    return {
      ...f,
      poses: f.poses.map((pose) => {
        const p: Pts = new Map(pose.keypoints.map((k) => [k.name, { x: k.x, y: k.y }]));
        const torso = torsoOf(p);
        if (!(torso > 0)) return pose;
        move(p, torso, w);
        return {
          ...pose,
          keypoints: pose.keypoints.map((k): Keypoint => {
            const q = p.get(k.name)!;
            return { ...k, x: q.x, y: q.y };
          }),
        };
      }),
    };
  });
}

function torsoOf(p: Pts): number {
  const ls = p.get('left_shoulder'),
    rs = p.get('right_shoulder'),
    lh = p.get('left_hip'),
    rh = p.get('right_hip');
  if (!ls || !rs || !lh || !rh) return NaN;
  return Math.hypot((ls.x + rs.x) / 2 - (lh.x + rh.x) / 2, (ls.y + rs.y) / 2 - (lh.y + rh.y) / 2);
}

/** Rotates the named points about (cx, cy) by `deg` (image coordinates, y down: + turns clockwise on screen). */
export function rotate(p: Pts, names: readonly string[], cx: number, cy: number, deg: number): void {
  const a = (deg * Math.PI) / 180,
    c = Math.cos(a),
    s = Math.sin(a);
  for (const n of names) {
    const q = p.get(n);
    if (!q) continue;
    const dx = q.x - cx,
      dy = q.y - cy;
    q.x = cx + dx * c - dy * s;
    q.y = cy + dx * s + dy * c;
  }
}

/** Interior angle at b (degrees). */
export function angleAt(a: { x: number; y: number }, b: { x: number; y: number }, c: { x: number; y: number }): number {
  const ux = a.x - b.x,
    uy = a.y - b.y,
    vx = c.x - b.x,
    vy = c.y - b.y;
  const n = Math.hypot(ux, uy) * Math.hypot(vx, vy);
  return n > 0 ? (Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / n))) * 180) / Math.PI : NaN;
}

/**
 * Bends the joint at `mid` to at most `maxDeg`: the far point (`end`) is turned about `mid` toward `start`, the
 * limb's length kept. Frames already bent further are left as they are.
 */
export function bendTo(p: Pts, start: string, mid: string, end: string, maxDeg: number, w = 1): void {
  const a = p.get(start),
    b = p.get(mid),
    c = p.get(end);
  if (!a || !b || !c) return;
  const now = angleAt(a, b, c);
  if (!(now > maxDeg)) return;
  // The turn that closes the angle: toward the start point's side of the limb.
  const cross = (c.x - b.x) * (a.y - b.y) - (c.y - b.y) * (a.x - b.x);
  rotate(p, [end], b.x, b.y, (cross > 0 ? 1 : -1) * (now - maxDeg) * w);
}

/**
 * Puts `end` so that the joint at `mid` reads `deg`, on a fixed side of the limb (`turn` +1: the far segment
 * turned clockwise on screen from straight-through, −1 anticlockwise), its length kept. Fixed, not chosen per
 * frame: a nearly straight limb's jitter across the line would otherwise flip the bend from side to side.
 */
export function setAngle(p: Pts, start: string, mid: string, end: string, deg: number, turn: 1 | -1, w = 1): void {
  const a = p.get(start),
    b = p.get(mid),
    c = p.get(end);
  if (!a || !b || !c) return;
  const len = Math.hypot(c.x - b.x, c.y - b.y),
    ux = b.x - a.x,
    uy = b.y - a.y,
    n = Math.hypot(ux, uy);
  if (!(len > 0) || !(n > 0)) return;
  const r = (turn * (180 - deg) * Math.PI) / 180,
    dx = ux / n,
    dy = uy / n;
  const tx = b.x + len * (dx * Math.cos(r) - dy * Math.sin(r)),
    ty = b.y + len * (dx * Math.sin(r) + dy * Math.cos(r));
  c.x += (tx - c.x) * w;
  c.y += (ty - c.y) * w;
}

/** Opens the joint at `mid` to at least `minDeg`: `end` turned about `mid` away from `start`, the limb's length kept. */
export function openTo(p: Pts, start: string, mid: string, end: string, minDeg: number, w = 1): void {
  const a = p.get(start),
    b = p.get(mid),
    c = p.get(end);
  if (!a || !b || !c) return;
  const now = angleAt(a, b, c);
  if (!(now < minDeg)) return;
  const cross = (c.x - b.x) * (a.y - b.y) - (c.y - b.y) * (a.x - b.x);
  rotate(p, [end], b.x, b.y, (cross > 0 ? -1 : 1) * (minDeg - now) * w);
}

/**
 * The same real movement played k times faster between s0 and s1 (s): timestamps inside are compressed toward
 * s0, later frames moved earlier by what was saved. A rushed rep inside an otherwise real set.
 */
export function rushed(frames: readonly PoseFrame[], s0: number, s1: number, k: number): PoseFrame[] {
  const a = s0 * 1000,
    b = s1 * 1000,
    saved = (b - a) * (1 - 1 / k);
  return frames.map((f) => ({ ...f, t: f.t <= a ? f.t : f.t <= b ? a + (f.t - a) / k : f.t - saved }));
}
