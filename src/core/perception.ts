// From a raw PoseFrame to the engine's Body: pick the tracked person, drop low-score and
// implausible points, smooth the rest, keep a running torso length and the side facing the camera.

import type { ModelFamily, Pose, PoseFrame } from './pose';
import { createBody, chooseSide, FOOT_NAMES, KP, N_KP, worldFoot, type Body } from './geometry';
import { OneEuroBank } from './smoothing';
import { Plausibility } from './plausibility';

/**
 * A point with a lower score is unknown. 0.3 is the threshold pose-detection's own demos draw with;
 * NOTES.md warns scores do not reveal wrong points, so plausibility checks follow.
 */
export const MIN_SCORE = 0.3;
/**
 * A point already being tracked stays known down to this score (hysteresis on MIN_SCORE): a point the model
 * keeps finding in the same place at a lower score is still the same point. c09 (backlit home plank, the
 * feet by the frame edge): Thunder's ankles flicker between 0.08 and 0.43 while the knees hold 0.5–0.7, and
 * with one threshold the ankles (and with them the hold) dropped out every few frames. Plausibility checks
 * (limb length, jumps) still apply to a kept point.
 */
export const KEEP_SCORE = 0.15;
/** ... as long as it stays within this distance (torso lengths) of where it was last seen. */
export const KEEP_MOVE = 0.15;
/** Points may sit this far outside the frame (share of width/height) before they are ignored. */
const FRAME_MARGIN = 0.25;
/**
 * The picture size (long side, px) the smoothing works at (smoothing.ts DEFAULT_ONE_EURO: its speed term is in px/s).
 * Read at half this size, a good row (20) read a 1.07 s torso-swing and a bicycle (c18) lost 2 of 8 touches to lag.
 */
export const SMOOTH_SIDE_PX = 640;
/** After a point has been unknown this long its smoothing restarts from the new value. */
export const SMOOTH_GAP_MS = 300;
/**
 * Torso length follows new measurements with this time constant (ms): a weight of 0.1 a frame at the fixtures'
 * 15 fps, where it was set, whatever the pace the model keeps (a slow laptop reads 10 fps, a fast one 30).
 */
export const TORSO_TAU_MS = 633;

export interface Perception {
  readonly body: Body;
  readonly filters: OneEuroBank;
  readonly plaus: Plausibility;
  readonly rx: Float64Array;
  readonly ry: Float64Array;
  readonly rok: Uint8Array;
  readonly lastSeen: Float64Array;
  /** When both points of each rigid pair were last seen, by its left index (see markGirdleGaps). */
  readonly pairT: Float64Array;
  /** Centre of the tracked person last frame (px); NaN before anyone was seen. */
  cx: number;
  cy: number;
  lastT: number;
  started: boolean;
  /**
   * Set by the engine once the set has started: from then on the person nearest the tracked one is
   * followed. Before that, the largest person in view is taken each frame (the camera is set up for
   * the user; a bystander behind them looks smaller), so a bystander seen first is not kept.
   */
  locked: boolean;
  /** The keypoint space was given (the model is known), not guessed from the first pose. */
  readonly spaceGiven: boolean;
  spaceSeen: boolean;
  /** The last frame had nobody in it (no usable point). */
  nobodyLast: boolean;
}

/**
 * `space`: which model family makes the stream (the app, the analyzer and the eval know the model). Without
 * it the first pose decides: BlazePose gives more than the COCO-17 points (feet) and world points, MoveNet not.
 */
