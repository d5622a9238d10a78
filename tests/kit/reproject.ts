// Test helper: real keypoints of a body filmed side-on, seen again from another camera (CONSTRUCTED).
//
// A side view shows the body's length (image x) and height (image y) but not its width. Each point is given
// a width from a body's usual proportions (half-widths in torso lengths below: shoulders 0.4, as MoveNet
// Thunder measures a front view, b01/b02: 0.75–0.9 wide; hips 0.22; knees 0.16; ankles 0.12; elbows 0.42;
// wrists 0.3; ears 0.15, eyes 0.07, nose 0), on the side the model names (left/right), the side facing the
// camera toward it. The body is then turned about the vertical axis through its centre by `turnDeg` (the
// head end toward the camera for positive values) and seen from `raiseDeg` above, with an orthographic
// camera, and placed back in the same frame. Scores are kept. Used by the tests of issue 11's failure classes
// (a raised side-oblique camera, a crunch filmed from the head end, a cut to a 3/4 view).
import type { Keypoint, PoseFrame } from '../../src/core/pose';

const HALF_WIDTH: Record<string, number> = {
  nose: 0,
  eye: 0.07,
  ear: 0.15,
  shoulder: 0.4,
  elbow: 0.42,
  wrist: 0.3,
  hip: 0.22,
  knee: 0.16,
  ankle: 0.12,
};

export interface ViewChange {
  /** Turn about the vertical axis (°): + brings the head end toward the camera. */
  turnDeg: number;
  /** Camera height (°): + looks down on the body from above. */
  raiseDeg: number;
}

const get = (kps: readonly Keypoint[], name: string) => kps.find((k) => k.name === name);

/** The frames as the same body would look from the changed camera (see the file comment). */
export function reprojectSideView(frames: readonly PoseFrame[], v: ViewChange): PoseFrame[] {
  // Scale, centre, which end is the head and which side faces the camera: from the whole stream, so that
  // every frame is moved by the same camera.
  let tor = 0,
    n = 0,
    cx = 0,
    cy = 0,
    hd = 0,
    l = 0,
    r = 0;
  for (const f of frames) {
    const k = f.poses[0]?.keypoints;
    if (!k) continue;
    const ls = get(k, 'left_shoulder'),
      rs = get(k, 'right_shoulder'),
      lh = get(k, 'left_hip'),
      rh = get(k, 'right_hip');
    if (!ls || !rs || !lh || !rh) continue;
    const sx = (ls.x + rs.x) / 2,
      sy = (ls.y + rs.y) / 2,
      hx = (lh.x + rh.x) / 2,
      hy = (lh.y + rh.y) / 2;
    tor += Math.hypot(sx - hx, sy - hy);
    cx += hx;
    cy += hy;
    hd += sx - hx;
    n++;
    l += ls.score + lh.score;
    r += rs.score + rh.score;
  }
  if (n === 0) return frames.slice();
  tor /= n;
  cx /= n;
  cy /= n;
  const head = hd >= 0 ? 1 : -1;
  const near = l >= r ? 'left' : 'right';
  const ps = (v.turnDeg * Math.PI) / 180,
    ph = (v.raiseDeg * Math.PI) / 180;
  return frames.map((f) => ({
    ...f,
    poses: f.poses.map((p) => ({
      ...p,
      keypoints: p.keypoints.map((k) => {
        const [side, ...rest] = k.name.split('_');
        const part = rest.length ? rest.join('_') : (side ?? '');
        const w = (HALF_WIDTH[part] ?? 0) * tor * (side === near ? 1 : side === 'left' || side === 'right' ? -1 : 0);
        // World: X along the image x from the centre, Z up, Y toward the camera.
        const X = k.x - cx,
          Z = cy - k.y,
          Y = w;
        // Turn: the head end (X with the sign of `head`) comes toward the camera.
        const X1 = X * Math.cos(ps) - head * Y * Math.sin(ps);
        const Y1 = Y * Math.cos(ps) + head * X * Math.sin(ps);
        // Seen from above: nearer points (Y1) sit lower in the picture.
        const up = Z * Math.cos(ph) - Y1 * Math.sin(ph);
        return { ...k, x: cx + X1, y: cy - up };
      }),
    })),
  }));
}

export interface Pike {
  /** Hips raised by this many torso lengths (knees by their share of the way from the ankles). */
  hipsUp: number;
  /** Head (nose, eyes, ears) dropped by this many torso lengths. */
  headDown: number;
}

/**
 * CONSTRUCTED: a plank made piked, from real keypoints of a plank filmed side-on. The hips are raised
 * straight up by `hipsUp` torso lengths, each knee by the share of that its distance from the ankle gives
 * along the ankle→hip line (the legs stay straight), and the head is dropped by `headDown` (hanging between
 * the arms). Shoulders, arms and ankles stay where they were.
 */
export function pikePlank(frames: readonly PoseFrame[], p: Pike): PoseFrame[] {
  return frames.map((f) => ({
    ...f,
    poses: f.poses.map((pose) => {
      const k = pose.keypoints;
      const ls = get(k, 'left_shoulder'),
        rs = get(k, 'right_shoulder'),
        lh = get(k, 'left_hip'),
        rh = get(k, 'right_hip');
      if (!ls || !rs || !lh || !rh) return pose;
      const tor = Math.hypot((ls.x + rs.x) / 2 - (lh.x + rh.x) / 2, (ls.y + rs.y) / 2 - (lh.y + rh.y) / 2);
      return {
        ...pose,
        keypoints: k.map((q) => {
          const [side, part] = q.name.split('_');
          if (part === 'hip') return { ...q, y: q.y - p.hipsUp * tor };
          if (part === 'knee') {
            const hip = get(k, `${side}_hip`),
              ank = get(k, `${side}_ankle`);
            if (!hip || !ank) return q;
            const share = Math.min(
              1,
              Math.max(0, Math.hypot(q.x - ank.x, q.y - ank.y) / Math.max(1e-6, Math.hypot(hip.x - ank.x, hip.y - ank.y))),
            );
            return { ...q, y: q.y - share * p.hipsUp * tor };
          }
          if (q.name === 'nose' || part === 'eye' || part === 'ear') return { ...q, y: q.y + p.headDown * tor };
          return q;
        }),
      };
    }),
  }));
}
