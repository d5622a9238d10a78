// Plank: forearms (or hands) and toes, the body one straight line from shoulders to ankles.
//
// Two questions, kept apart (issue 11): is this person doing a plank at all (the posture: prone, held up
// on the forearms or hands, knees off the floor, hips off the floor), and is the plank good (the rules:
// the bend of the body line at the hips, the elbows under the shoulders). Every attempt is judged, so a
// plank held sagging or piked from the first frame is told so; only good-form time is credited.
//
// The body line is read on the midline (midpoints of the left and right shoulders, hips and ankles), not
// on the side nearer the camera. A straight line in the world stays straight in any camera's picture, so
// the midline of a straight body reads straight from any view; one side's points do not (the shoulder sits
// wider than the hip and the ankle, and a raised camera turns that width into height: a good plank filmed
// from 20–40° above reads its near hip 0.04–0.13 torso lengths high and its far hip as much low; see
// scripts/lib/plankViews.ts, which projects a plank through cameras at 0–60° of turn and 0–40° of height).
import {
  floorNormal,
  heightAbove,
  offsetFromLine,
  worldAngle,
  worldFoot,
  worldMid,
  FOOT,
  KP,
  type Body,
  type Degrees,
  type Side,
  type V3,
} from '../geometry';
import { defineExercise } from './types';
import { near, NEAR_MS, updateNear, type Near } from './steady';
import { hold } from '../counting/hold';
import type { ByFamily } from '../pose';
import { angleOn, dropT, finding, names, shoulderWidth, sideAngle, sideJoints, sideOf, trunkToHorizontal, unsure } from './common';

/**
 * Shoulder width over torso length seen face-on. MoveNet Thunder on the front-view clips: b01 (chair)
 * 0.75–0.9, b02 0.8. Used to tell how far the camera has turned from a side view.
 */
export const SHOULDER_TORSO = 0.8;
/**
 * Which reading of the hips' bend the rules use: MoveNet's 2D midline bend (hipBend); BlazePose's 3D bend
 * (hipBend3D) whenever its world points are there (the live app and every recorded BlazePose stream); BlazePose's
 * 2D midline bend when they are not (the labelled MediaPipe plank set carries only picture points: its depth
 * column is not in world units, and reads its correct planks at 20–36° of 3D bend). The two families place the
 * hips and shoulders differently (NOTES.md), so each reading has its own thresholds.
 */
export type HipMeasure = 'movenet' | 'blazepose-3d' | 'blazepose-2d';
export const HIP_MEASURES: readonly HipMeasure[] = ['movenet', 'blazepose-3d', 'blazepose-2d'];
/**
 * Readings whose sign is noise on a good plank, so that their sag and high thresholds are one size (fitted on
 * |bend|, see BlazePose's below): the 3D bend of a good plank is 10–17° either way.
 */
export const SIGN_FREE: readonly HipMeasure[] = ['blazepose-3d'];
/**
 * The body line's bend at the hips (°, + = hips above the shoulder–ankle line, − = below), per reading. Each
 * pair is fitted from every labelled example of its reading by scripts/lib/thresholds.ts (fitPlank): for each
 * side, the nearer to the good planks of midway between the good planks' edge (the most extreme 5th/95th
 * percentile over the good sources) and the faults' edge (the least extreme median over the fault sources), and
 * three noise widths of a steady good hold past the good edge (EDGE_NOISE_WIDTHS: a fault milder than any in the
 * fit is still a fault). A test keeps these constants equal to the fit, and `npm run eval` refits with each
 * source left out. The examples (5th / 50th / 95th percentiles, scripts/study/plankHips.ts):
 *
 * movenet (Thunder, 2D midline, corrected for a camera turned toward the head or feet, see hipBend). The sag rule
 * reads the shoulders (hipBend), the hips-high rule the line from the head (headHipBend, see pikeLine):
 * - good planks, 9 sources, shoulders | from the head: 01 −1.6/2.1/3.6 | −11.4/−6.8/−1.0, 02 8.6/12.5/15.3 |
 *   7.6/10.0/13.0, 03 1.4/3.0/5.0 | 1.8/3.0/5.9, 05 8.6/9.3/11.6 | 10.0/10.7/11.2, 08 12.2/13.4/15.9 |
 *   12.6/14.4/15.8, c09 3.6/4.8/6.6 | 3.6/4.8/6.3, c11 −7.0/−5.8/−2.3 | −1.3/3.9/7.6, c14 8.5/11.1/12.5 |
 *   9.9/10.9/12.1; MediaPipe correct planks 1.9/7.6/17.2 (no ears: the shoulders both times);
 * - sags (shoulders): 02 −31.1 (median), 31 −26.3 and −27.4; MediaPipe sagging −16.3 (median);
 * - pikes (from the head): 04 19.8/23.6/27.5 (its shoulders read 12.1/17.5/20.1, inside 02's and 08's good
 *   planks); MediaPipe hips-high 49.0 (median).
 * Sag: midway between −7.0 (c11) and −16.3 → −11.7 (three noise widths, 2.4° each, would be −14.2). High:
 * midway between 17.2 (MediaPipe correct) and 23.6 (04) → 20.4 (three noise widths of 2.7° would be 25.2): 3.2°
 * from either edge, 4.6° above 08's good 95th percentile. Left out: with the MediaPipe set out, sag −12.8
 * (was −17.0); with 04 out, high 25.2 (was 33.1): 04 is still found on its upper frames, its median 1.6° short.
 *
 * blazepose-3d (BlazePose full's world points, 3D bend, frames with an invented leg left out, see legsImplausible):
 * - good planks, 8 sources: 01 −17.3/−14.9/−12.1, 02 12.4/15.0/17.2, 03 9.9/11.0/12.1, 05 11.0/11.8/12.6,
 *   08 12.7/14.0/14.9, c09 −11.4/−10.3/−9.6, c11 −11.7/−10.7/10.2, c14 10.7/12.0/13.7 (side and 3/4 views alike);
 * - sags: 02 −25.5, 31 −20.4 and −20.2 (medians); pike: 04 17.0/20.4/24.3.
 * A good plank's 3D bend is 10–17° either way: the shoulders sit wider than the hips, so each side's line bends
 * inward at the hip, and which way the hip reads against the floor is noise at that size (01, c09, c11 below,
 * the others above); a fault adds its bend to it, and its sign then says which fault. So the reading is fitted
 * on its size (SIGN_FREE): midway between the largest good 95th percentile, 17.3 (01), and the smallest fault
 * median, 20.2 (31's sag) → 18.8 either way, a margin of 1.5°. Left out by source it stays at 18.7–18.9, and a
 * sag teaches the pike's threshold too: with 04 left out its pike (20.4) is still past it.
 * The labelled MediaPipe set cannot take part: it has no world points.
 *
 * blazepose-2d (BlazePose's picture points, midline bend as for MoveNet), used only where world points are missing:
 * the labelled MediaPipe set is the data it judges, so it is fitted on the set's files, each file a source (many
 * people, several camera angles; dataset3 and dataset4 share their recordings: one source). Correct: plank_01–07
 * and kaggle, 5th percentiles −0.4 (kaggle) to 15.3, 95th up to 18.3 (plank_02); sagging: file medians −14.0
 * (bad_04, bad_05) to −26.6; hips high: 49.0. A steady file's noise is 0.8°, so three noise widths set both:
 * sag −0.4 − 2.3 → −2.8 (midway would be −7.2), high 18.3 + 2.3 → 20.7 (midway 33.7). (On the clips' BlazePose
 * streams this 2D reading puts 04's mild pike at 13.6, inside the good planks, as every 2D measure of every model
 * did: the 3D reading is what catches it.)
 */
