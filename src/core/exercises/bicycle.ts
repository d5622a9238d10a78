// Bicycle crunch: lying on the back, hands behind the head, each elbow to the opposite knee in turn.
import { jointIndex, otherSide, type Body, type Side } from '../geometry';
import { defineExercise } from './types';
import { ALTERNATE_RESET_MS, alternating, type LastTouch } from '../counting/alternating';
import type { TopVerdict } from '../counting/repCounting';
import type { CountFrame } from '../counting/types';
import { KP, betterOfSides, both, dT, finding, mid, shoulderWidth, trunkToHorizontal } from './common';

/**
 * A touch is counted on the knee that comes in, not on the elbow: the elbows are the least reliable
 * points here (09, filmed from the feet: at the far-side touch Thunder puts both elbows on one spot
 * and the far elbow is lost; b09, side view: the far elbow is hidden behind the head). The knee's
 * distance from the shoulder midpoint (torso lengths) measured: drawn in ≈0.8–0.95 and stretched out
 * ≈1.6–1.9 in the side view (b09); from the feet end (09) ≈0.6–1.0 in and only ≈0.8–1.5 out, because a
 * leg stretched toward the camera is foreshortened. So a knee is "in" at ≤ KNEE_IN, and out again at
 * ≥ KNEE_OUT or, as every counter does (counting/repCounter.ts), once it has moved the 0.15 of hysteresis away
 * from its closest point (the stretched-out end is not reached in 09's view); sides must alternate. A rep's side is the side of the knee drawn in (the opposite elbow comes to meet it).
 */
export const KNEE_IN = 1.1;
export const KNEE_OUT = 1.25;
/** A knee that came within this but not to KNEE_IN is a half-hearted reach (`no-contact`). */
export const NEAR_MISS = 1.2;
/** Wrist further than this from the nose (torso lengths) = hands not behind the head. 09's hands stay under 0.5. */
export const HANDS_OFF_HEAD = 0.8;
/**
 * The article asks to start slowly: over the first reps (START_REPS), touches coming on average closer together
 * than this (ms, the mean gap since the first touch) are too fast. The pace is the mean, not one gap: the moment
 * a touch is counted moves with the noise of the knee point (c18, silhouette: good reps counted 0.87 s apart on
 * Thunder, 0.53 and 0.67 s on BlazePose full, at a pace of ≈1.2–1.5 s a side). The mean over the first reps
 * reads, good clips, Thunder / BlazePose full: 09 ≥ 1.45 / ≥ 1.47, b09 ≥ 1.66 / ≥ 1.73, c18 1.10 / 0.93; b09
 * played 3× faster (the planted rushed start) 0.55–0.6. Left out by source: without c18 a threshold midway
 * (≈1.0) would flag c18 on BlazePose, so c18 is needed to place it; 0.75 s keeps 0.18 s (BlazePose) and 0.35 s
 * (Thunder) from c18 and 0.15 s from the rushed start. (BlazePose lite counts two touches 0.53 s apart at the
 * start of 09, a double count this rule still calls too fast.)
 */
export const START_REPS = 4;
export const START_MIN_GAP_MS = 750;
/**
 * On the back: the trunk within this of the horizontal. The shoulders are off the floor in a bicycle, and
 * some do it sitting well up: c18 holds the trunk at ≈55–65° (leaning back on the buttocks, feet off the
 * floor). Sitting or standing upright reads 75–90°.
 */
export const LYING_MAX_DEG = 70;
/**
 * The body's size in the picture (px) for the bicycle's distances: the torso, or where the torso is seen end-on
 * and shortened (from the feet), the shoulders' width over WIDTH_PER_TORSO. Upright people facing the camera read
 * 0.36–0.85 shoulder widths per torso (b01, b02, b03, c01, c02, c03: the most, 0.85, taken so that no view seen
 * side-on or facing the camera changes: 09, b09 and c18 read at most 0.77); from the feet 1.06–2.9.
 */
export const WIDTH_PER_TORSO = 0.85;
export function bodyScale(b: Body): number {
  const w =
    b.ok[KP.left_shoulder] === 1 && b.ok[KP.right_shoulder] === 1
      ? Math.hypot(
          (b.x[KP.left_shoulder] as number) - (b.x[KP.right_shoulder] as number),
          (b.y[KP.left_shoulder] as number) - (b.y[KP.right_shoulder] as number),
        )
      : 0;
  return Math.max(b.torso > 0 ? b.torso : 0, w / WIDTH_PER_TORSO);
}

