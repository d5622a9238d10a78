// The set-up gate: counting starts once the person is set up (in view, the right way round, in the exercise's
// posture, enough light) and pauses when that is lost for a while. It says what to change (a setup-cue event).
import type { Body } from './geometry';
import { KP, jointIndex } from './geometry';
import type { ExerciseDef } from './exercises/types';
import { shoulderWidth } from './exercises/common';
import type { EngineEvent, Phase, SetupIssue } from './events';
import type { Sight } from './sight';

/** Set-up must be clear this long before counting starts (ms). */
export const SETUP_CLEAR_MS = 400;
/**
 * Frames where the model found nobody, for up to this long (ms) after the person was last seen, neither break nor
 * confirm set-up, and the set-up cue stays as it was: the model lost the person for a moment (a dim room, a window
 * behind them), the person did not leave. With one frame in four lost at random, each lost frame restarted
 * SETUP_CLEAR_MS and flashed "no person": 03's 6.5 s plank was timed 0 s, e14 counted 4 presses of 7.
 */
export const UNSEEN_HOLD_MS = 500;
/** A set-up problem must last this long before an active set pauses (ms). */
export const PAUSE_AFTER_MS = 700;
/** Below this mean keypoint score a found pose is taken as "too dark" rather than as a person. */
export const DARK_MEAN_SCORE = 0.12;
/**
 * Below this mean picture brightness (PoseFrame.light, 0..1) the room is too dark to trust any keypoint,
 * found or not. Clip 03 as the camera measures 0.68; darkened for the dark-room test (eq=brightness=-0.85)
 * 0.007; a dim but usable room sits well above 0.1.
 */
export const DARK_LIGHT = 0.08;
/**
 * Shoulder width / torso length. A side view shows ≤ 0.45 (measured: 03 plank ≈ 0.1–0.3, b07 shot B
 * ≈ 0.2); a front view ≥ 0.55 (b01 chair ≈ 0.75–0.9, b02 ≈ 0.8). 3/4 views fall between and pass both.
 */
export const SIDE_VIEW_MAX = 0.65;
export const FRONT_VIEW_MIN = 0.45;

const fin = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** This frame's set-up issues, most important first (none: set up). */
export function setupIssues(def: ExerciseDef, b: Body, points: number, meanScore: number, light: unknown): SetupIssue[] {
  // Near-black picture: whatever the model reports is a guess.
  if (fin(light) && light < DARK_LIGHT) return ['too-dark'];
  if (points < 4) return meanScore > 0 && meanScore < DARK_MEAN_SCORE ? ['too-dark'] : ['no-person'];
  const out: SetupIssue[] = [];
  // A posture wrong from any view (standing for a seated stretch) is said before the view.
  if (def.posture.beforeView && !def.posture.check(b)) return ['wrong-posture'];
  // The view before the joints: seen head-on, the legs hide behind the body, and turning is what shows them
  // (c14's head-on shot on BlazePose: its legs drop out, and "move back" would be the wrong advice).
  if (def.viewOk) {
    if (def.viewOk(b) === false) out.push('wrong-view');
  } else if (def.view !== 'any') {
    const w = shoulderWidth(b);
    if (w !== null && (def.view === 'side' ? w > SIDE_VIEW_MAX : w < FRONT_VIEW_MIN)) out.push('wrong-view');
  }
  for (const need of def.required) {
    if (need.startsWith('both:')) {
      const limb = need.slice(5) as Parameters<typeof jointIndex>[1];
      if (b.ok[jointIndex('left', limb)] !== 1 || b.ok[jointIndex('right', limb)] !== 1) {
        out.push('body-cut-off');
        break;
      }
    } else if (need === 'nose') {
      if (b.ok[KP.nose] !== 1) {
        out.push('body-cut-off');
        break;
      }
    } else {
      const limb = need as Parameters<typeof jointIndex>[1];
      if (b.ok[jointIndex('left', limb)] !== 1 && b.ok[jointIndex('right', limb)] !== 1) {
        out.push('body-cut-off');
        break;
      }
    }
  }
  if (out.length === 0 && !def.posture.check(b)) out.push('wrong-posture');
  return out;
}

export class SetupGate {
  phase: Phase = 'setup';
  /** The issues shown: this frame's, unless counting is on (an active set shows none). */
  issues: SetupIssue[] = ['no-person'];
  /** Set-up is clear on this frame (counting may not be on yet). */
  clear = false;
  /** The top issue shown and what is missing (the exercise's guide id, or 'light'), else null. */
  top: SetupIssue | null = null;
  why: string | null = null;
  private issuesSince = 0;
  private clearSince = -1;
  private lastCue: SetupIssue | null = null;
  /** When a person was last found (points ≥ 4), for UNSEEN_HOLD_MS. */
  private seenT = -Infinity;

  /** Judges one frame; true when counting starts on it. */
  step(def: ExerciseDef, sight: Sight, points: number, meanScore: number, light: unknown, t: number, events: EngineEvent[]): boolean {
    const raw = setupIssues(def, sight.body, points, meanScore, light);
    if (raw.length === 1 && raw[0] === 'no-person' && t - this.seenT <= UNSEEN_HOLD_MS) return false;
    if (points >= 4) this.seenT = t;
    let opened = false;
    this.clear = raw.length === 0;
    if (this.clear) {
      if (this.clearSince < 0) this.clearSince = t;
      this.issuesSince = -1;
      if (this.phase !== 'active' && t - this.clearSince >= SETUP_CLEAR_MS) {
        this.phase = 'active';
        opened = true;
      }
    } else {
      this.clearSince = -1;
      if (this.issuesSince < 0) this.issuesSince = t;
      if (this.phase === 'active' && t - this.issuesSince >= PAUSE_AFTER_MS) this.phase = 'paused';
    }
    this.issues = this.phase === 'active' ? [] : raw;
    const top = this.issues[0] ?? null;
    // A body the model sees only dimly (dark room, backlight) reads as cut off or out of position: say so.
    const dim = top === 'wrong-posture' || top === 'body-cut-off' ? sight.poorlySeen() : false;
    this.why =
      top === 'wrong-posture' ? (dim ? 'light' : (def.posture.why?.(sight.body) ?? null)) : top === 'body-cut-off' && dim ? 'light' : null;
    this.top = top;
    if (top !== this.lastCue) {
      if (top) events.push({ type: 'setup-cue', t, issue: top, why: this.why });
      this.lastCue = top;
    }
    return opened;
  }
}
