// Candidate measures for the plank, the crunch and the prone press-up, side by side (issue 11, item 4).
// Pure functions of one pose: no React, DOM or TensorFlow, so the study replays from recorded streams.
//
// 2D points are pixels of the analysed frame (y down); BlazePose's world points (`keypoints3D`) are metres
// about the hips, x right, y down, z away from the camera. Every measure returns null when a point it needs
// is missing or scored under MIN_SCORE, so "could not judge" stays apart from a value.
import type { Keypoint, Keypoint3D, Pose } from '../../src/core/pose';

export const MIN_SCORE = 0.3;

type Side = 'left' | 'right';
interface V2 {
  x: number;
  y: number;
}
interface V3 {
  x: number;
  y: number;
  z: number;
}

const sub2 = (a: V2, b: V2): V2 => ({ x: a.x - b.x, y: a.y - b.y });
const len2 = (a: V2): number => Math.hypot(a.x, a.y);
const sub3 = (a: V3, b: V3): V3 => ({ x: a.x - b.x, y: a.y - b.y, z: a.z - b.z });
const dot3 = (a: V3, b: V3): number => a.x * b.x + a.y * b.y + a.z * b.z;
const len3 = (a: V3): number => Math.hypot(a.x, a.y, a.z);
const DEG = 180 / Math.PI;

/** Angle ABC in degrees, 0..180, for 2D or 3D points. */
export function angleAt(a: V2 | V3, b: V2 | V3, c: V2 | V3): number | null {
  const z = (p: V2 | V3) => ('z' in p ? p.z : 0);
  const u: V3 = { x: a.x - b.x, y: a.y - b.y, z: z(a) - z(b) };
  const v: V3 = { x: c.x - b.x, y: c.y - b.y, z: z(c) - z(b) };
  const n = len3(u) * len3(v);
  if (!(n > 0)) return null;
  return Math.acos(Math.max(-1, Math.min(1, dot3(u, v) / n))) * DEG;
}

/**
 * Signed distance of P from the line A→C in 2D, as a fraction of |AC|, positive when P lies above the line
 * in the image (y down), whichever way the line runs. A line running straight up or down has no "above":
 * then the sign follows the image's left.
 */
export function offsetAbove2D(a: V2, p: V2, c: V2): number | null {
  const d = sub2(c, a);
  const l = len2(d);
  if (!(l > 0)) return null;
  // Unit normal to the line, turned to point up the image (n.y < 0).
  let n: V2 = { x: -d.y / l, y: d.x / l };
  if (n.y > 0 || (n.y === 0 && n.x > 0)) n = { x: -n.x, y: -n.y };
  const ap = sub2(p, a);
  return (ap.x * n.x + ap.y * n.y) / l;
}

/**
 * The same in 3D: how far P sits above the line A→C, as a fraction of |AC|. "Above" is the up direction
 * (−y) made perpendicular to the line, so a sideways step (hips narrower than shoulders) does not count,
 * only height. BlazePose's world frame turns with the camera, so this "up" is the camera's: a camera
 * pitched down by φ tilts it by φ.
 */
export function offsetAbove3D(a: V3, p: V3, c: V3): number | null {
  const d = sub3(c, a);
  const l = len3(d);
  if (!(l > 0)) return null;
  const u = { x: d.x / l, y: d.y / l, z: d.z / l };
  // up = (0, −1, 0) minus its part along the line.
  const upAlong = -u.y;
  const up: V3 = { x: -upAlong * u.x, y: -1 - upAlong * u.y, z: -upAlong * u.z };
  const ul = len3(up);
  if (!(ul > 1e-6)) return null; // the line is vertical: no "above"
  return dot3(sub3(p, a), up) / ul / l;
}

// ---- point access -------------------------------------------------------------------------------

export interface PoseView {
  /** 2D point by name, or null when missing or under MIN_SCORE. */
  p(name: string): V2 | null;
  /**
   * World point by name (null without keypoints3D). Not gated by the 2D score: BlazePose places every
   * joint in 3D, the hidden ones included, and a joint hidden from a side camera is exactly what 3D is for.
   */
  w(name: string): V3 | null;
  score(name: string): number;
  has3D: boolean;
}

