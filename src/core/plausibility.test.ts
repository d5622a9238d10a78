// Plausibility: scores do not reveal wrong points (NOTES.md), so a point is dropped when it breaks what
// a body can do: a limb suddenly far longer than its own median, two left/right joints on one spot while
// their parents are apart, a joint jumping further than a body moves; a camera cut resets instead.
import { describe, expect, it } from 'vitest';
import { KP, N_KP } from './geometry';
import { COLLAPSE_DIST, JUMP_ACCEPT_MS, LIMB_ACCEPT_MS, LIMB_MAX_RATIO, LIMB_MIN_SAMPLES, Plausibility } from './plausibility';

const TORSO = 100;
/** A side-on standing body in pixels, torso 100 px; all points known, score 0.9. */
function standing(dx = 0): { x: Float64Array; y: Float64Array; ok: Uint8Array; score: Float64Array } {
  const p: Record<string, [number, number]> = {
    nose: [200, 60],
    left_eye: [205, 55],
    right_eye: [195, 55],
    left_ear: [210, 60],
    right_ear: [190, 60],
    left_shoulder: [230, 100],
    right_shoulder: [170, 100],
    left_elbow: [235, 150],
    right_elbow: [165, 150],
    left_wrist: [238, 195],
    right_wrist: [162, 195],
    left_hip: [220, 200],
    right_hip: [180, 200],
    left_knee: [222, 260],
    right_knee: [178, 260],
    left_ankle: [224, 320],
    right_ankle: [176, 320],
  };
  const x = new Float64Array(N_KP),
    y = new Float64Array(N_KP),
    ok = new Uint8Array(N_KP).fill(1),
    score = new Float64Array(N_KP).fill(0.9);
  for (const [name, [px, py]] of Object.entries(p)) {
    const i = KP[name as keyof typeof KP];
    x[i] = px + dx;
    y[i] = py;
  }
  return { x, y, ok, score };
}
/** Runs n steady frames at 30 fps so the medians and last positions are learnt; returns the next t. */
function warm(pl: Plausibility, n = LIMB_MIN_SAMPLES + 5): number {
  for (let i = 0; i < n; i++) {
    const f = standing();
    pl.check(f.x, f.y, f.ok, f.score, TORSO, i * 33);
  }
  return n * 33;
}

