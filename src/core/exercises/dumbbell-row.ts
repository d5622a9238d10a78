// Dumbbell row: hinged with a flat back (one hand and knee on a bench, or chest-supported); the elbow
// pulls back past the torso. Counted per arm.
import { defineExercise } from './types';
import { repsPerSide } from '../counting/repsPerSide';
import { HINGED_MIN_DEG, MIN_CYCLE_MS, SWING_DEG, alongTrunk, betterOfSides, both, elbowAngle, finding, names, rememberSwing, swingMemory, trunkFromVertical } from './common';

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

/**
 * At the top of a row the hand has come back toward the hip: the wrist at least this far behind the shoulder
 * along the trunk (torso lengths). Counted tops: −0.55 to −1.40 (20, 22, c15 on Thunder, Lightning and
 * BlazePose full). The supporting arm of a one-arm row bending while the weight is put down and he stands up
 * (c15, 17–19 s) closes its elbow as far, with the hand ahead of the shoulder on the bench: +0.15 to +0.72.
 */
export const HAND_BACK = -0.2;

export const dumbbellRow = defineExercise({
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
  posture: { check: (b) => (trunkFromVertical(b) ?? 0) >= HINGED_MIN_DEG },
  counter: repsPerSide({
    reps: { direction: 'down', enter: PULL_ENTER, exit: PULL_EXIT, partialMin: PULL_PARTIAL, minTopMs: 60, minRange: PULL_RANGE },
    sideMetric: elbowAngle,
    // A row pulls the hand back toward the hip; an elbow closing with the hand ahead of the shoulder is the
    // supporting arm (or the body lowering onto it), not a row. Unknown wrist: the counter's word stands.
    isRep: (b, side) => { const w = side ? alongTrunk(b, side, 'wrist') : null; return w === null || w <= HAND_BACK; },
  }),
  memory: swingMemory,
  remember: (b, ctx) => rememberSwing(b, ctx.mem, ctx.phase),
  measure: (b) => betterOfSides(elbowAngle(b, 'left'), elbowAngle(b, 'right'), 'min'),
  // Elbow of the pulling arm, from pulled (PULL_ENTER) to hanging straight.
  metric: { label: 'elbow angle of the pulling arm', unit: '°', span: [90, 180] },
  checks: [
    (_b, ctx) => {
      const s = ctx.mem.swing;
      return s > SWING_DEG ? finding('torso-swing', 'major', both('shoulder', 'hip')) : null;
    },
  ],
  repChecks: [
    (r) => (r.kind === 'partial' ? finding('partial-rep', 'minor', names(r.side ?? 'left', 'elbow', 'wrist')) : null),
    // Tempo threshold and its source: common.ts MIN_CYCLE_MS.
    (r) => r.kind === 'rep-end' && r.cycleMs < MIN_CYCLE_MS
      ? finding('too-fast', 'minor', names(r.side ?? 'left', 'elbow', 'wrist'))
      : null,
  ],
  defaults: { reps: 10, sets: 2, restSec: 60 },
  card: { gear: [['dumbbells'], ['bench']], camera: 'either' },
  demo: { clip: '20_db_row_one_arm_klarfit', from: 1.2, to: 4.2, why: 'one pull to the hip and back down' },
  faultIds: ['partial-rep', 'too-fast', 'torso-swing'],
  words: {
    posture: 'Hinge forward with a flat back',
    faults: {
      'torso-swing': 'Keep your back still, pull with the arm',
      'partial-rep': 'Pull your elbow back past your body',
      'too-fast': 'Slower, lower the weight with control',
    },
    guide: {
      'dumbbell-row.start': 'Pull your elbow back past your body',
      'dumbbell-row.further': 'Pull your elbow further back',
    },
  },
});
