// Hamstring stretch: sitting with one leg straight and the other folded in, reaching toward the
// straight leg's toes. Held per leg.
import { jointIndex, type Body, type Side } from '../geometry';
import { defineExercise, type CheckContext } from './types';
import { holdPerSide } from '../counting/holdPerSide';
import { angleOn, dT, finding, mid, names, shoulderWidth, trunkFromVertical, unsure } from './common';
import { rate, updateRate, type Rate } from './steady';

/** Extended knee: straighter than this (°). Physio convention for a long-sitting hamstring stretch (knee flat); 28's straight leg reads 166–178°. */
export const KNEE_STRAIGHT = 155;
/**
 * Under this (°) the straight leg is bent (knee-bent); between it and KNEE_STRAIGHT a reading is in the band of doubt
 * (timed, not judged). Straight legs in a held fold read down to 150° (5th percentile: BlazePose lite on c08's deepest
 * fold, its near knee 144–163°; every other model and source 162° and over: 28's holds, c08's folds); the planted bend
 * (28, faultFinding.test) reads 135–141°.
 */
export const KNEE_BENT = 145;
/**
 * The folded leg's knee under this (°): 28's folded knee reads 35–46° where it is seen; 110 leaves room for
 * a leg only half folded, and sets the floor of the knee-bent range (a knee at 110–155° is the straight
 * leg sagging, not the folded one).
 */
export const KNEE_FOLDED = 110;
/**
 * A forward hinge of at least this (° from vertical) is a stretch. 28 (side view, Thunder): sitting tall
 * while talking 0–7°, the one-arm demonstration reach at 13.5–15 s ≤ 10°, the PT's sustained mild stretch
 * 22–26°, her deep reach at 21.9–23 s 24–30°.
 */
export const STRETCH_HINGE_MIN = 18;
/**
 * Reaching: the nearer hand within this share of the straight leg's length (hip → ankle) from its ankle.
 * 28: hands on the shin in the sustained stretch 0.55–0.62; hands on the hips while explaining (23–25 s)
 * ≈1.0; the deep reach to the toes 0.2–0.3. Past the middle of the leg (0.75) counts as reaching.
 */
export const REACH_MAX = 0.75;
/**
 * Held = the hinge changes slower than this (°/s, smoothed). 28: leaning in and sitting up run at
 * 20–50°/s; the sustained stretch under 4°/s. 15 keeps the lag of the smoothing short (held seconds within 1 s of the frames on both models). A bounce is not a hold.
 */
export const STILL_DEG_S = 15;
/**
 * Seated (on the floor or at the edge of a chair), not standing: every knee the camera sees within this
 * height below its hip (torso lengths). Thunder: long sitting (28) and a chair with the legs out (c08)
 * 0–0.4; sitting on a chair with the knees bent (b01) 0.24–0.55; standing (b02) 0.82–1.0. The seed's stretch
 * is seated; standing (hands to the toes, or a heel up on a step) is told to sit down.
 */
export const SEATED_KNEE_DROP = 0.65;
/** Lying back: the trunk this far from upright (°) and pointing away from the feet (c07, supine: 90–95°). A seated fold leans toward the feet instead (c08: up to 75°). */
export const LYING_DEG = 70;

/**
 * Seen from the front (or obliquely), over this shoulder width (over the torso length), the picture does not show the
 * forward hinge as an angle: the trunk leans toward the camera. Side views read at most 0.40 (28, 95th percentile over
 * the four models) and 0.17 (c08); facing the camera 0.71–0.86 sitting tall and 0.95–1.42 folded (the constructed
 * front views of 28 and c08, tests/kit/worldPose.ts, cameras 0.15–1.0 m high).
 */
export const FRONT_SW = 0.45;
/** The forward hinge that counts as a stretch when seen from the front (°, hingeOf's reading): see hingeOf. */
export const FRONT_HINGE_MIN = 23;
/**
 * From the front, a leg out straight on the floor lies toward the camera: its shin drops little in the picture; a shin
 * hanging from a chair or standing drops its full length. The smaller shin drop (ankle below knee) over the shoulders'
 * width, on frames seen from the front: hanging (b01 and c03 on chairs, knees bent; b02 standing; 5th percentile, four
 * models) 0.99–1.20; legs out on the floor (the CONSTRUCTED front views of 28, cameras 0.15–0.45 m high; 95th
 * percentile) 0.69–0.90, 1.00 at 0.6 m and 1.23 at 1.0 m. A bent knee reads straight from the front when the thigh
 * points at the camera and the shin hangs (b01: 155–180°), so from the front the leg is taken as out only by this.
 */
