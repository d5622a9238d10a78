// Prone press-up: lying face down, the upper body pushed up on straight arms, hips and legs on the floor.
import { offsetFromLine, type Body } from '../geometry';
import { defineExercise } from './types';
import { hold } from '../counting/hold';
import type { ByFamily } from '../pose';
import { both, dropT, finding, shoulderWidth, sideAngle, sideJoints, trunkToHorizontal, unsure } from './common';
import { rate, updateRate, type Rate } from './steady';

/**
 * Physio convention for this McKenzie extension: the elbows locked straight; under 150° they are bent (the fault).
 * A straight arm reads straight in any picture (a straight line projects to a straight line), so a reading under this
 * is a bent arm from any view. Constructed bends (tests/kit/pressUpPoses.ts: the chest lowered to 30°, the hands slid
 * back, a 90° or 120° elbow pointing back, from b07's and c04's real holds; 5th–50th percentiles over the four models)
 * read 90–107° (90°) and 115–134° (120°) side-on, 100–140° and 116–152° front-oblique (b07's first shot, c04's
 * second): a bend of 120° seen from 45° can read 152°, in the band of doubt below.
 */
export const ELBOW_STRAIGHT = 150;
/**
 * The good holds' edge: straight-arm holds read at least this much (the lowest 5th percentile of a held shot over the
 * good sources, per model family; smoothed noise 0.1–0.7°). Between ELBOW_STRAIGHT and this edge a reading is in the
 * band of doubt: neither fault nor praise, the hold timed but not judged. MoveNet: Thunder 170 (c04's oblique shot),
 * Lightning 166 (c04's side shot), every other shot 172–177 (b07 both shots, 16, c04 head-on); left out by source
 * the edge is 166 (b07 or 16 out) or 171 (c04 out): 165 keeps a degree under the lowest. BlazePose: full 158 (c04's
 * side shot), lite 148 (c04's oblique shot, already under the fault line: its c04 reads `elbows-bent` 8.5–10.7 s), so
 * BlazePose has no band (the edge is the fault line).
 */
export const ELBOW_DOUBT: ByFamily<number> = { movenet: 165, blazepose: ELBOW_STRAIGHT };
/**
 * Chest lift (trunk hip → shoulder above the horizontal) that puts the body in the exercise at all. A plank
 * reads 15–20° on b07 (both shots); the held up-dog 54–62°. Over 28° the chest is being lifted.
 */
export const LIFT_MIN = 28;
/**
 * Held under this, the chest is lifted but the back barely arches (`not-arched`). b07's held extension
 * reads 54° (side shot) and 62° (front-oblique); 40° is two thirds of that, leaving room for stiffer backs.
 */
export const ARCH_MIN = 40;
/**
 * Hips higher than this above the floor line (hand → ankle), torso lengths, are off the floor. Measured on
 * b07: the held up-dog (pelvis at the mat, toes tucked) 0.33–0.39 in both shots; its plank phases 0.83–1.21.
 */
export const HIPS_UP = 0.6;
/** Shoulders at least this far above the hands (torso lengths): the upper body is pushed up. */
export const PUSHED_UP = 0.45;
/**
 * Shoulder width / torso above this = seen head-on (16, bassem: ≈1.0). The trunk is foreshortened and the
 * legs hidden (Thunder invents them above the hips, NOTES.md), so chest lift, arch and hip height cannot be
 * judged: only the straight arms and the pushed-up shoulders are. b07's front-oblique shot reads ≈0.7 and
 * is judged in full.
 */
export const HEAD_ON = 0.85;
/**
 * Seen head-on, the legs of a person lying face down run away from the camera: the ankles show near or
 * above the hips (16: 0.34–0.39 torso lengths above). A person sitting or standing in front of the camera
 * has them far below (b01 on a chair: 1.1–1.7). Over this drop (torso lengths) the body is not prone.
 */
export const HEAD_ON_ANKLE_DROP = 0.6;
/**
 * Held = the chest lift changes slower than this (°/s, smoothed). b07: lowering into the extension and
 * pushing back to the plank move the trunk at 20–40°/s; the held part under 3°/s.
 */