const SH = { x: 0, y: 0 };
/** Knee distance from the shoulder midpoint, in body sizes (bodyScale: torso lengths but from the feet); null when unknown. */
export function kneeIn(b: Body, side: Side): number | null {
  const k = jointIndex(side, 'knee'),
    sc = bodyScale(b);
  if (b.ok[k] !== 1 || !(b.torso > 0) || !(sc > 0) || !mid(b, 'shoulder', SH)) return null;
  return Math.hypot((b.x[k] as number) - SH.x, (b.y[k] as number) - SH.y) / sc;
}

/**
 * Lying on the back seen end-on, from the feet: the trunk runs away from the camera, so in the picture it stands up
 * from the hips like a person sitting (issue 17: "Lie on your back, hands behind your head" said to a person lying
 * on the back, 0 of 10 touches counted). Measured by scripts/study/bicycleEndOn.ts, per frame whose trunk looks
 * upright, as the engine sees the streams: views from the feet constructed from b09 and c18's world points
 * (test-fixtures/constructed/bicycle-feet-view_*: a camera 2.2 m past the hips, 0.5 m up; 0.35 and 0.8 m were also
 * tried) against every recorded person whose trunk looks upright (seated or standing, facing the camera or side-on,
 * and bent over seen from the front):
 * - BlazePose's world points say it directly: the trunk's share pointing away from the camera (hips to shoulders,
 *   z over length) is ≥ END_ON_AWAY. From the feet 0.48–0.68 (c18, lying back at ≈60°) and 0.94–0.99 (b09); upright
 *   people at most 0.23 (c02; b01 0.18), bent-over ones toward the camera (e16, e21 ≤ −0.81). Midway between 0.23
 *   and 0.48: margins +0.12 / +0.13. Only two end-on sources, both constructed: with c18 left out the midway
 *   (0.58) would miss most of c18's frames, so the lying-back-at-60° case rests on c18 alone.
 * - In the picture (MoveNet) a trunk seen end-on is short against its shoulders: shoulder width over torso
 *   ≥ END_ON_WIDE (b09 from the feet ≥ 1.57; upright people facing the camera ≤ 0.98, b01), with the ankles not below
 *   the hips by more than LEGS_DOWN shoulder widths (from the feet at most 0.86; seated on a chair or standing,
 *   facing the camera, ≥ 1.33 but c01, a stop-motion chair clip, from 0.66; the bent-over e16 and e21, whose trunk is
 *   short too, ≥ 1.0), and pointing at the camera: the ankles within LEGS_ASIDE body sizes of the hips across the
 *   picture (from the feet at most 0.78; seated side-on with the legs out, 28 and b06, ≥ 0.94, their 10th
 *   percentile 1.13). A forearm plank seen head-on (c14) passes too: a plank is not a bicycle's risk.
 * Where the picture cannot tell (MoveNet: a trunk looking upright, not that short, the legs raised toward the
 * camera: c18 from the feet reads 0.34–0.94, as a person sitting up facing the camera would) the coach says so and
 * asks for the camera at the side (posture `why`: bicycle.endOn) instead of telling a person lying down to lie down.
 */
export const END_ON_AWAY = 0.35;
export const END_ON_WIDE = 1.2;
export const LEGS_DOWN = 1.0;
export const LEGS_ASIDE = 0.95;

/** The trunk's share pointing away from the camera in world points (−1…1), null without them. */
export function trunkAway(b: Body): number | null {
  const { ls, rs, lh, rh } = W;
  if (b.wok[ls] !== 1 || b.wok[rs] !== 1 || b.wok[lh] !== 1 || b.wok[rh] !== 1) return null;
  const d = (a: Float64Array) => ((a[ls] as number) + (a[rs] as number) - (a[lh] as number) - (a[rh] as number)) / 2;
  const n = Math.hypot(d(b.wx), d(b.wy), d(b.wz));
  return n > 0 ? d(b.wz) / n : null;
}

/**
 * Where the ankles lie against the hips in the picture: how far below them (shoulder widths; negative above) and how
 * far to the side (body sizes, bodyScale); null when the hips, shoulders or both ankles are unseen.
 */
export function legsFromHips(b: Body): { below: number; aside: number } | null {
  const { ls, rs, lh, rh } = W,
    la = KP.left_ankle,
    ra = KP.right_ankle;
  if (b.ok[ls] !== 1 || b.ok[rs] !== 1 || b.ok[lh] !== 1 || b.ok[rh] !== 1) return null;
  const n = (b.ok[la] === 1 ? 1 : 0) + (b.ok[ra] === 1 ? 1 : 0);
  if (n === 0) return null;
  const ax = ((b.ok[la] === 1 ? (b.x[la] as number) : 0) + (b.ok[ra] === 1 ? (b.x[ra] as number) : 0)) / n;
  const ay = ((b.ok[la] === 1 ? (b.y[la] as number) : 0) + (b.ok[ra] === 1 ? (b.y[ra] as number) : 0)) / n;
  const sw = Math.hypot((b.x[ls] as number) - (b.x[rs] as number), (b.y[ls] as number) - (b.y[rs] as number)),
    sc = bodyScale(b);
  if (!(sw > 0) || !(sc > 0)) return null;
  return {
    below: (ay - ((b.y[lh] as number) + (b.y[rh] as number)) / 2) / sw,
    aside: Math.abs(ax - ((b.x[lh] as number) + (b.x[rh] as number)) / 2) / sc,
  };
}