export const SAG_DEG: Readonly<Record<HipMeasure, number>> = { movenet: -11.0, 'blazepose-3d': -21.3, 'blazepose-2d': -2.8 };
export const HIGH_DEG: Readonly<Record<HipMeasure, number>> = { movenet: 20.0, 'blazepose-3d': 21.3, 'blazepose-2d': 20.7 };
/**
 * The good planks' edge, per reading: a bend past it (toward a fault) and short of the fault's threshold is in the
 * band of doubt, where the rule is unsure (issue 17: "inside a band of doubt, neither praise nor fault. Keep
 * counting"). Fitted with the thresholds (scripts/lib/thresholds.ts fitPlank: the good sources' most extreme
 * 5th/95th percentile).
 */
export const SAG_DOUBT_DEG: Readonly<Record<HipMeasure, number>> = { movenet: -7.0, 'blazepose-3d': -20.1, 'blazepose-2d': -0.4 };
export const HIGH_DOUBT_DEG: Readonly<Record<HipMeasure, number>> = { movenet: 18.3, 'blazepose-3d': 20.1, 'blazepose-2d': 18.3 };
/**
 * Once a hip fault is raised it stands until the bend is back inside the good planks by this much (°) past their
 * edge (the doubt edge): a fault lasts as long as the form does. e03 holds its pike for 12 s, read 24° for 3 s and
 * then 14–21° as his head comes up (his shoulders' line 16–21°): with the exit at the threshold the pike was
 * dropped after 3.6 s and 8.6 s were credited as good form. A plank's bend wanders ±2–4° from frame to frame.
 */
export const HIP_HYST_DEG = 3;
/**
 * The hip rules read each line as its median over this long (ms) of judged frames on which it could be read: a
 * plank's line changes over a second or more, and the points of a farther or noisier camera wobble it from frame to
 * frame. The real clips' points jitter 0.1–0.4 % of the picture's long side from frame to frame; at 0.5 % (tests/kit/
 * degrade.ts withJitter, 20 random patterns, thresholds left out) a good oblique plank read a sag on 9 (c11:
 * its line −2 to −10° from one frame to the next), and e03's standing pike dropped out of its fault on one frame and
 * was credited as good form on 16. Read as the median over 250 ms: 2 and 9. A longer window lags a real change more:
 * at 400 ms (2 and 5) BlazePose full read 01's rise from the floor as a sag for 1.0 s instead of 0.9.
 */
export const HIP_MEDIAN_MS = NEAR_MS;
/**
 * MoveNet's hips-high reads the line from the head (pikeLine), which a head hung low bends as much as raised hips
 * (a correct plank looking at the floor). A pike raises the hips on the shoulders' line too: the pikes read 11–20°
 * there (04, e03, e04: 5th percentiles 11.0–16.3°), good planks mostly under 13° (their medians −6 to 13°). Past
 * the threshold from the head with the shoulders' line under this, the rule is unsure, not at fault.
 */
export const HIGH_SHOULDER_MIN = 10;
/**
 * Past this turn from a side view (°, see viewTurn) the hip line is no longer judged: ask for a side view.
 * MoveNet (from the shoulders' width in the picture): side and 3/4 views measure 0.7–34° (c14 side, 02, 04, c09,
 * c11, 01 and 08 at 32–34°); c14's head-on shot 60–67°; the simulation (plankViews.ts) reads a true 45° turn as
 * 33–37°. BlazePose (the body line's direction in its world points, a true angle): side and 3/4 planks 1–21°
 * (01 37–40°, 08 36–38°), 3/4 press-ups up to 48° (c04), head-on 82–90° (c14's shot, c04's, 16); the picture's
 * shoulder width reads that head-on shot at only 44–60° and takes 0.7 s to get there after the dissolve.
 */
export const VIEW_TURN_MAX: ByFamily<number> = { movenet: 50, blazepose: 60 };
/**
 * Up to this turn (°) the hip line is read surely; between it and VIEW_TURN_MAX the hip rules are unsure (neither
 * praise nor fault; the hold goes on). MoveNet: the side and 3/4 planks above read ≤ 34°; the laptop view from the
 * head end (e02, front-oblique) reads 48–53° and its hip line swings from −9° to +30° within seconds of a steady
 * hold. BlazePose (3D): side and 3/4 planks ≤ 40° (01 37–40°).
 */
export const VIEW_SURE_TURN: ByFamily<number> = { movenet: 40, blazepose: 45 };
/**
 * Seen from the head end (turned past VIEW_TURN_MAX) a body lying along the floor shows its torso end-on: the
 * shoulders read wider than the torso is long. Shoulder width over torso length (the picture's): head-end planks
 * e01 1.31–1.87, e09 1.42–1.65, c14's head-on shot 1.38–1.87 (5th–95th); an upright torso facing the camera reads
 * far less: a press-up arched up (16) 0.99–1.04, c04's head-on 0.81–0.83, sitting (b01) 0.29–0.88, standing (c02)
 * 0.50–0.63. Past this, with the elbows under and below the shoulders, a person seen head-on is planking: the hold
 * is timed, and the hip line, which this view cannot show, is not judged (the coach says so: plank.view).
 */