export function viewOf(pose: Pose): PoseView {
  const k2 = new Map<string, Keypoint>(pose.keypoints.map((k) => [k.name, k]));
  const k3 = new Map<string, Keypoint3D>((pose.keypoints3D ?? []).map((k) => [k.name, k]));
  const ok = (k: Keypoint | undefined) => k !== undefined && k.score >= MIN_SCORE && Number.isFinite(k.x) && Number.isFinite(k.y);
  return {
    p: (n) => {
      const k = k2.get(n);
      return ok(k) ? { x: k!.x, y: k!.y } : null;
    },
    w: (n) => {
      const k = k3.get(n);
      return k && Number.isFinite(k.x + k.y + k.z) ? { x: k.x, y: k.y, z: k.z } : null;
    },
    score: (n) => k2.get(n)?.score ?? 0,
    has3D: k3.size > 0,
  };
}

const SIDES: readonly Side[] = ['left', 'right'];

/** The side whose named joints the model is surer of (sum of scores); a side view hides the far one. */
export function bestSide(v: PoseView, joints: readonly string[]): Side {
  const s = (side: Side) => joints.reduce((t, j) => t + v.score(`${side}_${j}`), 0);
  return s('left') >= s('right') ? 'left' : 'right';
}

function pts2(v: PoseView, side: Side, joints: readonly string[]): V2[] | null {
  const out = joints.map((j) => v.p(`${side}_${j}`));
  return out.every((p) => p !== null) ? (out as V2[]) : null;
}
function pts3(v: PoseView, side: Side, joints: readonly string[]): V3[] | null {
  const out = joints.map((j) => v.w(`${side}_${j}`));
  return out.every((p) => p !== null) ? (out as V3[]) : null;
}
function midOf2(v: PoseView, joint: string): V2 | null {
  const l = v.p(`left_${joint}`),
    r = v.p(`right_${joint}`);
  return l && r ? { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2 } : null;
}
function midOf3(v: PoseView, joint: string): V3 | null {
  const l = v.w(`left_${joint}`),
    r = v.w(`right_${joint}`);
  return l && r ? { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2, z: (l.z + r.z) / 2 } : null;
}
const mean = (xs: readonly (number | null)[]): number | null => {
  const ok = xs.filter((x): x is number => x !== null);
  return ok.length === xs.length && ok.length > 0 ? ok.reduce((a, b) => a + b, 0) / ok.length : null;
};

/** Per-side value on the better-seen side. */
function onBest(v: PoseView, joints: readonly string[], f: (side: Side) => number | null): number | null {
  return f(bestSide(v, joints));
}
/** Mean of both sides' values; null unless both exist. */
function onBoth(f: (side: Side) => number | null): number | null {
  return mean(SIDES.map(f));
}
/** Mean of both sides, or null (abstain) when they disagree by more than `gap`. */
function whenSidesAgree(f: (side: Side) => number | null, gap: number): number | null {
  const [l, r] = SIDES.map(f);
  if (l === null || l === undefined || r === null || r === undefined) return null;
  return Math.abs(l - r) <= gap ? (l + r) / 2 : null;
}

// ---- plausibility ------------------------------------------------------------------------------------

/** Legs this much shorter than the other one (hip→ankle in the picture) are not a straight-legged body. */
export const LEG_RATIO_MIN = 0.6;

/**
 * A plausibility gate for poses whose legs lie straight (plank, press-up): false when one leg is drawn under
 * LEG_RATIO_MIN of the other's length while the model is fairly sure (≥ 0.5) of both ankles and hips, i.e. a
 * hidden leg invented hanging from the hip or folded onto the other (seen in c11 with BlazePose full at
 * 1.9–2.8 s). Scores alone do not flag these frames (NOTES.md): the wrong leg scored 0.72–0.78 there, the
 * right one 0.43–0.57 before and after.
 */
