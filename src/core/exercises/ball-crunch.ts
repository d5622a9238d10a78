// Exercise-ball crunch: back on the ball, feet planted; lift head and shoulders and hold the top.
import type { Body } from '../geometry';
import { defineExercise } from './types';
import { repsThenHold } from '../counting/repsThenHold';
import { both, curlAngle, finding, mid } from './common';

/**
 * On the ball the trunk starts reclined over it, so the curl is read relative to the lowest curl seen
 * (the rest position) and the top is CURL_RISE above it. 15 (klarfit) rises ≈20–30° per rep.
 */
export const CURL_RISE = 14;
export const CURL_EXIT = 7;
/** The article: hold the lifted position rather than dropping back. Under 0.5 s at the top = dropped. */
export const MIN_TOP_MS = 500;
/** Ankles moving more than this (torso lengths) from where they were planted = feet moving. */
export const FEET_MOVE = 0.35;

/** What the ball crunch remembers: the rest level of the curl, and where the feet were planted (NaN = unset). */
interface BallMemory {
  base: number;
  ax: number;
  ay: number;
}

const F = { x: 0, y: 0 };
function relCurl(b: Body, mem: BallMemory): number | null {
  const c = curlAngle(b);
  if (c === null) return null;
  // Rest level: the lowest curl, slowly forgetting (0.02°/frame) so a camera reframe does not pin it.
  const base = mem.base;
  mem.base = Number.isNaN(base) || c < base ? c : base + 0.02;
  return c - mem.base;
}

export const ballCrunch = defineExercise({
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
  posture: {
    check: (b) => {
      const c = curlAngle(b);
      return c !== null && c < 70;
    },
  },
  counter: repsThenHold({
    // The rest level drifts with the ball and the camera (15, Lightning: 48° → 14° between reps 2 and 3): a rep
    // also ends once the curl has come back the band (CURL_RISE − CURL_EXIT) from its top, as every counter's does.
    reps: { direction: 'up', enter: CURL_RISE, exit: CURL_EXIT, minTopMs: 60 },
    hold: { enterMs: 200, exitMs: 200, maxGapMs: 1000 },
  }),
  memory: (): BallMemory => ({ base: NaN, ax: NaN, ay: NaN }),
  measure: (b, ctx) => relCurl(b, ctx.mem),
  // Curl above the rest level: the top (CURL_RISE) and the way back down fall inside.
  metric: { label: 'curl above rest', unit: '°', span: [0, 40] },
  remember: (b, ctx) => {
    if (!mid(b, 'ankle', F) || !(b.torso > 0)) return;
    if (ctx.phase === 'rest' || Number.isNaN(ctx.mem.ax)) {
      ctx.mem.ax = F.x;
      ctx.mem.ay = F.y;
    }
  },
  checks: [
    (b, ctx) => {
      // Judged at the top, against where the feet were at rest; not on the way up or back down (with the
      // rep ending 10° below its top, the way down is still 'moving', and 15's ankles drift there).
      if (Number.isNaN(ctx.mem.ax) || !mid(b, 'ankle', F) || !(b.torso > 0) || ctx.phase !== 'top') return null;
      const d = Math.hypot(F.x - ctx.mem.ax, F.y - ctx.mem.ay) / b.torso;
      return d > FEET_MOVE ? finding('feet-moving', 'major', both('ankle', 'knee')) : null;
    },
  ],
  repChecks: [(r) => (r.kind === 'rep-end' && r.topMs < MIN_TOP_MS ? finding('dropped-back', 'minor', both('shoulder', 'hip')) : null)],
  defaults: { reps: 8, sets: 2, restSec: 45 },
  card: { gear: [['ball']], camera: 'either' },
  demo: { clip: '15_ball_crunch_klarfit', from: 3.4, to: 7.2, why: 'wide shot after the cut: curl up over the ball' },
  faultIds: ['dropped-back', 'feet-moving'],
  words: {
    posture: 'Lie back on the ball, feet on the floor',
    faults: {
      'feet-moving': 'Keep your feet planted',
      'dropped-back': 'Hold the top before lowering',
    },
    guide: {
      'ball-crunch.start': 'Curl up off the ball and hold the top',
      'ball-crunch.further': 'Curl up a little higher',
    },
  },
});
