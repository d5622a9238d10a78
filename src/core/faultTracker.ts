// The fault tracker: runs the exercise's rules on the frames they judge and keeps each fault's state. A frame
// fault is raised once it has lasted FAULT_ON_MS and cleared once gone FAULT_OFF_MS; a rep fault (tempo, range) is
// a point event, shown for REP_FAULT_MS. It also keeps the judged time and which reps were clean.
//
// One rule for every exercise (issue 17): good-form time and clean reps are credited only while none of the
// exercise's faults stands or is being confirmed, whatever its severity (a press-up held with bent elbows was
// credited while its 'minor' elbows-bent fault stood). A rule that cannot judge a frame (Unsure) keeps the frame
// out of the judged time, and a rep it could not judge for most of its length is not called clean.
import type { Body, KeypointName } from './geometry';
import type { ExerciseDef } from './exercises/types';
import type { CheckContext, Finding, RememberContext, RepInfo, Severity, Unsure } from './ruleContext';
import { isUnsure } from './ruleContext';
import type { EngineEvent } from './events';
import { UNSEEN_HOLD_MS } from './setupGate';

/** A frame fault must persist this long before it is raised (ms): one bad frame is noise. */
export const FAULT_ON_MS = 300;
/** ... and be gone this long before it is cleared (ms). */
export const FAULT_OFF_MS = 400;
/**
 * A rep-level fault (tempo, range) is a point event: fault-start and fault-end in the same frame, so
 * a summary never shows it as a lasting fault. Its joints stay coloured and its cue is offered this
 * long (ms) so the user can see which rep it was about.
 */
export const REP_FAULT_MS = 2000;

interface FaultTrack {
  finding: Finding;
  since: number;
  lastTrue: number;
  active: boolean;
}

/** A rep fault already reported as a point event, still shown (joints, cue) until `until`. */
interface RepFlash {
  finding: Finding;
  until: number;
}

const sevRank = (v: Severity): number => (v === 'safety' ? 3 : v === 'major' ? 2 : 1);

/**
 * A rep counts as judged (and may be clean) when the rules could judge at least this share of its time since the
 * last rep; the rest of the time they were unsure (the view, the points, the band of doubt).
 */
export const REP_JUDGED_SHARE = 0.5;

export class FaultTracker {
  /** Time judged (ms): active, in the posture, every rule able to judge. */
  judgedMs = 0;
  /** Time the rules ran (ms): active and in the posture (or holding), judged or not. */
  ranMs = 0;
  /** Time each rule could not judge while the rules ran (ms), by fault id (issue 17: how often each rule abstains). */
  readonly unsureMs = new Map<string, number>();
  /** Last frame time a rule was unsure, and since when one has been unsure because of the view (-1: not now). */
  lastUnsureT = -Infinity;
  viewUnsureSince = -1;
  /** The last frame the rules ran on. */
  private judgedT = -Infinity;
  /** Every rule could judge this frame (true when the rules did not run). */
  sure = true;
  /** Time held with every rule judging and no fault (ms): the good-form time of a hold, over judgedMs. */
  goodJudgedMs = 0;
  /** Since the last counted rep: time the rules ran, and time one of them was unsure (ms). */
  private repRunMs = 0;
  private repUnsureMs = 0;
  /** Clean reps in a row (for praise), and in all. */
  cleanRun = 0;
  cleanTotal = 0;
  /**
   * The last counted rep was credited clean and has not ended (no rep-end or partial since): a fault raised before
   * it ends takes the credit back. A rep is counted as it reaches its top, and a fault of that same rep may come
   * later: a crunch counted 13° up that goes on into a sit-up (e18), a rep-end found too fast.
   */
  private openClean = false;
  private readonly tracks = new Map<string, FaultTrack>();
  private readonly flashes = new Map<string, RepFlash>();
  private readonly seen = new Set<string>();
  /** A finding on this frame, raised or not yet (FAULT_ON_MS). */
  private breakingNow = false;

  /**
   * One frame: when `judging` (active, a person, in the exercise's position or holding), the exercise's rules run
   * on it (its memory moved first: rememberJudged) and their findings move the fault tracks. `unseen`: the model found
   * nobody on this frame; up to UNSEEN_HOLD_MS after the last judged frame that keeps the view's doubt running (with one
   * frame in four lost, c14's head-on shot never ran long enough for the coach to say it was only timing).
   */
  frame(
    judging: boolean,
    dt: number,
    def: ExerciseDef,
    b: Body,
    ctx: CheckContext,
    t: number,
    events: EngineEvent[],
    unseen = false,
  ): void {
    const seen = this.seen;
    seen.clear();
    this.breakingNow = false;
    this.sure = true;
    if (!judging) {
      if (!(unseen && t - this.judgedT <= UNSEEN_HOLD_MS)) this.viewUnsureSince = -1;
      return;
    }
    this.judgedT = t;
    // Frame gaps over a second (the camera stalled) are not judged time.
    const ms = dt <= 1000 ? dt : 0;
    def.rememberJudged?.(b, ctx as RememberContext);
    let byView = false;
    for (const check of def.checks) {
      const r = check(b, ctx);
      if (!r) continue;
      if (isUnsure(r)) {
        this.unsure(r, ms);
        if (r.why === 'view') byView = true;
        continue;
      }
      const fnd = r;
      seen.add(fnd.faultId);
      this.breakingNow = true;
      let tr = this.tracks.get(fnd.faultId);
      if (!tr) {
        tr = { finding: fnd, since: t, lastTrue: t, active: false };
        this.tracks.set(fnd.faultId, tr);
      }
      if (tr.since < 0) tr.since = t;
      tr.lastTrue = t;
      tr.finding = fnd;
      if (!tr.active && t - tr.since >= FAULT_ON_MS) {
        tr.active = true;
        events.push({ type: 'fault-start', t, faultId: fnd.faultId, joints: fnd.joints, severity: fnd.severity });
        this.takeBack();
      }
    }
    this.ranMs += ms;
    if (this.sure) this.judgedMs += ms;
    else this.lastUnsureT = t;
    this.viewUnsureSince = byView ? (this.viewUnsureSince < 0 ? t : this.viewUnsureSince) : -1;
    this.repRunMs += ms;
    if (!this.sure) this.repUnsureMs += ms;
  }