export const HEAD_ON_TORSO_WIDTH = 1.2;
/** ... with the elbows at least this far below the shoulders (shoulder widths): e01 0.7, e09 0.87, c14 0.56 (medians). */
export const HEAD_ON_ELBOWS_BELOW = 0.3;
/**
 * The supporting hand or elbow sits under the shoulder within this horizontal distance (torso lengths).
 * Physio convention: elbows (forearm plank) or wrists (high plank) stacked under the shoulders; 0.45 is
 * about a forearm's length off, more than the ≈0.1–0.25 seen in the good holds 03, 05 and 08.
 */
export const STACK_MAX = 0.45;
/**
 * Knees straight (off the floor): a kneeling or tabletop start bends them to ≈90–130° (02 at 0–4 s,
 * 02's one-leg-back step at 5.5–7.5 s has one knee at 95–100°); a plank holds them at ≈160–180°.
 */
export const KNEES_OFF_DEG = 150;
export const KNEE_OTHER_MIN = 120;
/**
 * Seen turned toward the head or feet (past VIEW_SURE_TURN) the legs are foreshortened and a straight knee reads
 * bent: the laptop view e02 (48–53° of turn) reads its straight legs 125–177° (5th percentile 125°, median 153°).
 * Kneeling reads less: e05's kneeling start 72–111°, 02's 83–92° (e10's 119–128° is seen near side-on, where the
 * straight-knee test applies).
 */
export const KNEES_OFF_TURNED_DEG = 120;
/**
 * With the feet out of the picture (ankles unseen on both sides, e05: a close camera), the knees cannot be
 * measured: the thigh continuing the trunk's line says the body is held straight, not folded onto the knees (a
 * tabletop or kneeling start bends 70–100° at the hips). The bend at the hips of shoulder–hip–knee (°) under this.
 */
export const THIGH_IN_LINE_DEG = 35;
/**
 * Hips off the floor: hip at least this high above the floor line (supporting elbow or hand to ankle), torso
 * lengths, when the model gives no feet (MoveNet). Thunder: planks 0.35–0.96 (the sags of 02 ≥ 0.45); lying
 * on the forearms with the hips down 0.15–0.23 (01 at 35.5–39 s, c14's sphinx at 6.5–10.5 s), kneeling
 * 0.02–0.19 (01 at 0–1.2 s). Without feet a sag deeper than this cannot be told from lying on the elbows;
 * the coach then says to lift the hips off the floor.
 */
export const HIPS_OFF_FLOOR = 0.3;
/**
 * Hips under HIPS_OFF_FLOOR but the body line clearly sagging (hipLine at or past the sag threshold) and the legs
 * raised off the floor (on the toes): a plank held with the hips sagging, judged and told, not turned away as lying
 * down (issue 17: "a sagging plank is taken for lying down"). The legs raised: an ankle (else a knee) this far
 * above the supporting elbow or hand in the picture (torso lengths). Measured (5th/50th/95th): the labelled
 * MediaPipe sags given only MoveNet's points 0.07–0.19 / 0.15–0.51 / 0.16–0.56 by file (the frames the line alone
 * left as lying down read 0.04–0.10); 02's and 31's sags 0.31 and 0.24 (medians); lying on the elbows with the legs
 * on the floor, c14's sphinx (side view) −0.02/−0.01/0.07, its body line sagging as much as a sag's. Only the sag
 * path uses it: a straight body that low (c14's prone start, legs at −0.13/0.07/0.08) is lying, not planking.
 */
export const LEGS_RAISED = 0.05;
/**
 * ... judged so only from near side-on (viewTurn up to this, °): turned toward the head or feet, the feet lie
 * farther from the camera than the hands, and a camera above the floor shows farther points higher. The labelled
 * sags read 2–13° of turn, 02's and 31's 5–11°; 01 (low 3/4 view) reads 29–39° and its lying start and end put the
 * feet 0.19–0.29 above the elbows with the legs on the floor.
 */
export const TOES_VIEW_MAX = 20;
/**
 * With feet (BlazePose heels and toes): toes tucked under = on the toes, the plank's support, whatever the
 * hip height: the toe sits below the heel by at least this (torso lengths). The labelled MediaPipe planks,
 * all classes: 0.22 and over (5th percentile); lying with the feet pointed puts the toe level with the heel.
 */
export const TOES_TUCKED = 0.12;
/**
 * Tucked toes point toward the head (the foot stands on them): the toe at least this far ahead of the heel
 * along the body, torso lengths. Lying with the feet pointed (prone, or on the elbows with the legs down)
 * also puts the toe below the heel, but behind it: c14's sphinx and prone start −0.16 to −0.30 (BlazePose
 * full); planks +0.02 (01, 3/4 view) to +0.22; the labelled MediaPipe planks +0.01 and over (5th percentile).
 */
export const TOES_AHEAD = 0;
/** ... and with the toes tucked, the hips at least this high (the pelvis not resting on the floor). MediaPipe sags: 0.06 and over. */
export const HIPS_OFF_FLOOR_ON_TOES = 0.03;
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

/** Neither ankle is seen (the feet are out of the picture). */
function feetUnseen(b: Body): boolean {
  return b.ok[KP.left_ankle] !== 1 && b.ok[KP.right_ankle] !== 1;
}

/** The leg's far end on a side: the ankle, else (feet out of the picture) the knee. */
function legEnd(b: Body, prefer: Side): number | null {
  const a = sideJoints(b, ['ankle'], prefer);
  if (a) return a[0] as number;
  const k = sideJoints(b, ['knee'], prefer);
  return k ? (k[0] as number) : null;
}

/** Turned past VIEW_SURE_TURN (the hip line is not read surely), or unknown: false. */
function turnedView(b: Body): boolean {
  const v = viewTurn(b);
  return v !== null && v > VIEW_SURE_TURN[b.space];
}

/**
 * One knee straight and the other not folded under (a one-leg-back transition is not a plank yet: 02 at
 * 5.5–7.5 s). The far knee is often half hidden and reads 130–148° in a real plank (01, 3/4 view), so it
 * only has to clear KNEE_OTHER_MIN. Feet out of the picture: the thigh in the trunk's line instead (THIGH_IN_LINE_DEG).
 */
function kneesOff(b: Body): boolean {
  if (feetUnseen(b)) {
    const j = sideJoints(b, ['shoulder', 'hip', 'knee']);
    const a = j ? sideAngle(b, 'shoulder', 'hip', 'knee', sideOf(j[0] as number)) : null;
    return a !== null && 180 - a <= THIGH_IN_LINE_DEG;
  }
  const l = angleOn(b, 'left', 'hip', 'knee', 'ankle'),
    r = angleOn(b, 'right', 'hip', 'knee', 'ankle');
  if (l === null && r === null) return false;
  const hi = Math.max(l ?? 0, r ?? 0),
    lo = Math.min(l ?? 180, r ?? 180);
  return hi >= (turnedView(b) ? KNEES_OFF_TURNED_DEG : KNEES_OFF_DEG) && lo >= KNEE_OTHER_MIN;
}

