// The study's measures on bodies whose true geometry is known: a plank built in 3D (metres) and seen
// through an orthographic camera turned by a known yaw and raised by a known elevation.
import { describe, expect, it } from 'vitest';
import type { Keypoint, Keypoint3D, Pose } from '../../src/core/pose';
import { angleAt, MEASURES, offsetAbove2D, offsetAbove3D, plankOffsetViewCorrected, viewOf } from './measures';

type P3 = [number, number, number];

/**
 * A plank in world metres: body along +x (head at x = 0), y up, the near side at z = +w/2. Shoulders to
 * ankles 1.35 m, shoulder span 0.36 m (SHOULDER_OVER_BODY ≈ 0.27), hips `raise` m above the straight line.
 */
function plank(raise: number): Record<string, P3> {
  const half = 0.18,
    hipHalf = 0.1;
  const pts: Record<string, P3> = {};
  for (const [s, z] of [
    ['left', half],
    ['right', -half],
  ] as const) {
    const hz = Math.sign(z) * hipHalf;
    pts[`${s}_shoulder`] = [0, 0, z];
    pts[`${s}_elbow`] = [0.02, -0.3, z];
    pts[`${s}_wrist`] = [-0.25, -0.32, z];
    pts[`${s}_hip`] = [0.55, raise - 0.55 * (0.1 / 1.35), hz];
    pts[`${s}_knee`] = [0.95, -0.95 * (0.1 / 1.35), hz];
    pts[`${s}_ankle`] = [1.35, -0.1, hz];
    pts[`${s}_foot_index`] = [1.45, -0.32, hz];
  }
  return pts;
}

/** Orthographic camera: yaw about the vertical axis, then elevation (looking down), to pixels (y down). */
function project(body: Record<string, P3>, yawDeg: number, elevDeg: number, withWorld = false): Pose {
  const a = (yawDeg * Math.PI) / 180,
    e = (elevDeg * Math.PI) / 180;
  const keypoints: Keypoint[] = [];
  const keypoints3D: Keypoint3D[] = [];
  for (const [name, [x, y, z]] of Object.entries(body)) {
    // Yaw: turn the body about y. Then the camera looks along −z, tilted down by e.
    const x1 = x * Math.cos(a) + z * Math.sin(a);
    const z1 = -x * Math.sin(a) + z * Math.cos(a);
    const y2 = y * Math.cos(e) - z1 * Math.sin(e);
    const z2 = y * Math.sin(e) + z1 * Math.cos(e);
    keypoints.push({ name, x: 320 + 300 * x1, y: 300 - 300 * y2, score: 0.9 });
    // The world frame the model reports: camera-aligned, y down.
    keypoints3D.push({ name, x: x1, y: -y2, z: -z2, score: 0.9 });
  }
  return withWorld ? { keypoints, score: 0.9, keypoints3D } : { keypoints, score: 0.9 };
}

const byId = (id: string) => {
  const m = MEASURES.find((x) => x.id === id);
  if (!m) throw new Error(id);
  return m;
};

describe('geometry', () => {
  it('angles in 2D and 3D', () => {
    expect(angleAt({ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 2, y: 0 })).toBeCloseTo(180);
    expect(angleAt({ x: 0, y: 0, z: 0 }, { x: 1, y: 0, z: 0 }, { x: 1, y: 0, z: 1 })).toBeCloseTo(90);
    expect(angleAt({ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 1, y: 0 })).toBeNull();
  });

  it('a point above the line reads positive whichever way the line runs (image y down)', () => {
    expect(offsetAbove2D({ x: 0, y: 100 }, { x: 50, y: 90 }, { x: 100, y: 100 })).toBeCloseTo(0.1);
    expect(offsetAbove2D({ x: 100, y: 100 }, { x: 50, y: 90 }, { x: 0, y: 100 })).toBeCloseTo(0.1);
    expect(offsetAbove2D({ x: 0, y: 100 }, { x: 50, y: 120 }, { x: 100, y: 100 })).toBeCloseTo(-0.2);
  });

  it('3D offset: up is −y, and distance is perpendicular to the line', () => {
    expect(offsetAbove3D({ x: 0, y: 0, z: 0 }, { x: 0.5, y: -0.1, z: 0 }, { x: 1, y: 0, z: 0 })).toBeCloseTo(0.1);
    expect(offsetAbove3D({ x: 0, y: 0, z: 0 }, { x: 0.5, y: 0.1, z: 0 }, { x: 1, y: 0, z: 0 })).toBeCloseTo(-0.1);
    // A line running away from the camera (head-on view) still gives the hip's height.
    expect(offsetAbove3D({ x: 0, y: 0, z: 0 }, { x: 0, y: -0.1, z: 0.5 }, { x: 0, y: 0, z: 1 })).toBeCloseTo(0.1);
  });
});

