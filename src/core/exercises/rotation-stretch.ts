// Rotation stretch: seated upright, shoulders turned to one side and held, then the other. Seen from
// the front: turning narrows the shoulder line against the hips and the head follows.
import type { Body, Side } from '../geometry';
import type { ExerciseDef } from './types';
import { both, finding, mid, trunkSideTilt } from './common';

/**
 * Twist = 1 − (shoulder width now / widest shoulder width seen facing the camera). b01 (chair, front):
 * ≈0–0.1 sitting square, ≈0.3–0.5 in the held twist. Held at ≥ 0.22.
 */
export const TWIST_MIN = 0.22;
/** Nose off the shoulder midpoint by this (shoulder widths) tells the direction. */
export const HEAD_TURN = 0.08;
/** Hip width falling under this share of its reference = the pelvis turned too (hips-turning). */
export const HIPS_SQUARE = 0.7;
/** Trunk tilted sideways more than this (°) = leaning instead of turning. */
export const LEAN_DEG = 15;
/** Seated: knees within this vertical distance of the hips (torso lengths); standing is ≈0.9–1.1. */
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

export function seated(b: Body): boolean {
  let drop: number | null = null;
  for (const [h, k] of [[11, 13], [12, 14]] as const) {
    if (b.ok[h] === 1 && b.ok[k] === 1 && b.torso > 0) {
      const d = ((b.y[k] as number) - (b.y[h] as number)) / b.torso;
      drop = drop === null ? d : Math.min(drop, d);
    }
  }
  return drop !== null && drop < SEATED_KNEE_DROP;
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
  view: 'front',
  required: ['both:shoulder', 'both:hip', 'nose'],
  posture: { id: 'seated', cue: 'Sit down, tall and facing the camera', check: (b) => seated(b) },
  counter: {
    kind: 'hold-per-side',
    hold: { enterMs: 600, exitMs: 500, maxGapMs: 1000 },
    heldSide: (b, ctx) => ((ctx.metric ?? 0) >= TWIST_MIN ? turnSide(b) : null),
  },
  metric: (b, ctx) => twist(b, ctx.mem),
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
  defaults: { holdSec: 15, sets: 2 },
  faultIds: ['hips-turning', 'leaning'],
};
