// Dumbbell row: hinged with a flat back (one hand and knee on a bench, or chest-supported); the elbow
// pulls back past the torso. Counted per arm.
import type { Body, Side } from '../geometry';
import type { ExerciseDef } from './types';
import { angleOn, both, finding, names, trunkFromVertical } from './common';
import { HINGE_MIN, MIN_CYCLE_MS, SWING_DEG, trunkSwing } from './reverse-fly';

/**
 * Elbow angle: ≈160–175° with the arm hanging, ≈70–100° with the dumbbell at the hip (20, 22). Top at
 * ≤ 105°, rest again at ≥ 140°; a pull that bends under 125° but not to the top is partial.
 */
export const PULL_ENTER = 105;
export const PULL_EXIT = 140;
export const PULL_PARTIAL = 125;

const elbowAngle = (b: Body, s: Side): number | null => angleOn(b, s, 'shoulder', 'elbow', 'wrist');

export const dumbbellRow: ExerciseDef = {
  id: 'dumbbell-row',
  name: 'Dumbbell row',
  group: 'strength',
  instructions: [
    'Put one knee and hand on a bench (or lie chest-down on an incline bench), back flat.',
    'Let the weight hang under your shoulder.',
    'Pull your elbow back past your body, then lower slowly.',
    'Keep your trunk still; do all reps, then switch arms.',
  ],
  view: 'any',
  required: ['shoulder', 'elbow', 'wrist', 'hip'],
  posture: { id: 'hinged', cue: 'Hinge forward with a flat back', check: (b) => (trunkFromVertical(b) ?? 0) >= HINGE_MIN },
  counter: {
    kind: 'reps-per-side',
    reps: { direction: 'down', enter: PULL_ENTER, exit: PULL_EXIT, partialMin: PULL_PARTIAL, minTopMs: 60 },
    sideMetric: elbowAngle,
  },
  metric: (b) => {
    const l = elbowAngle(b, 'left'), r = elbowAngle(b, 'right');
    return l === null ? r : r === null ? l : Math.min(l, r);
  },
  metricLabel: 'elbow angle of the pulling arm (°)',
  checks: [
    (b, ctx) => {
      const s = trunkSwing(b, ctx.mem, ctx.phase);
      return s !== null && s > SWING_DEG ? finding('torso-swing', 'major', both('shoulder', 'hip'), 'Keep your back still, pull with the arm') : null;
    },
  ],
  repChecks: [
    (r) => (r.kind === 'partial' ? finding('partial-rep', 'minor', names(r.side ?? 'left', 'elbow', 'wrist'), 'Pull your elbow back past your body') : null),
    // Tempo threshold and its source: reverse-fly.ts MIN_CYCLE_MS.
    (r) => r.kind === 'rep-end' && r.cycleMs < MIN_CYCLE_MS
      ? finding('too-fast', 'minor', names(r.side ?? 'left', 'elbow', 'wrist'), 'Slower, lower the weight with control')
      : null,
  ],
  defaults: { reps: 10, sets: 2 },
  faultIds: ['partial-rep', 'too-fast', 'torso-swing'],
};
