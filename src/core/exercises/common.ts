// Measurements several exercises share. All return null when a point they need is unknown.

import {
  KP,
  jointAngle,
  jointIndex,
  offsetFromLine,
  otherSide,
  type Body,
  type Degrees,
  type KeypointName,
  type Limb,
  type Side,
  type TorsoLengths,
} from '../geometry';
import type { Finding, Severity, Unsure } from './types';

/** Indices of the given joints on the side facing the camera, else on the other side; null if neither has all. */
export function sideJoints(b: Body, limbs: readonly Limb[], prefer: Side = b.side): number[] | null {
  for (const s of [prefer, otherSide(prefer)]) {
    let all = true;
    for (const l of limbs)
      if (b.ok[jointIndex(s, l)] !== 1) {
        all = false;
        break;
      }
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

/** A rule that cannot judge this frame, and why (see ruleContext's Unsure). */
export const unsure = (faultId: string, why: Unsure['why']): Unsure => ({ unsure: faultId, why });
export const finding = (faultId: string, severity: Severity, joints: readonly KeypointName[]): Finding => ({ faultId, severity, joints });

/** Midpoint of a pair into out; false if neither side is known. */
export function mid(b: Body, limb: Limb, out: { x: number; y: number }): boolean {
  const l = jointIndex('left', limb),
    r = l + 1;
  // One shoulder or hip lost for a moment: the midpoint is unknown, not the other point (Body.pairGap).
  if (b.pairGap[l] === 1) return false;
  const lo = b.ok[l] === 1,
    ro = b.ok[r] === 1;
  if (lo && ro) {
    out.x = ((b.x[l] as number) + (b.x[r] as number)) / 2;
    out.y = ((b.y[l] as number) + (b.y[r] as number)) / 2;
    return true;
  }
  if (lo || ro) {
    const i = lo ? l : r;
    out.x = b.x[i] as number;
    out.y = b.y[i] as number;
    return true;
  }
  return false;
}

const A = { x: 0, y: 0 },
  B = { x: 0, y: 0 };
/**
 * Trunk tilt from vertical (hip midpoint → shoulder midpoint), degrees 0..180: 0 = upright,
 * 90 = horizontal (lying, hinged), 180 = upside down.
 */
export function trunkFromVertical(b: Body): Degrees | null {
  if (!mid(b, 'hip', A) || !mid(b, 'shoulder', B)) return null;
  const dx = B.x - A.x,
    dy = A.y - B.y;
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
  const dx = B.x - A.x,
    dy = A.y - B.y;
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

/** Shoulder width (left to right shoulder, picture) over the torso length; null when a shoulder or the torso is unknown. */
export function shoulderWidth(b: Body): number | null {
  if (b.ok[KP.left_shoulder] !== 1 || b.ok[KP.right_shoulder] !== 1 || !(b.torso > 0)) return null;
  return (
    Math.hypot(
      (b.x[KP.left_shoulder] as number) - (b.x[KP.right_shoulder] as number),
      (b.y[KP.left_shoulder] as number) - (b.y[KP.right_shoulder] as number),
    ) / b.torso
  );
}

/** Hip width (left to right hip, picture, px); NaN when a hip is unknown. */
export function hipWidthPx(b: Body): number {
  if (b.ok[KP.left_hip] !== 1 || b.ok[KP.right_hip] !== 1) return NaN;
  return Math.hypot(
    (b.x[KP.left_hip] as number) - (b.x[KP.right_hip] as number),
    (b.y[KP.left_hip] as number) - (b.y[KP.right_hip] as number),
  );
}

/** The better of the two sides' readings: the larger (`pick` 'max') or the smaller ('min'); one side's when the other is unknown. */
export function betterOfSides(l: number | null, r: number | null, pick: 'max' | 'min'): number | null {
  if (l === null) return r;
  if (r === null) return l;
  return pick === 'max' ? Math.max(l, r) : Math.min(l, r);
}

/** Elbow angle (shoulder–elbow–wrist) on one side. */
export const elbowAngle = (b: Body, s: Side): Degrees | null => angleOn(b, s, 'shoulder', 'elbow', 'wrist');

/**
 * Hinged forward: the trunk at least this far from vertical (°), for the exercises done bent over (reverse fly,
 * dumbbell row). A standing body reads 0–15°.
 */
export const HINGED_MIN_DEG = 30;
/**
 * Seen from the front a hinged trunk points at the camera and looks upright (e16 and e21, hinged ≈45°, read 7–11°
 * from vertical), but it is foreshortened: the shoulders read wider than this many (picture) torso lengths. A body
 * upright and facing the camera reads 0.75–0.9 (b01, b02); e16 1.5–1.7, e21 (rowing, Thunder) 1.8–7 (bent further, the trunk nearly end-on).
 */
export const HINGED_FRONT_WIDTH = 1.2;
/** Hinged forward, seen from the side (the trunk's tilt) or from the front (the trunk foreshortened). */
export function hingedForward(b: Body): boolean {
  return (trunkFromVertical(b) ?? 0) >= HINGED_MIN_DEG || (shoulderWidth(b) ?? 0) > HINGED_FRONT_WIDTH;
}
/** Hinged and seen from the front: the trunk's tilt cannot be read (a swing of it is not seen). */
export function hingedSeenFromFront(b: Body): boolean {
  return (shoulderWidth(b) ?? 0) > HINGED_FRONT_WIDTH;
}

/**
 * Tempo of a weighted rep (rows, flys, presses), judged on the whole excursion past the rest threshold (leaving
 * rest → back at rest), which at 15 fps is measured to ±1 frame, unlike the 1–3 frames the arms take to cross
 * the middle band. The ACSM position stand on resistance training (Med Sci Sports Exerc 2009;41:687–708) calls
 * 1–2 s up and 1–2 s down "moderate" velocity; a rep at its fastest (2 s in all) spends ≈1 s past mid-range.
 * The good-form demos measured here: reverse fly 23/24 excursions 667–1133 ms (Thunder and Lightning), one-arm
 * row 20 ≈1.9 s. Under 450 ms (a whole rep in well under a second, ≈7 frames at 15 fps) is a swing, not a
 * controlled rep.
 */
export const MIN_CYCLE_MS = 450;

/** Trunk angle moving more than this (°) from its rest value during a rep = swinging (rows, flys). */
export const SWING_DEG = 15;
/**
 * At rest the trunk reference follows the trunk, but at most REF_SLEW_DEG_PER_SEC: the frame on which a heave starts
 * is still "rest" to the counter (checks run before it steps), and must not become the reference (23 with a planted
 * 25° heave: the reference jumped with it). A real change of position, or a camera cut, is followed within a few
 * frames. A rate, not a step per frame: 3° a frame at the fixtures' 15 fps, where it was set, but the live loop reads
 * 10 fps on a slow laptop and 30 on a fast one (20 read at 10 fps: a trunk settling at rest left the reference
 * behind, and the next pull read as a swing). One step follows at most SLEW_STEP_MAX_MS of it, so a picture after a
 * gap cannot carry the reference with a heave either.
 */
export const REF_SLEW_DEG_PER_SEC = 45;
export const SLEW_STEP_MAX_MS = 150;

/** The trunk reference trunkSwing keeps, when it was last stepped (ms), and this frame's swing (NaN until seen / when unknown). */
export interface SwingMemory {
  trunk: number;
  trunkT: number;
  swing: number;
}
export const swingMemory = (): SwingMemory => ({ trunk: NaN, trunkT: NaN, swing: NaN });

/**
 * How far the trunk has moved from its rest angle (°, from vertical) during a rep; 0 at rest, where the
 * reference follows the trunk (REF_SLEW_DEG_PER_SEC). Updates `m`; null when the trunk is unknown.
 */
export function trunkSwing(b: Body, m: SwingMemory, phase: string, t: number): number | null {
  const v = trunkFromVertical(b);
  if (v === null) return null;
  const dt = Number.isNaN(m.trunkT) ? 0 : Math.max(0, Math.min(SLEW_STEP_MAX_MS, t - m.trunkT));
  m.trunkT = t;
  if (Number.isNaN(m.trunk)) {
    m.trunk = v;
    return 0;
  }
  if (phase === 'rest') {
    const step = (REF_SLEW_DEG_PER_SEC * dt) / 1000;
    m.trunk += Math.max(-step, Math.min(step, v - m.trunk));
    return 0;
  }
  return Math.abs(v - m.trunk);
}

/** This frame's trunkSwing into `m.swing` (NaN when unknown): an exercise's `remember`. */
export function rememberSwing(b: Body, m: SwingMemory, phase: string, t: number): void {
  m.swing = trunkSwing(b, m, phase, t) ?? NaN;
}

const CP = { x: 0, y: 0 },
  CQ = { x: 0, y: 0 };
/**
 * The trunk's rise from the floor, 90° − (trunk angle from vertical), signed (below 0 when the shoulders sit
 * lower in the picture than the hips): the crunches' curl.
 */
export function curlAngle(b: Body): number | null {
  const v = trunkFromVertical(b);
  if (v === null || !mid(b, 'hip', CP) || !mid(b, 'shoulder', CQ)) return null;
  return 90 - v;
}

/**
 * Where a joint sits along the trunk from the shoulder on its side (torso lengths): + toward the head, − toward
 * the hips. From the picture; where the picture lacks a point, from BlazePose's world points when it gives them
 * (they place the far arm a side view hides). Null when a point is unknown.
 */
export function alongTrunk(b: Body, s: Side, limb: Limb): number | null {
  const sh = jointIndex(s, 'shoulder'),
    hp = jointIndex(s, 'hip'),
    j = jointIndex(s, limb);
  const seen = b.ok[sh] === 1 && b.ok[hp] === 1 && b.ok[j] === 1 && b.torso > 0;
  if (!seen && b.wok[sh] === 1 && b.wok[hp] === 1 && b.wok[j] === 1) {
    const ux = (b.wx[sh] as number) - (b.wx[hp] as number),
      uy = (b.wy[sh] as number) - (b.wy[hp] as number),
      uz = (b.wz[sh] as number) - (b.wz[hp] as number);
    const n = Math.hypot(ux, uy, uz);
    if (!(n > 0)) return null;
    return (
      (((b.wx[j] as number) - (b.wx[sh] as number)) * ux +
        ((b.wy[j] as number) - (b.wy[sh] as number)) * uy +
        ((b.wz[j] as number) - (b.wz[sh] as number)) * uz) /
      (n * n)
    );
  }
  if (!seen) return null;
  const ux = (b.x[sh] as number) - (b.x[hp] as number),
    uy = (b.y[sh] as number) - (b.y[hp] as number);
  const n = Math.hypot(ux, uy);
  if (!(n > 0)) return null;
  return (((b.x[j] as number) - (b.x[sh] as number)) * ux + ((b.y[j] as number) - (b.y[sh] as number)) * uy) / n / b.torso;
}

/**
 * The trunk's turn about its long axis as the picture shows it: the left shoulder's x minus the right's, in
 * torso lengths (signed by the labels). Seen from the side it swings from one sign to the other as the trunk
 * rotates toward and away from the camera. Null when a shoulder is unknown.
 */
export function trunkTurn(b: Body): number | null {
  if (b.ok[KP.left_shoulder] !== 1 || b.ok[KP.right_shoulder] !== 1 || !(b.torso > 0)) return null;
  return ((b.x[KP.left_shoulder] as number) - (b.x[KP.right_shoulder] as number)) / b.torso;
}
