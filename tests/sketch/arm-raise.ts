// A sketch of a 12th exercise, not shipped (nothing imports it but its test): the arms raised to shoulder height
// and lowered, both together or one after the other, each pair of raises one rep (a counter kind of its own:
// pairs.ts). It shows that an exercise is one file: its record holds its steps, posture, counter, rules, memory,
// routine defaults and card facts; its test registers it and finds it in the engine, the routine, the cards and
// the app's counter and summary. Thresholds are the reverse fly's measured ones (wrist depth below the shoulder).
import { jointIndex, type Body } from '../../src/core/geometry';
import { defineExercise } from '../../src/core/exercises/types';
import { betterOfSides, both, dropT, finding } from '../../src/core/exercises/common';
import { pairs } from './pairs';

/** Wrist depth below the shoulder (torso lengths): top at ≤ 0.45, rest again at ≥ 0.7 (23, 24: hanging ≈0.9–1.1, at shoulder height ≈0.2–0.4). */
export const TOP_DEPTH = 0.45;
export const REST_DEPTH = 0.7;
/** Two tops closer than this (ms) are a swing, not a controlled raise. */
export const MIN_REP_GAP_MS = 1000;

const depth = (b: Body, s: 'left' | 'right'): number | null => dropT(b, jointIndex(s, 'shoulder'), jointIndex(s, 'wrist'));

/** The last counted top (NaN = none yet). */
interface ArmRaiseMemory {
  lastTop: number;
}

export const armRaise = defineExercise({
  id: 'arm-raise',
  name: 'Arm raise',
  group: 'strength',
  instructions: [
    'Stand or hinge forward with light weights in your hands.',
    'Raise your arms to shoulder height, together or one after the other.',
    'Lower slowly.',
  ],
  view: 'any',
  required: ['shoulder', 'wrist', 'hip'],
  posture: { check: () => true },
  counter: pairs({ reps: { direction: 'down', enter: TOP_DEPTH, exit: REST_DEPTH, minTopMs: 60 }, sideMetric: depth }),
  memory: (): ArmRaiseMemory => ({ lastTop: NaN }),
  measure: (b) => betterOfSides(depth(b, 'left'), depth(b, 'right'), 'min'),
  metric: { label: 'hand depth below shoulder', unit: 'torso lengths', span: [0.2, 1] },
  checks: [],
  repChecks: [
    (r, ctx) => (r.kind === 'rep' && ctx.t - ctx.mem.lastTop < MIN_REP_GAP_MS ? finding('too-fast', 'minor', both('wrist')) : null),
  ],
  rememberRep: (r, ctx) => {
    if (r.kind === 'rep') ctx.mem.lastTop = ctx.t;
  },
  defaults: { reps: 8, sets: 2, restSec: 45 },
  card: { gear: [['dumbbells']], camera: 'either' },
  faultIds: ['too-fast'],
  words: { posture: 'Stand up with your arms down', faults: { 'too-fast': 'Slower, raise and lower with control' } },
});
