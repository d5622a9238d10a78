// Plank: forearms (or hands) and toes, the body one straight line from shoulders to ankles.
import { offsetFromLine, type Body } from '../geometry';
import type { ExerciseDef } from './types';
import { angleOn, dT, dropT, finding, hipOffset, names, sideAngle, sideJoints, sideOf, trunkToHorizontal } from './common';

/**
 * Hip below the shoulder–ankle line by more than this (torso lengths) is a sag. Measured on the Thunder
 * fixture of 02 (yogai): the planted sag at 16.5–17.5 s reads −0.27..−0.34 (angle 148–155°, as NOTES.md
 * says), the neutral hold never goes under −0.08.
 */
export const SAG_OFFSET = -0.15;
/**
 * Hip above the line by more than this is "hips high". The piked hold in 04 (bassem) reads +0.15..+0.24
 * (its first 2 s over +0.20); the neutral high plank of 02, filmed obliquely, reads up to +0.19, and the
 * side-view forearm plank 03 under +0.05. 0.20 separates them, narrowly: the oblique views overlap, which
 * is why the plank asks for a side-on camera.
 */
export const HIGH_OFFSET = 0.2;
/**
 * Seen obliquely (shoulder width over OBLIQUE_SW torso lengths) the hip reads higher than it is: the
 * good high plank 08 (govio, sw ≈ 0.5) reads +0.18..+0.22 on its near side. There the bar is raised.
 */
export const OBLIQUE_SW = 0.35;
export const HIGH_OFFSET_OBLIQUE = 0.28;
/** Below this shoulder–hip–ankle angle the body is no longer a plank at all (kneeling, piking, lying down). */
export const LINE_MIN_DEG = 140;
/**
 * The supporting hand or elbow sits under the shoulder within this horizontal distance (torso lengths).
 * Physio convention: elbows (forearm plank) or wrists (high plank) stacked under the shoulders; 0.45 is
 * about a forearm's length off, more than the ≈0.1–0.25 seen in the good holds 03, 05 and 08.
 */
export const STACK_MAX = 0.45;
/**
 * Knees straight (off the floor): a kneeling or tabletop start bends them to ≈90–130° (01 at 0–1.3 s,
 * 02 at 0–4 s); a plank holds them at ≈165–180°.
 */
export const KNEES_OFF_DEG = 150;
export const KNEE_OTHER_MIN = 120;
/**
 * Hip at least this high above the floor line (supporting elbow or hand to ankle), torso lengths. Planks
 * measure 0.36–0.96 (01, 02, 03, 04, the 02 sag included at ≥ 0.47); lying on the forearms after the hold
 * in 01 (35.5–39.5 s) measures 0.15–0.22.
 */
export const HIPS_OFF_FLOOR = 0.3;
/** Shoulders this far above the supporting elbow/wrist (torso lengths): the body is up, not lying flat. */
export const SUPPORT_MIN_DROP = 0.3;
/** The shoulder–ankle line within this angle of the horizontal (a plank, not a standing body). */
export const BODY_TILT_MAX = 40;

function support(b: Body): { sh: number; pt: number } | null {
  const j = sideJoints(b, ['shoulder', 'elbow', 'wrist']);
  if (!j) {
    const e = sideJoints(b, ['shoulder', 'elbow']);
    return e ? { sh: e[0] as number, pt: e[1] as number } : null;
  }
  const [sh, el, wr] = j as [number, number, number];
  // High plank: the arm is straight and the hand carries the body; forearm plank: the elbow does.
  const straight = (sideAngle(b, 'shoulder', 'elbow', 'wrist', sideOf(sh)) ?? 0) > 140;
  return { sh, pt: straight ? wr : el };
}

/**
 * One knee straight and the other not folded under (a one-leg-back transition is not a plank yet: 02 at
 * 5.5–7.5 s). The far knee is often half hidden and reads 130–148° in a real plank (01, 3/4 view), so it
 * only has to clear KNEE_OTHER_MIN.
 */
function kneesOff(b: Body): boolean {
  const l = angleOn(b, 'left', 'hip', 'knee', 'ankle'), r = angleOn(b, 'right', 'hip', 'knee', 'ankle');
  if (l === null && r === null) return false;
  const hi = Math.max(l ?? 0, r ?? 0), lo = Math.min(l ?? 180, r ?? 180);
  return hi >= KNEES_OFF_DEG && lo >= KNEE_OTHER_MIN;
}

