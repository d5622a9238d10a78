// Test helper: CONSTRUCTED prone press-ups with bent arms, made from real straight-arm holds (b07, c04, 16) through
// BlazePose full's world points (worldPose.ts). The person lowers the chest (the trunk turned down about the hips'
// line) and bends the elbows: each hand slides along the floor toward the hips until the arm, its two segments'
// lengths kept, bends to the asked angle, the elbow pointing back toward the feet as it does in a cobra. The hips,
// legs and head-to-trunk posture are the recorded ones.
import type { PoseFrame } from '../../src/core/pose';
import {
  add,
  angle3,
  cross,
  dot,
  editThroughWorld,
  floorOf,
  len,
  mid,
  mul,
  rotateAbout,
  sub,
  unit,
  worldOf as worldOfPose,
  type V3,
  type WorldEdit,
} from './worldPose';

const UPPER = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow'];
const DEG = 180 / Math.PI;

/** Chest lift (trunk hips → shoulders above the floor, degrees) of a world pose, with its floor; null when unknown. */
export function worldLift(w: Map<string, V3>): number | null {
  const fl = floorOf(w, ['left_wrist', 'right_wrist'], ['left_ankle', 'right_ankle'], 'nose');
  const ls = w.get('left_shoulder'),
    rs = w.get('right_shoulder'),
    lh = w.get('left_hip'),
    rh = w.get('right_hip');
  if (!fl || !ls || !rs || !lh || !rh) return null;
  const t = sub(mid(ls, rs), mid(lh, rh));
  return Math.asin(Math.max(-1, Math.min(1, dot(t, fl.up) / len(t)))) * DEG;
}

/**
 * The edit: at time t (s), the chest lowered to `lift(t)` degrees above the floor (never raised) and both elbows bent
 * to `elbow(t)` degrees (never straightened past the recorded arm); `null` from either leaves that part as recorded.
 * `weight(t)` (0..1, default 1) takes the pose that share of the way from the recorded one to the asked one.
 */
export function bentArms(
  lift: (t: number) => number | null,
  elbow: (t: number) => number | null,
  weight: (t: number) => number = () => 1,
  slides?: Slides,
): WorldEdit {
  return (w, t) => {
    const k = Math.max(0, Math.min(1, weight(t)));
    if (!(k > 0)) return false;
    const fl = floorOf(w, ['left_wrist', 'right_wrist'], ['left_ankle', 'right_ankle'], 'nose');
    const lh = w.get('left_hip'),
      rh = w.get('right_hip'),
      lw = w.get('left_wrist'),
      rw = w.get('right_wrist');
    const ls = w.get('left_shoulder'),
      rs = w.get('right_shoulder');
    if (!fl || !lh || !rh || !lw || !rw || !ls || !rs) return false;
    const up = fl.up,
      hips = mid(lh, rh);
    const toHands = sub(mid(lw, rw), hips);
    const fwd = unit(sub(toHands, mul(up, dot(toHands, up))));
    const axis = unit(cross(up, fwd));
    // The arms' segment lengths, before the upper body moves.
    const segs = new Map(
      (['left', 'right'] as const).map((s) => {
        const S = w.get(`${s}_shoulder`),
          E = w.get(`${s}_elbow`),
          W = w.get(`${s}_wrist`);
        return [s, S && E && W ? { u: len(sub(E, S)), f: len(sub(W, E)), was: angle3(S, E, W) } : null] as const;
      }),
    );
    // 1. The chest lowered: the upper body turned about the hips' line, down toward the floor.
    const target = lift(t),
      now = worldLift(w);
    if (target !== null && now !== null && now > target) {
      const sh = mid(ls, rs),
        down = k * (now - target);
      const sign = dot(sub(rotateAbout(sh, hips, axis, down), hips), up) < dot(sub(sh, hips), up) ? 1 : -1;
      for (const n of UPPER) {
        const q = w.get(n);
        if (q) w.set(n, rotateAbout(q, hips, axis, sign * down));
      }
    }
    // 2. Each arm bent: the hand slides along the floor until shoulder → hand spans the bent arm.
    const asked = elbow(t);
    if (asked === null) return true;
    for (const s of ['left', 'right'] as const) {
      const S = w.get(`${s}_shoulder`),
        W = w.get(`${s}_wrist`),
        g = segs.get(s);
      if (!S || !W || !g) continue;
      const { u, f, was } = g;
      if (!(was > asked)) continue;
      const a = was - k * (was - asked);
      const d = Math.sqrt(u * u + f * f - 2 * u * f * Math.cos(a / DEG));
      const q = sub(S, W),
        qf = dot(q, fwd),
        disc = qf * qf - dot(q, q) + d * d;
      const solved =
        disc >= 0 ? (Math.abs(qf - Math.sqrt(disc)) < Math.abs(qf + Math.sqrt(disc)) ? qf - Math.sqrt(disc) : qf + Math.sqrt(disc)) : qf;
      const key = `${Math.round(t * 1000)}:${s}`;
      slides?.solved.set(key, solved);
      const slide = slides?.use.get(key) ?? solved;
      const W2 = add(W, mul(fwd, slide));
      const span = len(sub(W2, S));
      const e = unit(sub(W2, S));
      // The elbow points back toward the feet (and up), in the plane of the arm.
      const back = mul(fwd, -1);
      const n = unit(sub(back, mul(e, dot(back, e))));
      const cb = Math.max(-1, Math.min(1, (u * u + span * span - f * f) / (2 * u * span)));
      const sb = Math.sqrt(1 - cb * cb);
      w.set(`${s}_elbow`, add(S, add(mul(e, u * cb), mul(n, u * sb))));
      w.set(`${s}_wrist`, W2);
    }
    return true;
  };
}