/** Hip height above the floor line (supporting elbow/hand to ankle, or to the knee with the feet unseen), torso lengths. */
export function hipLift(b: Body): number | null {
  const s = support(b);
  if (!s) return null;
  const j = sideJoints(b, ['hip'], sideOf(s.sh)),
    end = legEnd(b, sideOf(s.sh));
  if (!j || end === null) return null;
  return offsetFromLine(b, s.pt, j[0] as number, end);
}

/** Toes tucked under (on the toes), when the model gives feet; null without feet. */
export function toesTucked(b: Body): boolean | null {
  if (!(b.torso > 0)) return null;
  let seen = false;
  // The head's direction along the picture's x axis (from the hips to the shoulders).
  const hd = bothMid(b, KP.left_shoulder) ? ax.x : NaN,
    hx = bothMid(b, KP.left_hip) ? ax.x : NaN;
  const dir = Number.isFinite(hd) && Number.isFinite(hx) ? Math.sign(hd - hx) : 0;
  if (dir === 0) return null;
  for (const [heel, toe] of [
    [FOOT.left_heel, FOOT.left_toe],
    [FOOT.right_heel, FOOT.right_toe],
  ] as const) {
    if (b.footOk[heel] !== 1 || b.footOk[toe] !== 1) continue;
    seen = true;
    const below = ((b.footY[toe] as number) - (b.footY[heel] as number)) / b.torso;
    const ahead = (((b.footX[toe] as number) - (b.footX[heel] as number)) * dir) / b.torso;
    if (below >= TOES_TUCKED && ahead >= TOES_AHEAD) return true;
  }
  return seen ? false : null;
}

function lineTilt(b: Body): number | null {
  const s = sideJoints(b, ['shoulder']);
  if (!s) return null;
  const end = legEnd(b, sideOf(s[0] as number));
  if (end === null) return null;
  const dx = Math.abs((b.x[end] as number) - (b.x[s[0] as number] as number));
  const dy = Math.abs((b.y[end] as number) - (b.y[s[0] as number] as number));
  return (Math.atan2(dy, dx) * 180) / Math.PI;
}

function proneSupported(b: Body): boolean {
  const tilt = lineTilt(b);
  const tr = trunkToHorizontal(b);
  const s = support(b);
  const drop = s ? dropT(b, s.sh, s.pt) : null;
  return tilt !== null && tilt <= BODY_TILT_MAX && (tr === null || tr <= 50) && drop !== null && drop >= SUPPORT_MIN_DROP;
}

function hipsUp(b: Body): boolean {
  const lift = hipLift(b);
  if (toesTucked(b) === true) return lift !== null && lift >= HIPS_OFF_FLOOR_ON_TOES;
  return lift !== null && lift >= HIPS_OFF_FLOOR;
}

/**
 * The legs raised off the floor (on the toes): seen near side-on (TOES_VIEW_MAX), an ankle (else a knee) at least
 * LEGS_RAISED above the supporting elbow or hand in the picture.
 */
function legsRaised(b: Body): boolean {
  const s = support(b),
    v = viewTurn(b);
  if (!s || !(b.torso > 0) || v === null || v > TOES_VIEW_MAX) return false;
  const end = legEnd(b, sideOf(s.sh));
  return end !== null && ((b.y[s.pt] as number) - (b.y[end] as number)) / b.torso >= LEGS_RAISED;
}

/**
 * On forearms (or hands) and toes with the hips sunk under HIPS_OFF_FLOOR: a plank held sagging, when the line
 * clearly sags (past the sag threshold, with the sag's hysteresis: see hips-sagging) and the legs are raised.
 */
function sagging(b: Body, ctx: { readonly tuning?: Readonly<Record<string, number>> | undefined } = {}): boolean {
  if (!proneSupported(b) || !kneesOff(b) || !legsRaised(b) || turnedView(b) || feetUnseen(b)) return false;
  const d = hipLine(b),
    m = hipMeasure(b);
  return d !== null && d <= tuned(ctx, SAG_KEY[m], SAG_DEG[m]);
}

/** Seen from the head end: the torso end-on (HEAD_ON_TORSO_WIDTH) and the elbows under and below the shoulders. */
export function headOnPlank(b: Body): boolean {
  const v = viewTurn(b),
    w = shoulderWidth(b);
  if (v === null || v <= VIEW_TURN_MAX[b.space] || w === null || w < HEAD_ON_TORSO_WIDTH) return false;
  if (b.ok[KP.left_shoulder] !== 1 || b.ok[KP.right_shoulder] !== 1) return false;
  const span = Math.abs((b.x[KP.left_shoulder] as number) - (b.x[KP.right_shoulder] as number));
  if (!(span > 0)) return false;
  let below = 0,
    n = 0;
  for (const [sh, el] of [
    [KP.left_shoulder, KP.left_elbow],
    [KP.right_shoulder, KP.right_elbow],
  ] as const) {
    if (b.ok[el] !== 1) continue;
    below += ((b.y[el] as number) - (b.y[sh] as number)) / span;
    n++;
  }
  return n > 0 && below / n >= HEAD_ON_ELBOWS_BELOW;
}

/** Doing a plank (the attempt, good or not): prone, held up on forearms or hands, knees and hips off the floor. */
export function inPlank(b: Body): boolean {
  return (proneSupported(b) && kneesOff(b) && hipsUp(b)) || sagging(b) || headOnPlank(b);
}

/** Which part of the plank is missing (a guide id of its `words.guide`). */
function plankWhy(b: Body): string | null {
  if (headOnPlank(b)) return null;
  const seen = (i: number) => b.ok[i] === 1;
  if (!(seen(KP.left_hip) || seen(KP.right_hip)) || !(seen(KP.left_knee) || seen(KP.right_knee))) return 'plank.legs-unseen';
  if (!proneSupported(b)) return 'plank.not-prone';
  if (!kneesOff(b)) return 'plank.kneeling';
  if (!hipsUp(b) && !sagging(b)) return 'plank.hips-down';
  return null;
}

