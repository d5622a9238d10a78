// Side bend: seated (standing is accepted too), hands together overhead with arms extended, the trunk
// bent to one side and held, then the other.
//
// What is counted: a hold per side, its seconds = time bent past BEND_MIN to that side with the hands
// overhead and no major fault. Unlike the rotation and hamstring stretches, a still position is not
// required: the bend's end position is read directly from the trunk angle, and the only real clip (b02,
// standing) bends slowly without pausing (≈0.5–1 s at end range): requiring stillness there loses 2–4 of
// its 6 bends. A slow dynamic bend therefore counts as a short hold on its side.
import type { Body, Side } from '../geometry';
import { defineExercise } from './types';
import { holdPerSide } from '../counting/holdPerSide';
import { KP, betterOfSides, both, elbowAngle, finding, mid, trunkSideTilt } from './common';

/**
 * Sideways trunk tilt (hip midpoint → shoulder midpoint from vertical, °). b02 (standing, front): upright
 * ≈0–4°, at the deepest ≈12–20°. Held at ≥ BEND_MIN = 10°. Between BEND_START and BEND_MIN for longer
 * than SHALLOW_MS is "not bent enough": a bend on its way down or up crosses 5–10° in 0.3–0.5 s (b02).
 */
export const BEND_MIN = 10;
export const BEND_START = 5;
export const SHALLOW_MS = 1200;
/**
 * Hands overhead: the wrists' midpoint beyond the nose by at least this (torso lengths), measured along the
 * trunk (hip midpoint → shoulder midpoint) so that a deep bend, which tilts the raised arms with it, still
 * reads as overhead. b02 (standing, dumbbell overhead): 0.6–0.8 upright, ≥ 0.45 at the deepest bends
 * (image-vertical alone fell to 0.32 there); hands on the lap read below the nose (negative).
 */
export const OVERHEAD = 0.3;
/**
 * Elbows straighter than this (°) count as extended. Hands clasped overhead keep the elbows a little bent
 * even with the arms long: the bending arm of a deep bend reads 118–140° (5th–95th percentile, Thunder and
 * Lightning) on c02 (home, hands clasped, good form) and 121–161° on b02 (one dumbbell overhead). Hands on
 * the head, elbows out (the fault) fold them to about 90° (the constructed stream plants 90°). 110 sits
 * between, 8–15° under the good bends.
 */
export const ELBOW_EXTENDED = 110;

const W = { x: 0, y: 0 }, SH = { x: 0, y: 0 }, HP = { x: 0, y: 0 };
function handsOverhead(b: Body): boolean | null {
  if (b.ok[KP.nose] !== 1 || !mid(b, 'wrist', W) || !mid(b, 'shoulder', SH) || !mid(b, 'hip', HP) || !(b.torso > 0)) return null;
  const ux = SH.x - HP.x, uy = SH.y - HP.y, n = Math.hypot(ux, uy);
  if (!(n > 0)) return null;
  return ((W.x - (b.x[KP.nose] as number)) * ux + (W.y - (b.y[KP.nose] as number)) * uy) / n / b.torso >= OVERHEAD;
}

/** The person's side they bend to (front view: shoulders to image-right = their left). */
function bendSide(tilt: number): Side | null {
  return tilt >= BEND_MIN ? 'left' : tilt <= -BEND_MIN ? 'right' : null;
}

/** When the bend first sat between BEND_START and BEND_MIN without reaching it (NaN = it does not). */
interface SideBendMemory { shallowSince: number }

export const sideBend = defineExercise({
  id: 'side-bend',
  name: 'Side bend',
  group: 'stretch',
  instructions: [
    'Sit tall on a chair or ball facing the camera (standing works too).',
    'Clasp your hands and stretch your arms overhead.',
    'Keeping the arms long, bend your upper body to one side and hold.',
    'Come back up and bend to the other side.',
  ],
  view: 'front',
  required: ['both:shoulder', 'both:hip', 'both:wrist', 'nose'],
  posture: {
    check: (b) => { const t = trunkSideTilt(b); return t !== null && Math.abs(t) < 45; },
  },
  counter: holdPerSide({
    hold: { enterMs: 300, exitMs: 300, maxGapMs: 1000 },
    heldSide: (b, ctx) => (handsOverhead(b) === true && ctx.metric !== null ? bendSide(ctx.metric) : null),
  }),
  guide: (b, ctx) => (handsOverhead(b) !== true ? 'side-bend.arms' : ctx.metric === null || bendSide(ctx.metric) === null ? 'side-bend.bend' : null),
  memory: (): SideBendMemory => ({ shallowSince: NaN }),
  remember: (_b, ctx) => {
    const a = Math.abs(ctx.metric ?? 0);
    if (a >= BEND_START && a < BEND_MIN) { if (Number.isNaN(ctx.mem.shallowSince)) ctx.mem.shallowSince = ctx.t; } else ctx.mem.shallowSince = NaN;
  },
  measure: (b) => trunkSideTilt(b),
  // Signed, + to the person's left: a bend either way, BEND_MIN and beyond.
  metric: { label: 'sideways bend', unit: '°', span: [-30, 30], rangeOfMotion: { title: 'Side bend reached', reached: 'each-way' } },
  checks: [
    // Judged once the trunk bends: sitting upright with the hands on the lap is getting ready, not a fault.
    (b, ctx) => (handsOverhead(b) === false && Math.abs(ctx.metric ?? 0) >= BEND_START
      ? finding('arms-not-overhead', 'major', both('shoulder', 'elbow', 'wrist')) : null),
    (b) => {
      const m = betterOfSides(elbowAngle(b, 'left'), elbowAngle(b, 'right'), 'min');
      return m !== null && m < ELBOW_EXTENDED && handsOverhead(b) === true ? finding('elbows-bent', 'minor', both('shoulder', 'elbow', 'wrist')) : null;
    },
    (_b, ctx) => (ctx.t - ctx.mem.shallowSince >= SHALLOW_MS ? finding('not-bent-enough', 'minor', both('shoulder', 'hip')) : null),
  ],
  defaults: { holdSec: 15, sets: 1, restSec: 20 },
  card: { gear: [['chair', 'ball']], camera: 'front' },
  demo: { clip: 'b02_side_bend_overhead_standing_front_vivek', from: 0, to: 3.0, why: 'upright, bend to the left, back up' },
  faultIds: ['arms-not-overhead', 'elbows-bent', 'not-bent-enough'],
  words: {
    posture: 'Sit or stand tall facing the camera',
    faults: {
      'arms-not-overhead': 'Reach both arms overhead',
      'elbows-bent': 'Keep your arms long',
      'not-bent-enough': 'Bend a little further',
    },
    guide: {
      'side-bend.arms': 'Clasp your hands and reach overhead',
      'side-bend.bend': 'Bend your upper body to one side',
    },
  },
});
