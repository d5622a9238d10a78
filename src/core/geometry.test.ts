// Geometry: angles come out in degrees (branded), lengths in torso units, unknown points give null,
// and the side facing the camera follows the scores with hysteresis.
import { describe, expect, it } from 'vitest';
import {
  KP,
  angleOf,
  chooseSide,
  createBody,
  distT,
  jointAngle,
  offsetFromLine,
  segmentToHorizontal,
  segmentToVertical,
  tiltFromUp,
  toDegrees,
  toRadians,
  type Body,
  type Degrees,
  type Radians,
} from './geometry';

/** A body with the given points known (pixel coordinates), everything else unknown. */
function body(points: Partial<Record<keyof typeof KP, [number, number, number?]>>, torso = 100): Body {
  const b = createBody();
  for (const [name, [x, y, s]] of Object.entries(points)) {
    const i = KP[name as keyof typeof KP];
    b.x[i] = x;
    b.y[i] = y;
    b.score[i] = s ?? 0.9;
    b.ok[i] = 1;
  }
  b.torso = torso;
  return b;
}

describe('units', () => {
  it('converts between degrees and radians both ways', () => {
    expect(toDegrees(Math.PI as Radians)).toBeCloseTo(180, 10);
    expect(toRadians(90 as Degrees)).toBeCloseTo(Math.PI / 2, 10);
    expect(toDegrees(toRadians(37 as Degrees))).toBeCloseTo(37, 10);
  });
});

describe('joint angles', () => {
  it('gives the interior angle at the vertex in degrees', () => {
    // Shoulder above the elbow, wrist to the side: a right angle.
    const b = body({ left_shoulder: [100, 0], left_elbow: [100, 100], left_wrist: [200, 100] });
    expect(jointAngle(b, KP.left_shoulder, KP.left_elbow, KP.left_wrist)).toBeCloseTo(90, 6);
    // A straight arm is 180°, a folded one near 0°.
    expect(angleOf(0, 0, 50, 0, 100, 0)).toBeCloseTo(180, 6);
    expect(angleOf(100, 1, 0, 0, 100, 0)).toBeLessThan(1);
    // 60° from a known triangle (equilateral).
    expect(angleOf(0, 0, 100, 0, 50, -Math.sqrt(3) * 50)).toBeCloseTo(60, 6);
  });

  it('returns null when a point is unknown or two points coincide, never a guess', () => {
    const b = body({ left_shoulder: [100, 0], left_elbow: [100, 100] });
    expect(jointAngle(b, KP.left_shoulder, KP.left_elbow, KP.left_wrist)).toBeNull();
    expect(angleOf(5, 5, 5, 5, 10, 10)).toBeNull();
    expect(angleOf(NaN, 0, 0, 0, 1, 1)).toBeNull();
  });

  it('measures segments against the horizontal and vertical, direction-free', () => {
    const b = body({ left_hip: [0, 0], left_knee: [100, -100], right_hip: [0, 0], right_knee: [-100, 0] });
    expect(segmentToHorizontal(b, KP.left_hip, KP.left_knee)).toBeCloseTo(45, 6);
    expect(segmentToHorizontal(b, KP.left_knee, KP.left_hip)).toBeCloseTo(45, 6);
    expect(segmentToHorizontal(b, KP.right_hip, KP.right_knee)).toBeCloseTo(0, 6);
    expect(segmentToVertical(b, KP.right_hip, KP.right_knee)).toBeCloseTo(90, 6);
    expect(segmentToHorizontal(b, KP.left_hip, KP.left_ankle)).toBeNull();
    // Up is −y in the image: a point straight above leans 0°, to the image-right +90°.
    expect(tiltFromUp(0, 0, 0, -10)).toBeCloseTo(0, 6);
    expect(tiltFromUp(0, 0, 10, 0)).toBeCloseTo(90, 6);
  });
});

describe('torso-scaled lengths', () => {
  it('divides pixel distance by the torso length, null without a torso', () => {
    const b = body({ left_elbow: [0, 0], right_knee: [30, 40] }, 50);
    expect(distT(b, KP.left_elbow, KP.right_knee)).toBeCloseTo(1, 10); // 50 px / 50 px
    b.torso = 0;
    expect(distT(b, KP.left_elbow, KP.right_knee)).toBeNull();
  });

  it('signs a point above a line as positive whichever way the line runs', () => {
    const b = body({ left_shoulder: [0, 100], left_hip: [100, 80], left_ankle: [200, 100] }, 100);
    expect(offsetFromLine(b, KP.left_shoulder, KP.left_hip, KP.left_ankle)).toBeCloseTo(0.2, 6);
    const r = body({ left_shoulder: [200, 100], left_hip: [100, 130], left_ankle: [0, 100] }, 100);
    expect(offsetFromLine(r, KP.left_shoulder, KP.left_hip, KP.left_ankle)).toBeCloseTo(-0.3, 6);
  });
});

describe('side facing the camera', () => {
  const sided = (l: number, r: number): Body => {
    const pts: Partial<Record<keyof typeof KP, [number, number, number?]>> = {};
    for (const limb of ['shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle'] as const) {
      pts[`left_${limb}`] = [0, 0, l];
      pts[`right_${limb}`] = [0, 0, r];
    }
    return body(pts);
  };

  it('switches to the clearly better-scored side and ignores a small lead (hysteresis)', () => {
    expect(chooseSide(sided(0.5, 0.9), 'left')).toBe('right'); // 6 joints × 0.4 = 2.4 ahead
    expect(chooseSide(sided(0.85, 0.9), 'left')).toBe('left'); // 0.3 ahead: stays
    expect(chooseSide(sided(0.9, 0.85), 'right')).toBe('right');
  });

  it('counts unknown joints as nothing, whatever their stored score', () => {
    const b = sided(0.9, 0.5);
    for (const i of [KP.left_shoulder, KP.left_elbow, KP.left_wrist, KP.left_hip, KP.left_knee]) b.ok[i] = 0;
    expect(chooseSide(b, 'left')).toBe('right');
  });
});
