// Plausibility checks: a model gives wrong points high scores (../shared/NOTES.md: nearly every frame
// scored ≥ 0.3, wrong ones included; Thunder invents hidden legs at ≥ 0.5). Scores alone cannot reject
// them, so a point is also made unknown when it breaks what a body can do:
// - a limb (upper arm, forearm, thigh, shin) far longer than its own running median,
// - a joint jumping further than a body moves between two frames,
// - two left/right joints collapsing onto one spot while their parents stay apart
//   (Lightning put both knees on one knee in 09_bicycle, NOTES).
// A camera cut moves every point at once; that is detected and resets the history instead.

import { KP, N_KP } from './geometry';

/** Segments checked for length: [proximal, distal] COCO indices. The distal point is the one rejected. */
const SEGMENTS: readonly (readonly [number, number])[] = [
  [KP.left_shoulder, KP.left_elbow],
  [KP.left_elbow, KP.left_wrist],
  [KP.right_shoulder, KP.right_elbow],
  [KP.right_elbow, KP.right_wrist], // shoulder–elbow, elbow–wrist
  [KP.left_hip, KP.left_knee],
  [KP.left_knee, KP.left_ankle],
  [KP.right_hip, KP.right_knee],
  [KP.right_knee, KP.right_ankle], // hip–knee, knee–ankle
];
/** SEGMENTS from this index on are the legs'. */
const LEG_SEGMENTS = 4;
/**
 * Shoulders wider than this many torso lengths in the picture: the trunk is seen end-on. Upright people facing the
 * camera read at most 0.85 (b01, b02, b03, c01, c02, c03); a bicycle filmed from the feet 1.06–2.9 (constructed from
 * b09 and c18's world points, bicycle.ts END_ON_WIDE).
 */
export const END_ON_WIDTH = 1.0;
/** Left/right pairs that must not coincide, with the parents that show the body is not side-on. */
const PAIRS: readonly (readonly [l: number, r: number, pl: number, pr: number])[] = [
  [KP.left_knee, KP.right_knee, KP.left_hip, KP.right_hip], // knees; parents hips
  [KP.left_ankle, KP.right_ankle, KP.left_knee, KP.right_knee], // ankles; parents knees
  [KP.left_elbow, KP.right_elbow, KP.left_shoulder, KP.right_shoulder], // elbows; parents shoulders
];

/**
 * Limb longer than this many times its running median is rejected. Foreshortening only shortens a
 * projected limb, so a limb can legitimately shrink but not grow much; 1.6 leaves room for the median
 * having been learnt while the limb was partly foreshortened (bench-press forearms, fixture 26).
 */
export const LIMB_MAX_RATIO = 1.6;
/**
 * A limb that reads too long on every frame for this long (ms) is taken as it is and its median learnt again: the median
 * was learnt foreshortened. A body seen from the head or the feet (a plank facing the camera: thighs at 0.15–0.22
 * torso lengths) that turns side-on, or a camera that moves round without a cut the jump check sees (c14's dissolve
 * read at 10 fps: thighs at ≈1.0 against medians of 0.15 and 0.22), shows its limbs' whole length; without this the
 * knees stayed unknown to the end of the set and the coach asked a person in full view to move back. Every frame: a
 * limb the model loses and finds again long now and then (Lightning's right forearm on 26, long on 4 frames of 8
 * over 0.5 s) is a wrong point, not a limb shown whole.
 */
export const LIMB_ACCEPT_MS = 500;
/** Samples before a limb's median is trusted (≈ 1/3 s at 30 fps). */
export const LIMB_MIN_SAMPLES = 10;
/**
 * A joint may move this far (torso lengths) between frames plus JUMP_PER_SEC × dt. A fast crunch or
 * press moves a wrist ≈ 3 torso lengths/s (fixtures 14, 26); 0.5 + 8/s leaves a wide margin.
 */
export const JUMP_BASE = 0.5;
export const JUMP_PER_SEC = 8;
/** A point that stays at its new place this long is accepted after all (it really moved). */
export const JUMP_ACCEPT_MS = 250;
/** Share of points that jumped together that marks a camera cut rather than a bad point. */
export const CUT_SHARE = 0.5;
/** Two joints closer than this (torso lengths) have collapsed, if their parents are apart by COLLAPSE_PARENT. */
export const COLLAPSE_DIST = 0.08;
export const COLLAPSE_PARENT = 0.3;

export class Plausibility {
  private readonly median = new Float64Array(SEGMENTS.length);
  private readonly samples = new Uint16Array(SEGMENTS.length);
  /** When each limb's current run of too-long readings, one on every frame, began (ms; −1: no run). */
  private readonly longSince = new Float64Array(SEGMENTS.length).fill(-1);
  private readonly lastX = new Float64Array(N_KP);
  private readonly lastY = new Float64Array(N_KP);
  private readonly lastT = new Float64Array(N_KP);
  private readonly known = new Uint8Array(N_KP);
  private readonly rejectedSince = new Float64Array(N_KP).fill(-1);
  /** Count of camera cuts seen (for tests and diagnostics). */
  cuts = 0;

  reset(): void {
    this.median.fill(0);
    this.samples.fill(0);
    this.longSince.fill(-1);
    this.known.fill(0);
    this.rejectedSince.fill(-1);
  }