export function createPerception(space?: ModelFamily): Perception {
  const body = createBody();
  if (space) body.space = space;
  return {
    body,
    spaceGiven: space !== undefined,
    spaceSeen: false,
    filters: new OneEuroBank(N_KP * 2),
    plaus: new Plausibility(),
    rx: new Float64Array(N_KP),
    ry: new Float64Array(N_KP),
    rok: new Uint8Array(N_KP),
    lastSeen: new Float64Array(N_KP).fill(-Infinity),
    pairT: new Float64Array(N_KP).fill(-Infinity),
    cx: NaN,
    cy: NaN,
    lastT: 0,
    started: false,
    locked: false,
    nobodyLast: false,
  };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function poseCentre(p: Pose, w: number, h: number): [number, number, number, number] {
  let sx = 0,
    sy = 0,
    n = 0,
    x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  const kps = p.keypoints;
  const m = Math.min(kps.length, N_KP);
  for (let i = 0; i < m; i++) {
    const k = kps[i];
    if (!k || !finite(k.x) || !finite(k.y) || !finite(k.score) || k.score < MIN_SCORE) continue;
    if (k.x < -w * FRAME_MARGIN || k.x > w * (1 + FRAME_MARGIN) || k.y < -h * FRAME_MARGIN || k.y > h * (1 + FRAME_MARGIN)) continue;
    sx += k.x;
    sy += k.y;
    n++;
    x0 = Math.min(x0, k.x);
    x1 = Math.max(x1, k.x);
    y0 = Math.min(y0, k.y);
    y1 = Math.max(y1, k.y);
  }
  return n === 0 ? [NaN, NaN, 0, 0] : [sx / n, sy / n, n, Math.hypot(x1 - x0, y1 - y0)];
}

/** The pose to follow: nearest the person being tracked, not the highest-scored one. */
export function pickPose(per: Perception, frame: PoseFrame, w: number, h: number): Pose | null {
  const poses = Array.isArray(frame.poses) ? frame.poses : [];
  let best: Pose | null = null,
    bestKey = Infinity;
  for (const p of poses) {
    if (!p || !Array.isArray(p.keypoints)) continue;
    const [x, y, n, size] = poseCentre(p, w, h);
    if (n < 3) continue;
    const key = per.locked && Number.isFinite(per.cx) ? Math.hypot(x - per.cx, y - per.cy) : -size; // the set has not started: the largest person in view (see Perception.locked)
    if (key < bestKey) {
      bestKey = key;
      best = p;
    }
  }
  return best;
}

/** Mean keypoint score (0..1) of the best-scored pose in the frame, usable or not: a dark room's signature. */
function bestMeanScore(frame: PoseFrame): number {
  const poses = Array.isArray(frame.poses) ? frame.poses : [];
  let best = 0;
  for (const p of poses) {
    if (!p || !Array.isArray(p.keypoints)) continue;
    let sum = 0;
    const m = Math.min(p.keypoints.length, N_KP);
    for (let i = 0; i < m; i++) {
      const s = p.keypoints[i]?.score;
      if (finite(s)) sum += Math.max(0, Math.min(1, s));
    }
    best = Math.max(best, sum / N_KP);
  }
  return best;
}

/**
 * Updates the Body from one frame. Returns the number of usable points (0 = nobody) and whether a
 * camera cut was detected. `t` is the sanitised frame time.
 */
export function perceive(
  per: Perception,
  frame: PoseFrame,
  t: number,
): { points: number; cut: boolean; meanScore: number; medianScore: number } {
  const b = per.body;
  const w = finite(frame.width) && frame.width > 0 ? frame.width : b.width;
  const h = finite(frame.height) && frame.height > 0 ? frame.height : b.height;
  b.width = w;
  b.height = h;
  b.t = t;
  const pose = pickPose(per, frame, w, h);
  const { rx, ry, rok } = per;
  let n = 0,
    scoreSum = 0;
  for (let i = 0; i < N_KP; i++) {
    const k = pose?.keypoints[i];
    rok[i] = 0;
    b.score[i] = 0;
    if (!k || !finite(k.x) || !finite(k.y) || !finite(k.score)) continue;
    const s = Math.max(0, Math.min(1, k.score));
    scoreSum += s;
    b.score[i] = s;
    if (s < MIN_SCORE) {
      // Kept only while it stays put: a still, low-scored ankle is the same ankle; a low-scored wrist on
      // the move may be a guess (23: wrists at the top of a fly).
      const tracked =
        s >= KEEP_SCORE &&
        // Known on the last frame, or on the last frame with a person: a frame where the model found nobody is not the
        // point lost (e01 seen from the head end, one frame in ten empty: its low-scored hips dropped on the frame
        // after, the view read as side-on and the half body as a 53° pike, kept 2 s as a false hips-high).
        (b.ok[i] === 1 || per.nobodyLast) &&
        t - (per.lastSeen[i] as number) <= SMOOTH_GAP_MS &&
        b.torso > 0 &&
        Math.hypot(k.x - (b.x[i] as number), k.y - (b.y[i] as number)) <= KEEP_MOVE * b.torso;
      if (!tracked) continue;
    }
    if (k.x < -w * FRAME_MARGIN || k.x > w * (1 + FRAME_MARGIN) || k.y < -h * FRAME_MARGIN || k.y > h * (1 + FRAME_MARGIN)) continue;
    rx[i] = k.x;
    ry[i] = k.y;
    rok[i] = 1;
  }
  // Torso length from the raw points of this frame, for scale in the plausibility checks.
  const raw = rawTorso(rx, ry, rok);
  const cut = per.plaus.check(rx, ry, rok, b.score, b.torso > 0 ? b.torso : raw, t);
  if (cut) {
    per.filters.resetAll();
    b.torso = 0;
  }
  let sx = 0,
    sy = 0;
  // The smoothing's speed term is in pixels a second, set on streams 640 px on their long side (the analyzer's and
  // the live camera's size): every picture is smoothed as if that size, so a 320 or a 1280 px camera smooths alike.
  const k = w > 0 && h > 0 ? SMOOTH_SIDE_PX / Math.max(w, h) : 1;
  for (let i = 0; i < N_KP; i++) {
    if (rok[i] !== 1) {
      b.ok[i] = 0;
      continue;
    }
    if (t - (per.lastSeen[i] as number) > SMOOTH_GAP_MS) {
      per.filters.reset(2 * i);
      per.filters.reset(2 * i + 1);
    }
    per.lastSeen[i] = t;
    b.x[i] = per.filters.filter(2 * i, (rx[i] as number) * k, t) / k;
    b.y[i] = per.filters.filter(2 * i + 1, (ry[i] as number) * k, t) / k;
    b.ok[i] = 1;
    sx += b.x[i] as number;
    sy += b.y[i] as number;
    n++;
  }
  if (n > 0) {
    per.cx = sx / n;
    per.cy = sy / n;
  }
  markGirdleGaps(per, b, t);
  const tor = rawTorso(b.x, b.y, b.ok);
  if (tor > 0) b.torso = b.torso > 0 ? b.torso + (1 - Math.exp(-Math.max(0, t - per.lastT) / TORSO_TAU_MS)) * (tor - b.torso) : tor;
  if (n > 0) b.side = chooseSide(b, b.side);
  readFeet(b, pose, w, h);
  if (pose && !per.spaceGiven && !per.spaceSeen) {
    per.spaceSeen = true;
    b.space = pose.keypoints.length > N_KP || (pose.keypoints3D?.length ?? 0) > 0 ? 'blazepose' : 'movenet';
  }
  readWorld(b, n > 0 ? pose : null);
  per.lastT = t;
  per.nobodyLast = n === 0;
  // No usable person: the scores of what the model did find still tell a dark room from an empty one.
  return { points: n, cut, meanScore: pose ? scoreSum / N_KP : bestMeanScore(frame), medianScore: pose ? inFrameMedian(pose, w, h) : NaN };
}

/** Points placed within this share of the frame's edge are taken as off the picture (a limb cut off), not unseen. */
const EDGE = 0.03;
const SCRATCH = new Float64Array(N_KP);
/**
 * Median score of the points the model places inside the picture: low when the model cannot see what is in
 * front of it (a dark room), not when a limb is out of frame (MoveNet puts those at or just past the edge,
 * test-fixtures/README.md). NaN with fewer than 5 such points.
 */
function inFrameMedian(pose: Pose, w: number, h: number): number {
  let n = 0;
  const m = Math.min(pose.keypoints.length, N_KP);
  for (let i = 0; i < m; i++) {
    const k = pose.keypoints[i];
    if (!k || !finite(k.x) || !finite(k.y) || !finite(k.score)) continue;
    if (k.x < w * EDGE || k.x > w * (1 - EDGE) || k.y < h * EDGE || k.y > h * (1 - EDGE)) continue;
    SCRATCH[n++] = Math.max(0, Math.min(1, k.score));
  }
  if (n < 5) return NaN;
  const v = SCRATCH.subarray(0, n).sort();
  return v[n >> 1] as number;
}

/**
 * Shoulders and hips: when one of a pair drops out for a moment while the other is seen, their midpoint is
 * unknown for that moment (Body.pairGap), not the one point left: a midpoint jumping half a shoulder or hip
 * width reads as movement (14 at 2.6 s: one hip lost for a frame, the trunk angle dropped 35° → 21° and back,
 * a phantom crunch). A side view where the far point is never seen is unaffected: the gap only counts within
 * GIRDLE_GAP_MS of both having been seen.
 */
export const GIRDLE_GAP_MS = 300;
const GIRDLES: readonly (readonly [number, number])[] = [
  [KP.left_shoulder, KP.right_shoulder],
  [KP.left_hip, KP.right_hip],
];
function markGirdleGaps(per: Perception, b: Body, t: number): void {
  for (const [l, r] of GIRDLES) {
    const lo = b.ok[l] === 1,
      ro = b.ok[r] === 1;
    if (lo && ro) per.pairT[l] = t;
    b.pairGap[l] = lo !== ro && t - (per.pairT[l] as number) <= GIRDLE_GAP_MS ? 1 : 0;
  }
}

/** Heels and toes from the points a model gives after COCO-17 (BlazePose), by name; none for MoveNet. */
function readFeet(b: Body, pose: Pose | null, w: number, h: number): void {
  b.footOk.fill(0);
  const kps = pose?.keypoints;
  if (!kps || kps.length <= N_KP) return;
  for (let i = N_KP; i < kps.length; i++) {
    const k = kps[i];
    const j = k ? FOOT_NAMES[k.name] : undefined;
    if (j === undefined || !k || !finite(k.x) || !finite(k.y) || !finite(k.score) || k.score < MIN_SCORE) continue;
    if (k.x < -w * FRAME_MARGIN || k.x > w * (1 + FRAME_MARGIN) || k.y < -h * FRAME_MARGIN || k.y > h * (1 + FRAME_MARGIN)) continue;
    b.footX[j] = k.x;
    b.footY[j] = k.y;
    b.footOk[j] = 1;
  }
}

/** World points (BlazePose's keypoints3D) of the tracked pose, COCO-17 by index and the feet by name. */
function readWorld(b: Body, pose: Pose | null): void {
  b.wok.fill(0);
  const w = pose?.keypoints3D;
  if (!w || w.length === 0) return;
  for (let i = 0; i < w.length; i++) {
    const k = w[i];
    if (!k || !finite(k.x) || !finite(k.y) || !finite(k.z) || !(k.score > 0)) continue;
    const j = i < N_KP ? i : FOOT_NAMES[k.name] !== undefined ? worldFoot(FOOT_NAMES[k.name] as number) : -1;
    if (j < 0) continue;
    b.wx[j] = k.x;
    b.wy[j] = k.y;
    b.wz[j] = k.z;
    b.wok[j] = 1;
  }
}

/** Shoulder-midpoint to hip-midpoint distance (px), from whichever of each pair is known; 0 if unknown. */
export function rawTorso(x: Float64Array, y: Float64Array, ok: Uint8Array): number {
  const sh = mid(x, y, ok, KP.left_shoulder, KP.right_shoulder),
    hp = mid(x, y, ok, KP.left_hip, KP.right_hip);
  if (!sh || !hp) return 0;
  const d = Math.hypot(sh[0] - hp[0], sh[1] - hp[1]);
  return Number.isFinite(d) ? d : 0;
}

function mid(x: Float64Array, y: Float64Array, ok: Uint8Array, l: number, r: number): [number, number] | null {
  const lo = ok[l] === 1,
    ro = ok[r] === 1;
  if (lo && ro) return [((x[l] as number) + (x[r] as number)) / 2, ((y[l] as number) + (y[r] as number)) / 2];
  if (lo) return [x[l] as number, y[l] as number];
  if (ro) return [x[r] as number, y[r] as number];
  return null;
}