/** Lying on the back seen end-on from the feet: true, false, or null when the picture cannot tell. */
export function endOn(b: Body): boolean | null {
  const away = trunkAway(b);
  if (away !== null) return away >= END_ON_AWAY;
  // Legs below the hips (sitting on a chair, standing), off to one side (sitting side-on, legs out), or unseen: the
  // picture tells this is not a bicycle filmed from the feet.
  const legs = legsFromHips(b);
  if (!legs || legs.below > LEGS_DOWN || legs.aside > LEGS_ASIDE) return false;
  const wide = shoulderWidth(b);
  return wide !== null && wide >= END_ON_WIDE ? true : null;
}

function lying(b: Body): boolean {
  const t = trunkToHorizontal(b);
  if (t === null) return false;
  return t <= LYING_MAX_DEG || endOn(b) === true;
}

/** Why the posture is not taken: a view from the feet the picture cannot judge, else the set-up line (lie down). */
function lyingWhy(b: Body): string | null {
  const t = trunkToHorizontal(b);
  return t !== null && t > LYING_MAX_DEG && endOn(b) === null ? 'bicycle.endOn' : null;
}

/**
 * `no-contact` is a claim that the elbow did not meet the knee. It is made on two kinds of reach:
 * - a knee drawn in that no witness went with (a `refused` top: no elbow met it, the trunk never turned; see
 *   TURN_MIN), from the REFUSED_RUN-th such reach in a row, while the shoulder line is seen, and not within
 *   REACH_MS after a counted touch (from the feet both knees come up to the chest at a touch: 09 BlazePose full
 *   offers the other knee at 4.0 s, 0.5 s after the touch at 3.5 s). One reach alone is not a pattern: a witness
 *   missed once among counted touches (b09's leg close-ups, where the models invent the trunk they cannot see)
 *   says nothing to the person;
 * - a knee that stopped short of the touch (came within NEAR_MISS but not KNEE_IN). A reach whose knee did come
 *   within KNEE_IN but was seen there too briefly to count (the counter's top not held minTopMs) is not a miss:
 *   the knee got there and the point was lost (c18, Thunder: 1.04–1.09 for one frame at 2.2, 5.0 and 6.2 s).
 * Neither within REACH_MS of a camera cut or a jump of the whole view (the distance before and after is not one
 * measure: c18 BlazePose full, whose silhouette points jump, 0–0.27 s before its three near misses; b09's leg
 * close-ups), nor while the shoulders, hips or knees lie at the picture's edge (CROP_EDGE: the trunk is cut off, so
 * torso lengths are not measured: b09's close-ups at 7.3–12.4 s put a shoulder at the bottom edge).
 * REACH_MS: one side's reach lasts ≈0.8–1.2 s at the demo pace (b09, 09).
 */
export const REFUSED_RUN = 2;
export const REACH_MS = 1000;
export const CROP_EDGE = 0.03;
const CROP_POINTS = [KP.left_shoulder, KP.right_shoulder, KP.left_hip, KP.right_hip, KP.left_knee, KP.right_knee];

function cropped(b: Body): boolean {
  const ex = b.width * CROP_EDGE,
    ey = b.height * CROP_EDGE;
  if (!(b.width > 0) || !(b.height > 0)) return false;
  for (const i of CROP_POINTS) {
    if (b.ok[i] !== 1) continue;
    const x = b.x[i] as number,
      y = b.y[i] as number;
    if (x < ex || x > b.width - ex || y < ey || y > b.height - ey) return true;
  }
  return false;
}