export const FRONT_SHIN_DROP_MAX = 0.95;
function legsOut(b: Body): boolean {
  const sw = shoulderWidth(b);
  if (sw === null || !(b.torso > 0)) return false;
  let best = Infinity;
  for (const s of ['left', 'right'] as const) {
    const k = jointIndex(s, 'knee'), a = jointIndex(s, 'ankle');
    if (b.ok[k] === 1 && b.ok[a] === 1) best = Math.min(best, ((b.y[a] as number) - (b.y[k] as number)) / (sw * b.torso));
  }
  return best < FRONT_SHIN_DROP_MAX;
}

/** The hinge a stretch needs as this view reads it: STRETCH_HINGE_MIN side-on, FRONT_HINGE_MIN from the front. */
const hingeMin = (b: Body): number => (frontOn(b) ? FRONT_HINGE_MIN : STRETCH_HINGE_MIN);

/**
 * What the stretch remembers: how fast the hinge is changing, and each knee's last measured angle and when
 * (NaN = never), see KNEE_MEMORY_MS.
 */
interface HamstringMemory { hinge: Rate; kneeL: number; kneeLT: number; kneeR: number; kneeRT: number; torsoMax: number; cutT: number; recent: number[]; recentT: number[] }
type Ctx = CheckContext<HamstringMemory>;

/** Seen from the front or obliquely (FRONT_SW): the hinge is read from the trunk's foreshortening too, the reach not at all. */
function frontOn(b: Body): boolean {
  const w = shoulderWidth(b);
  return w !== null && w > FRONT_SW;
}

const FS = { x: 0, y: 0 }, FH = { x: 0, y: 0 };
/**
 * From the front a forward hinge shows as the torso foreshortening: the trunk's height in the picture (hip midpoint
 * to shoulder midpoint, vertical) against its longest length seen (sitting tall), hinge = acos(height / longest).
 * A lean toward a leg angled out to one side is in it too (the trunk tilts in the picture). Measured on the
 * CONSTRUCTED front views (28's held stretch, 28–33° of hinge in BlazePose's world points and 22–26° in Thunder's side
 * view; nine cameras 1.6–2.5 m ahead, 0.15–1.0 m high, up to 0.7 m to the side), read through the engine against the
 * longest torso held half a second (TORSO_SUSTAIN_MS): the held stretch reads 24–26° with the camera on the floor
 * (0.15 m; 5th–95th percentiles), 28–30° at 0.3 m, 35–38° at 0.6 m, 44–47° at 1.0 m; sitting tall while talking reads
 * 13–14° (medians; BlazePose's world points lean 4–16° there), its 95th percentiles 18–22° up to 0.6 m and 27° at 1.0 m.
 * c08 (a chair) sitting tall reads under 7°, its 40° still 16–51° (5th percentile to median). FRONT_HINGE_MIN = 23°
 * sits between sitting tall's highest 95th percentile up to 0.6 m (22°) and the floor camera's held 5th percentile
 * (24°): margins of a degree either way, on one constructed source: a mild fold seen from the front is at the edge of
 * what the picture shows, and a camera at 1.0 m can read sitting tall as a fold. A camera below the hips (c08 on a
 * chair filmed from 0.15–0.45 m) looks up the trunk and its 21° still reads 1–10°. Under FRONT_HINGE_MIN the coach
 * says it cannot see a lean toward it (hamstring-stretch.lean-front), fitting a person sitting tall and one folding a
 * little alike.
 *
 * The forward hinge (° from vertical) is the picture's trunk angle; from the front (frontOn) the larger of that and
 * this foreshortening reading. Moves the memory's longest torso on (reset at a camera cut).
 */
export const TORSO_SUSTAIN_MS = 500;
function hingeOf(b: Body, m: HamstringMemory, t: number, cutT = -Infinity): number | null {
  const v = trunkFromVertical(b);
  if (!mid(b, 'shoulder', FS) || !mid(b, 'hip', FH)) return v;
  if (cutT > m.cutT) { m.cutT = cutT; m.torsoMax = NaN; m.recent.length = 0; m.recentT.length = 0; }
  const len = Math.hypot(FS.x - FH.x, FS.y - FH.y), height = FH.y - FS.y;
  // The longest torso held for TORSO_SUSTAIN_MS (the shortest of the lengths over that time, at its largest): one
  // frame's outlier cannot set it (b01's first frame read 81 px, the next 17 s 63–69 px).
  m.recent.push(len); m.recentT.push(t);
  while (m.recentT.length > 0 && t - (m.recentT[0] as number) > TORSO_SUSTAIN_MS) { m.recent.shift(); m.recentT.shift(); }
  if (t - (m.recentT[0] as number) >= TORSO_SUSTAIN_MS * 0.8) {
    const held = Math.min(...m.recent);
    if (Number.isNaN(m.torsoMax) || held > m.torsoMax) m.torsoMax = held;
  }
  if (!frontOn(b) || !(m.torsoMax > 0)) return v;
  const fore = (Math.acos(Math.max(-1, Math.min(1, height / m.torsoMax))) * 180) / Math.PI;
  return v === null ? fore : Math.max(v, fore);
}

