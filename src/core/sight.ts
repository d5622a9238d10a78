// The engine's first stage: a frame seen. The perception (perception.ts: the tracked person's smoothed body), and
// what the engine keeps of it over time: camera cuts (the perception's jumps, and a sudden change of view), how
// well the person is tracked and how bright the picture is (the reason given when nothing counts).
import type { ModelFamily, PoseFrame } from './pose';
import type { Body } from './geometry';
import { createPerception, perceive, type Perception } from './perception';
import { shoulderWidth } from './exercises/common';

/**
 * A dim picture (PoseFrame.light below DIM_LIGHT, but above DARK_LIGHT), or a person whose keypoints score low
 * all over: the median score of the points placed inside the picture, followed over ≈1 s, under LOW_TRACK_SCORE.
 * A limb out of frame (placed at the edge) does not count. Thunder on the real clips: frame medians 0.45–0.80
 * (median per clip), the lowest 5 % of frames 0.27 (c18, backlit) and up; clip 26 darkened
 * (constructed/bench-press_dark-room) 0.19 (5 %: 0.08).
 * When nothing is being counted, the reason given is then the light. The shared clips as the camera measures
 * them read 0.28–0.68 light.
 */
export const DIM_LIGHT = 0.15;
export const LOW_TRACK_SCORE = 0.3;
/**
 * A cross-fade to another camera angle moves the points gradually, so the perception's cut test misses it,
 * but the shoulders' apparent width (over the torso) jumps: c04's side → front-oblique fade 0.07 → 0.64 in
 * 0.3 s. A change of more than VIEW_JUMP from its ≈0.4 s running mean is taken as a cut. A trunk turning in a
 * rotation stretch changes it by ≈0.3–0.8 a second (b01), under this in 0.4 s.
 */
export const VIEW_JUMP = 0.35;
const VIEW_TAU_MS = 400;

const fin = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export class Sight {
  readonly per: Perception;
  /** Frames with a usable person (≥ 4 points). */
  personFrames = 0;
  /** Running median keypoint score of the tracked person (≈1 s time constant), NaN before any. */
  trackScore = NaN;
  /** The last picture brightness (PoseFrame.light), NaN before any. */
  light = NaN;
  /** Time of the last camera cut (ms), -Infinity before any. */
  cutT = -Infinity;
  /** Running mean of the shoulders' width over the torso (NaN until seen), for viewJump. */
  private swMean = NaN;

  constructor(space?: ModelFamily) {
    this.per = createPerception(space);
  }

  get body(): Body {
    return this.per.body;
  }
  /** The stream's keypoint space is known (given, or seen on the first pose). */
  get spaceKnown(): boolean {
    return this.per.spaceGiven || this.per.spaceSeen;
  }

  see(f: PoseFrame, t: number, dt: number): ReturnType<typeof perceive> {
    const seen = perceive(this.per, f, t);
    if (seen.cut || this.viewJump(dt)) this.cutT = t;
    const { points, medianScore } = seen;
    if (points >= 4) this.personFrames++;
    // Tracking quality (≈1 s time constant) and the picture's light, for the reason given when nothing counts.
    if (points >= 4 && fin(medianScore))
      this.trackScore = fin(this.trackScore) ? this.trackScore + Math.min(1, dt / 1000) * (medianScore - this.trackScore) : medianScore;
    if (fin(f.light)) this.light = f.light;
    return seen;
  }

  /** The picture is dim, or the person is tracked with low scores all over (not just a limb out of frame). */
  poorlySeen(): boolean {
    return (fin(this.light) && this.light < DIM_LIGHT) || this.trackScore < LOW_TRACK_SCORE;
  }

  /** A sudden change of camera angle (see VIEW_JUMP). Updates the running mean. */
  private viewJump(dt: number): boolean {
    const w = shoulderWidth(this.per.body);
    if (w === null) return false;
    if (!Number.isFinite(this.swMean)) {
      this.swMean = w;
      return false;
    }
    const jump = Math.abs(w - this.swMean) > VIEW_JUMP;
    this.swMean += (1 - Math.exp(-Math.max(0, dt) / VIEW_TAU_MS)) * (w - this.swMean);
    return jump;
  }
}