/**
 * The witnesses of a touch (issue 17: a touch counted on the knee alone praised a bicycle whose elbows never left
 * the head, and live it said "Set complete. Well done."). A knee drawn in is a touch only once one of them is seen.
 * Measured by scripts/study/bicycleWitness.ts, as the engine sees the streams, on the real bicycles (09 from the feet,
 * b09 and c18 side-on; Thunder and BlazePose full) and on bicycles without contact constructed from them
 * (test-fixtures/constructed/bicycle-no-contact_*: the same legs, the trunk square, the elbows by the head, 0.015
 * torso lengths of noise on the frozen points); each threshold placed midway between the two with each source
 * (klarfit, slayercampo, harish) left out in turn, and its margin read on the source left out:
 *
 * 1. The trunk turned: the shoulder line (right shoulder minus left) moved at least TURN_MIN torso lengths in the
 *    picture since the last touch counted (at most TURN_SPAN_MS back), or TURN_MIN_3D in BlazePose's world points
 *    (metres over the world torso). A bicycle's touch turns the trunk toward the knee and the next turns it back, so
 *    the line swings from side to side; seen from the side the shoulders slide along the body, from the feet the line
 *    tilts; the distance it moved reads both. A trunk kept square does not move it.
 *    Picture, best within ±0.4 s of each touch seen arriving: 0.43–0.77 (b09), 0.46–0.60 (09), 0.36–1.03 (c18, the
 *    0.36 its last, partial touch; 0.48 else) on Thunder, 0.41–0.85 on BlazePose full; the constructed streams at
 *    most 0.16 (feet), 0.06 (side), 0.07 (silhouette). Left out by source the threshold lands at 0.22–0.30 with
 *    margins ≥ +0.07 (touches) and ≥ +0.05 (no contact); TURN_MIN 0.3 keeps +0.06 from c18's partial touch (+0.13
 *    from the next weakest) and +0.14 from the feet stream.
 *    World: 0.57–1.16 on touches (0.57 c18's partial one), at most 0.13–0.15 without; left out 0.35–0.44, margins
 *    ≥ +0.13 / ≥ +0.21; TURN_MIN_3D 0.4 keeps +0.17 / +0.25.
 * 2. The elbow met the opposite knee, in BlazePose's world points: a knee within CONTACT_3D (metres over the world
 *    torso) of the other side's elbow, a meeting begun since the last touch and seen within CONTACT_RECENT_MS. On the
 *    knees the catalog names (09 side B, b09's near knee): 0.16–0.25 (09), 0.44–0.51 (b09); without contact at
 *    least 1.08 (feet), 1.43 (side), 1.26 (silhouette). Left out 0.67–0.89, margins ≥ +0.15 / ≥ +0.19; 0.9 keeps
 *    +0.39 / +0.18. In the picture the same distance does not hold: from the feet the knee drawn in lies over the
 *    chest, 0.53 torso lengths from an elbow kept by the head, and with 09 left out the threshold (0.59, from b09's
 *    0.21 against 0.96) calls that contact (margin −0.06); so MoveNet's touches rest on the turn alone (on these
 *    clips the picture's contact added no touch the turn had not).
 *
 * The side of a touch is the witness's, not the knee's label (in silhouette the model swaps the near and far knee,
 * c18; a kept-aside side view went 61 touches left, 0 right). After a touch, the next one's turn is compared with
 * that touch's: the other way is the other side (a bicycle turns back and forth); the same way is the last touch's
 * turn still going, or, after SAME_SIDE_MS, the same side again because the touch between was not seen (see
 * SAME_WAY_COS). This needs neither labels nor a view: it holds side-on, from the feet and in silhouette. The first
 * touch (or the first after a pause of ALTERNATE_RESET_MS) takes the way the trunk turned along its axis when seen
 * from the side (+: the right shoulder toward the hips, a turn toward the left knee; not from the feet, where the
 * shoulder rising off the floor moves the other way in the picture), else the knee drawn in. Contact alone names
 * the knee it met.
 */
export const TURN_MIN = 0.3;
export const TURN_MIN_3D = 0.4;
/** The slowest catalogued pace touches every ≈2 s (b09); a turn older than the last touch or than this is not this touch's. */
export const TURN_SPAN_MS = 2500;
export const CONTACT_3D = 0.9;
/** A meeting of knee and elbow counts for a top reached up to this long after it (the elbow may arrive first). */
export const CONTACT_RECENT_MS = 500;
export const ALONG_SHARE = 0.5;
/**
 * Two touches on one side in a row need one on the other side between them, so they are at least two touches apart:
 * ≥ 2.4 s at the fastest catalogued pace (c18, ≈1.2 s a side). Measured: the real case (09 BlazePose full, the left
 * knee lost at 6.6 s) 2.66 s; a touch whose turn read the same way as the last one's in silhouette (c18 Thunder, 4.9
 * and 6.9 s, truly the other side) 2.06 s.
 */
export const SAME_SIDE_MS = 2400;
/**
 * A turn reading the same way as the last touch's (cosine of the two moves of the shoulder line) at least this much
 * is clearly the same way. Same way: 0.95–0.98 (c18 BlazePose full at 3.7 s, 09 BlazePose full at 7.7 s); the other
 * way: −0.61…−1.0 on every alternation of 09, b09 and c18; one rough silhouette reading of the other side at +0.71
 * (c18 Thunder, 6.9 s), which then counts as the other side.
 */