/** The knee angles, each null when unknown (with ctx: the last one measured within KNEE_MEMORY_MS). */
function knees(b: Body, ctx?: Ctx): { left: number | null; right: number | null } {
  return ctx ? { left: kneeAngle(b, 'left', ctx), right: kneeAngle(b, 'right', ctx) } : { left: angleOn(b, 'left', 'hip', 'knee', 'ankle'), right: angleOn(b, 'right', 'hip', 'knee', 'ankle') };
}
const folded = (k: number | null) => k !== null && k < KNEE_FOLDED;

/**
 * The stretched leg: the one out straight when the other is folded in; with both out (a fold over both legs, c08),
 * the one facing the camera. The far leg of a side view is half hidden and its points wander (BlazePose lite on
 * c08: 107–179° on a straight leg, its ankle placed a leg's length away): it is never preferred to the near one.
 */
function straightLeg(b: Body, ctx?: Ctx): Side | null {
  const k = knees(b, ctx);
  if (k.left !== null && !folded(k.left) && (k.right === null || folded(k.right))) return 'left';
  if (k.right !== null && !folded(k.right) && (k.left === null || folded(k.left))) return 'right';
  if (k.left !== null && k.right !== null) return folded(k.left) ? (k.left >= k.right ? 'left' : 'right') : b.side;
  return null;
}

/**
 * The straight knee's angle: with both legs out, the straighter reading (the far leg's wander must not raise
 * knee-bent on a straight pair); else the stretched leg's.
 */
function stretchedKnee(b: Body, ctx?: Ctx): number | null {
  const k = knees(b, ctx);
  if (k.left !== null && k.right !== null && !folded(k.left) && !folded(k.right)) return Math.max(k.left, k.right);
  const s = straightLeg(b, ctx);
  return s === null ? null : k[s];
}

/** Nearer hand's distance to a leg's ankle, as a share of that leg's hip → ankle length. */
function reachTo(b: Body, s: Side): number | null {
  const a = jointIndex(s, 'ankle');
  const leg = dT(b, jointIndex(s, 'hip'), a);
  const l = dT(b, jointIndex('left', 'wrist'), a), r = dT(b, jointIndex('right', 'wrist'), a);
  const d = l === null ? r : r === null ? l : Math.min(l, r);
  return d === null || leg === null || !(leg > 0.3) ? null : d / leg;
}

/** The reach: toward the nearer ankle of the legs out straight (not folded); null when none can be measured. */
function reach(b: Body, ctx?: Ctx): number | null {
  const k = knees(b, ctx);
  let best: number | null = null;
  for (const s of ['left', 'right'] as const) {
    if (k[s] === null || folded(k[s])) continue;
    const r = reachTo(b, s);
    if (r !== null && (best === null || r < best)) best = r;
  }
  return best;
}

/**
 * The side being stretched, when the straight leg is straight, the trunk hinged and still, and the hands reaching
 * (side-on; from the front the reach cannot be seen and is not asked, the rule is unsure).
 */
function heldLeg(b: Body, ctx: Ctx): Side | null {
  const s = straightLeg(b, ctx);
  const v = ctx.metric;
  if (s === null || v === null || v < hingeMin(b) || !(ctx.mem.hinge.rate < STILL_DEG_S)) return null;
  const k = stretchedKnee(b, ctx);
  if (k === null || k < KNEE_BENT) return null;
  if (frontOn(b)) return legsOut(b) ? s : null;
  const r = reach(b, ctx);
  return r !== null && r <= REACH_MAX ? s : null;
}

/**
 * The knee angle on side s, or the last one measured there within KNEE_MEMORY_MS: a knee or ankle lost
 * for a frame (28 at 26.4 s, Thunder) must not restart a hold that is plainly going on.
 */