export function legsConsistent(pose: Pose): boolean {
  const k = new Map(pose.keypoints.map((x) => [x.name, x]));
  const names = ['left_hip', 'right_hip', 'left_ankle', 'right_ankle'];
  if (!names.every((n) => (k.get(n)?.score ?? 0) >= 0.5)) return true;
  const len = (h: string, a: string) => Math.hypot(k.get(h)!.x - k.get(a)!.x, k.get(h)!.y - k.get(a)!.y);
  const l = len('left_hip', 'left_ankle'),
    r = len('right_hip', 'right_ankle');
  return Math.min(l, r) >= LEG_RATIO_MIN * Math.max(l, r);
}

// ---- plank ---------------------------------------------------------------------------------------

const SHA = ['shoulder', 'hip', 'ankle'] as const;

const angle2 = (v: PoseView, s: Side) => {
  const p = pts2(v, s, SHA);
  return p ? angleAt(p[0]!, p[1]!, p[2]!) : null;
};
const offset2 = (v: PoseView, s: Side) => {
  const p = pts2(v, s, SHA);
  return p ? offsetAbove2D(p[0]!, p[1]!, p[2]!) : null;
};
const angle3 = (v: PoseView, s: Side) => {
  const p = pts3(v, s, SHA);
  return p ? angleAt(p[0]!, p[1]!, p[2]!) : null;
};
const offset3 = (v: PoseView, s: Side) => {
  const p = pts3(v, s, SHA);
  return p ? offsetAbove3D(p[0]!, p[1]!, p[2]!) : null;
};
/** The body's midline in 3D: shoulder, hip and ankle midpoints (a per-side line bends in at the narrower hips). */
function midline3(v: PoseView): [V3, V3, V3] | null {
  const s = midOf3(v, 'shoulder'),
    h = midOf3(v, 'hip'),
    a = midOf3(v, 'ankle');
  return s && h && a ? [s, h, a] : null;
}
const angle3mid = (v: PoseView) => {
  const m = midline3(v);
  return m ? angleAt(m[0], m[1], m[2]) : null;
};
const offset3mid = (v: PoseView) => {
  const m = midline3(v);
  return m ? offsetAbove3D(m[0], m[1], m[2]) : null;
};

const cross3 = (a: V3, b: V3): V3 => ({ x: a.y * b.z - a.z * b.y, y: a.z * b.x - a.x * b.z, z: a.x * b.y - a.y * b.x });

/**
 * The floor's upward normal in BlazePose's world frame, from four body points that rest on it (for the
 * plank: both wrists and both toes; lying on the back: both hips and both heels). Independent of how the
 * camera is tilted or turned; oriented towards `above`, a point known to be off the floor.
 */
export function floorNormal(v: PoseView, front: readonly [string, string], back: readonly [string, string], above: V3): V3 | null {
  const fl = v.w(front[0]),
    fr = v.w(front[1]),
    bl = v.w(back[0]),
    br = v.w(back[1]);
  if (!fl || !fr || !bl || !br) return null;
  const fm = { x: (fl.x + fr.x) / 2, y: (fl.y + fr.y) / 2, z: (fl.z + fr.z) / 2 };
  const bm = { x: (bl.x + br.x) / 2, y: (bl.y + br.y) / 2, z: (bl.z + br.z) / 2 };
  const along = sub3(fm, bm);
  const across = { x: (fr.x - fl.x + br.x - bl.x) / 2, y: (fr.y - fl.y + br.y - bl.y) / 2, z: (fr.z - fl.z + br.z - bl.z) / 2 };
  let n = cross3(along, across);
  const l = len3(n);
  if (!(l > 0)) return null;
  n = { x: n.x / l, y: n.y / l, z: n.z / l };
  return dot3(sub3(above, bm), n) >= 0 ? n : { x: -n.x, y: -n.y, z: -n.z };
}

/** P's height above the line A→C along `up` (made perpendicular to the line), as a fraction of |AC|. */
function heightAlong(a: V3, p: V3, c: V3, up: V3): number | null {
  const d = sub3(c, a);
  const l = len3(d);
  if (!(l > 0)) return null;
  const u = { x: d.x / l, y: d.y / l, z: d.z / l };
  const k = dot3(up, u);
  const perp = { x: up.x - k * u.x, y: up.y - k * u.y, z: up.z - k * u.z };
  const pl = len3(perp);
  return pl > 1e-6 ? dot3(sub3(p, a), perp) / pl / l : null;
}