export const SAME_WAY_COS = 0.85;
/**
 * The picture's torso changing by more than this factor from one frame it is seen to the next is a change of view
 * (the shoulder line's history starts again, and the view is unsure for REACH_MS). b09's cuts read ×2.15–2.45 (to
 * the leg close-ups at 7.28 s) and ×0.56–0.68 (back at 12.44 s); within one view at most ×1.2 (b09 Thunder, its
 * close-ups; 09 and c18 ×1.14), on all four models.
 */
export const VIEW_SCALE = 1.35;

/** How many readings of the shoulder line the bicycle keeps (TURN_SPAN_MS at up to 60 frames a second). */
const LINE_KEEP = 160;

/**
 * What the bicycle remembers: the first and the last touch's time (NaN / -Infinity = none yet); how many tops in a row
 * were refused; the last time the view was cut or the body cropped at the picture's edge (-Infinity = never); the
 * shoulder line's recent readings (a ring: time, picture x/y, world x/y/z with NaN when unknown); when each knee last
 * met the other side's elbow, and when that meeting began; when the shoulder line was last seen.
 */
interface BicycleMemory {
  firstTouch: number;
  lastTouch: number;
  refusedRun: number;
  unsureView: number;
  line: {
    t: Float64Array;
    x: Float64Array;
    y: Float64Array;
    wx: Float64Array;
    wy: Float64Array;
    wz: Float64Array;
    n: number;
    head: number;
  };
  contactT: { left: number; right: number };
  contactStart: { left: number; right: number };
  lineSeenT: number;
  /** The picture's torso on the last frame it was seen (px), 0 before. */
  torsoPx: number;
  /** At the last touch counted: the shoulder line's turn that led to it, and the line then (picture, world; null unknown). */
  touchTurnP: number[] | null;
  touchLineP: number[] | null;
  touchTurnW: number[] | null;
  touchLineW: number[] | null;
}

const memory = (): BicycleMemory => ({
  firstTouch: NaN,
  lastTouch: -Infinity,
  refusedRun: 0,
  unsureView: -Infinity,
  line: {
    t: new Float64Array(LINE_KEEP),
    x: new Float64Array(LINE_KEEP),
    y: new Float64Array(LINE_KEEP),
    wx: new Float64Array(LINE_KEEP),
    wy: new Float64Array(LINE_KEEP),
    wz: new Float64Array(LINE_KEEP),
    n: 0,
    head: 0,
  },
  contactT: { left: -Infinity, right: -Infinity },
  contactStart: { left: -Infinity, right: -Infinity },
  lineSeenT: -Infinity,
  torsoPx: 0,
  touchTurnP: null,
  touchLineP: null,
  touchTurnW: null,
  touchLineW: null,
});

const W = { ls: KP.left_shoulder, rs: KP.right_shoulder, lh: KP.left_hip, rh: KP.right_hip };
/** World torso (shoulder midpoint to hip midpoint, metres); NaN when a point is unknown. */
function worldTorso(b: Body): number {
  const { ls, rs, lh, rh } = W;
  if (b.wok[ls] !== 1 || b.wok[rs] !== 1 || b.wok[lh] !== 1 || b.wok[rh] !== 1) return NaN;
  const d = (a: Float64Array) => ((a[ls] as number) + (a[rs] as number) - (a[lh] as number) - (a[rh] as number)) / 2;
  return Math.hypot(d(b.wx), d(b.wy), d(b.wz));
}

/** The torso in the picture this frame (shoulder midpoint to hip midpoint, px); 0 when a point is unknown. */
function pictureTorso(b: Body): number {
  const { ls, rs, lh, rh } = W;
  if (b.ok[ls] !== 1 || b.ok[rs] !== 1 || b.ok[lh] !== 1 || b.ok[rh] !== 1) return 0;
  return Math.hypot(
    ((b.x[ls] as number) + (b.x[rs] as number) - (b.x[lh] as number) - (b.x[rh] as number)) / 2,
    ((b.y[ls] as number) + (b.y[rs] as number) - (b.y[lh] as number) - (b.y[rh] as number)) / 2,
  );
}

/** A knee's distance to the other side's elbow: world (metres over the world torso) when given, else picture (torso lengths, for the study). */
export function kneeReach(b: Body, knee: Side, wt = worldTorso(b)): { d: number; world: boolean } | null {
  const k = jointIndex(knee, 'knee'),
    e = jointIndex(otherSide(knee), 'elbow');
  if (wt > 0 && b.wok[k] === 1 && b.wok[e] === 1) {
    return {
      d:
        Math.hypot(
          (b.wx[k] as number) - (b.wx[e] as number),
          (b.wy[k] as number) - (b.wy[e] as number),
          (b.wz[k] as number) - (b.wz[e] as number),
        ) / wt,
      world: true,
    };
  }
  const d = dT(b, k, e);
  return d === null ? null : { d, world: false };
}