export const KNEE_MEMORY_MS = 400;
function kneeAngle(b: Body, s: Side, ctx: Ctx): number | null {
  const k = angleOn(b, s, 'hip', 'knee', 'ankle');
  if (k !== null) return k;
  const m = ctx.mem;
  const last = s === 'left' ? m.kneeL : m.kneeR, at = s === 'left' ? m.kneeLT : m.kneeRT;
  return !Number.isNaN(last) && ctx.t - at <= KNEE_MEMORY_MS ? last : null;
}

/** Sitting, on the floor or on a chair, upright or folded forward: not standing and not lying back. */
function seated(b: Body): boolean {
  if (lyingBack(b)) return false;
  let known = false, low = false;
  for (const s of ['left', 'right'] as const) {
    const h = jointIndex(s, 'hip'), k = jointIndex(s, 'knee');
    if (b.ok[h] !== 1 || b.ok[k] !== 1 || !(b.torso > 0)) continue;
    known = true;
    if (((b.y[k] as number) - (b.y[h] as number)) / b.torso >= SEATED_KNEE_DROP) low = true;
  }
  // No knee seen (Lightning loses both under an arm crossing to the far knee, b01): not told to sit down; the
  // required-joints check asks for the legs instead.
  if (!known) return true;
  if (!low) return true;
  return frontOn(b) && thighsShort(b);
}

/**
 * Seen from the front, sitting with the legs out toward the camera foreshortens the thighs; standing shows them at
 * full length. The longer thigh (hip → knee, picture) over the shoulders' width: standing, facing the camera (b02,
 * c02, b03; 5th percentile, Thunder and BlazePose full) 0.94–1.60; sitting on the floor (the CONSTRUCTED front views of
 * 28, cameras 0.15–1.0 m high; 95th percentile) 0.55–0.86, on a chair (c08's, 0.15–0.45 m) 0.80–0.92. From the front
 * the knees of a seated person can read far below the hips (a chair, the legs out and down, the trunk folded and
 * foreshortened: c08 0.5–1.8 torso lengths), past SEATED_KNEE_DROP: the short thighs say seated then.
 */
export const FRONT_THIGH_SEATED = 0.9;
function thighsShort(b: Body): boolean {
  const sw = shoulderWidth(b);
  if (sw === null || !(b.torso > 0)) return false;
  let longest = 0;
  for (const s of ['left', 'right'] as const) {
    const h = jointIndex(s, 'hip'), k = jointIndex(s, 'knee');
    if (b.ok[h] === 1 && b.ok[k] === 1) longest = Math.max(longest, Math.hypot((b.x[k] as number) - (b.x[h] as number), (b.y[k] as number) - (b.y[h] as number)));
  }
  return longest > 0 && longest / (sw * b.torso) < FRONT_THIGH_SEATED;
}

function lyingBack(b: Body): boolean {
  const v = trunkFromVertical(b);
  if (v === null || v < LYING_DEG) return false;
  // Lying back puts the shoulders on the far side of the hips from the feet; a seated fold over the legs does not.
  if (!mid(b, 'hip', HP) || !mid(b, 'shoulder', SH) || !mid(b, 'ankle', AN)) return true;
  return Math.sign(SH.x - HP.x) !== Math.sign(AN.x - HP.x);
}
const HP = { x: 0, y: 0 }, SH = { x: 0, y: 0 }, AN = { x: 0, y: 0 };

/** Why the hold is not running (a guide id of its `words.guide`): the first missing part of the stretch. */
function hamstringGuide(b: Body, ctx: Ctx): string | null {
  const k = stretchedKnee(b, ctx);
  if (k === null || k < KNEE_BENT) return 'hamstring-stretch.straighten';
  // From the front a straight leg sloping down from a chair and a bent one hanging look alike (c08, b01).
  if (frontOn(b) && !legsOut(b)) return 'hamstring-stretch.leg-front';
  const v = ctx.metric;
  // From the front a lean the picture does not show may still be there (a camera below the hips looks up the trunk).
  if (v === null || v < hingeMin(b)) return frontOn(b) ? 'hamstring-stretch.lean-front' : 'hamstring-stretch.lean';
  if (!frontOn(b)) {
    const r = reach(b, ctx);
    if (r !== null && r > REACH_MAX) return 'hamstring-stretch.reach';
  }
  if (!(ctx.mem.hinge.rate < STILL_DEG_S)) return 'hamstring-stretch.still';
  return null;
}

