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
 * Tempo, judged on the whole excursion past the rest threshold (leaving rest → back at rest), which
 * at 15 fps is measured to ±1 frame, unlike the 1–3 frames the arms take to cross the middle band.
 * The ACSM position stand on resistance training (Med Sci Sports Exerc 2009;41:687–708) calls
 * 1–2 s up and 1–2 s down "moderate" velocity; a rep at its fastest (2 s in all) spends ≈1 s past
 * mid-range. The good-form demos measured here: reverse fly 23/24 excursions 667–1133 ms (Thunder and
 * Lightning), one-arm row 20 ≈1.9 s. Under 450 ms (a whole rep in well under a second, ≈7 frames at
 * 15 fps) is a swing, not a controlled rep.
 */
export const MIN_CYCLE_MS = 450;

export function wristDepth(b: Body, side?: Side): number | null {
  const sides: Side[] = side ? [side] : ['left', 'right'];
  let best: number | null = null;
  for (const s of sides) {
    const d = dropT(b, jointIndex(s, 'shoulder'), jointIndex(s, 'wrist'));
    if (d !== null && (best === null || d < best)) best = d;
  }
  return best;
}

/**
 * At rest the trunk reference follows the trunk, but at most REF_SLEW_DEG per frame: the frame on which
 * a heave starts is still "rest" to the counter (checks run before it steps), and must not become the
 * reference (23 with a planted 25° heave: the reference jumped with it). A real change of position, or
 * a camera cut, is followed within a few frames.
 */
export const REF_SLEW_DEG = 3;

export const trunkSwing = (b: Body, mem: Record<string, number>, phase: string): number | null => {
  const v = trunkFromVertical(b);
  if (v === null) return null;
  if (mem.trunk === undefined) { mem.trunk = v; return 0; }
  if (phase === 'rest') { mem.trunk += Math.max(-REF_SLEW_DEG, Math.min(REF_SLEW_DEG, v - mem.trunk)); return 0; }
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
    (r) => r.kind === 'rep-end' && r.cycleMs < MIN_CYCLE_MS
      ? finding('too-fast', 'minor', both('wrist'), 'Slower, with control')
      : null,
  ],
  defaults: { reps: 10, sets: 2 },
  faultIds: ['partial-rep', 'too-fast', 'torso-swing'],
};