/** Plank: the hip's height above the shoulder–ankle midline, "up" being the floor's normal (wrists and toes rest on it). */
function plankOffsetFloor3(v: PoseView): number | null {
  const m = midline3(v);
  if (!m) return null;
  const n = floorNormal(v, ['left_wrist', 'right_wrist'], ['left_foot_index', 'right_foot_index'], m[0]);
  return n ? heightAlong(m[0], m[1], m[2], n) : null;
}

/** Angle of the hip→shoulder line above a floor plane, degrees. */
function riseAboveFloor(v: PoseView, front: readonly [string, string], back: readonly [string, string]): number | null {
  const h = midOf3(v, 'hip'),
    s = midOf3(v, 'shoulder');
  if (!h || !s) return null;
  const n = floorNormal(v, front, back, s);
  if (!n) return null;
  const d = sub3(s, h);
  const l = len3(d);
  return l > 0 ? Math.asin(Math.max(-1, Math.min(1, dot3(d, n) / l))) * DEG : null;
}
/** 180° − the shoulder–hip–ankle angle, signed by which side of the line the hip is on: + hips high. */
const signedBend = (angle: number | null, offset: number | null) =>
  angle === null || offset === null ? null : (180 - angle) * (offset >= 0 ? 1 : -1);

/**
 * Keypoint shoulder width over shoulder-to-ankle length in an adult: biacromial breadth ≈ 0.36–0.40 m
 * (the keypoints sit a little inside it) against ≈ 1.30–1.40 m from shoulder to ankle.
 */
export const SHOULDER_OVER_BODY = 0.27;

/**
 * The hip's offset from the shoulder–ankle line (both sides' mean), corrected for the camera's view.
 * In 2D the shoulder-to-shoulder vector is the one body segment at right angles to the body line, so it
 * shows how the view is turned: its part along the line grows as the camera swings from side-on
 * towards head-on (yaw θ, which shortens the body line by cos θ and inflates the offset by 1/cos θ), its
 * part across the line grows as the camera rises (elevation φ, which shortens vertical offsets by
 * cos φ). Body length L = √(L_seen² + (along / k)²), cos θ = L_seen / L, sin φ = across / (k L), with
 * k = SHOULDER_OVER_BODY; the corrected offset is the seen one × cos θ / cos φ.
 */
export function plankOffsetViewCorrected(v: PoseView): number | null {
  const off = onBoth((s) => offset2(v, s));
  const sh = midOf2(v, 'shoulder'),
    an = midOf2(v, 'ankle');
  const ls = v.p('left_shoulder'),
    rs = v.p('right_shoulder');
  if (off === null || !sh || !an || !ls || !rs) return null;
  const line = sub2(an, sh);
  const seen = len2(line);
  if (!(seen > 0)) return null;
  const u = { x: line.x / seen, y: line.y / seen };
  const w = sub2(rs, ls);
  const along = Math.abs(w.x * u.x + w.y * u.y),
    across = Math.abs(-w.x * u.y + w.y * u.x);
  const body = Math.hypot(seen, along / SHOULDER_OVER_BODY);
  const cosYaw = seen / body;
  const sinUp = Math.min(0.95, across / (SHOULDER_OVER_BODY * body));
  return (off * cosYaw) / Math.sqrt(1 - sinUp * sinUp);
}

// ---- crunch --------------------------------------------------------------------------------------

/** The engine's trunk curl (curlAngle, src/core/exercises/common.ts): 90° − the hip→shoulder line's angle from image vertical. */
export function curlFromVertical2D(v: PoseView): number | null {
  const h = midOf2(v, 'hip') ?? v.p(`${bestSide(v, ['hip'])}_hip`);
  const s = midOf2(v, 'shoulder') ?? v.p(`${bestSide(v, ['shoulder'])}_shoulder`);
  if (!h || !s) return null;
  const dx = s.x - h.x,
    dy = h.y - s.y;
  if (dx === 0 && dy === 0) return null;
  return 90 - Math.atan2(Math.abs(dx), dy) * DEG;
}