/** Reads this frame's witnesses into the memory (the metric calls it once a frame). */
function see(b: Body, m: BicycleMemory, t: number): void {
  const L = m.line;
  // A change of view (a camera cut): the shoulder line before it is another picture's; start again.
  const tor = pictureTorso(b);
  if (tor > 0) {
    if (m.torsoPx > 0 && Math.abs(Math.log(tor / m.torsoPx)) > Math.log(VIEW_SCALE)) {
      L.n = 0;
      m.unsureView = t;
    }
    m.torsoPx = tor;
  }
  const wt = worldTorso(b);
  for (const s of ['left', 'right'] as const) {
    const r = kneeReach(b, s, wt);
    if (!r || !r.world || r.d > CONTACT_3D) continue;
    // A contact that begins (none in the CONTACT_RECENT_MS before): a new meeting of that knee and elbow.
    if (t - m.contactT[s] > CONTACT_RECENT_MS) m.contactStart[s] = t;
    m.contactT[s] = t;
  }
  const { ls, rs } = W;
  const seen = b.ok[ls] === 1 && b.ok[rs] === 1 && b.torso > 0;
  const world = wt > 0;
  if (!seen && !world) return;
  m.lineSeenT = t;
  const i = L.head;
  L.t[i] = t;
  L.x[i] = seen ? ((b.x[rs] as number) - (b.x[ls] as number)) / b.torso : NaN;
  L.y[i] = seen ? ((b.y[rs] as number) - (b.y[ls] as number)) / b.torso : NaN;
  L.wx[i] = world ? ((b.wx[rs] as number) - (b.wx[ls] as number)) / wt : NaN;
  L.wy[i] = world ? ((b.wy[rs] as number) - (b.wy[ls] as number)) / wt : NaN;
  L.wz[i] = world ? ((b.wz[rs] as number) - (b.wz[ls] as number)) / wt : NaN;
  L.head = (i + 1) % LINE_KEEP;
  if (L.n < LINE_KEEP) L.n++;
}

/**
 * How the shoulder line turned since some moment: how far (the largest distance between its latest reading and any
 * since), the move itself (latest minus that farthest reading), and the latest and farthest readings. Torso lengths
 * in the picture, or metres over the world torso in BlazePose's world points.
 */
export interface Turn {
  readonly turn: number;
  readonly d: readonly number[];
  readonly now: readonly number[];
  readonly far: readonly number[];
}

/** The shoulder line's turn since `from` (ms), in the picture or the world points; null when the latest reading lacks it. */
export function trunkTurned(m: Readonly<BicycleMemory>, from: number, world: boolean): Turn | null {
  const L = m.line;
  if (L.n === 0) return null;
  const last = (L.head + LINE_KEEP - 1) % LINE_KEEP;
  const X = world ? L.wx : L.x,
    Y = world ? L.wy : L.y,
    Z = world ? L.wz : null;
  const now = [X[last] as number, Y[last] as number, Z ? (Z[last] as number) : 0];
  if (!Number.isFinite(now[0] as number)) return null;
  let best = 0,
    far = now;
  for (let k = 1; k < L.n; k++) {
    const i = (last - k + LINE_KEEP) % LINE_KEEP;
    if ((L.t[i] as number) < from) break;
    const q = [X[i] as number, Y[i] as number, Z ? (Z[i] as number) : 0];
    if (!Number.isFinite(q[0] as number)) continue;
    const d = dist(now, q);
    if (d > best) {
      best = d;
      far = q;
    }
  }
  return { turn: best, d: now.map((v, i) => v - (far[i] as number)), now, far };
}

const dist = (p: readonly number[], q: readonly number[]) => Math.hypot(...p.map((v, i) => v - (q[i] as number)));
const dot = (p: readonly number[], q: readonly number[]) => p.reduce((a, v, i) => a + v * (q[i] as number), 0);

/**
 * Which way a turn went, by its part along the trunk (the trunk's axis now, hips to shoulders): 'left' when the right
 * shoulder went toward the hips (a turn toward the left knee, as a side view shows it), 'right' the other way, null
 * when that part is under ALONG_SHARE of the threshold. Not from the feet: there the shoulder rising off the floor
 * moves it the other way in the picture.
 */
