// Rotation stretch: seated upright, shoulders turned to one side and held, then the other. Seen from
// the front: turning narrows the shoulder line against the hips and the head follows.
//
// The view is checked on the hips, not by the engine's shoulder-width test: the twist itself narrows
// the shoulders to a side view's width (b01: 0.28 torso lengths in the held twist), so that test would
// pause every hold. The pelvis stays square to a front camera (b01 hips ≥ 0.35 torso lengths), while a
// side view shows almost none of it.
import type { Body, Side } from '../geometry';
import type { ExerciseDef } from './types';
import { both, finding, mid, trunkSideTilt } from './common';
import { rateOf, updateRate } from './steady';

/**
 * Twist = 1 − (shoulder width now / widest shoulder width seen facing the camera). b01 (chair, front):
 * ≈0–0.1 sitting square, ≈0.3–0.5 in the held twist. Held at ≥ 0.22.
 */
export const TWIST_MIN = 0.22;
/**
 * Nose off the shoulder midpoint by this (shoulder widths) tells the direction. b01: sitting square
 * −0.02..+0.04, held twists −1.1 (her right) and +0.75 (her left).
 */
export const HEAD_TURN = 0.08;
/**
 * Hip width falling under this share of its reference = the pelvis turned too (hips-turning). b01's square
 * pelvis reads down to 0.69 in the held twists (the hips shift on the seat), so 0.6: a pelvis turned by
 * more than about 53° (cos 53° ≈ 0.6), which a seated twist should never need.
 */
export const HIPS_SQUARE = 0.6;
/**
 * Facing the camera: hip width at least this share of the torso length. b01 (front) 0.35–0.56; a side view
 * puts one hip over the other: the side plank 03 reads 0.11–0.14, and b06's side shot up to 0.22 on
 * Lightning (which also spreads the shoulders there), so 0.25.
 */
export const HIPS_FACING = 0.25;
/**
 * Held = the twist changes slower than this (share of the shoulder width per second). b01: turning in and
 * out runs at 0.3–0.8/s, deepening the twist at 2.9–3.5 s at ≈0.25/s; the still holds under 0.05/s.
 */
export const STILL_TWIST_S = 0.12;
/**
 * Trunk tilted sideways more than this (°) = leaning instead of turning. b01's twists tilt the trunk 0–8°;
 * 15° is about twice that.
 */
export const LEAN_DEG = 15;
/**
 * Seated: knees within this vertical distance of the hips (torso lengths). b01 on a chair 0.24–0.55;
 * standing (b02) 0.82–1.0.
 */
export const SEATED_KNEE_DROP = 0.7;

const S = { x: 0, y: 0 };

function widths(b: Body): { sw: number; hw: number } | null {
  if (b.ok[5] !== 1 || b.ok[6] !== 1) return null;
  const sw = Math.hypot((b.x[5] as number) - (b.x[6] as number), (b.y[5] as number) - (b.y[6] as number));
  const hw = b.ok[11] === 1 && b.ok[12] === 1 ? Math.hypot((b.x[11] as number) - (b.x[12] as number), (b.y[11] as number) - (b.y[12] as number)) : NaN;
  return { sw, hw };
}

/** Twist amount 0..1 against the widest shoulders seen (kept in mem, slowly decaying for reframing). */
export function twist(b: Body, mem: Record<string, number>): number | null {
  const w = widths(b);
  if (!w || !(b.torso > 0)) return null;
  const rel = w.sw / b.torso;
  const ref = mem.swRef;
  mem.swRef = ref === undefined || rel > ref ? rel : ref * 0.999;
  if (Number.isFinite(w.hw)) {
    const hr = w.hw / b.torso;
    mem.hwRef = mem.hwRef === undefined || hr > mem.hwRef ? hr : mem.hwRef * 0.999;
    mem.hw = hr;
  }
  return Math.max(0, 1 - rel / (mem.swRef as number));
}