describe('plank measures under a turned or raised camera', () => {
  const truth = 0.1 / 1.35; // hips 0.1 m above a 1.35 m line

  it('side-on and level, 2D and 3D both read the true offset', () => {
    const v = viewOf(project(plank(0.1), 0, 0, true));
    expect(byId('plank.off2d.both').fn(v)).toBeCloseTo(truth, 3);
    expect(byId('plank.off3d.both').fn(v)).toBeCloseTo(truth, 3);
    expect(plankOffsetViewCorrected(v)).toBeCloseTo(truth, 3);
  });

  it('45° oblique: the 2D offset is inflated by 1/cos 45°, the corrected one and 3D are not', () => {
    const v = viewOf(project(plank(0.1), 45, 0, true));
    const raw = byId('plank.off2d.both').fn(v)!;
    expect(raw / truth).toBeCloseTo(Math.SQRT2, 1);
    expect(plankOffsetViewCorrected(v)! / truth).toBeCloseTo(1, 1);
    expect(byId('plank.off3d.both').fn(v)! / truth).toBeCloseTo(1, 1);
    expect(byId('plank.off3d.mid').fn(v)! / truth).toBeCloseTo(1, 1);
  });

  it('camera raised 30°: 2D shrinks the hip height by cos 30°, the correction restores it', () => {
    const v = viewOf(project(plank(0.1), 0, 30, true));
    const raw = byId('plank.off2d.both').fn(v)!;
    expect(raw / truth).toBeCloseTo(Math.cos(Math.PI / 6), 2);
    expect(plankOffsetViewCorrected(v)! / truth).toBeCloseTo(1, 1);
  });

  it('3D "up" from the floor (wrists and toes) holds when the camera is raised and turned; camera-up drifts', () => {
    // Height of the hip above the line, perpendicular to the line (the line drops 0.1 m over 1.35 m).
    const perpTruth = (0.1 * Math.cos(Math.atan2(0.1, 1.35))) / Math.hypot(1.35, 0.1);
    for (const [yaw, elev] of [
      [0, 0],
      [45, 30],
      [60, -20],
    ] as const) {
      const v = viewOf(project(plank(0.1), yaw, elev, true));
      expect(byId('plank.off3d.floor').fn(v)! / perpTruth, `yaw ${yaw} elevation ${elev}`).toBeCloseTo(1, 2);
    }
    const tilted = viewOf(project(plank(0.1), 60, 40, true));
    // Measured 7 % off at 60° yaw and 40° elevation: small, but it is a bias the floor removes.
    expect(Math.abs(byId('plank.off3d.mid').fn(tilted)! / perpTruth - 1)).toBeGreaterThan(0.05);
  });

  it('the signed bend is + for raised hips, − for sagging ones, on both sides', () => {
    expect(byId('plank.bend2d.both').fn(viewOf(project(plank(0.1), 20, 10)))!).toBeGreaterThan(5);
    expect(byId('plank.bend2d.both').fn(viewOf(project(plank(-0.1), 20, 10)))!).toBeLessThan(-5);
    expect(byId('plank.bend3d.mid').fn(viewOf(project(plank(-0.1), 20, 10, true)))!).toBeLessThan(-5);
  });

  it('3D measures need world points; a point under the score floor makes a measure abstain', () => {
    const pose = project(plank(0), 0, 0);
    expect(byId('plank.off3d.both').fn(viewOf(pose))).toBeNull();
    const weak: Pose = { ...pose, keypoints: pose.keypoints.map((k) => (k.name === 'right_ankle' ? { ...k, score: 0.1 } : k)) };
    expect(byId('plank.off2d.both').fn(viewOf(weak))).toBeNull();
    expect(byId('plank.off2d.best').fn(viewOf(weak))).not.toBeNull();
  });
});
