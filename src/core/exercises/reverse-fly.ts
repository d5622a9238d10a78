// Reverse fly: hinged forward (or chest on an incline bench), arms open out to about shoulder height.
import { jointIndex, type Body, type Side } from '../geometry';
import type { ExerciseDef } from './types';
import { both, dropT, finding, trunkFromVertical } from './common';

/**
 * Wrist depth below the shoulder (torso lengths): ≈0.9–1.1 hanging, ≈0.2–0.4 at shoulder height
 * (23, 24 klarfit). Top at ≤ 0.45, back at rest ≥ 0.7, a reach under 0.6 that stops short is partial.
 */
export const TOP_DEPTH = 0.45;
export const REST_DEPTH = 0.7;
export const PARTIAL_DEPTH = 0.6;
/** Hinged: trunk at least this far from vertical (°). A standing body (0–15°) is not in position. */
export const HINGE_MIN = 30;
/** Trunk angle moving more than this (°) from its rest value during a rep = swinging. */
export const SWING_DEG = 15;
/**
 * Tempo. The counter times only the stretch between the rest and top thresholds (about the middle
 * half of the range), so these are short: the controlled rows of 20 (klarfit) cross it in ≈0.4–0.6 s
 * up and down. Under 0.15 s up or 0.25 s down is a swing or a drop.
 */
export const MIN_UP_MS = 150;
export const MIN_DOWN_MS = 250;

export function wristDepth(b: Body, side?: Side): number | null {
  const sides: Side[] = side ? [side] : ['left', 'right'];
  let best: number | null = null;
  for (const s of sides) {
    const d = dropT(b, jointIndex(s, 'shoulder'), jointIndex(s, 'wrist'));
    if (d !== null && (best === null || d < best)) best = d;
  }
  return best;
}

export const trunkSwing = (b: Body, mem: Record<string, number>, phase: string): number | null => {
  const v = trunkFromVertical(b);
  if (v === null) return null;
  if (phase === 'rest' || mem.trunk === undefined) { mem.trunk = v; return 0; }
  return Math.abs(v - mem.trunk);
};

export const reverseFly: ExerciseDef = {
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
  posture: { id: 'hinged', cue: 'Hinge forward from your hips', check: (b) => (trunkFromVertical(b) ?? 0) >= HINGE_MIN },
  counter: { kind: 'reps', reps: { direction: 'down', enter: TOP_DEPTH, exit: REST_DEPTH, partialMin: PARTIAL_DEPTH, minTopMs: 60 } },
  metric: (b) => wristDepth(b),
  metricLabel: 'hand depth below shoulder (torso lengths)',
  checks: [
    (b, ctx) => {
      const s = trunkSwing(b, ctx.mem, ctx.phase);
      return s !== null && s > SWING_DEG ? finding('torso-swing', 'major', both('shoulder', 'hip'), 'Keep your body still, move only the arms') : null;
    },
  ],
  repChecks: [
    (r) => (r.kind === 'partial' ? finding('partial-rep', 'minor', both('wrist', 'elbow'), 'Lift to shoulder height') : null),
    (r) => (r.kind === 'rep' && r.durationMs > 0 && r.durationMs < MIN_UP_MS) || (r.kind === 'rep-end' && r.durationMs < MIN_DOWN_MS)
      ? finding('too-fast', 'minor', both('wrist'), 'Slower, with control')
      : null,
  ],
  defaults: { reps: 10, sets: 2 },
  faultIds: ['partial-rep', 'too-fast', 'torso-swing'],
};