function turnSide(b: Body, tr: Turn, world: boolean, min: number): Side | null {
  const u = trunkAxis(b, world);
  if (!u) return null;
  const along = -dot(tr.d, u);
  return Math.abs(along) < ALONG_SHARE * min ? null : along > 0 ? 'left' : 'right';
}

/** The trunk's axis (hip midpoint to shoulder midpoint, unit), in world points or in the picture; null when unknown. */
function trunkAxis(b: Body, world: boolean): [number, number, number] | null {
  const { ls, rs, lh, rh } = W;
  const [x, y, z, ok] = world ? [b.wx, b.wy, b.wz, b.wok] : [b.x, b.y, null, b.ok];
  if (ok[ls] !== 1 || ok[rs] !== 1 || ok[lh] !== 1 || ok[rh] !== 1) return null;
  const d = (a: Float64Array) => ((a[ls] as number) + (a[rs] as number) - (a[lh] as number) - (a[rh] as number)) / 2;
  const v: [number, number, number] = [d(x), d(y), z ? d(z) : 0];
  const n = Math.hypot(...v);
  return n > 0 ? [v[0] / n, v[1] / n, v[2] / n] : null;
}

/** The bicycle's witness of a touch (TouchWitness): see the comment above TURN_MIN. */
function witness(f: CountFrame<BicycleMemory>, top: { readonly side?: Side | undefined }, last: LastTouch): TopVerdict {
  const m = f.ctx.mem,
    t = f.t;
  // Not bounded by camera cuts: the engine's cut detector also fires on a jump of the shoulders' width, which is
  // what a bicycle's own turn does (c18: 'cuts' at 2.2, 3.2, 4.9 s on BlazePose full).
  const from = Math.max(last.t, t - TURN_SPAN_MS);
  const p = trunkTurned(m, from, false),
    w = trunkTurned(m, from, true);
  const turnedP = p !== null && p.turn >= TURN_MIN,
    turnedW = w !== null && w.turn >= TURN_MIN_3D;
  const met = top.side !== undefined && m.contactStart[top.side] > last.t && m.contactT[top.side] >= t - CONTACT_RECENT_MS;
  if (!turnedP && !turnedW && !met) return 'wait';
  const world = turnedW;
  const tr = world ? w : turnedP ? p : null,
    min = world ? TURN_MIN_3D : TURN_MIN;
  const recent = last.side !== null && t - last.t < ALTERNATE_RESET_MS;
  if (tr && recent) {
    // Against the last touch's turn: the other way is the other side. The same way again is either the last
    // touch's turn still going (the trunk has not gone anywhere since: counted before it got all the way round, c18
    // Thunder at 0.8 and 1.5 s) or, if the trunk went away and came back at least SAME_SIDE_MS after the last touch,
    // the same side again (the touch between was not seen: 09 BlazePose full, the left knee lost at 6.6 s); sooner
    // than that it is the other side (in silhouette the line's readings are rough: c18 Thunder at 6.9 s).
    const prev = world ? m.touchTurnW : m.touchTurnP,
      at = world ? m.touchLineW : m.touchLineP;
    const cos = prev && Math.hypot(...prev) >= min / 2 ? dot(tr.d, prev) / (Math.hypot(...tr.d) * Math.hypot(...prev) || 1) : -1;
    if (cos > 0) {
      // Not gone anywhere since the last touch: its turn still going.
      if (!at || dist(tr.far, at) < min) return 'refuse';
      // Gone away and back, two touches' time after the last: the same side again; sooner, clearly the same way is
      // the same side in a row (not a touch), a rougher reading the other side.
      if (t - last.t >= SAME_SIDE_MS) return { side: last.side as Side };
      if (cos >= SAME_WAY_COS) return 'refuse';
    }
    return { side: otherSide(last.side as Side) };
  }
  // The first touch (or the first after a pause): the way the trunk turned, seen side-on; else the knee drawn in.
  if (tr && endOn(f.b) !== true) {
    const side = turnSide(f.b, tr, world, min);
    if (side) return { side };
  }
  // Contact alone names the knee it met; the same knee as the last touch again, without a turn, waits for one.
  return recent && top.side === last.side ? 'wait' : { side: top.side ?? 'left' };
}

/** At a touch counted: the shoulder line's turn that led to it, and where the line was (for the next touch's side). */
function rememberTouchTurn(m: BicycleMemory, t: number): void {
  const from = Math.max(m.lastTouch, t - TURN_SPAN_MS);
  const p = trunkTurned(m, from, false),
    w = trunkTurned(m, from, true);
  m.touchTurnP = p ? p.d.slice() : null;
  m.touchLineP = p ? p.now.slice() : null;
  m.touchTurnW = w ? w.d.slice() : null;
  m.touchLineW = w ? w.now.slice() : null;
}

