// Hamstring stretch on the real PT video (28, side view): the held stretches are timed on the straight
// (right) leg, the talking and the brief demonstration reaches are not holds.
import { describe, expect, it } from 'vitest';
import { COCO17, type Keypoint, type ModelName, type PoseFrame } from '../pose';
import { summarize } from '../summary';
import { COACH_WORDS } from '../../words/coachWords';
import { loadClip } from '../../../tests/kit/replay';
import { heldWithin, replay } from '../../../tests/kit/holdTestKit';
import { seatedFloor, uprightUp, viewFromWorld, type FloorCamera } from '../../../tests/kit/worldPose';
import { SIDE_VIEW_MAX } from '../setupGate';
import { FRONT_ON_SW } from './hamstring-stretch';

const MODELS: readonly ModelName[] = ['movenet-thunder', 'movenet-lightning', 'blazepose-full', 'blazepose-lite'];
const run = (frames: readonly PoseFrame[], model: ModelName) =>
  summarize('hamstring-stretch', frames, 'test', { model }, undefined, COACH_WORDS);
const C28 = '28_seated_hamstring_stretch_acapapap',
  C08 = 'c08_hamstring_stretch_seated_chair_side_healthline-spineify';
const FACE_SIDE = "I can't see the fold from the front. Turn side-on to the camera, the straight leg pointing across the picture";

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

  it("takes 'facing the camera' at the engine's own side-view limit", () => {
    expect(FRONT_ON_SW).toBe(SIDE_VIEW_MAX);
  });

  it('sitting on a chair facing the camera (b01): nothing counted on any model, and the coach says it cannot see the fold from the front, not to sit', async () => {
    for (const model of MODELS) {
      const s = run(await loadClip('b01_seated_twist_chair_front_adaptx', model), model);
      expect(s.holdSec, model).toBe(0);
      expect(s.faults, model).toEqual([]);
      const said = s.cues.map((c) => c.text);
      expect(said, model).not.toContain('Turn side-on to the camera');
      expect(
        said.filter((t) => t.startsWith('Sit down')),
        model,
      ).toEqual([]);
      expect(said, model).toContain(FACE_SIDE);
    }
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
      const hip = get(kp, 'right_hip'),
        knee = get(kp, 'right_knee'),
        ank = get(kp, 'right_ankle');
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
        const w = get(kp, `${s}_wrist`),
          h = get(kp, 'right_hip');
        w.x = h.x;
        w.y = h.y - 5;
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

// Issue 17, class 6: a seated fold held still is credited; the words fit what the person is doing. From the front the
// fold and the reach are not in the picture: nothing is credited there, and the coach says why to a person it sees
// sitting (a measure of the hinge from the trunk's foreshortening was tried and dropped: its margin between sitting
// tall and a held stretch was about 1° on constructed views, and it read a 28° fold off a real side view when she
// turned to talk).
describe('hamstring stretch: folds held, and judged from the front (issue 17, class 6)', () => {
  /** CONSTRUCTED: one real frame of c08 (a still of the stop-motion fold) held for 10 s, with ±0.5 px of seeded jitter. */
  const held = (frames: readonly PoseFrame[], at: number): PoseFrame[] => {
    const f = frames.filter((x) => x.poses.length > 0).reduce((a, x) => (Math.abs(x.t - at * 1000) < Math.abs(a.t - at * 1000) ? x : a));
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    };
    return Array.from({ length: 151 }, (_, i) => ({
      ...f,
      t: (i * 1000) / 15,
      poses: f.poses.map((p) => ({ ...p, keypoints: p.keypoints.map((k) => ({ ...k, x: k.x + rnd(), y: k.y + rnd() })) })),
    }));
  };

  for (const model of MODELS) {
    it(`a seated fold over both straight legs held 10 s (c08's stills, CONSTRUCTED) is credited, never told to reach for the toes it holds (${model})`, async () => {
      // c08's stills: hinging at 0.47 s (19–26°, hands at the knees), the deepest fold at 1.07 s (70–76°, hands at the
      // toes), the second loop's at 2.87 s. BlazePose lite reads the far (hidden) leg anywhere from 107° to 179° with its
      // ankle a leg's length away: the near leg is the one judged (the kept-aside fold got 'Reach toward your toes').
      for (const at of [0.47, 1.07, 2.87]) {
        const s = run(held(await loadClip(C08, model), at), model);
        expect(s.holdSec, `${at} s: ${JSON.stringify(s.faults)}`).toBeGreaterThan(8.5);
        expect(
          s.cues.map((c) => c.text),
          `${at} s`,
        ).not.toContain('Reach toward your toes');
      }
    });
  }

  // CONSTRUCTED front views of 28 (tests/kit/worldPose.ts): BlazePose full's world points of the real side-view stretch
  // filmed again by a webcam (500 px focal, 640×360) 2 m in front of her hips, on the floor (0.15 m) or a low shelf
  // (0.3 m), aimed at her chest; given to the engine as BlazePose full's points (with world points) and as MoveNet's
  // COCO-17 (without). The title card's "person" (BlazePose, 0–5 s) is left out.
  const front = async (height: number, asMoveNet: boolean): Promise<PoseFrame[]> => {
    const frames = (await loadClip(C28, 'blazepose-full')).filter((f) => f.t >= 5200);
    const cam: FloorCamera = { ahead: 2, left: 0, height, aimHeight: 0.45, focalPx: 500, width: 640, height_px: 360 };
    return viewFromWorld(frames, cam, seatedFloor(uprightUp(frames, 6, 12)), asMoveNet ? { points: COCO17, world: false } : {});
  };
  for (const [height, asMoveNet] of [
    [0.15, true],
    [0.3, true],
    [0.3, false],
  ] as const) {
    it(`28 filmed low from the front (CONSTRUCTED, camera ${height} m, ${asMoveNet ? "MoveNet's points" : "BlazePose's with world points"}): nothing is credited, and she is told why, not to sit down`, async () => {
      const model: ModelName = asMoveNet ? 'movenet-thunder' : 'blazepose-full';
      const s = run(await front(height, asMoveNet), model);
      expect(s.holdSec, JSON.stringify(s.holds)).toBe(0);
      const said = s.cues.map((c) => c.text);
      expect(said).not.toContain('Turn side-on to the camera');
      expect(said.filter((t) => t.startsWith('Sit down'))).toEqual([]);
      expect(said).toContain(FACE_SIDE);
      expect(s.faults).toEqual([]);
    });
  }

  it('c08 on a chair filmed from the floor in front (CONSTRUCTED, 0.15–0.3 m, below her hips): she is never told to sit down, is told why the fold cannot be seen, and nothing is credited', async () => {
    const frames = await loadClip(C08, 'blazepose-full');
    for (const height of [0.15, 0.3]) {
      const cam: FloorCamera = { ahead: 2, left: 0, height, aimHeight: 0.45, focalPx: 500, width: 640, height_px: 360 };
      const s = run(
        viewFromWorld(frames, cam, seatedFloor(uprightUp(frames, 0, 0.3)), { points: COCO17, world: false }),
        'movenet-thunder',
      );
      const said = s.cues.map((c) => c.text);
      expect(
        said.filter((t) => t.startsWith('Sit down')),
        `${height}`,
      ).toEqual([]);
      expect(said, `${height}`).toContain(FACE_SIDE);
      expect(s.holdSec).toBe(0);
    }
  });
});
