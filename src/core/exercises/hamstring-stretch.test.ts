// Hamstring stretch on the real PT video (28, side view): the held stretches are timed on the straight
// (right) leg, the talking and the brief demonstration reaches are not holds.
import { describe, expect, it } from 'vitest';
import type { Keypoint, PoseFrame } from '../pose';
import { loadClip } from '../../../tests/kit/replay';
import { heldWithin, replay } from '../../../tests/kit/holdTestKit';

type Kp = { -readonly [K in keyof Keypoint]: Keypoint[K] };
/** Frames with the points of `move` replaced between s0 and s1 (s). */
function plant(frames: readonly PoseFrame[], s0: number, s1: number, move: (kp: Kp[]) => Kp[]): PoseFrame[] {
  return frames.map((f) => {
    const p = f.poses[0];
    if (!p || f.t < s0 * 1000 || f.t > s1 * 1000) return f;
    return { ...f, poses: [{ ...p, keypoints: move(p.keypoints.map((k): Kp => ({ ...k }))) }] };
  });
}
const get = (kp: Kp[], n: string): Kp => {
  const k = kp.find((x) => x.name === n);
  if (!k) throw new Error(n);
  return k;
};

const clip = async (id: string) => {
  const f = await loadClip(id);
  if (!f) throw new Error(`no fixture for ${id}`);
  return f;
};

describe('hamstring stretch', () => {
  it('28: the two held stretches (≈26–31.3 s and ≈33.8–39.3 s) on the right leg, ≈10.8 s', async () => {
    const r = replay('hamstring-stretch', await clip('28_seated_hamstring_stretch_acapapap'));
    expect(Math.abs(r.summary.holdSec - 10.8)).toBeLessThanOrEqual(1);
    expect(heldWithin(r.summary, 26, 31.5, 'right')).toBeGreaterThan(3.5);
    expect(heldWithin(r.summary, 33.8, 39.5, 'right')).toBeGreaterThan(3.5);
    expect(r.summary.holds.every((h) => h.side === 'right')).toBe(true);
  });

  it('28: nothing is held while she talks and demonstrates (0–25.5 s), nor while sitting up between the stretches', async () => {
    const r = replay('hamstring-stretch', await clip('28_seated_hamstring_stretch_acapapap'));
    expect(heldWithin(r.summary, 0, 25.5)).toBe(0);
    // A hold's summary interval ends when the break has lasted exitMs (0.6 s), so from 32.2 s.
    expect(heldWithin(r.summary, 32.2, 33.6)).toBe(0);
    expect(r.summary.faults.filter((f) => f.endSec - f.startSec > 1)).toEqual([]);
  });

  it('sitting on a chair facing the camera with the knees bent (b01): nothing counted, and the coach says why', async () => {
    const r = replay('hamstring-stretch', await clip('b01_seated_twist_chair_front_adaptx'));
    expect(r.summary.holdSec).toBe(0);
    expect(r.summary.faults).toEqual([]);
    // Seated is right (a chair is accepted, c08); facing the camera is not: turn side-on. While the twist
    // narrows her shoulders to a side view's width the view passes, and the guide says what is missing (from
    // the front her bent knees look straight, so it asks her to lean forward).
    expect(r.setupCues).toContain('Turn side-on to the camera');
    expect(r.summary.cues.some((c) => c.id.startsWith('guide:hamstring-stretch.'))).toBe(true);
  });

  it('standing (b02) or lying on the back (c07): the cue is about sitting down, not the camera, and nothing is held', async () => {
    for (const id of ['b02_side_bend_overhead_standing_front_vivek', 'c07_hamstring_stretch_supine_hands_side_joannasoh-mewfit']) {
      const r = replay('hamstring-stretch', await clip(id));
      expect(r.summary.holdSec, id).toBe(0);
      expect(r.setupCues[0], id).toBe('Sit down, with one leg straight out in front');
      expect(r.setupCues, id).not.toContain('Turn side-on to the camera');
    }
  });

  it('planted: the straight knee lifted to ≈140° during the second stretch raises knee-bent and stops the hold', async () => {
    const frames = plant(await clip('28_seated_hamstring_stretch_acapapap'), 35, 38.5, (kp) => {
      // Knee raised off the hip–ankle line so the knee angle is ≈140° (each half of the leg tilted 20°).
      const hip = get(kp, 'right_hip'), knee = get(kp, 'right_knee'), ank = get(kp, 'right_ankle');
      const half = Math.hypot(ank.x - hip.x, ank.y - hip.y) / 2;
      knee.x = (hip.x + ank.x) / 2;
      knee.y = (hip.y + ank.y) / 2 - Math.tan((20 * Math.PI) / 180) * half;
      return kp;
    });
    const r = replay('hamstring-stretch', frames);
    const f = r.summary.faults.find((x) => x.id === 'knee-bent');
    expect(f, JSON.stringify(r.summary.faults)).toBeDefined();
    expect(f!.startSec).toBeGreaterThan(34.8);
    expect(f!.startSec).toBeLessThan(36);
    expect(r.faultStarts.find((x) => x.faultId === 'knee-bent')?.joints).toEqual(['right_hip', 'right_knee', 'right_ankle']);
    expect(heldWithin(r.summary, 36, 38.5)).toBe(0);
  });

  it('planted: hands pulled back to the hips while hinged (27–30 s) raises not-reaching', async () => {
    const frames = plant(await clip('28_seated_hamstring_stretch_acapapap'), 27, 30, (kp) => {
      for (const s of ['left', 'right']) {
        const w = get(kp, `${s}_wrist`), h = get(kp, 'right_hip');
        w.x = h.x; w.y = h.y - 5;
      }
      return kp;
    });
    const r = replay('hamstring-stretch', frames);
    const f = r.summary.faults.find((x) => x.id === 'not-reaching');
    expect(f, JSON.stringify(r.summary.faults)).toBeDefined();
    expect(f!.startSec).toBeGreaterThan(26.8);
    expect(f!.startSec).toBeLessThan(29);
  });
});