const ax = { x: 0, y: 0 };
/** Midpoint of a left/right pair when both are known, into `ax`. */
function bothMid(b: Body, i: number): boolean {
  if (b.ok[i] !== 1 || b.ok[i + 1] !== 1) return false;
  ax.x = ((b.x[i] as number) + (b.x[i + 1] as number)) / 2;
  ax.y = ((b.y[i] as number) + (b.y[i + 1] as number)) / 2;
  return true;
}

/**
 * How far the camera is turned from a pure side view (°, 0 = side-on, 90 = head- or feet-on), from how far
 * apart the shoulders sit across the picture. A body lying along the picture shows its shoulders apart along
 * its length when the camera turns by θ (SHOULDER_TORSO·T·sin θ) while its torso shortens to T·cos θ, so
 * tan θ = apart / (SHOULDER_TORSO · torso seen); seen head-on the torso is short and the shoulders wide.
 * A raised camera moves the shoulders apart up and down the picture instead, which this ignores.
 */
export function viewTurn(b: Body): Degrees | null {
  if (b.space === 'blazepose' && worldMid(b, KP.left_shoulder, KP.right_shoulder, S3) && worldMid(b, KP.left_ankle, KP.right_ankle, A3))
    return viewTurn3D(S3, A3);
  if (b.ok[KP.left_shoulder] !== 1 || b.ok[KP.right_shoulder] !== 1 || !(b.torso > 0)) return null;
  const across = Math.abs((b.x[KP.right_shoulder] as number) - (b.x[KP.left_shoulder] as number)) / b.torso;
  return ((Math.atan(across / SHOULDER_TORSO) * 180) / Math.PI) as Degrees;
}

/**
 * With world points (camera-aligned: x right, y down, z away), the turn is the body line's (shoulders to ankles)
 * angle out of the picture's plane, ignoring its tilt up or down: 0 side-on, 90 head- or feet-on.
 */
function viewTurn3D(sh: V3, an: V3): Degrees {
  return ((Math.atan2(Math.abs(an.z - sh.z), Math.abs(an.x - sh.x)) * 180) / Math.PI) as Degrees;
}

/** Seen from too far round for the hip line (see VIEW_TURN_MAX). */
export function viewTooTurned(b: Body): boolean | null {
  const v = viewTurn(b);
  return v === null ? null : v > VIEW_TURN_MAX[b.space];
}

const S = { x: 0, y: 0 },
  H = { x: 0, y: 0 },
  A = { x: 0, y: 0 };
/**
 * Bend of the body line at the hips (°): 180 − the shoulder–hip–ankle angle, + when the hips are above the
 * shoulder–ankle line (piked), − below (sagging). On the midline when both sides are known (else the side
 * facing the camera), and corrected for a camera turned by θ toward the head or feet, which stretches the
 * bend by shortening the body along its length: tan(bend) · cos θ. Null when a point is unknown.
 */
export function hipBend(b: Body): Degrees | null {
  if (bothMid(b, KP.left_shoulder)) {
    S.x = ax.x;
    S.y = ax.y;
  } else S.x = NaN;
  if (bothMid(b, KP.left_hip)) {
    H.x = ax.x;
    H.y = ax.y;
  } else H.x = NaN;
  if (bothMid(b, KP.left_ankle)) {
    A.x = ax.x;
    A.y = ax.y;
  } else A.x = NaN;
  if (!Number.isFinite(S.x) || !Number.isFinite(H.x) || !Number.isFinite(A.x)) {
    const j = sideJoints(b, ['shoulder', 'hip', 'ankle']);
    if (!j) return null;
    S.x = b.x[j[0] as number] as number;
    S.y = b.y[j[0] as number] as number;
    H.x = b.x[j[1] as number] as number;
    H.y = b.y[j[1] as number] as number;
    A.x = b.x[j[2] as number] as number;
    A.y = b.y[j[2] as number] as number;
  }
  return bendAt(b);
}

/** The signed, view-corrected bend at H of the path S–H–A (see hipBend). */
function bendAt(b: Body): Degrees | null {
  const ux = S.x - H.x,
    uy = S.y - H.y,
    vx = A.x - H.x,
    vy = A.y - H.y;
  const nu = Math.hypot(ux, uy),
    nv = Math.hypot(vx, vy);
  if (!(nu > 0) || !(nv > 0)) return null;
  const ang = Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / (nu * nv))));
  // Above or below the shoulder→ankle line, whichever way the body runs (y grows downwards).
  const dx = A.x - S.x,
    dy = A.y - S.y;
  const cross = dx * (H.y - S.y) - dy * (H.x - S.x);
  const above = dx >= 0 ? -cross : cross;
  const bend = (Math.PI - ang) * (above >= 0 ? 1 : -1);
  const turn = viewTurn(b);
  const c = turn === null ? 1 : Math.cos((turn * Math.PI) / 180);
  return ((Math.atan(Math.tan(bend) * c) * 180) / Math.PI) as Degrees;
}

/**
 * The body line from the head: the bend at the hips of the ear–hip–ankle path (°, signed and corrected as
 * hipBend), on the ears' midpoint when both are known, else the one ear seen. "Ears, shoulders, hips and
 * ankles in one line" is the plank's usual description; a pike lifts the hips and usually drops the head, and
 * this reading adds the two (04: 17.5° at the shoulders, 23.7° from the ears), while a good plank's head sits
 * on the trunk's line (02, 03, 05, 08, c09, c14: within 3.5° of the shoulder reading). A good plank with the
 * head hanging (c11: +9.7° from the ears) has its hips low, far from the pike's threshold. Null without an ear,
 * the hips or the ankles (the labelled MediaPipe set has no ears: it is read at the shoulders).
 */
export function headHipBend(b: Body): Degrees | null {
  if (bothMid(b, KP.left_ear)) {
    S.x = ax.x;
    S.y = ax.y;
  } else {
    const e =
      b.ok[KP.left_ear] === 1 && (b.ok[KP.right_ear] !== 1 || (b.score[KP.left_ear] as number) >= (b.score[KP.right_ear] as number))
        ? KP.left_ear
        : b.ok[KP.right_ear] === 1
          ? KP.right_ear
          : -1;
    if (e < 0) return null;
    S.x = b.x[e] as number;
    S.y = b.y[e] as number;
  }
  if (bothMid(b, KP.left_hip)) {
    H.x = ax.x;
    H.y = ax.y;
  } else return null;
  if (bothMid(b, KP.left_ankle)) {
    A.x = ax.x;
    A.y = ax.y;
  } else return null;
  return bendAt(b);
}

const S3: V3 = { x: 0, y: 0, z: 0 },
  H3: V3 = { x: 0, y: 0, z: 0 },
  A3: V3 = { x: 0, y: 0, z: 0 },
  UP: V3 = { x: 0, y: 0, z: 0 };
