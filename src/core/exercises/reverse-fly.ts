// Reverse fly: hinged forward (or chest on an incline bench), arms open out to about shoulder height.
import { jointIndex, type Body, type Side } from '../geometry';
import { defineExercise } from './types';
import { reps } from '../counting/reps';
import { HINGED_MIN_DEG, MIN_CYCLE_MS, SWING_DEG, both, dropT, finding, rememberSwing, swingMemory, trunkFromVertical } from './common';

/**
 * Wrist depth below the shoulder (torso lengths): ≈0.9–1.1 hanging, ≈0.2–0.4 at shoulder height
 * (23, 24 klarfit). Top at ≤ 0.45, back at rest ≥ 0.7, a reach under 0.6 that stops short is partial.
 */
export const TOP_DEPTH = 0.45;
export const REST_DEPTH = 0.7;
export const PARTIAL_DEPTH = 0.6;
export function wristDepth(b: Body, side?: Side): number | null {
  const sides: Side[] = side ? [side] : ['left', 'right'];
  let best: number | null = null;
  for (const s of sides) {
    const d = dropT(b, jointIndex(s, 'shoulder'), jointIndex(s, 'wrist'));
    if (d !== null && (best === null || d < best)) best = d;
  }
  return best;
}

export const reverseFly = defineExercise({
  id: 'reverse-fly',
  name: 'Reverse fly',
  group: 'strength',
  instructions: [
    'Hinge forward from the hips with a flat back, or lie chest-down on an incline bench or ball.',
    'Let light weights hang below your shoulders, elbows soft.',
    'Open your arms out to the sides up to shoulder height.',
    'Lower slowly; keep your trunk still.',
  ],
  view: 'any',
  required: ['shoulder', 'wrist', 'hip'],
  posture: { check: (b) => (trunkFromVertical(b) ?? 0) >= HINGED_MIN_DEG },
  counter: reps({ reps: { direction: 'down', enter: TOP_DEPTH, exit: REST_DEPTH, partialMin: PARTIAL_DEPTH, minTopMs: 60 } }),
  memory: swingMemory,
  remember: (b, ctx) => rememberSwing(b, ctx.mem, ctx.phase),
  measure: (b) => wristDepth(b),
  // Hand depth below the shoulder, from the top (TOP_DEPTH) to hanging (REST_DEPTH).
  metric: { label: 'hand depth below shoulder', unit: 'torso lengths', span: [0.2, 1] },
  checks: [
    (_b, ctx) => {
      const s = ctx.mem.swing;
      return s > SWING_DEG ? finding('torso-swing', 'major', both('shoulder', 'hip')) : null;
    },
  ],
  repChecks: [
    (r) => (r.kind === 'partial' ? finding('partial-rep', 'minor', both('wrist', 'elbow')) : null),
    (r) => r.kind === 'rep-end' && r.cycleMs < MIN_CYCLE_MS
      ? finding('too-fast', 'minor', both('wrist'))
      : null,
  ],
  defaults: { reps: 10, sets: 2, restSec: 60 },
  card: { gear: [['dumbbells']], optional: { gear: ['bench', 'ball'], use: 'to lean on' }, camera: 'either' },
  demo: { clip: '23_reverse_fly_bent_over_klarfit', from: 2.6, to: 5.4, why: 'bent over, arms open out and back down' },
  faultIds: ['partial-rep', 'too-fast', 'torso-swing'],
  words: {
    posture: 'Hinge forward from your hips',
    faults: {
      'torso-swing': 'Keep your body still, move only the arms',
      'partial-rep': 'Lift to shoulder height',
      'too-fast': 'Slower, with control',
    },
    guide: {
      'reverse-fly.start': 'Open your arms out to shoulder height',
      'reverse-fly.further': 'Lift to shoulder height',
    },
  },
});
