// Hamstring stretch: sitting with one leg straight and the other folded in, reaching toward the
// straight leg's toes. Held per leg.
import { jointIndex, type Body, type Side } from '../geometry';
import { defineExercise, type CheckContext } from './types';
import { holdPerSide } from '../counting/holdPerSide';
import { angleOn, dT, finding, mid, names, trunkFromVertical } from './common';
import { rate, updateRate, type Rate } from './steady';

/** Extended knee: straighter than this (°). Physio convention for a long-sitting hamstring stretch (knee flat); 28's straight leg reads 166–178°. */
export const KNEE_STRAIGHT = 155;
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
 * What the stretch remembers: how fast the hinge is changing, and each knee's last measured angle and when
 * (NaN = never), see KNEE_MEMORY_MS.
 */
interface HamstringMemory { hinge: Rate; kneeL: number; kneeLT: number; kneeR: number; kneeRT: number }
type Ctx = CheckContext<HamstringMemory>;

/** The straight leg when the other one is folded; with both straight, the better-seen one. */
function straightLeg(b: Body, ctx?: Ctx): Side | null {
  const l = ctx ? kneeAngle(b, 'left', ctx) : angleOn(b, 'left', 'hip', 'knee', 'ankle');
  const r = ctx ? kneeAngle(b, 'right', ctx) : angleOn(b, 'right', 'hip', 'knee', 'ankle');
  if (l !== null && r !== null) {
    if (l >= KNEE_STRAIGHT && r < KNEE_FOLDED) return 'left';
    if (r >= KNEE_STRAIGHT && l < KNEE_FOLDED) return 'right';
    return l >= r ? 'left' : 'right';
  }
  return l !== null ? 'left' : r !== null ? 'right' : null;
}

/** Nearer hand's distance to the straight leg's ankle, as a share of that leg's hip → ankle length. */
function reach(b: Body, s: Side): number | null {
  const a = jointIndex(s, 'ankle');
  const leg = dT(b, jointIndex(s, 'hip'), a);
  const l = dT(b, jointIndex('left', 'wrist'), a), r = dT(b, jointIndex('right', 'wrist'), a);
  const d = l === null ? r : r === null ? l : Math.min(l, r);
  return d === null || leg === null || !(leg > 0.3) ? null : d / leg;
}

/** The side being stretched, when the straight leg is straight, the trunk hinged, the hands reaching and still. */
function heldLeg(b: Body, ctx: Ctx): Side | null {
  const s = straightLeg(b, ctx);
  const v = trunkFromVertical(b);
  if (s === null || v === null || v < STRETCH_HINGE_MIN || !(ctx.mem.hinge.rate < STILL_DEG_S)) return null;
  const k = kneeAngle(b, s, ctx);
  const r = reach(b, s);
  return k !== null && k >= KNEE_STRAIGHT && r !== null && r <= REACH_MAX ? s : null;
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
  let known = false;
  for (const s of ['left', 'right'] as const) {
    const h = jointIndex(s, 'hip'), k = jointIndex(s, 'knee');
    if (b.ok[h] !== 1 || b.ok[k] !== 1 || !(b.torso > 0)) continue;
    known = true;
    if (((b.y[k] as number) - (b.y[h] as number)) / b.torso >= SEATED_KNEE_DROP) return false;
  }
  return known && !lyingBack(b);
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
  const s = straightLeg(b, ctx);
  const k = s === null ? null : kneeAngle(b, s, ctx);
  if (s === null || k === null || k < KNEE_STRAIGHT) return 'hamstring-stretch.straighten';
  const v = trunkFromVertical(b);
  if (v === null || v < STRETCH_HINGE_MIN) return 'hamstring-stretch.lean';
  const r = reach(b, s);
  if (r === null || r > REACH_MAX) return 'hamstring-stretch.reach';
  if (!(ctx.mem.hinge.rate < STILL_DEG_S)) return 'hamstring-stretch.still';
  return null;
}

export const hamstringStretch = defineExercise({
  id: 'hamstring-stretch',
  name: 'Hamstring stretch',
  group: 'stretch',
  instructions: [
    'Sit on the floor side-on to the camera, one leg straight out in front.',
    'Fold the other leg in, its foot against the inside of the straight thigh.',
    'Keep the straight knee flat and reach your hands toward its toes.',
    'Hold without bouncing, then change legs.',
  ],
  // Side-on: from the front a forward hinge and a straight knee are foreshortened out of sight.
  view: 'side',
  required: ['shoulder', 'hip', 'knee', 'ankle', 'wrist'],
  posture: { check: seated, why: () => 'hamstring-stretch.sit', beforeView: true },
  guide: hamstringGuide,
  counter: holdPerSide({
    // Held a second before it counts: a stretch is held, not bounced (enter 1 s).
    hold: { enterMs: 1000, exitMs: 600, maxGapMs: 1000 },
    heldSide: heldLeg,
  }),
  memory: (): HamstringMemory => ({ hinge: rate(), kneeL: NaN, kneeLT: NaN, kneeR: NaN, kneeRT: NaN }),
  remember: (b, ctx) => {
    const m = ctx.mem;
    updateRate(m.hinge, trunkFromVertical(b), ctx.t);
    const l = angleOn(b, 'left', 'hip', 'knee', 'ankle'), r = angleOn(b, 'right', 'hip', 'knee', 'ankle');
    if (l !== null) { m.kneeL = l; m.kneeLT = ctx.t; }
    if (r !== null) { m.kneeR = r; m.kneeRT = ctx.t; }
  },
  measure: (b) => trunkFromVertical(b),
  // From upright to a deep fold (STRETCH_HINGE_MIN falls inside).
  metric: { label: 'forward hinge', unit: '°', span: [0, 60], rangeOfMotion: { title: 'Forward hinge reached', reached: 'furthest' } },
  checks: [
    (b) => {
      const s = straightLeg(b);
      const v = trunkFromVertical(b);
      if (s === null || v === null || v < STRETCH_HINGE_MIN) return null;
      const k = angleOn(b, s, 'hip', 'knee', 'ankle');
      return k !== null && k < KNEE_STRAIGHT && k >= KNEE_FOLDED ? finding('knee-bent', 'major', names(s, 'hip', 'knee', 'ankle')) : null;
    },
    (b) => {
      const s = straightLeg(b);
      const v = trunkFromVertical(b);
      if (s === null || v === null || v < STRETCH_HINGE_MIN) return null;
      const r = reach(b, s);
      return r !== null && r > REACH_MAX ? finding('not-reaching', 'minor', names(s, 'wrist', 'ankle')) : null;
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
      'hamstring-stretch.reach': 'Reach toward your toes',
      'hamstring-stretch.still': 'Hold still in the stretch',
    },
  },
});
