// Hamstring stretch: sitting with one leg straight and the other folded in, reaching toward the
// straight leg's toes. Held per leg.
import { jointIndex, type Body, type Side } from '../geometry';
import type { ExerciseDef } from './types';
import { angleOn, dT, finding, names, trunkFromVertical } from './common';

/** Extended knee: straighter than this (°). Physio convention for a long-sitting hamstring stretch. */
export const KNEE_STRAIGHT = 155;
/** The folded leg's knee under this (°). */
export const KNEE_FOLDED = 110;
/** A forward hinge of at least this (° from vertical) is a stretch; sitting tall is ≈0–15° (28, talking). */
export const HINGE_MIN = 25;
/** Hands further than this from the ankle of the straight leg (torso lengths) = not reaching. */
export const REACH_MAX = 1.1;
/** Seated on the floor: hips within this height of the ankles (torso lengths). */
export const FLOOR_SIT = 0.5;

/** The straight leg when the other one is folded; with both straight, the better-seen one. */
function straightLeg(b: Body): Side | null {
  const l = angleOn(b, 'left', 'hip', 'knee', 'ankle'), r = angleOn(b, 'right', 'hip', 'knee', 'ankle');
  if (l !== null && r !== null) {
    if (l >= KNEE_STRAIGHT && r < KNEE_FOLDED) return 'left';
    if (r >= KNEE_STRAIGHT && l < KNEE_FOLDED) return 'right';
    return l >= r ? 'left' : 'right';
  }
  return l !== null ? 'left' : r !== null ? 'right' : null;
}

function reach(b: Body, s: Side): number | null {
  const a = jointIndex(s, 'ankle');
  const l = dT(b, jointIndex('left', 'wrist'), a), r = dT(b, jointIndex('right', 'wrist'), a);
  return l === null ? r : r === null ? l : Math.min(l, r);
}

function sittingOnFloor(b: Body): boolean {
  for (const s of ['left', 'right'] as const) {
    const h = jointIndex(s, 'hip'), a = jointIndex(s, 'ankle');
    if (b.ok[h] === 1 && b.ok[a] === 1 && b.torso > 0) {
      const v = trunkFromVertical(b);
      return Math.abs((b.y[a] as number) - (b.y[h] as number)) / b.torso < FLOOR_SIT && v !== null && v < 80;
    }
  }
  return false;
}

export const hamstringStretch: ExerciseDef = {
  id: 'hamstring-stretch',
  name: 'Hamstring stretch',
  group: 'stretch',
  instructions: [
    'Sit on the floor side-on to the camera, one leg straight out in front.',
    'Fold the other leg in, its foot against the inside of the straight thigh.',
    'Keep the straight knee flat and reach your hands toward its toes.',
    'Hold without bouncing, then change legs.',
  ],
  view: 'any',
  required: ['shoulder', 'hip', 'knee', 'ankle', 'wrist'],
  posture: { id: 'long-sit', cue: 'Sit on the floor with one leg straight out', check: sittingOnFloor },
  counter: {
    kind: 'hold-per-side',
    hold: { enterMs: 800, exitMs: 600, maxGapMs: 1000 },
    heldSide: (b) => {
      const s = straightLeg(b);
      const v = trunkFromVertical(b);
      if (s === null || v === null || v < HINGE_MIN) return null;
      const k = angleOn(b, s, 'hip', 'knee', 'ankle');
      const r = reach(b, s);
      return k !== null && k >= KNEE_STRAIGHT && r !== null && r <= REACH_MAX ? s : null;
    },
  },
  metric: (b) => trunkFromVertical(b),
  metricLabel: 'forward hinge (°)',
  checks: [
    (b) => {
      const s = straightLeg(b);
      const v = trunkFromVertical(b);
      if (s === null || v === null || v < HINGE_MIN) return null;
      const k = angleOn(b, s, 'hip', 'knee', 'ankle');
      return k !== null && k < KNEE_STRAIGHT && k >= KNEE_FOLDED ? finding('knee-bent', 'major', names(s, 'hip', 'knee', 'ankle'), 'Keep the straight knee flat') : null;
    },
    (b) => {
      const s = straightLeg(b);
      const v = trunkFromVertical(b);
      if (s === null || v === null || v < HINGE_MIN) return null;
      const r = reach(b, s);
      return r !== null && r > REACH_MAX ? finding('not-reaching', 'minor', names(s, 'wrist', 'ankle'), 'Reach toward your toes') : null;
    },
  ],
  defaults: { holdSec: 30, sets: 2 },
  faultIds: ['knee-bent', 'not-reaching'],
};