  /**
   * Clears ok[i] for implausible points, in place. `torso` is the current torso length in px (0 if
   * unknown: then only the cut and collapse checks that need no scale are skipped too).
   * Returns true when the frame looks like a camera cut (caller resets smoothing).
   */
  check(x: Float64Array, y: Float64Array, ok: Uint8Array, score: Float64Array, torso: number, t: number): boolean {
    let cut = false;
    if (torso > 0) {
      // Camera cut: most points that were known last frame moved far at once.
      let common = 0,
        jumped = 0;
      for (let i = 0; i < N_KP; i++) {
        if (ok[i] !== 1 || this.known[i] !== 1) continue;
        common++;
        const dt = Math.max(0, (t - (this.lastT[i] as number)) / 1000);
        const lim = (JUMP_BASE + JUMP_PER_SEC * Math.min(dt, 1)) * torso;
        if (Math.hypot((x[i] as number) - (this.lastX[i] as number), (y[i] as number) - (this.lastY[i] as number)) > lim) jumped++;
      }
      if (common >= 5 && jumped >= common * CUT_SHARE) {
        cut = true;
        this.cuts++;
        this.reset();
      } else {
        for (let i = 0; i < N_KP; i++) {
          if (ok[i] !== 1 || this.known[i] !== 1) continue;
          const dt = Math.max(0, (t - (this.lastT[i] as number)) / 1000);
          const lim = (JUMP_BASE + JUMP_PER_SEC * Math.min(dt, 1)) * torso;
          if (Math.hypot((x[i] as number) - (this.lastX[i] as number), (y[i] as number) - (this.lastY[i] as number)) > lim) {
            if ((this.rejectedSince[i] as number) < 0) this.rejectedSince[i] = t;
            if (t - (this.rejectedSince[i] as number) < JUMP_ACCEPT_MS) ok[i] = 0;
          } else {
            this.rejectedSince[i] = -1;
          }
        }
      }
      // Collapse: a left/right pair on one spot while the parents are apart.
      for (const [l, r, pl, pr] of PAIRS) {
        if (ok[l] !== 1 || ok[r] !== 1 || ok[pl] !== 1 || ok[pr] !== 1) continue;
        const d = Math.hypot((x[l] as number) - (x[r] as number), (y[l] as number) - (y[r] as number));
        const dp = Math.hypot((x[pl] as number) - (x[pr] as number), (y[pl] as number) - (y[pr] as number));
        if (d < COLLAPSE_DIST * torso && dp > COLLAPSE_PARENT * torso) {
          if ((score[l] as number) < (score[r] as number)) ok[l] = 0;
          else ok[r] = 0;
        }
      }
      // Limb lengths against their running medians (frugal streaming median: Ma, Muthukrishnan and
      // Sandler, "Frugal Streaming for Estimating Quantiles", 2013: step toward each sample, no buffer).
      // Seen end-on (the shoulders wider than END_ON_WIDTH torsos: the trunk runs along the camera's axis, a
      // bicycle filmed from the feet) the legs swing along that axis too, so a thigh's picture length triples
      // between pointing at the camera and drawn up: the legs' lengths are not judged there.
      const endOn =
        ok[KP.left_shoulder] === 1 &&
        ok[KP.right_shoulder] === 1 &&
        Math.hypot(
          (x[KP.left_shoulder] as number) - (x[KP.right_shoulder] as number),
          (y[KP.left_shoulder] as number) - (y[KP.right_shoulder] as number),
        ) >
          END_ON_WIDTH * torso;
      for (let s = 0; s < SEGMENTS.length; s++) {
        const seg = SEGMENTS[s] as readonly [number, number];
        const a = seg[0],
          b = seg[1];
        if (ok[a] !== 1 || ok[b] !== 1) {
          this.longSince[s] = -1;
          continue;
        }
        const r = Math.hypot((x[a] as number) - (x[b] as number), (y[a] as number) - (y[b] as number)) / torso;
        if (!Number.isFinite(r)) {
          ok[b] = 0;
          continue;
        }
        const n = this.samples[s] as number;
        const m = this.median[s] as number;
        if (n >= LIMB_MIN_SAMPLES && r > m * LIMB_MAX_RATIO && !(endOn && s >= LEG_SEGMENTS)) {
          if ((this.longSince[s] as number) < 0) this.longSince[s] = t;
          if (t - (this.longSince[s] as number) < LIMB_ACCEPT_MS) {
            ok[b] = 0;
            continue;
          }
          // Steadily this long: the limb is shown whole now. Its median starts again from here.
          this.samples[s] = 0;
        } else this.longSince[s] = -1;
        if (this.samples[s] === 0) this.median[s] = r;
        else this.median[s] = m + (r > m ? 1 : -1) * Math.min(Math.abs(r - m), 0.02 + 0.05 * m);
        const k = this.samples[s] as number;
        if (k < 65535) this.samples[s] = k + 1;
      }
    }
    for (let i = 0; i < N_KP; i++) {
      if (ok[i] === 1) {
        this.lastX[i] = x[i] as number;
        this.lastY[i] = y[i] as number;
        this.lastT[i] = t;
        this.known[i] = 1;
      }
    }
    return cut;
  }
}