/** The person's own side they turn to; seen from the front, their right is image-left. */
export function turnSide(b: Body): Side | null {
  if (b.ok[0] !== 1 || !mid(b, 'shoulder', S)) return null;
  const w = widths(b);
  if (!w || !(w.sw > 0)) return null;
  const off = ((b.x[0] as number) - S.x) / Math.max(w.sw, 0.3 * b.torso);
  if (off < -HEAD_TURN) return 'right';
  if (off > HEAD_TURN) return 'left';
  return null;
}

function facing(b: Body): boolean {
  if (b.ok[11] !== 1 || b.ok[12] !== 1 || !(b.torso > 0)) return false;
  return Math.hypot((b.x[11] as number) - (b.x[12] as number), (b.y[11] as number) - (b.y[12] as number)) / b.torso >= HIPS_FACING;
}

/**
 * Seated: a knee within SEATED_KNEE_DROP below its hip. With both knees unknown the test is undecided and
 * does not pause counting: Lightning loses both knees under the arm crossing to the far knee (b01,
 * 1.4–5.0 s) while the person is plainly still on the chair.
 */
export function seated(b: Body): boolean {
  let drop: number | null = null;
  for (const [h, k] of [[11, 13], [12, 14]] as const) {
    if (b.ok[h] === 1 && b.ok[k] === 1 && b.torso > 0) {
      const d = ((b.y[k] as number) - (b.y[h] as number)) / b.torso;
      drop = drop === null ? d : Math.min(drop, d);
    }
  }
  return drop === null ? b.ok[13] !== 1 && b.ok[14] !== 1 : drop < SEATED_KNEE_DROP;
}

export const rotationStretch: ExerciseDef = {
  id: 'rotation-stretch',
  name: 'Rotation stretch',
  group: 'stretch',
  instructions: [
    'Sit tall on a chair or an exercise ball, facing the camera, feet flat.',
    'Keep your hips square and turn your shoulders to one side.',
    'Hold the turn, breathing easily.',
    'Come back to the middle and turn to the other side.',
  ],
  // 'any' for the engine's shoulder test; the front view is required by the posture check (hips square on).
  view: 'any',
  required: ['both:shoulder', 'both:hip', 'nose'],
  posture: { id: 'seated-facing', cue: 'Sit down, tall and facing the camera', check: (b) => facing(b) && seated(b) },
  counter: {
    kind: 'hold-per-side',
    hold: { enterMs: 600, exitMs: 500, maxGapMs: 1000 },
    heldSide: (b, ctx) => ((ctx.metric ?? 0) >= TWIST_MIN && rateOf(ctx.mem, 'twist') < STILL_TWIST_S ? turnSide(b) : null),
  },
  guide: (b, ctx) => ((ctx.metric ?? 0) < TWIST_MIN ? 'rotation-stretch.turn' : !(rateOf(ctx.mem, 'twist') < STILL_TWIST_S) ? 'rotation-stretch.still' : turnSide(b) === null ? 'rotation-stretch.head' : null),
  metric: (b, ctx) => twist(b, ctx.mem),
  remember: (_b, ctx) => { updateRate(ctx.mem, 'twist', ctx.metric, ctx.t); },
  metricLabel: 'shoulder turn (0–1)',
  checks: [
    (_b, ctx) => {
      const hw = ctx.mem.hw, ref = ctx.mem.hwRef;
      if (hw === undefined || ref === undefined || !(ref > 0)) return null;
      return hw / ref < HIPS_SQUARE ? finding('hips-turning', 'major', both('hip'), 'Keep your hips facing forward') : null;
    },
    (b) => {
      const t = trunkSideTilt(b);
      return t !== null && Math.abs(t) > LEAN_DEG ? finding('leaning', 'major', both('shoulder', 'hip'), 'Sit up straight, turn without leaning') : null;
    },
  ],
  defaults: { holdSec: 20, sets: 1 },
  faultIds: ['hips-turning', 'leaning'],
};