  /** The hold ran on this frame (dt ms): judged good-form time when every rule could judge it and no fault stood. */
  held(dt: number): void {
    if (this.sure && this.formOk && dt <= 1000) this.goodJudgedMs += dt;
  }

  private unsure(r: Unsure, ms: number): void {
    this.sure = false;
    this.unsureMs.set(r.unsure, (this.unsureMs.get(r.unsure) ?? 0) + ms);
  }

  /**
   * No fault stands, and none is being confirmed on this frame: a hold may be credited. Good-form time excludes the
   * frames a fault is being confirmed on: a plank that starts sagging would otherwise be credited the FAULT_ON_MS
   * before its cue (01 on BlazePose: 0.9 s of the lift from the floor).
   */
  get formOk(): boolean {
    return !this.breaking() && !this.breakingNow;
  }

  /** A rep event: the exercise's rep checks run on it, and a counted rep with no fault on it is clean. */
  rep(r: RepInfo, def: ExerciseDef, ctx: CheckContext, t: number, events: EngineEvent[]): void {
    let clean = true;
    for (const rc of def.repChecks ?? []) {
      const fnd = rc(r, ctx);
      if (!fnd) continue;
      clean = false;
      // A point event: it happened on this rep and is over. A lasting frame fault with the same id
      // (none share ids today) keeps its own start and end.
      events.push({ type: 'fault-start', t, faultId: fnd.faultId, joints: fnd.joints, severity: fnd.severity });
      events.push({ type: 'fault-end', t, faultId: fnd.faultId });
      this.flashes.set(fnd.faultId, { finding: fnd, until: t + REP_FAULT_MS });
    }
    def.rememberRep?.(r, ctx as RememberContext);
    if (r.kind === 'rep') {
      const judged = this.repUnsureMs <= (1 - REP_JUDGED_SHARE) * this.repRunMs;
      const ok = clean && !this.breaking() && judged;
      this.cleanRun = ok ? this.cleanRun + 1 : 0;
      if (ok) this.cleanTotal++;
      this.openClean = ok;
      this.repRunMs = 0;
      this.repUnsureMs = 0;
    } else {
      if (!clean) this.takeBack();
      this.openClean = false;
    }
  }

  /** A fault came before the last counted rep ended: it is not clean after all (openClean). */
  private takeBack(): void {
    if (!this.openClean) return;
    this.openClean = false;
    this.cleanTotal--;
    this.cleanRun = 0;
  }

  /**
   * Clears the faults that are gone (all of them when counting is off). `unseen`: nobody was found on this frame, so
   * nothing was seen gone either: a fault being confirmed waits (up to FAULT_OFF_MS since it was last seen) instead
   * of starting again. With one frame in ten lost at random, e18's short real fault (its lifted hips) was never
   * confirmed, each lost frame restarting its FAULT_ON_MS.
   */
  settle(t: number, active: boolean, events: EngineEvent[], unseen = false): void {
    for (const [id, fl] of this.flashes) if (t >= fl.until) this.flashes.delete(id);
    for (const [id, tr] of this.tracks) {
      if (this.seen.has(id)) continue;
      if (!tr.active) {
        if (!(unseen && active && t - tr.lastTrue < FAULT_OFF_MS)) this.tracks.delete(id);
        continue;
      }
      if (t - tr.lastTrue >= FAULT_OFF_MS || !active) {
        tr.active = false;
        events.push({ type: 'fault-end', t, faultId: id });
        this.tracks.delete(id);
      }
    }
  }

  /** The fault to say: the most severe standing one, else the most severe rep fault still shown. */
  worst(): Finding | null {
    let worst: FaultTrack | null = null;
    for (const tr of this.tracks.values()) {
      if (!tr.active) continue;
      if (!worst || sevRank(tr.finding.severity) > sevRank(worst.finding.severity)) worst = tr;
    }
    let worstF: Finding | null = worst ? worst.finding : null;
    for (const fl of this.flashes.values()) if (!worstF || sevRank(fl.finding.severity) > sevRank(worstF.severity)) worstF = fl.finding;
    return worstF;
  }

  /** The standing faults' ids, and every joint to colour (standing faults and rep faults still shown). */
  shown(): { ids: string[]; joints: Set<KeypointName> } {
    const joints = new Set<KeypointName>();
    const ids: string[] = [];
    for (const tr of this.tracks.values()) {
      if (!tr.active) continue;
      ids.push(tr.finding.faultId);
      for (const j of tr.finding.joints) joints.add(j);
    }
    for (const fl of this.flashes.values()) for (const j of fl.finding.joints) joints.add(j);
    return { ids, joints };
  }

  /** Ends every standing fault (the stream ended). */
  end(t: number, events: EngineEvent[]): void {
    for (const [id, tr] of this.tracks) if (tr.active) events.push({ type: 'fault-end', t, faultId: id });
    this.tracks.clear();
    this.flashes.clear();
  }

  /** A fault of the exercise stands (any severity: a minor one is still not good form). */
  private breaking(): boolean {
    for (const tr of this.tracks.values()) if (tr.active) return true;
    return false;
  }
}
