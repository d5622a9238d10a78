// Dumbbell row: hinged with a flat back (one hand and knee on a bench, or chest-supported); the elbow
// pulls back past the torso. Counted per arm.
import type { Body, Side } from '../geometry';
import type { ExerciseDef } from './types';
import { angleOn, both, finding, names, trunkFromVertical } from './common';
import { HINGE_MIN, MIN_CYCLE_MS, SWING_DEG, trunkSwing } from './reverse-fly';

/**
 * Elbow angle of the pulling arm. Measured per rep (Thunder / Lightning): the smallest angle at each top
 * 93–105° on the one-arm row seen 3/4 from the side (20), 105–116° on the chest-supported row filmed
 * front-oblique (22), 102–124° on the one-arm row filmed side-on (c15, the far arm); hanging at rest
 * 165–178° (20, 22), 155–177° (c15). Top at ≤ 128° (4° over the shallowest top, c15 on Lightning), rest
 * again at ≥ 150° (5° under the shallowest hang); a pull that bends under 140° but never reaches the top
 * is partial.
 */
export const PULL_ENTER = 128;
export const PULL_EXIT = 150;
export const PULL_PARTIAL = 140;
/**
 * A pull is a rep only when the elbow closes at least this much from the hang before it: every rep above
 * closes 31–80°; the supporting arm of a one-arm row, held bent at 130–146°, moves 10–17° while the weight
 * is put down (c15, 17–19 s).
 */
export const PULL_RANGE = 25;

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
    reps: { direction: 'down', enter: PULL_ENTER, exit: PULL_EXIT, partialMin: PULL_PARTIAL, minTopMs: 60, minRange: PULL_RANGE },
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
