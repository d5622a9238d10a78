// Prone press-up: lying face down, the upper body pushed up on straight arms, hips and legs on the floor.
import type { Body } from '../geometry';
import type { ExerciseDef } from './types';
import { both, dropT, finding, sideAngle, sideJoints, trunkToHorizontal } from './common';

/** Physio convention for this McKenzie extension: elbows locked; under 150° they are bent. */
export const ELBOW_STRAIGHT = 150;
/**
 * Chest lift: trunk (hip → shoulder) angle above the horizontal. b07 shot B (side view) holds at
 * ≈30–45°; a plank sits at ≈10–20°. Under 22° the back is not arched.
 */
export const ARCH_MIN = 22;
/** Hips higher than this above the ankles (torso lengths) are off the floor (plank ≈0.5+, up-dog ≈0.1–0.3). */
export const HIPS_UP = 0.4;
/** Shoulders at least this far above the hands (torso lengths): the upper body is pushed up. */
export const PUSHED_UP = 0.45;
/** Shoulder width / torso above this = seen head-on: the arch cannot be judged (16, bassem). */
export const HEAD_ON = 0.5;

function headOn(b: Body): boolean {
  if (b.ok[5] !== 1 || b.ok[6] !== 1 || !(b.torso > 0)) return false;
  return Math.hypot((b.x[5] as number) - (b.x[6] as number), (b.y[5] as number) - (b.y[6] as number)) / b.torso > HEAD_ON;
}

function pushedUp(b: Body): boolean {
  const j = sideJoints(b, ['shoulder', 'wrist']);
  const d = j ? dropT(b, j[0] as number, j[1] as number) : null;
  return d !== null && d >= PUSHED_UP;
}

/** Hip height above the ankle, torso lengths (side view), or null. */
function hipHeight(b: Body): number | null {
  const j = sideJoints(b, ['hip', 'ankle']);
  return j ? dropT(b, j[0] as number, j[1] as number) : null;
}

export const pronePressUp: ExerciseDef = {
  id: 'prone-press-up',
  name: 'Prone press-up',
  group: 'stretch',
  instructions: [
    'Lie face down, legs straight out behind you, hands under your shoulders.',
    'Push your upper body up until your elbows are straight.',
    'Let your hips and legs stay on the floor and your back arch.',
    'Hold, breathing out, then lower.',
  ],
  view: 'any',
  required: ['shoulder', 'elbow', 'wrist', 'hip'],
  posture: {
    id: 'prone-pushed-up',
    cue: 'Lie face down and push up on your hands',
    check: (b) => pushedUp(b) && (headOn(b) || (trunkToHorizontal(b) ?? 90) <= 70),
  },
  counter: {
    kind: 'hold',
    hold: { enterMs: 500, exitMs: 400, maxGapMs: 1000 },
    inPosition: (b) => pushedUp(b) && (headOn(b) || (trunkToHorizontal(b) ?? 0) >= ARCH_MIN),
  },
  metric: (b) => (headOn(b) ? null : trunkToHorizontal(b)),
  metricLabel: 'chest lift (°)',
  checks: [
    (b) => {
      const a = sideAngle(b, 'shoulder', 'elbow', 'wrist');
      return a !== null && a < ELBOW_STRAIGHT ? finding('elbows-bent', 'minor', both('elbow'), 'Straighten your elbows') : null;
    },
    (b) => {
      if (headOn(b)) return null;
      const h = hipHeight(b);
      return h !== null && h > HIPS_UP ? finding('hips-lifted', 'major', both('hip'), 'Let your hips rest on the floor') : null;
    },
    (b) => {
      if (headOn(b) || !pushedUp(b)) return null;
      const t = trunkToHorizontal(b);
      return t !== null && t < ARCH_MIN ? finding('not-arched', 'minor', both('shoulder', 'hip'), 'Lift your chest higher, let your back arch') : null;
    },
  ],
  defaults: { holdSec: 10, sets: 5 },
  faultIds: ['elbows-bent', 'hips-lifted', 'not-arched'],
};