/**
 * The hips' bend in BlazePose's world points (°, signed like hipBend): 180 − the shoulder–hip–ankle angle in
 * 3D, the mean of both sides, + when the hip midpoint sits above the shoulder–ankle midline measured along the
 * floor's normal (from the wrists and toes, which rest on it: independent of where the camera stands), −
 * below. The world skeleton is the same from any camera, so this reads alike side-on and obliquely, where
 * every 2D measure of every model mixed a mild pike with good oblique planks (docs/model-study.md). Null
 * without world points.
 */
export function hipBend3D(b: Body): Degrees | null {
  const l = worldAngle(b, KP.left_shoulder, KP.left_hip, KP.left_ankle),
    r = worldAngle(b, KP.right_shoulder, KP.right_hip, KP.right_ankle);
  if (l === null || r === null) return null;
  if (
    !worldMid(b, KP.left_shoulder, KP.right_shoulder, S3) ||
    !worldMid(b, KP.left_hip, KP.right_hip, H3) ||
    !worldMid(b, KP.left_ankle, KP.right_ankle, A3)
  )
    return null;
  let up = UP;
  if (!floorNormal(b, KP.left_wrist, KP.right_wrist, worldFoot(FOOT.left_toe), worldFoot(FOOT.right_toe), S3, UP)) {
    UP.x = 0;
    UP.y = -1;
    UP.z = 0;
    up = UP;
  }
  const h = heightAbove(S3, H3, A3, up);
  if (h === null) return null;
  return ((180 - (l + r) / 2) * (h >= 0 ? 1 : -1)) as Degrees;
}

/**
 * In a plank the legs lie side by side: in BlazePose's world points the two hip→ankle lines are within
 * 2–5° of each other (c11's good frames). Further apart than this, one leg is invented: BlazePose full in
 * c11 (outdoor phone, 45° oblique) at 1.1 s and 1.9–2.8 s hangs the far leg from the hip into the sand,
 * 18–86° from the other, scored 0.72–0.78, higher than the true leg (docs/model-study.md). Those frames'
 * bend reads 17–48° and is not judged.
 */
export const LEGS_APART_3D = 12;
/**
 * Without world points: one leg drawn shorter than this share of the other while both ankles and hips are
 * scored ≥ LEG_SURE is a leg folded onto the other or invented (the same c11 frames in 2D read 0.43–0.57).
 */
export const LEG_RATIO_MIN = 0.6;
export const LEG_SURE = 0.5;

/** The two legs disagree (one of them is invented): the hips are not judged on this frame. */
export function legsImplausible(b: Body): boolean {
  if (b.wok[KP.left_hip] === 1 && b.wok[KP.right_hip] === 1 && b.wok[KP.left_ankle] === 1 && b.wok[KP.right_ankle] === 1) {
    const lx = (b.wx[KP.left_ankle] as number) - (b.wx[KP.left_hip] as number),
      ly = (b.wy[KP.left_ankle] as number) - (b.wy[KP.left_hip] as number),
      lz = (b.wz[KP.left_ankle] as number) - (b.wz[KP.left_hip] as number);
    const rx = (b.wx[KP.right_ankle] as number) - (b.wx[KP.right_hip] as number),
      ry = (b.wy[KP.right_ankle] as number) - (b.wy[KP.right_hip] as number),
      rz = (b.wz[KP.right_ankle] as number) - (b.wz[KP.right_hip] as number);
    const n = Math.hypot(lx, ly, lz) * Math.hypot(rx, ry, rz);
    if (!(n > 0)) return false;
    return (Math.acos(Math.max(-1, Math.min(1, (lx * rx + ly * ry + lz * rz) / n))) * 180) / Math.PI > LEGS_APART_3D;
  }
  for (const i of [KP.left_hip, KP.right_hip, KP.left_ankle, KP.right_ankle])
    if (b.ok[i] !== 1 || (b.score[i] as number) < LEG_SURE) return false;
  const l = Math.hypot(
    (b.x[KP.left_ankle] as number) - (b.x[KP.left_hip] as number),
    (b.y[KP.left_ankle] as number) - (b.y[KP.left_hip] as number),
  );
  const r = Math.hypot(
    (b.x[KP.right_ankle] as number) - (b.x[KP.right_hip] as number),
    (b.y[KP.right_ankle] as number) - (b.y[KP.right_hip] as number),
  );
  return Math.min(l, r) < LEG_RATIO_MIN * Math.max(l, r);
}

/** Which reading of the hips' bend this body gets (see HipMeasure). */
export function hipMeasure(b: Body): HipMeasure {
  if (b.space === 'movenet') return 'movenet';
  return b.wok[KP.left_shoulder] === 1 && b.wok[KP.left_hip] === 1 && b.wok[KP.left_ankle] === 1 ? 'blazepose-3d' : 'blazepose-2d';
}

/** The hips' bend as the rules read it (see HipMeasure), or null when it cannot be judged on this frame. */
export function hipLine(b: Body): Degrees | null {
  if (legsImplausible(b)) return null;
  return hipMeasure(b) === 'blazepose-3d' ? hipBend3D(b) : hipBend(b);
}

/**
 * The bend the hips-high rule reads: MoveNet's from the head (headHipBend, the shoulders' hipBend when no ear
 * is seen); BlazePose's as hipLine (its 3D bend already tells 04's pike from the good planks, left out).
 */
export function pikeLine(b: Body): Degrees | null {
  if (hipMeasure(b) !== 'movenet') return hipLine(b);
  if (legsImplausible(b)) return null;
  return headHipBend(b) ?? hipBend(b);
}

const tuned = (ctx: { readonly tuning?: Readonly<Record<string, number>> | undefined }, name: string, v: number): number =>
  ctx.tuning?.[name] ?? v;

/**
 * The hip rules' verdicts on the last judged frame: a standing fault (kept by HIP_HYST_DEG), or why the rule cannot
 * judge ('view': turned too far round; 'unseen': no ankles, or a leg invented; 'margin': in the band of doubt).
 */