export const bicycle = defineExercise({
  id: 'bicycle',
  name: 'Bicycle crunch',
  group: 'strength',
  instructions: [
    'Lie on your back with your fingertips behind your head.',
    'Lift your shoulders a little and bring one knee in.',
    'Turn so the opposite elbow meets that knee, then switch sides.',
    'Start slowly; speed up only once it feels easy.',
  ],
  view: 'any',
  // One knee is enough: in a bicycle the legs cross and one knee is often hidden or merged with the other.
  required: ['shoulder', 'knee', 'hip'],
  posture: { check: lying, why: lyingWhy },
  counter: alternating({
    reps: { direction: 'down', enter: KNEE_IN, exit: KNEE_OUT, partialMin: NEAR_MISS, minTopMs: 60 },
    sideMetric: kneeIn,
    // A knee drawn in is a touch only once the elbow met it or the trunk turned, and the witness names its side.
    witness,
  }),
  memory,
  measure: (b, ctx) => {
    const t = ctx.t ?? b.t;
    if (cropped(b)) ctx.mem.unsureView = t;
    if (ctx.cutT !== undefined && ctx.cutT > ctx.mem.unsureView) ctx.mem.unsureView = ctx.cutT;
    see(b, ctx.mem, t);
    return betterOfSides(kneeIn(b, 'left'), kneeIn(b, 'right'), 'min');
  },
  // Knee to shoulders, from drawn in (KNEE_IN) to stretched out.
  metric: { label: 'knee to shoulders', unit: 'torso lengths', span: [0.5, 2] },
  checks: [
    (b) => {
      if (b.ok[KP.nose] !== 1) return null;
      let worst = 0;
      for (const s of ['left', 'right'] as const) {
        const w = jointIndex(s, 'wrist'),
          sc = bodyScale(b);
        const d =
          b.ok[w] === 1 && sc > 0
            ? Math.hypot((b.x[w] as number) - (b.x[KP.nose] as number), (b.y[w] as number) - (b.y[KP.nose] as number)) / sc
            : null;
        if (d !== null && d > worst) worst = d;
      }
      return worst > HANDS_OFF_HEAD ? finding('hands-off-head', 'major', both('wrist', 'elbow')) : null;
    },
  ],
  repChecks: [
    (r, ctx) => {
      // A knee drawn in that no elbow met and no turn of the trunk went with (the witness never came; judged only
      // where the shoulder line was seen), or a knee that stopped short of the touch.
      const refused =
        r.kind === 'refused' &&
        ctx.mem.refusedRun >= REFUSED_RUN - 1 &&
        ctx.t - ctx.mem.lineSeenT < REACH_MS &&
        ctx.t - ctx.mem.lastTouch >= REACH_MS;
      const short = r.kind === 'partial' && r.peak > KNEE_IN;
      if ((!refused && !short) || ctx.t - ctx.mem.unsureView < REACH_MS) return null;
      return finding('no-contact', 'minor', both('elbow', 'knee'));
    },
    (r, ctx) => {
      const first = ctx.mem.firstTouch;
      if (
        r.kind !== 'rep' ||
        Number.isNaN(first) ||
        r.index < 2 ||
        r.index > START_REPS ||
        (ctx.t - first) / (r.index - 1) >= START_MIN_GAP_MS
      )
        return null;
      return finding('too-fast', 'minor', both('elbow', 'knee'));
    },
  ],
  rememberRep: (r, ctx) => {
    if (r.kind === 'refused') ctx.mem.refusedRun++;
    if (r.kind !== 'rep') return;
    ctx.mem.refusedRun = 0;
    rememberTouchTurn(ctx.mem, ctx.t);
    if (Number.isNaN(ctx.mem.firstTouch)) ctx.mem.firstTouch = ctx.t;
    ctx.mem.lastTouch = ctx.t;
  },
  defaults: { reps: 10, sets: 2, restSec: 45 },
  card: { gear: [['mat']], camera: 'either' },
  demo: { clip: 'b09_bicycle_crunch_side_slayercampo', from: 0.0, to: 3.8, why: 'side view: elbow to opposite knee, both sides' },
  faultIds: ['hands-off-head', 'no-contact', 'too-fast'],
  words: {
    posture: 'Lie on your back, hands behind your head',
    faults: {
      'hands-off-head': 'Keep your hands behind your head',
      'no-contact': 'Turn so your elbow meets the opposite knee',
      'too-fast': 'Start slowly',
    },
    guide: {
      'bicycle.start': 'Bring one knee in toward the opposite elbow',
      'bicycle.further': 'Draw the knee right in',
      'bicycle.endOn': 'From your feet I cannot tell you are lying down. Put the camera at your side',
    },
  },
});