/**
 * How far each hand slides (metres along the floor), per frame and side: `solved` is filled by a first pass, `use`
 * (when set) is what the edit applies. A hand resting on the floor stays put, while the slide solved frame by frame
 * follows the world points' jitter (a few centimetres): see steadyEdit.
 */
export interface Slides {
  solved: Map<string, number>;
  use: Map<string, number>;
}

/**
 * `make(slides)` run twice over the world stream: once to solve each frame's hand slide, then with the slides smoothed
 * over ±`halfSec` (a median), so that the constructed hands rest still on the floor as real ones do.
 */
export function steadyEdit(world: readonly PoseFrame[], make: (slides: Slides) => WorldEdit, halfSec = 0.5): WorldEdit {
  const slides: Slides = { solved: new Map(), use: new Map() };
  const first = make(slides);
  for (const f of world) {
    const w = f.poses[0] ? worldOfPose(f.poses[0]) : null;
    if (w) first(w, f.t / 1000);
  }
  const bySide = new Map<string, [number, number][]>();
  for (const [k, v] of slides.solved) {
    const [t, s] = k.split(':');
    const a = bySide.get(s as string) ?? [];
    a.push([Number(t), v]);
    bySide.set(s as string, a);
  }
  for (const [s, a] of bySide) {
    a.sort((x, y) => x[0] - y[0]);
    for (const [t] of a) {
      const near = a
        .filter(([u]) => Math.abs(u - t) <= halfSec * 1000)
        .map(([, v]) => v)
        .sort((x, y) => x - y);
      slides.use.set(`${t}:${s}`, near[Math.floor(near.length / 2)] as number);
    }
  }
  return make(slides);
}

/** The frames of `frames` (any model, one clip) with the arms bent as `edit` says, through BlazePose full's `world`. */
export function constructBentArms(frames: readonly PoseFrame[], world: readonly PoseFrame[], edit: WorldEdit): PoseFrame[] {
  return editThroughWorld(frames, world, edit);
}

/** Strength 1 inside [from, to] (s), eased in and out linearly over `ease` s either side. */
export const window =
  (from: number, to: number, ease = 0.5) =>
  (t: number): number =>
    t < from - ease || t > to + ease ? 0 : t < from ? (t - (from - ease)) / ease : t > to ? (to + ease - t) / ease : 1;

/**
 * A low cobra held in [from, to] (s): the chest lowered to `lift`° and the elbows bent to `elbow`°, eased in and out
 * over half a second, on `frames` (any model's stream of the clip) through BlazePose full's `world` stream of it.
 */
export function lowCobra(
  frames: readonly PoseFrame[],
  world: readonly PoseFrame[],
  from: number,
  to: number,
  lift = 30,
  elbow = 90,
): PoseFrame[] {
  return editThroughWorld(
    frames,
    world,
    steadyEdit(world, (sl) =>
      bentArms(
        () => lift,
        () => elbow,
        window(from, to),
        sl,
      ),
    ),
  );
}

/**
 * The same stream played on another clock: the output runs `duration` s at the stream's rate, its frame at time t
 * being the input frame nearest `at(t)` (s), re-stamped t. With the same `at`, streams of one clip from several
 * models (and BlazePose's world stream) stay frame for frame together.
 */
export function retime(frames: readonly PoseFrame[], duration: number, at: (t: number) => number, fps = 15): PoseFrame[] {
  const out: PoseFrame[] = [];
  for (let i = 0; i * (1000 / fps) <= duration * 1000 + 1e-6; i++) {
    const t = (i * 1000) / fps,
      want = at(t / 1000) * 1000;
    let best = frames[0];
    for (const f of frames) if (best === undefined || Math.abs(f.t - want) < Math.abs(best.t - want)) best = f;
    if (best) out.push({ ...best, t });
  }
  return out;
}

/** A real stretch of frames [a, b] (s) played forward and back, for as long as asked: `at` for retime, from time 0. */
export const pingPong =
  (a: number, b: number) =>
  (t: number): number => {
    const span = b - a,
      k = t % (2 * span);
    return a + (k <= span ? k : 2 * span - k);
  };