type HipVerdict = 'ok' | 'fault' | 'view' | 'unseen' | 'margin';
/** The hip lines of one frame, as the rules read them (hipLine, pikeLine and, for MoveNet, the shoulders' hipBend). */
interface HipLines {
  d: number | null;
  p: number | null;
  sh: number | null;
}
/** Each hip rule's verdict, and when its standing fault was last read (for BLIND_KEEP_MS). */
interface PlankMemory {
  /** The lines of the last HIP_MEDIAN_MS of readable judged frames, and the reading they were made in. */
  lines: { m: HipMeasure | null; d: Near; p: Near; sh: Near };
  sag: HipVerdict;
  high: HipVerdict;
  sagSeenT: number;
  highSeenT: number;
  /** Frames the standing fault has been read on (BLIND_KEEP_FRAMES). */
  sagRead: number;
  highRead: number;
  cutT: number;
}
/** Tuning keys (CheckContext.tuning) of the hip thresholds, per reading: 'plank.SAG_DEG.movenet', ... */
export const SAG_KEY = Object.fromEntries(HIP_MEASURES.map((m) => [m, `plank.SAG_DEG.${m}`])) as Record<HipMeasure, string>;
export const HIGH_KEY = Object.fromEntries(HIP_MEASURES.map((m) => [m, `plank.HIGH_DEG.${m}`])) as Record<HipMeasure, string>;
export const SAG_DOUBT_KEY = Object.fromEntries(HIP_MEASURES.map((m) => [m, `plank.SAG_DOUBT_DEG.${m}`])) as Record<HipMeasure, string>;
export const HIGH_DOUBT_KEY = Object.fromEntries(HIP_MEASURES.map((m) => [m, `plank.HIGH_DOUBT_DEG.${m}`])) as Record<HipMeasure, string>;

type Tuning = { readonly tuning?: Readonly<Record<string, number>> | undefined };

/**
 * A point within this share of the picture's width or height from its edge is where the model puts a joint the
 * frame cuts off (e04: the camera pushes in and her feet leave the picture at ≈4.9 s; her ankles are then pinned
 * 1–2 % of the width from the edge). The hip line is not read from such an ankle, hip or shoulder. Feet cut off
 * with the ankle still inside (31, push-ups, ankles 1.5–3 % from the edge) still read true.
 */
export const EDGE_MARGIN = 0.02;
const LINE_POINTS = [KP.left_shoulder, KP.right_shoulder, KP.left_hip, KP.right_hip, KP.left_ankle, KP.right_ankle];
function atEdge(b: Body): boolean {
  if (!(b.width > 0) || !(b.height > 0)) return false;
  const ex = b.width * EDGE_MARGIN,
    ey = b.height * EDGE_MARGIN;
  for (const i of LINE_POINTS) {
    if (b.ok[i] !== 1) continue;
    const x = b.x[i] as number,
      y = b.y[i] as number;
    if (x < ex || x > b.width - ex || y < ey || y > b.height - ey) return true;
  }
  return false;
}

/** Why the hip line cannot be read on this frame at all, or null when it can. */
export function hipLineBlind(b: Body): 'view' | 'unseen' | null {
  if (headOnPlank(b) || turnedView(b) || viewTooTurned(b) === true) return 'view';
  if (feetUnseen(b) || legsImplausible(b) || atEdge(b)) return 'unseen';
  return null;
}

/**
 * A standing hip fault is kept through a spell this long (ms) in which the hip line cannot be read (a point lost,
 * the camera moving): what cannot be seen has not been seen corrected. Longer, the rule is unsure.
 */
export const BLIND_KEEP_MS = 2000;
/**
 * ... once it has been read on at least this many frames: one frame's say is not a fault seen. Seen from the head end
 * (e01) the line cannot be read, and with the points jittered by 0.5 % of the picture one frame in a run of blind
 * ones passed as readable, read a 53° pike, and was kept as hips-high through the blind frames after it for 2 s (8
 * random patterns of 20).
 */
export const BLIND_KEEP_FRAMES = 2;
/** After a camera cut, the hip rules wait this long (ms) before reading the line again (the engine's hold carry). */
export const CUT_SETTLE_MS = 1200;

/** The sag rule's verdict: `was` its verdict on the last judged frame (a standing fault needs HIP_HYST_DEG to clear). */
export function sagVerdict(b: Body, ctx: Tuning, was: HipVerdict = 'ok', lines?: HipLines): HipVerdict {
  const blind = hipLineBlind(b);
  if (blind) return blind;
  const m = hipMeasure(b),
    d = lines ? lines.d : hipLine(b);
  if (d === null) return 'unseen';
  const thr = tuned(ctx, SAG_KEY[m], SAG_DEG[m]),
    edge = Math.max(thr, tuned(ctx, SAG_DOUBT_KEY[m], SAG_DOUBT_DEG[m]));
  if (d <= thr || (was === 'fault' && d <= edge + HIP_HYST_DEG)) return 'fault';
  return d <= edge ? 'margin' : 'ok';
}

/**
 * The hips-high rule's verdict. MoveNet: raised from the head's line (pikeLine) with the shoulders' line agreeing
 * (HIGH_SHOULDER_MIN); once raised it stands until both lines are back inside the good planks (a lifted head must
 * not end a pike the shoulders still show: e03). BlazePose: its one reading (3D, else 2D).
 */
export function highVerdict(b: Body, ctx: Tuning, was: HipVerdict = 'ok', lines?: HipLines): HipVerdict {
  const blind = hipLineBlind(b);
  if (blind) return blind;
  const m = hipMeasure(b),
    p = lines ? lines.p : pikeLine(b);
  if (p === null) return 'unseen';
  const sh = m === 'movenet' ? (lines ? lines.sh : hipBend(b)) : p;
  const thr = tuned(ctx, HIGH_KEY[m], HIGH_DEG[m]),
    edge = Math.min(thr, tuned(ctx, HIGH_DOUBT_KEY[m], HIGH_DOUBT_DEG[m]));
  const top = Math.max(p, sh ?? p);
  if (was === 'fault' && top >= edge - HIP_HYST_DEG) return 'fault';
  if (p >= thr) return m !== 'movenet' || (sh !== null && sh >= HIGH_SHOULDER_MIN) ? 'fault' : 'margin';
  return p >= edge ? 'margin' : 'ok';
}

/**
 * This frame's lines read through their wobble: the medians of the last HIP_MEDIAN_MS (see there), started afresh by
 * a frame whose line cannot be read, or is read another way.
 */
function medianLines(lines: PlankMemory['lines'], b: Body, t: number): HipLines {
  const m = hipLineBlind(b) !== null ? null : hipMeasure(b);
  if (m === null || lines.m !== m) {
    for (const r of [lines.d, lines.p, lines.sh]) {
      r.ts.length = 0;
      r.vs.length = 0;
    }
    lines.m = m;
  }
  if (lines.m === null) return { d: null, p: null, sh: null };
  return {
    d: updateNear(lines.d, hipLine(b), t),
    p: updateNear(lines.p, pikeLine(b), t),
    sh: updateNear(lines.sh, m === 'movenet' ? hipBend(b) : null, t),
  };
}