/** Hip height above the floor line (supporting elbow/hand to ankle), torso lengths. */
function hipLift(b: Body): number | null {
  const s = support(b);
  const j = sideJoints(b, ['hip', 'ankle'], s ? sideOf(s.sh) : b.side);
  if (!s || !j) return null;
  return offsetFromLine(b, s.pt, j[0] as number, j[1] as number);
}

function shoulderWidth(b: Body): number {
  return dT(b, 5, 6) ?? 0;
}

function lineTilt(b: Body): number | null {
  const j = sideJoints(b, ['shoulder', 'ankle']);
  if (!j) return null;
  const dx = Math.abs((b.x[j[1] as number] as number) - (b.x[j[0] as number] as number));
  const dy = Math.abs((b.y[j[1] as number] as number) - (b.y[j[0] as number] as number));
  return (Math.atan2(dy, dx) * 180) / Math.PI;
}

function proneSupported(b: Body): boolean {
  const tilt = lineTilt(b);
  const tr = trunkToHorizontal(b);
  const s = support(b);
  const drop = s ? dropT(b, s.sh, s.pt) : null;
  return tilt !== null && tilt <= BODY_TILT_MAX && (tr === null || tr <= 50) && drop !== null && drop >= SUPPORT_MIN_DROP;
}

export const plank: ExerciseDef = {
  id: 'plank',
  name: 'Plank',
  group: 'strength',
  instructions: [
    'Set the camera side-on, about hip height, with your whole body in view.',
    'Lie face down, then rise onto your forearms and toes.',
    'Keep shoulders, hips and ankles in one straight line.',
    'Elbows stay under your shoulders. Breathe and hold.',
  ],
  view: 'side',
  required: ['shoulder', 'elbow', 'hip', 'ankle'],
  posture: { id: 'prone-supported', cue: 'Get onto your forearms and toes', check: proneSupported },
  counter: {
    kind: 'hold',
    // Hold must be steady 0.5 s to start; breaks under 0.4 s are ignored; gaps over 1 s are not credited.
    hold: { enterMs: 500, exitMs: 400, maxGapMs: 1000 },
    inPosition: (b) => proneSupported(b) && (sideAngle(b, 'shoulder', 'hip', 'ankle') ?? 0) >= LINE_MIN_DEG &&
      kneesOff(b) && (hipLift(b) ?? 0) >= HIPS_OFF_FLOOR,
  },
  metric: (b) => sideAngle(b, 'shoulder', 'hip', 'ankle'),
  metricLabel: 'shoulder–hip–ankle angle (°)',
  checks: [
    (b) => {
      const o = hipOffset(b);
      const j = sideJoints(b, ['shoulder', 'hip', 'ankle']);
      if (o === null || !j || o > SAG_OFFSET) return null;
      return finding('hips-sagging', 'safety', names(sideOf(j[0] as number), 'shoulder', 'hip', 'ankle'), 'Lift your hips into line');
    },
    (b) => {
      const o = hipOffset(b);
      const j = sideJoints(b, ['shoulder', 'hip', 'ankle']);
      if (o === null || !j || o < (shoulderWidth(b) > OBLIQUE_SW ? HIGH_OFFSET_OBLIQUE : HIGH_OFFSET)) return null;
      return finding('hips-high', 'major', names(sideOf(j[0] as number), 'shoulder', 'hip', 'ankle'), 'Lower your hips into line');
    },
    (b) => {
      const s = support(b);
      if (!s || !(b.torso > 0) || b.ok[s.sh] !== 1 || b.ok[s.pt] !== 1) return null;
      const off = Math.abs((b.x[s.pt] as number) - (b.x[s.sh] as number)) / b.torso;
      if (off <= STACK_MAX) return null;
      const side = sideOf(s.sh);
      return finding('elbows-misplaced', 'minor', names(side, 'shoulder', 'elbow', 'wrist'), 'Bring your elbows under your shoulders');
    },
  ],
  defaults: { holdSec: 20, sets: 2 },
  faultIds: ['hips-sagging', 'hips-high', 'elbows-misplaced'],
};