export const STILL_DEG_S = 8;
/**
 * ... and the shoulders shift over the hands slower than this (torso lengths/s). Pushing back out of the
 * extension starts as a shoulder shift before the chest drops (b07 shot B: 0.19 → 0.14 over 13.9–14.2 s,
 * ≈0.15/s, with the trunk angle still within 3°); held, it reads under 0.03/s.
 */
export const STILL_SHIFT_S = 0.1;

/**
 * Seen head-on: the shoulders wide (over HEAD_ON), or fairly wide (over HEAD_ON_FACING) with the trunk
 * upright in the picture (its far end, the hips, straight below the shoulders): c04's head-on shot reads
 * 0.81–0.83 wide and 88° upright; its front-oblique shot 0.61–0.64 and 63°, still judged from the side.
 */
export const HEAD_ON_FACING = 0.7;
export const HEAD_ON_UPRIGHT = 75;
function headOn(b: Body): boolean {
  const w = shoulderWidth(b);
  if (w === null) return false;
  return w > HEAD_ON || (w > HEAD_ON_FACING && (trunkToHorizontal(b) ?? 0) >= HEAD_ON_UPRIGHT);
}

function pushedUp(b: Body): boolean {
  const j = sideJoints(b, ['shoulder', 'wrist']);
  const d = j ? dropT(b, j[0] as number, j[1] as number) : null;
  return d !== null && d >= PUSHED_UP;
}

/** Hip height above the floor line from the hand to the ankle (torso lengths), or null. */
function hipLift(b: Body): number | null {
  const j = sideJoints(b, ['wrist', 'hip', 'ankle']);
  return j ? offsetFromLine(b, j[0] as number, j[1] as number, j[2] as number) : null;
}

/** Shoulder ahead of (+) or behind the hand along the image x axis, torso lengths, best side. */
function shoulderShift(b: Body): number | null {
  const j = sideJoints(b, ['shoulder', 'wrist']);
  if (!j || !(b.torso > 0)) return null;
  return ((b.x[j[0] as number] as number) - (b.x[j[1] as number] as number)) / b.torso;
}

/** Head-on: lying face down, not sitting or standing (ankles not far below the hips; unknown passes). */
function proneHeadOn(b: Body): boolean {
  const j = sideJoints(b, ['hip', 'ankle']);
  const d = j ? dropT(b, j[0] as number, j[1] as number) : null;
  return d === null || d < HEAD_ON_ANKLE_DROP;
}

/** What the press-up remembers: how fast the chest lift and the shoulders' shift over the hands are changing. */
interface PressUpMemory {
  lift: Rate;
  shift: Rate;
}

/** In the press-up: pushed up, and (unless seen head-on) the chest lifted and no longer moving. */
function inPressUp(b: Body, mem: Readonly<PressUpMemory>): boolean {
  if (!pushedUp(b)) return false;
  if (headOn(b)) return proneHeadOn(b);
  const lift = trunkToHorizontal(b);
  return lift !== null && lift >= LIFT_MIN && mem.lift.rate < STILL_DEG_S && mem.shift.rate < STILL_SHIFT_S;
}

/** Why the hold is not running (a guide id of its `words.guide`): the missing part of the press-up. */
function pressUpGuide(b: Body, mem: Readonly<PressUpMemory>): string | null {
  if (!pushedUp(b)) return 'prone-press-up.push';
  if (headOn(b)) return null;
  const lift = trunkToHorizontal(b);
  if (lift !== null && lift < LIFT_MIN) return 'prone-press-up.higher';
  if (!(mem.lift.rate < STILL_DEG_S) || !(mem.shift.rate < STILL_SHIFT_S)) return 'prone-press-up.still';
  return null;
}