export const hamstringStretch = defineExercise({
  id: 'hamstring-stretch',
  name: 'Hamstring stretch',
  group: 'stretch',
  instructions: [
    'Sit on the floor side-on to the camera if you can, one leg straight out in front.',
    'Fold the other leg in, its foot against the inside of the straight thigh.',
    'Keep the straight knee flat and reach your hands toward its toes.',
    'Hold without bouncing, then change legs.',
  ],
  // Any view: side-on the hinge and the reach are read from the picture; from the front the hinge from the trunk's
  // foreshortening (hingeOf), the knee as ever (a straight leg reads straight from anywhere), the reach not at all.
  view: 'any',
  required: ['shoulder', 'hip', 'knee', 'ankle', 'wrist'],
  posture: { check: seated, why: () => 'hamstring-stretch.sit', beforeView: true },
  guide: hamstringGuide,
  counter: holdPerSide({
    // Held a second before it counts: a stretch is held, not bounced (enter 1 s).
    hold: { enterMs: 1000, exitMs: 600, maxGapMs: 1000 },
    heldSide: heldLeg,
  }),
  memory: (): HamstringMemory => ({ hinge: rate(), kneeL: NaN, kneeLT: NaN, kneeR: NaN, kneeRT: NaN, torsoMax: NaN, cutT: -Infinity, recent: [], recentT: [] }),
  remember: (b, ctx) => {
    const m = ctx.mem;
    updateRate(m.hinge, ctx.metric, ctx.t);
    const l = angleOn(b, 'left', 'hip', 'knee', 'ankle'), r = angleOn(b, 'right', 'hip', 'knee', 'ankle');
    if (l !== null) { m.kneeL = l; m.kneeLT = ctx.t; }
    if (r !== null) { m.kneeR = r; m.kneeRT = ctx.t; }
  },
  measure: (b, ctx) => hingeOf(b, ctx.mem, ctx.t ?? 0, ctx.cutT),
  // From upright to a deep fold (STRETCH_HINGE_MIN falls inside).
  metric: { label: 'forward hinge', unit: '°', span: [0, 60], rangeOfMotion: { title: 'Forward hinge reached', reached: 'furthest' } },
  checks: [
    (b, ctx) => {
      const v = ctx.metric;
      if (v === null || v < hingeMin(b)) return null;
      const k = stretchedKnee(b);
      const s = straightLeg(b);
      if (s === null || k === null || k < KNEE_FOLDED) return null;
      if (k < KNEE_BENT) return finding('knee-bent', 'major', names(s, 'hip', 'knee', 'ankle'));
      // From the front a knee bent toward the camera reads straight (legsOut): a straight reading proves nothing.
      if (frontOn(b)) return unsure('knee-bent', 'view');
      return k < KNEE_STRAIGHT ? unsure('knee-bent', 'margin') : null;
    },
    (b, ctx) => {
      const v = ctx.metric;
      if (v === null || v < hingeMin(b)) return null;
      // From the front the hands reach toward the camera: how far they go is not in the picture.
      if (frontOn(b)) return unsure('not-reaching', 'view');
      const r = reach(b);
      const s = straightLeg(b);
      return r !== null && r > REACH_MAX && s !== null ? finding('not-reaching', 'minor', names(s, 'wrist', 'ankle')) : null;
    },
  ],
  defaults: { holdSec: 30, sets: 1, restSec: 20 },
  card: { gear: [['mat']], camera: 'side' },
  demo: { clip: '28_seated_hamstring_stretch_acapapap', from: 12.8, to: 15.8, why: 'reach forward over the straight leg' },
  faultIds: ['knee-bent', 'not-reaching'],
  words: {
    posture: 'Sit on the floor with one leg straight out',
    faults: {
      'knee-bent': 'Keep the straight knee flat',
      'not-reaching': 'Reach toward your toes',
    },
    guide: {
      'hamstring-stretch.sit': 'Sit down, with one leg straight out in front',
      'hamstring-stretch.straighten': 'Straighten your front leg',
      'hamstring-stretch.lean': 'Lean forward from your hips',
      'hamstring-stretch.lean-front': "I can't see a lean toward you from here. Lean forward from your hips, or turn side-on",
      'hamstring-stretch.leg-front': "I can't see your front leg well from here. Stretch it out straight along the floor, or turn side-on",
      'hamstring-stretch.view': "I can't see how far you fold from the front, so I'm only timing. Turn side-on to have it checked",
      'hamstring-stretch.reach': 'Reach toward your toes',
      'hamstring-stretch.still': 'Hold still in the stretch',
    },
  },
});