const HIP_JOINTS = [...names('left', 'shoulder', 'hip', 'ankle'), ...names('right', 'shoulder', 'hip', 'ankle')];
/** A hip rule's check from its verdict. */
function hipCheck(id: 'hips-sagging' | 'hips-high', v: HipVerdict) {
  if (v === 'ok') return null;
  if (v === 'fault') return finding(id, id === 'hips-sagging' ? 'safety' : 'major', HIP_JOINTS);
  return unsure(id, v);
}

export const plank = defineExercise({
  id: 'plank',
  name: 'Plank',
  group: 'strength',
  instructions: [
    'Set the camera side-on, about hip height, with your whole body in view.',
    'Lie face down, then rise onto your forearms and toes.',
    'Keep shoulders, hips and ankles in one straight line.',
    'Elbows stay under your shoulders. Breathe and hold.',
  ],
  // Any view: from the side the whole plank is judged; turned toward the head or seen from the head end (a laptop on
  // the floor in front of the mat) the hold is timed and the hip line is not judged (the rules are unsure: 'view').
  view: 'any',
  // The feet may be out of the picture (a close camera): the hold is timed with the hips unjudged ('unseen'). Seen
  // from the head end the hips and legs hide behind the shoulders: the posture (headOnPlank) needs none of them;
  // otherwise a body with no hips or knees in view is asked to move back (plank.legs-unseen).
  required: ['shoulder', 'elbow'],
  judgedFrom: ['shoulder', 'elbow', 'hip', 'ankle'],
  posture: { check: inPlank, why: plankWhy },
  counter: hold({
    // Hold must be steady 0.5 s to start; breaks under 0.4 s are ignored; gaps over 1 s are not credited.
    hold: { enterMs: 500, exitMs: 400, maxGapMs: 1000 },
    inPosition: (b) => inPlank(b),
  }),
  measure: (b, ctx) => {
    // The last camera cut, for the hip rules (rememberJudged).
    if (ctx.cutT !== undefined) ctx.mem.cutT = ctx.cutT;
    return sideAngle(b, 'shoulder', 'hip', 'ankle');
  },
  // The body line, straight at 180°: a sag or a pike bends it by tens of degrees.
  metric: { label: 'shoulder–hip–ankle angle', unit: '°', span: [140, 185] },
  // The hip rules' verdicts (a standing fault kept by HIP_HYST_DEG), moved on the frames the rules judge, before they read it.
  memory: (): PlankMemory => ({
    lines: { m: null, d: near(), p: near(), sh: near() },
    sag: 'ok',
    high: 'ok',
    sagSeenT: -Infinity,
    highSeenT: -Infinity,
    sagRead: 0,
    highRead: 0,
    cutT: -Infinity,
  }),
  rememberJudged: (b, ctx) => {
    const mem = ctx.mem;
    // Just after a camera cut or cross-fade the points are still settling: the line is not read (c14's dissolve to
    // head-on at 18.0–18.5 s read a pike for 0.3 s), and a fault from before the cut is not kept through it.
    const settling = ctx.t - mem.cutT < CUT_SETTLE_MS;
    const keep = (was: HipVerdict, now: HipVerdict, seenT: number, read: number): HipVerdict =>
      was === 'fault' &&
      (now === 'view' || now === 'unseen') &&
      read >= BLIND_KEEP_FRAMES &&
      ctx.t - seenT <= BLIND_KEEP_MS &&
      seenT > mem.cutT
        ? 'fault'
        : now;
    // Frames a fault is read on in a row; blind frames between them neither add nor break the run.
    const reads = (now: HipVerdict, read: number): number => (now === 'fault' ? read + 1 : now === 'view' || now === 'unseen' ? read : 0);
    const lines = settling ? null : medianLines(mem.lines, b, ctx.t);
    const sag = lines ? sagVerdict(b, ctx, mem.sag, lines) : 'unseen',
      high = lines ? highVerdict(b, ctx, mem.high, lines) : 'unseen';
    // A 'fault' verdict is only ever read from a readable line (a blind one is 'view' or 'unseen').
    if (sag === 'fault') mem.sagSeenT = ctx.t;
    if (high === 'fault') mem.highSeenT = ctx.t;
    mem.sagRead = reads(sag, mem.sagRead);
    mem.highRead = reads(high, mem.highRead);
    mem.sag = keep(mem.sag, sag, mem.sagSeenT, mem.sagRead);
    mem.high = keep(mem.high, high, mem.highSeenT, mem.highRead);
  },
  checks: [
    (_b, ctx) => hipCheck('hips-sagging', ctx.mem.sag),
    (_b, ctx) => hipCheck('hips-high', ctx.mem.high),
    (b) => {
      // The along-the-body offset is foreshortened when the camera is turned toward the head or feet.
      if (headOnPlank(b) || turnedView(b)) return unsure('elbows-misplaced', 'view');
      const s = support(b);
      if (!s || !(b.torso > 0) || b.ok[s.sh] !== 1 || b.ok[s.pt] !== 1) return null;
      const off = Math.abs((b.x[s.pt] as number) - (b.x[s.sh] as number)) / b.torso;
      if (off <= STACK_MAX) return null;
      const side = sideOf(s.sh);
      return finding('elbows-misplaced', 'minor', names(side, 'shoulder', 'elbow', 'wrist'));
    },
  ],
  defaults: { holdSec: 20, sets: 2, restSec: 45 },
  card: { gear: [['mat']], camera: 'side' },
  demo: { clip: '05_plank_forearm_side_sebitzu', from: 0, to: 2.9, why: 'steady forearm plank, pure side view' },
  faultIds: ['hips-sagging', 'hips-high', 'elbows-misplaced'],
  words: {
    posture: 'Get onto your forearms and toes',
    faults: {
      'hips-sagging': 'Lift your hips into line',
      'hips-high': 'Lower your hips into line',
      'elbows-misplaced': 'Bring your elbows under your shoulders',
    },
    guide: {
      'plank.view': "I can't see your hip line from here, so I'm only timing. Turn side-on to have it checked",
      'plank.legs-unseen': 'Move back so I can see your hips and legs',
      'plank.kneeling': 'Lift your knees off the floor',
      'plank.hips-down': 'Tuck your toes and lift your hips off the floor',
      'plank.not-prone': 'Get onto your forearms and toes',
    },
  },
});