export const pronePressUp = defineExercise({
  id: 'prone-press-up',
  name: 'Prone press-up',
  group: 'stretch',
  instructions: [
    'Lie face down, legs straight out behind you, hands under your shoulders.',
    'Set the camera side-on if you can: from the front the coach cannot see how far your back arches.',
    'Push your upper body up until your elbows are straight.',
    'Let your hips and legs stay on the floor and your back arch. Hold, breathing out, then lower.',
  ],
  view: 'any',
  required: ['shoulder', 'elbow', 'wrist', 'hip'],
  posture: {
    check: (b) => pushedUp(b) && (headOn(b) ? proneHeadOn(b) : (trunkToHorizontal(b) ?? 90) <= 70),
    why: (b) =>
      headOn(b)
        ? proneHeadOn(b)
          ? null
          : 'prone-press-up.lie-down'
        : (trunkToHorizontal(b) ?? 90) > 70
          ? 'prone-press-up.lie-down'
          : pushedUp(b)
            ? null
            : 'prone-press-up.push',
  },
  guide: (b, ctx) => pressUpGuide(b, ctx.mem),
  counter: hold<PressUpMemory>({
    hold: { enterMs: 500, exitMs: 400, maxGapMs: 1000 },
    inPosition: (b, ctx) => inPressUp(b, ctx.mem),
  }),
  memory: (): PressUpMemory => ({ lift: rate(), shift: rate() }),
  remember: (b, ctx) => {
    const side = !headOn(b);
    updateRate(ctx.mem.lift, side ? trunkToHorizontal(b) : null, ctx.t);
    updateRate(ctx.mem.shift, side ? shoulderShift(b) : null, ctx.t);
  },
  measure: (b) => (headOn(b) ? null : trunkToHorizontal(b)),
  // From lying flat to a full arch (LIFT_MIN and ARCH_MIN fall inside).
  metric: {
    label: 'chest lift',
    unit: '°',
    span: [0, 60],
    rangeOfMotion: { title: 'Back arch (chest lift) reached', reached: 'furthest' },
  },
  checks: [
    (b) => {
      const a = sideAngle(b, 'shoulder', 'elbow', 'wrist');
      if (a === null) return null;
      if (a < ELBOW_STRAIGHT) return finding('elbows-bent', 'minor', both('shoulder', 'elbow', 'wrist'));
      // Head-on, an elbow bent back toward the feet lies along the line of sight: a 90° bend reads 164–180° (16) and
      // 138–177° (c04's head-on shot) in the picture. A straight reading proves nothing from there.
      if (headOn(b)) return unsure('elbows-bent', 'view');
      return a < ELBOW_DOUBT[b.space] ? unsure('elbows-bent', 'margin') : null;
    },
    (b) => {
      if (headOn(b)) return unsure('hips-lifted', 'view');
      const h = hipLift(b);
      return h !== null && h > HIPS_UP ? finding('hips-lifted', 'major', both('hip', 'knee')) : null;
    },
    (b) => {
      if (headOn(b)) return unsure('not-arched', 'view');
      const t = trunkToHorizontal(b);
      return t !== null && t < ARCH_MIN ? finding('not-arched', 'minor', both('shoulder', 'hip')) : null;
    },
  ],
  defaults: { holdSec: 10, sets: 2, restSec: 30 },
  card: { gear: [['mat']], camera: 'side' },
  demo: {
    clip: 'b07_up_dog_prone_extension_3q-side_hpy2github',
    from: 9.4,
    to: 13.2,
    why: 'side view: lowering, pressing the chest up, holding',
  },
  faultIds: ['elbows-bent', 'hips-lifted', 'not-arched'],
  words: {
    posture: 'Lie face down and push up on your hands',
    faults: {
      'elbows-bent': 'Straighten your elbows',
      'hips-lifted': 'Let your hips rest on the floor',
      'not-arched': 'Lift your chest higher, let your back arch',
    },
    guide: {
      'prone-press-up.push': 'Push up until your arms are straight',
      'prone-press-up.higher': 'Push your chest up higher',
      'prone-press-up.still': 'Hold still at the top',
      'prone-press-up.lie-down': 'Lie face down, hands under your shoulders',
      'prone-press-up.view': "I can't see your elbows or your back from the front, so I'm only timing. Turn side-on to have them checked",
    },
  },
});