/** Trunk's rise above the camera's horizontal plane in 3D (x–z), degrees: 0 lying flat with a level camera. */
export function trunkRise3D(v: PoseView): number | null {
  const h = midOf3(v, 'hip'),
    s = midOf3(v, 'shoulder');
  if (!h || !s) return null;
  const d = sub3(s, h);
  const l = len3(d);
  return l > 0 ? Math.asin(Math.max(-1, Math.min(1, -d.y / l))) * DEG : null;
}

const SHK = ['shoulder', 'hip', 'knee'] as const;
/** Hip flexion, 180° − the shoulder–hip–knee angle: the trunk closing on the thighs. */
const flex2 = (v: PoseView, s: Side) => {
  const p = pts2(v, s, SHK);
  const a = p ? angleAt(p[0]!, p[1]!, p[2]!) : null;
  return a === null ? null : 180 - a;
};
const flex3 = (v: PoseView, s: Side) => {
  const p = pts3(v, s, SHK);
  const a = p ? angleAt(p[0]!, p[1]!, p[2]!) : null;
  return a === null ? null : 180 - a;
};

// ---- prone press-up ------------------------------------------------------------------------------

const SEW = ['shoulder', 'elbow', 'wrist'] as const;
const elbow2 = (v: PoseView, s: Side) => {
  const p = pts2(v, s, SEW);
  return p ? angleAt(p[0]!, p[1]!, p[2]!) : null;
};
const elbow3 = (v: PoseView, s: Side) => {
  const p = pts3(v, s, SEW);
  return p ? angleAt(p[0]!, p[1]!, p[2]!) : null;
};
/** Back extension, 180° − the shoulder–hip–knee angle (the legs stay on the mat): 0 lying flat. */
const ext2 = flex2;
const ext3 = flex3;

// ---- the registry --------------------------------------------------------------------------------

export type Task = 'plank' | 'crunch' | 'press-up';

export interface Measure {
  id: string;
  task: Task;
  /** What it is, for the report. */
  label: string;
  unit: '°' | 'of line' | '';
  /** Needs BlazePose's world points. */
  needs3D: boolean;
  /**
   * How the classes order on it: for the plank, a signed measure puts sag below and pike above good
   * ('signed'); an unsigned one puts both faults below ('low-is-fault'). For reps and holds, the moving
   * position reads higher than rest ('high-is-active').
   */
  sense: 'signed' | 'low-is-fault' | 'high-is-active';
  fn(v: PoseView): number | null;
  /**
   * Read against the person's own recent past: the value minus the lowest value of the last `sec` seconds
   * of the stream (at least `minFrames` values), so a shifted baseline (a close-up, another camera height)
   * drops out. The rep counter's "back from the peak" rule works this way.
   */
  relative?: { sec: number; minFrames: number };
}

const SIDE_GAP_DEG = 5;
/** Long enough to reach back past the last rest at the slowest catalogued crunch pace (≈2 s a rep, 13 and 14). */
const RELATIVE_SEC = 2.5;
const SIDE_GAP_OFFSET = 0.03;