describe('Plausibility', () => {
  it('keeps every point of a steady, plausible body', () => {
    const pl = new Plausibility();
    const t = warm(pl);
    const f = standing();
    expect(pl.check(f.x, f.y, f.ok, f.score, TORSO, t)).toBe(false);
    expect(Array.from(f.ok)).toEqual(Array(N_KP).fill(1));
  });

  it('drops a distal joint whose limb suddenly grows past its running median', () => {
    const pl = new Plausibility();
    const t = warm(pl);
    const f = standing();
    // Shin 60 px → 60 × (LIMB_MAX_RATIO + 0.2) px: the ankle is wrong, the knee is not.
    f.y[KP.left_ankle] = 260 + 60 * (LIMB_MAX_RATIO + 0.2);
    pl.check(f.x, f.y, f.ok, f.score, TORSO, t);
    expect(f.ok[KP.left_ankle]).toBe(0);
    expect(f.ok[KP.left_knee]).toBe(1);
    // A shorter limb is foreshortening, not an error.
    const g = standing();
    g.y[KP.right_ankle] = 280;
    pl.check(g.x, g.y, g.ok, g.score, TORSO, t + 33);
    expect(g.ok[KP.right_ankle]).toBe(1);
  });

  it('drops the lower-scored of two knees collapsed onto one spot while the hips are apart', () => {
    const pl = new Plausibility();
    const t = warm(pl);
    const f = standing();
    f.x[KP.right_knee] = 222 + COLLAPSE_DIST * TORSO * 0.5; // Lightning's "both knees on one knee" (09)
    f.y[KP.right_knee] = 260;
    f.score[KP.right_knee] = 0.6;
    pl.check(f.x, f.y, f.ok, f.score, TORSO, t);
    expect(f.ok[KP.right_knee]).toBe(0);
    expect(f.ok[KP.left_knee]).toBe(1);
  });

  it('keeps two joints that overlap when the parents overlap too (a true side view)', () => {
    const pl = new Plausibility();
    const t = warm(pl);
    const f = standing();
    f.x[KP.right_hip] = 220;
    f.x[KP.right_knee] = 222; // hips and knees both overlapping
    pl.check(f.x, f.y, f.ok, f.score, TORSO, t);
    expect(f.ok[KP.right_knee]).toBe(1);
  });

  it('drops a joint that jumps, then accepts it if it stays at its new place', () => {
    const pl = new Plausibility();
    let t = warm(pl);
    // The nose: in no limb and no left/right pair, so only the jump rule can touch it.
    const jumped = () => {
      const f = standing();
      f.x[KP.nose] = 200 + 3 * TORSO;
      return f;
    };
    const first = jumped();
    pl.check(first.x, first.y, first.ok, first.score, TORSO, t);
    expect(first.ok[KP.nose]).toBe(0);
    let last = first;
    for (let i = 0; i < Math.ceil(JUMP_ACCEPT_MS / 33) + 1; i++) {
      t += 33;
      last = jumped();
      pl.check(last.x, last.y, last.ok, last.score, TORSO, t);
    }
    expect(last.ok[KP.nose]).toBe(1);
  });

  it('takes everything moving at once as a camera cut: reports it and drops nothing', () => {
    const pl = new Plausibility();
    const t = warm(pl);
    const f = standing(4 * TORSO);
    expect(pl.check(f.x, f.y, f.ok, f.score, TORSO, t)).toBe(true);
    expect(pl.cuts).toBe(1);
    expect(Array.from(f.ok)).toEqual(Array(N_KP).fill(1));
  });

  /** A body whose thighs were learnt foreshortened (knees 15 px under the hips: a plank seen from the head end). */
  function thighsLearntShort(pl: Plausibility): number {
    let t = 0;
    for (let i = 0; i < LIMB_MIN_SAMPLES + 5; i++, t += 100) {
      const f = standing();
      f.y[KP.left_knee] = f.y[KP.right_knee] = 215;
      f.y[KP.left_ankle] = f.y[KP.right_ankle] = 230;
      pl.check(f.x, f.y, f.ok, f.score, TORSO, t);
    }
    return t;
  }

  it('takes a limb shown whole on every frame for LIMB_ACCEPT_MS: its median had been learnt foreshortened', () => {
    const pl = new Plausibility();
    let t = thighsLearntShort(pl);
    // The body turns side-on (no cut: the shoulders and hips stay put): the thighs read 60 px, 4× their median.
    const kept: number[] = [];
    for (const end = t + LIMB_ACCEPT_MS + 300; t <= end; t += 100) {
      const f = standing();
      pl.check(f.x, f.y, f.ok, f.score, TORSO, t);
      kept.push(f.ok[KP.left_knee] as number);
    }
    // Dropped at first (a wrong point looks the same on one frame), taken once it has held LIMB_ACCEPT_MS, and kept.
    expect(kept.slice(0, LIMB_ACCEPT_MS / 100)).toEqual(Array(LIMB_ACCEPT_MS / 100).fill(0));
    expect(kept.slice(-3)).toEqual([1, 1, 1]);
  });

  it('never takes a limb that reads too long only now and then (a wrong point the model loses and finds again)', () => {
    const pl = new Plausibility();
    let t = thighsLearntShort(pl);
    for (let i = 0; i < 30; i++, t += 100) {
      const f = standing();
      // Every other frame the knee is not seen at all: the run of too-long readings starts again.
      if (i % 2 === 1) f.ok[KP.left_knee] = 0;
      pl.check(f.x, f.y, f.ok, f.score, TORSO, t);
      if (i % 2 === 0) expect(f.ok[KP.left_knee]).toBe(0);
    }
  });
});
