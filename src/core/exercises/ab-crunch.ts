// Abdominal crunch: lying on the back (feet up on a ball or on the floor); head and shoulders curl up
// and lower under control; the lower back stays down.
import type { Body } from '../geometry';
import type { ExerciseDef } from './types';
import { both, dropT, finding, mid, sideJoints, trunkFromVertical } from './common';

/**
 * Curl measured as the trunk's rise from the floor: 90° − (trunk angle from vertical), so 0° lying
 * flat and rising as the shoulders lift. Enter/exit picked from 14 (klarfit) wide shot: flat ≈5–10°,
 * top of a crunch ≈25–35°.
 */
export const CURL_ENTER = 22;
export const CURL_EXIT = 14;
export const CURL_PARTIAL = 18;
/**
 * Tempo: a controlled crunch takes about 2 s a rep (physio convention). Reps closer together than
 * MIN_CYCLE_MS, or dropped from the top in under MIN_DOWN_MS, are too fast. The thresholds sit below
 * the brisk but controlled pace of 11 and 14 (≈1.0–1.5 s a rep), so only jerky reps are flagged.
 */
export const MIN_CYCLE_MS = 800;
export const MIN_DOWN_MS = 200;
/** Hips rising above the knee–shoulder baseline by this (torso lengths) = lower back lifting. */
export const HIPS_LIFT = 0.35;

const P = { x: 0, y: 0 }, Q = { x: 0, y: 0 };
export function curlAngle(b: Body): number | null {
  const v = trunkFromVertical(b);
  if (v === null || !mid(b, 'hip', P) || !mid(b, 'shoulder', Q)) return null;
  return 90 - v;
}

function lyingBack(b: Body): boolean {
  const c = curlAngle(b);
  return c !== null && c < 60;
}

/** Feet up (on a ball) when the ankles sit well above the hips in the image. */
export function feetRaised(b: Body): boolean | null {
  const j = sideJoints(b, ['hip', 'ankle']);
  if (!j) return null;
  const d = dropT(b, j[1] as number, j[0] as number);
  return d === null ? null : d > 0.3;
}

export const abCrunch: ExerciseDef = {
  id: 'ab-crunch',
  name: 'Abdominal crunch',
  group: 'strength',
  instructions: [
    'Lie on your back, side-on to the camera. Rest your feet on an exercise ball, or flat on the floor.',
    'Hands lightly behind your head or across your chest.',
    'Curl your head and shoulders up, pause, and lower slowly.',
    'Keep your lower back on the floor.',
  ],
  view: 'any',
  required: ['shoulder', 'hip'],
  posture: { id: 'lying-back', cue: 'Lie on your back to start', check: lyingBack },
  counter: { kind: 'reps', reps: { direction: 'up', enter: CURL_ENTER, exit: CURL_EXIT, partialMin: CURL_PARTIAL, minTopMs: 60 } },
  metric: (b) => curlAngle(b),
  metricLabel: 'trunk curl (°)',
  checks: [
    (b) => {
      const j = sideJoints(b, ['shoulder', 'hip', 'knee']);
      if (!j || !(b.torso > 0)) return null;
      const [s, h, k] = j as [number, number, number];
      // Hip height above the shoulder–knee baseline (y down, so baseline y − hip y).
      const base = ((b.y[s] as number) + (b.y[k] as number)) / 2;
      const lift = (base - (b.y[h] as number)) / b.torso;
      return lift > HIPS_LIFT ? finding('hips-lifted', 'safety', both('hip'), 'Keep your lower back down') : null;
    },
  ],
  repChecks: [
    (r, ctx) => {
      let fast = r.kind === 'rep-end' && r.durationMs < MIN_DOWN_MS;
      if (r.kind === 'rep') {
        const last = ctx.mem.lastRep;
        ctx.mem.lastRep = ctx.t;
        fast = last !== undefined && ctx.t - last < MIN_CYCLE_MS;
      }
      return fast ? finding('too-fast', 'minor', both('shoulder'), 'Slower, curl up and lower with control') : null;
    },
  ],
  defaults: { reps: 10, sets: 2 },
  faultIds: ['too-fast', 'hips-lifted'],
};