export const MEASURES: readonly Measure[] = [
  {
    id: 'plank.angle2d.best',
    task: 'plank',
    label: 'shoulder–hip–ankle angle, 2D, better-seen side',
    unit: '°',
    needs3D: false,
    sense: 'low-is-fault',
    fn: (v) => onBest(v, SHA, (s) => angle2(v, s)),
  },
  {
    id: 'plank.bend2d.best',
    task: 'plank',
    label: '180° − that angle, signed (+ hips above the line), 2D, better side',
    unit: '°',
    needs3D: false,
    sense: 'signed',
    fn: (v) => onBest(v, SHA, (s) => signedBend(angle2(v, s), offset2(v, s))),
  },
  {
    id: 'plank.bend2d.both',
    task: 'plank',
    label: 'signed bend, 2D, mean of both sides',
    unit: '°',
    needs3D: false,
    sense: 'signed',
    fn: (v) => onBoth((s) => signedBend(angle2(v, s), offset2(v, s))),
  },
  {
    id: 'plank.bend2d.agree',
    task: 'plank',
    label: `signed bend, 2D, both sides, judged only when they agree within ${SIDE_GAP_DEG}°`,
    unit: '°',
    needs3D: false,
    sense: 'signed',
    fn: (v) => whenSidesAgree((s) => signedBend(angle2(v, s), offset2(v, s)), SIDE_GAP_DEG),
  },
  {
    id: 'plank.off2d.best',
    task: 'plank',
    label: 'hip offset from the shoulder–ankle line / its length, 2D, better side (+ above)',
    unit: 'of line',
    needs3D: false,
    sense: 'signed',
    fn: (v) => onBest(v, SHA, (s) => offset2(v, s)),
  },
  {
    id: 'plank.off2d.both',
    task: 'plank',
    label: 'hip offset / line, 2D, mean of both sides',
    unit: 'of line',
    needs3D: false,
    sense: 'signed',
    fn: (v) => onBoth((s) => offset2(v, s)),
  },
  {
    id: 'plank.off2d.agree',
    task: 'plank',
    label: `hip offset / line, 2D, both sides, judged only when they agree within ${SIDE_GAP_OFFSET}`,
    unit: 'of line',
    needs3D: false,
    sense: 'signed',
    fn: (v) => whenSidesAgree((s) => offset2(v, s), SIDE_GAP_OFFSET),
  },
  {
    id: 'plank.off2d.view',
    task: 'plank',
    label: 'hip offset / line, 2D, both sides, corrected for foreshortening (yaw and camera height from the shoulder span)',
    unit: 'of line',
    needs3D: false,
    sense: 'signed',
    fn: plankOffsetViewCorrected,
  },
  {
    id: 'plank.angle3d.both',
    task: 'plank',
    label: 'shoulder–hip–ankle angle, 3D, mean of both sides',
    unit: '°',
    needs3D: true,
    sense: 'low-is-fault',
    fn: (v) => onBoth((s) => angle3(v, s)),
  },
  {
    id: 'plank.angle3d.mid',
    task: 'plank',
    label: 'shoulder–hip–ankle angle, 3D, on the midline (midpoints of the pairs)',
    unit: '°',
    needs3D: true,
    sense: 'low-is-fault',
    fn: angle3mid,
  },
  {
    id: 'plank.bend3d.mid',
    task: 'plank',
    label: 'signed bend, 3D midline (+ hips above the line, camera up)',
    unit: '°',
    needs3D: true,
    sense: 'signed',
    fn: (v) => signedBend(angle3mid(v), offset3mid(v)),
  },
  {
    id: 'plank.off3d.both',
    task: 'plank',
    label: 'hip height above the shoulder–ankle line / its length, 3D, mean of both sides',
    unit: 'of line',
    needs3D: true,
    sense: 'signed',
    fn: (v) => onBoth((s) => offset3(v, s)),
  },
  {
    id: 'plank.off3d.mid',
    task: 'plank',
    label: 'hip height above the line / its length, 3D midline',
    unit: 'of line',
    needs3D: true,
    sense: 'signed',
    fn: offset3mid,
  },
  {
    id: 'plank.off3d.floor',
    task: 'plank',
    label: 'hip height above the line / its length, 3D midline, "up" = the floor\'s normal from wrists and toes',
    unit: 'of line',
    needs3D: true,
    sense: 'signed',
    fn: plankOffsetFloor3,
  },
  {
    id: 'plank.off3d.agree',
    task: 'plank',
    label: `hip offset / line, 3D, judged only when the sides agree within ${SIDE_GAP_OFFSET}`,
    unit: 'of line',
    needs3D: true,
    sense: 'signed',
    fn: (v) => whenSidesAgree((s) => offset3(v, s), SIDE_GAP_OFFSET),
  },

  {
    id: 'crunch.curl2d',
    task: 'crunch',
    label: 'trunk curl as the engine has it: 90° − trunk angle from image vertical, 2D',
    unit: '°',
    needs3D: false,
    sense: 'high-is-active',
    fn: curlFromVertical2D,
  },
  {
    id: 'crunch.flex2d.best',
    task: 'crunch',
    label: 'hip flexion 180° − shoulder–hip–knee, 2D, better side',
    unit: '°',
    needs3D: false,
    sense: 'high-is-active',
    fn: (v) => onBest(v, SHK, (s) => flex2(v, s)),
  },
  {
    id: 'crunch.rise3d',
    task: 'crunch',
    label: "trunk rise above the camera's horizontal, 3D",
    unit: '°',
    needs3D: true,
    sense: 'high-is-active',
    fn: trunkRise3D,
  },
  {
    id: 'crunch.rise3d.floor',
    task: 'crunch',
    label: 'trunk rise above the floor plane through hips and heels, 3D',
    unit: '°',
    needs3D: true,
    sense: 'high-is-active',
    fn: (v) => riseAboveFloor(v, ['left_hip', 'right_hip'], ['left_heel', 'right_heel']),
  },
  {
    id: 'crunch.flex3d.both',
    task: 'crunch',
    label: 'hip flexion 180° − shoulder–hip–knee, 3D, both sides',
    unit: '°',
    needs3D: true,
    sense: 'high-is-active',
    fn: (v) => onBoth((s) => flex3(v, s)),
  },

  ...(['crunch.curl2d', 'crunch.rise3d'] as const).map((id): Measure => {
    const base = id === 'crunch.curl2d' ? curlFromVertical2D : trunkRise3D;
    return {
      id: `${id}.rel`,
      task: 'crunch',
      label: `the same, minus its lowest value over the last ${RELATIVE_SEC} s`,
      unit: '°',
      needs3D: id.includes('3d'),
      sense: 'high-is-active',
      fn: base,
      relative: { sec: RELATIVE_SEC, minFrames: 8 },
    };
  }),

  {
    id: 'press.elbow2d.best',
    task: 'press-up',
    label: 'elbow angle (shoulder–elbow–wrist), 2D, better side',
    unit: '°',
    needs3D: false,
    sense: 'high-is-active',
    fn: (v) => onBest(v, SEW, (s) => elbow2(v, s)),
  },
  {
    id: 'press.elbow3d.both',
    task: 'press-up',
    label: 'elbow angle, 3D, both sides',
    unit: '°',
    needs3D: true,
    sense: 'high-is-active',
    fn: (v) => onBoth((s) => elbow3(v, s)),
  },
  {
    id: 'press.ext2d.best',
    task: 'press-up',
    label: 'back extension 180° − shoulder–hip–knee, 2D, better side',
    unit: '°',
    needs3D: false,
    sense: 'high-is-active',
    fn: (v) => onBest(v, SHK, (s) => ext2(v, s)),
  },
  {
    id: 'press.ext3d.both',
    task: 'press-up',
    label: 'back extension 180° − shoulder–hip–knee, 3D, both sides',
    unit: '°',
    needs3D: true,
    sense: 'high-is-active',
    fn: (v) => onBoth((s) => ext3(v, s)),
  },
  {
    id: 'press.rise2d',
    task: 'press-up',
    label: "trunk rise from image horizontal (the crunch's curl, read the other way up), 2D",
    unit: '°',
    needs3D: false,
    sense: 'high-is-active',
    fn: curlFromVertical2D,
  },
  {
    id: 'press.rise3d.floor',
    task: 'press-up',
    label: 'trunk rise above the floor plane through knees and toes, 3D',
    unit: '°',
    needs3D: true,
    sense: 'high-is-active',
    fn: (v) => riseAboveFloor(v, ['left_knee', 'right_knee'], ['left_foot_index', 'right_foot_index']),
  },
  {
    id: 'press.rise3d',
    task: 'press-up',
    label: "trunk rise above the camera's horizontal, 3D",
    unit: '°',
    needs3D: true,
    sense: 'high-is-active',
    fn: trunkRise3D,
  },
];
