// Exercise-ball crunch: back on the ball, feet planted; lift head and shoulders and hold the top.
import type { Body } from '../geometry';
import type { ExerciseDef } from './types';
import { both, finding, mid } from './common';
import { CURL_BACK as FLOOR_CURL_BACK, curlAngle } from './ab-crunch';

/**
 * On the ball the trunk starts reclined over it, so the curl is read relative to the lowest curl seen
 * (the rest position) and the top is CURL_RISE above it. 15 (klarfit) rises ≈20–30° per rep.
 */
export const CURL_RISE = 14;
export const CURL_BACK = 7;
/** The article: hold the lifted position rather than dropping back. Under 0.5 s at the top = dropped. */
export const MIN_TOP_MS = 500;
/** Ankles moving more than this (torso lengths) from where they were planted = feet moving. */
export const FEET_MOVE = 0.35;

const F = { x: 0, y: 0 };
function relCurl(b: Body, mem: Record<string, number>): number | null {
  const c = curlAngle(b);
  if (c === null) return null;
  // Rest level: the lowest curl, slowly forgetting (0.02°/frame) so a camera reframe does not pin it.
  const base = mem.base;
  mem.base = base === undefined || c < base ? c : base + 0.02;
  return c - (mem.base as number);
}

export const ballCrunch: ExerciseDef = {
  id: 'ball-crunch',
  name: 'Exercise-ball crunch',
  group: 'strength',
  instructions: [
    'Sit on the ball and walk your feet forward until your back rests on it.',
    'Feet flat and planted, hip-width apart.',
    'Lift your head and shoulders with your abs, and hold the top for a moment.',
    'Lower slowly; do not drop back.',
  ],
  view: 'any',
  required: ['shoulder', 'hip', 'knee'],
  posture: { id: 'on-ball', cue: 'Lie back on the ball, feet on the floor', check: (b) => { const c = curlAngle(b); return c !== null && c < 70; } },
  counter: {
    kind: 'reps+hold',
    // As on the floor (ab-crunch.ts), a rep also ends 10° down from its top: the rest level drifts with
    // the ball and the camera (15, Lightning: 48° → 14° between reps 2 and 3 never reached CURL_BACK).
    reps: { direction: 'up', enter: CURL_RISE, exit: CURL_BACK, minTopMs: 60, backFromPeak: FLOOR_CURL_BACK },
    hold: { enterMs: 200, exitMs: 200, maxGapMs: 1000 },
    minTopHoldMs: MIN_TOP_MS,
  },
  metric: (b, ctx) => relCurl(b, ctx.mem),
  metricLabel: 'curl above rest (°)',
  remember: (b, ctx) => {
    if (!mid(b, 'ankle', F) || !(b.torso > 0)) return;
    if (ctx.phase === 'rest' || ctx.mem.ax === undefined) { ctx.mem.ax = F.x; ctx.mem.ay = F.y; }
  },
  checks: [
    (b, ctx) => {
      // Judged at the top, against where the feet were at rest; not on the way up or back down (with the
      // rep ending 10° below its top, the way down is still 'moving', and 15's ankles drift there).
      if (ctx.mem.ax === undefined || !mid(b, 'ankle', F) || !(b.torso > 0) || ctx.phase !== 'top') return null;
      const d = Math.hypot(F.x - ctx.mem.ax, F.y - (ctx.mem.ay as number)) / b.torso;
      return d > FEET_MOVE ? finding('feet-moving', 'major', both('ankle', 'knee'), 'Keep your feet planted') : null;
    },
  ],
  repChecks: [
    (r) => (r.kind === 'rep-end' && r.topMs < MIN_TOP_MS ? finding('dropped-back', 'minor', both('shoulder', 'hip'), 'Hold the top before lowering') : null),
  ],
  defaults: { reps: 8, sets: 2 },
  faultIds: ['dropped-back', 'feet-moving'],
};
