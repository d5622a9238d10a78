// Measurements several exercises share. All return null when a point they need is unknown.

import {
  KP, jointAngle, jointIndex, offsetFromLine, otherSide,
  type Body, type Degrees, type KeypointName, type Limb, type Side, type TorsoLengths,
} from '../geometry';
import type { Finding, Severity } from './types';

/** Indices of the given joints on the side facing the camera, else on the other side; null if neither has all. */
export function sideJoints(b: Body, limbs: readonly Limb[], prefer: Side = b.side): number[] | null {
  for (const s of [prefer, otherSide(prefer)]) {
    let all = true;
    for (const l of limbs) if (b.ok[jointIndex(s, l)] !== 1) { all = false; break; }
    if (all) return limbs.map((l) => jointIndex(s, l));
  }
  return null;
}

/** Which side sideJoints picked (for naming joints in findings). */
export function sideOf(i: number): Side {
  return i % 2 === 1 ? 'left' : 'right';
}

/** Interior angle at the middle joint on the best visible side. */
export function sideAngle(b: Body, a: Limb, v: Limb, c: Limb, prefer?: Side): Degrees | null {
  const j = sideJoints(b, [a, v, c], prefer);
  return j ? jointAngle(b, j[0] as number, j[1] as number, j[2] as number) : null;
}

/** Interior angle on one given side. */
export function angleOn(b: Body, s: Side, a: Limb, v: Limb, c: Limb): Degrees | null {
  return jointAngle(b, jointIndex(s, a), jointIndex(s, v), jointIndex(s, c));
}

/** Hip offset above (+) or below (−) the shoulder–ankle line, torso lengths, best side. */
export function hipOffset(b: Body): TorsoLengths | null {
  const j = sideJoints(b, ['shoulder', 'hip', 'ankle']);
  return j ? offsetFromLine(b, j[0] as number, j[1] as number, j[2] as number) : null;
}

export const names = (s: Side, ...limbs: Limb[]): KeypointName[] => limbs.map((l) => `${s}_${l}` as KeypointName);
export const both = (...limbs: Limb[]): KeypointName[] => [...names('left', ...limbs), ...names('right', ...limbs)];

export const finding = (faultId: string, severity: Severity, joints: readonly KeypointName[], message: string): Finding =>
  ({ faultId, severity, joints, message });

/** Midpoint of a pair into out; false if neither side is known. */
export function mid(b: Body, limb: Limb, out: { x: number; y: number }): boolean {
  const l = jointIndex('left', limb), r = l + 1;
  // One shoulder or hip lost for a moment: the midpoint is unknown, not the other point (Body.pairGap).
  if (b.pairGap[l] === 1) return false;
  const lo = b.ok[l] === 1, ro = b.ok[r] === 1;
  if (lo && ro) { out.x = ((b.x[l] as number) + (b.x[r] as number)) / 2; out.y = ((b.y[l] as number) + (b.y[r] as number)) / 2; return true; }
  if (lo || ro) { const i = lo ? l : r; out.x = b.x[i] as number; out.y = b.y[i] as number; return true; }
  return false;
}

const A = { x: 0, y: 0 }, B = { x: 0, y: 0 };
/**
 * Trunk tilt from vertical (hip midpoint → shoulder midpoint), degrees 0..180: 0 = upright,
 * 90 = horizontal (lying, hinged), 180 = upside down.
 */
export function trunkFromVertical(b: Body): Degrees | null {
  if (!mid(b, 'hip', A) || !mid(b, 'shoulder', B)) return null;
  const dx = B.x - A.x, dy = A.y - B.y;
  if (dx === 0 && dy === 0) return null;
  return ((Math.atan2(Math.abs(dx), dy) * 180) / Math.PI) as Degrees;
}

/** Trunk angle to the horizontal, 0..90°, direction-free. */
export function trunkToHorizontal(b: Body): Degrees | null {
  const v = trunkFromVertical(b);
  return v === null ? null : ((v > 90 ? v - 90 : 90 - v) as Degrees);
}

/** Signed sideways tilt of the trunk in the image, degrees: + = shoulders to image-right of hips. */
export function trunkSideTilt(b: Body): Degrees | null {
  if (!mid(b, 'hip', A) || !mid(b, 'shoulder', B)) return null;
  const dx = B.x - A.x, dy = A.y - B.y;
  if (dx === 0 && dy === 0) return null;
  return ((Math.atan2(dx, dy) * 180) / Math.PI) as Degrees;
}

/** Distance between two named points in torso lengths, or null. */
export function dT(b: Body, i: number, j: number): number | null {
  if (b.ok[i] !== 1 || b.ok[j] !== 1 || !(b.torso > 0)) return null;
  return Math.hypot((b.x[i] as number) - (b.x[j] as number), (b.y[i] as number) - (b.y[j] as number)) / b.torso;
}

/** Vertical drop from point i down to point j (j below i in the image = positive), torso lengths. */
export function dropT(b: Body, i: number, j: number): number | null {
  if (b.ok[i] !== 1 || b.ok[j] !== 1 || !(b.torso > 0)) return null;
  return ((b.y[j] as number) - (b.y[i] as number)) / b.torso;
}

export { KP };
