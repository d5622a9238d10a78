// The engine's last stage: what the coach says this frame. The candidates (the set-up issue, the worst fault, and
// when nothing has been counted for a while, why), praise raised by this frame's events, and CueManager's choice of
// the one cue on screen.
import type { Body } from './geometry';
import type { ExerciseDef } from './exercises/types';
import type { CheckContext } from './ruleContext';
import type { Counting } from './counting/types';
import { CueManager, cueOf, type Cue } from './cues';
import type { EngineEvent, SetupIssue } from './events';
import type { FaultTracker } from './faultTracker';
import type { SetupGate } from './setupGate';
import type { Sight } from './sight';

/** A set-up cue stays up this long (ms) after its issue last showed, until counting starts. */
export const SETUP_CUE_HOLD_MS = 1000;
/**
 * Never silent: a person in view, counting active, and nothing counted this long (ms) → the coach says why
 * (the exercise's guide: which part of the position is missing, or how to start the rep). Hold exercises
 * after 2 s, as issue 11 asks; rep exercises after 2.5 s, longer than the pauses at the rest end of a slow
 * rep in the good-form clips (20: 1.2–1.8 s at the bottom of a row; c15: ≈1.3 s).
 */
export const GUIDE_HOLD_MS = 2000;
export const GUIDE_REPS_MS = 2500;

/**
 * A rule that cannot judge from this view for this long (ms) while counting goes on: the coach says so once, with
 * what to change (the exercise's guide `<id>.view`), and again after VIEW_NOTE_AGAIN_MS if it still cannot.
 */
export const VIEW_NOTE_MS = 2000;
export const VIEW_NOTE_AGAIN_MS = 30000;
/** Hold praise only for time judged: no rule unsure over the last this long (ms). */
export const PRAISE_JUDGED_MS = 10000;

/** The set's targets, for praise at the target. */
export interface Targets {
  readonly targetReps: number;
  readonly targetHoldSec: number;
}

export class CueStage {
  readonly manager = new CueManager();
  private lastPraiseTick = 0;
  /** The last set-up issue shown and when (see SETUP_CUE_HOLD_MS). */
  private lastIssue: { top: SetupIssue; why: string | null; t: number } | null = null;
  /** Last time something was being counted (a hold running, a rep under way or just counted), ms; -1 = never. */
  private countT = -1;
  /** When the coach last said it cannot judge from this view (ms). */
  private viewNoteT = -Infinity;

  constructor(
    private readonly def: ExerciseDef,
    private readonly counting: Counting,
    private readonly targets: Targets,
  ) {}

  get current(): Cue | null {
    return this.manager.current;
  }

  /** Something is being counted (or counting just started): the wait before the coach says why starts again. */
  counted(t: number): void {
    this.countT = t;
  }

  choose(t: number, gate: SetupGate, faults: FaultTracker, sight: Sight, points: number, ctx: CheckContext, events: EngineEvent[]): void {
    const cands: Cue[] = [];
    const top = gate.top,
      why = gate.why,
      active = gate.phase === 'active';
    // A set-up issue that clears for a frame or two is still the issue: its cue stays (a flicker would take it
    // down, and the cue cooldown would then keep it from coming back while the issue goes on: b06, 2.7–9.6 s).
    if (gate.issues.length > 0 && top) {
      this.lastIssue = { top, why, t };
    }
    const held =
      gate.issues.length === 0 && gate.phase !== 'active' && this.lastIssue !== null && t - this.lastIssue.t < SETUP_CUE_HOLD_MS
        ? this.lastIssue
        : null;
    const cueTop = top ?? held?.top ?? null,
      cueWhy = top ? why : (held?.why ?? null);
    if (cueTop) cands.push(cueOf({ about: 'setup', issue: cueTop, why: cueWhy }));
    const worstF = faults.worst();
    if (worstF) cands.push(cueOf({ about: 'fault', faultId: worstF.faultId }, worstF.severity === 'safety' ? 'safety' : 'fault'));
    // Never silent: in view, counting on, nothing counted for a while and nothing else to say → say why.
    // While a fault is being said the coach is not silent: the wait starts again when it clears.
    if (worstF) this.countT = t;
    if (cands.length === 0 && active && points >= 4) {
      const quiet = t - this.countT >= (this.counting.shape.mode === 'reps' ? GUIDE_REPS_MS : GUIDE_HOLD_MS);
      const g = quiet ? this.guideKey(sight, sight.body, ctx) : null;
      if (g !== null) cands.push(cueOf({ about: 'guide', guide: g }));
    }
    let oneShot = this.praise(t, faults, events);
    // Counting goes on in a view a rule cannot judge from: say so, with what to change, rather than stay quiet.
    const vu = faults.viewUnsureSince;
    let note: Cue | null = null;
    if (!oneShot && active && vu >= 0 && t - vu >= VIEW_NOTE_MS && t - this.viewNoteT >= VIEW_NOTE_AGAIN_MS) {
      note = oneShot = cueOf({ about: 'guide', guide: `${this.def.id}.view` }, 'info');
    }
    const shown = this.manager.update(t, cands, oneShot);
    // Said only once it is shown: a fault on screen outranks it, and it is offered again on the next frames (e21: a
    // torso-swing standing when the note came due swallowed it for 30 s).
    if (note !== null && shown === note) this.viewNoteT = t;
    if (shown) events.push({ type: 'cue', t, ...shown });
  }

  /**
   * Why nothing is being counted, as a guide id: the light when the picture is dim or the person is tracked poorly;
   * else the exercise's own reason (rep exercises: how to start a rep, or to go further when reps were started and
   * stopped short; hold exercises: the missing part of the position, from its record).
   */
  private guideKey(sight: Sight, b: Body, ctx: CheckContext): string | null {
    if (sight.poorlySeen()) return 'light';
    const id = this.def.id;
    if (this.counting.shape.mode === 'reps') return this.counting.startedShort ? `${id}.further` : `${id}.start`;
    return this.def.guide?.(b, ctx) ?? 'hold.start';
  }

  /** Praise after every third clean (judged) rep, every 10 s of good hold judged throughout, and at the target. */
  private praise(t: number, faults: FaultTracker, events: readonly EngineEvent[]): Cue | null {
    const total = this.counting.reps();
    for (const e of events) {
      if (e.type === 'rep') {
        if (total === this.targets.targetReps) return cueOf({ about: 'target', target: 'reps', reps: total });
        if (faults.cleanRun > 0 && faults.cleanRun % 3 === 0) return cueOf({ about: 'praise', counted: 'reps', n: total });
      }
      if (e.type === 'hold-tick') {
        const target = this.targets.targetHoldSec;
        const sideSec = e.side ? Math.floor(this.counting.heldMs(e.side) / 1000) : e.sec;
        if (sideSec === target) {
          return cueOf({ about: 'target', target: e.side ?? 'hold' });
        }
        // Never praise what was not judged: the last PRAISE_JUDGED_MS judged throughout.
        if (e.sec % 10 === 0 && e.sec !== this.lastPraiseTick && t - faults.lastUnsureT >= PRAISE_JUDGED_MS) {
          this.lastPraiseTick = e.sec;
          return cueOf({ about: 'praise', counted: 'hold', n: e.sec });
        }
      }
    }
    return null;
  }
}
