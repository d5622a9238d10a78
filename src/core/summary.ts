// Turns an engine run into the analyzer's summary (the `npm run analyze --json` contract). Pure, so
// the app can show the same summary after a live set.

import type { PoseFrame } from './pose';
import type { Side } from './geometry';
import { createEngineState, finish, step, type EngineEvent, type EngineOptions, type EngineState, type EngineView } from './engine';
import type { ExerciseId } from './exercises';
import type { Cue, CueKind } from './cues';

export interface Summary {
  exercise: ExerciseId;
  source: string;
  durationSec: number;
  frames: number;
  /** Share of frames with a usable person, 0..1. */
  poseCoverage: number;
  reps: { total: number; left: number; right: number };
  /** Seconds held with good form. */
  holdSec: number;
  holds: { startSec: number; endSec: number; side: Side | null }[];
  faults: { id: string; startSec: number; endSec: number; message: string }[];
  /**
   * Seconds the form was judged (in the exercise's position, counting on, the rules running). Good-form
   * figures are shares of this; a set with nothing judged has none.
   */
  judgedSec: number;
  /** Reps with no fault on them, judged (the rules could judge most of the rep). */
  cleanReps: number;
  /**
   * Reps started and not completed (partial attempts), listed apart from the reps: each rep check the engine ran on
   * a counter's 'partial' and that found it short (see ATTEMPT_FAULT_IDS).
   */
  partialAttempts: number;
  /**
   * Seconds each rule could not judge while the rules ran, by fault id: the view hid what it reads, its points were
   * not seen, or its reading sat in the band of doubt (issue 17). Absent ids judged every frame.
   */
  unsureSec: Record<string, number>;
  /** Seconds the rules ran (in the position, counting on): unsureSec's denominator. */
  rulesRanSec: number;
  /** Something was counted (a rep or held seconds). A UI says "well done" only then. */
  counted: boolean;
  /**
   * Share of the judged work done with good form, 0..1: hold exercises, seconds held with the form judged good over
   * judged seconds; rep exercises, clean (judged) reps over reps. Null when nothing was judged or counted: never
   * "100 %" of nothing.
   */
  goodFormShare: number | null;
  /** When nothing was counted: what the coach said about it last (its cue id and words), else null. */
  notCountedWhy: { id: string; text: string } | null;
  /** Every cue shown, in order. `id` says what it is about ('setup:wrong-view', 'fault:hips-high', 'praise:…'), `kind` its priority class. */
  cues: { tSec: number; text: string; id: string; kind: CueKind }[];
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * How a summary words what the engine emitted as ids: a cue (its id and numbers) and a fault, for the exercise.
 * The core holds no words; the app and the scripts pass src/words' COACH_WORDS. Without it the ids stand in.
 */
export interface SummaryWords {
  cue(exercise: string, cue: Cue): string;
  fault(exercise: string, faultId: string): string;
}
/** Ids for words (tests that only count). */
export const ID_WORDS: SummaryWords = { cue: (_e, c) => c.id, fault: (_e, id) => id };

/**
 * Fault ids that the exercises' rep checks give only to a partial attempt (a rep started and brought back before
 * its top: the counter's 'partial'): 'partial-rep' (bench press, reverse fly, dumbbell row) and 'no-contact'
 * (bicycle: the knee came in but did not meet the elbow). The engine shows a partial only through these point
 * faults, so they are what a partial attempt is counted from. An exercise whose partials have no check (the floor
 * crunch's) shows none: an engine event for every partial would cover it.
 */
export const ATTEMPT_FAULT_IDS: ReadonlySet<string> = new Set(['partial-rep', 'no-contact']);

/** Collects events into a Summary; feed it as you go, then call result(). */
export class SummaryBuilder {
  private t0 = NaN;
  private tEnd = 0;
  private frames = 0;
  private person = 0;
  private lastView: EngineView | null = null;
  private readonly holds: Summary['holds'] = [];
  private readonly openHold: { t: number; side: Side | null }[] = [];
  private readonly faults: Summary['faults'] = [];
  private readonly openFaults = new Map<string, { t: number; message: string }>();
  private readonly cues: Summary['cues'] = [];
  private attempts = 0;

  constructor(
    private readonly exercise: ExerciseId,
    private readonly source: string,
    private readonly words: SummaryWords = ID_WORDS,
  ) {}

  private sec(t: number): number {
    return r2((t - (Number.isFinite(this.t0) ? this.t0 : 0)) / 1000);
  }

  add(frameT: number, events: readonly EngineEvent[], view: EngineView | null): void {
    if (view) {
      if (!Number.isFinite(this.t0) && Number.isFinite(frameT)) this.t0 = frameT;
      if (Number.isFinite(frameT)) this.tEnd = Math.max(this.tEnd, frameT);
      this.frames++;
      if (view.smoothedPose) this.person++;
      this.lastView = view;
    }
    for (const e of events) {
      switch (e.type) {
        case 'hold-start':
          this.openHold.push({ t: e.t, side: e.side ?? null });
          break;
        case 'hold-end': {
          const o = this.openHold.pop();
          if (o) this.holds.push({ startSec: this.sec(o.t), endSec: this.sec(e.t), side: o.side });
          break;
        }
        case 'fault-start':
          if (ATTEMPT_FAULT_IDS.has(e.faultId)) this.attempts++;
          this.openFaults.set(e.faultId, { t: e.t, message: this.words.fault(this.exercise, e.faultId) });
          break;
        case 'fault-end': {
          const o = this.openFaults.get(e.faultId);
          if (o) {
            this.faults.push({ id: e.faultId, startSec: this.sec(o.t), endSec: this.sec(e.t), message: o.message });
            this.openFaults.delete(e.faultId);
          }
          break;
        }
        case 'cue':
          this.cues.push({ tSec: this.sec(e.t), text: this.words.cue(this.exercise, e), id: e.id, kind: e.kind });
          break;
        default:
          break;
      }
    }
  }

  /**
   * Every fault start so far, closed or still open, in order, in seconds from the stream's start: the one
   * tally of faults the saved session record is made from too (src/session/sessionRecorder.ts).
   */
  faultStarts(): { id: string; message: string; tSec: number }[] {
    const out = this.faults.map((f) => ({ id: f.id, message: f.message, tSec: f.startSec }));
    for (const [id, o] of this.openFaults) out.push({ id, message: o.message, tSec: this.sec(o.t) });
    return out.sort((a, b) => a.tSec - b.tSec);
  }

  /** Partial attempts so far (reps started and not completed). */
  partialAttempts(): number {
    return this.attempts;
  }

  private verdict(
    v: EngineView | null,
  ): Pick<Summary, 'judgedSec' | 'cleanReps' | 'counted' | 'goodFormShare' | 'notCountedWhy' | 'unsureSec' | 'rulesRanSec'> {
    const reps = v ? v.reps.total : 0,
      hold = v ? v.holdSec.total : 0,
      judged = v ? v.judgedSec : 0,
      clean = v ? v.cleanReps : 0;
    const counted = reps > 0 || hold > 0;
    let share: number | null = null;
    if (reps > 0) share = clean / reps;
    else if (hold > 0 && judged >= 1) share = Math.min(1, (v?.goodJudgedSec ?? 0) / judged);
    const why = counted ? undefined : [...this.cues].reverse().find((c) => c.kind !== 'praise' && c.kind !== 'info');
    return {
      judgedSec: r2(judged),
      cleanReps: clean,
      counted,
      goodFormShare: share === null ? null : r2(share),
      notCountedWhy: why ? { id: why.id, text: why.text } : null,
      unsureSec: { ...(v?.unsureSec ?? {}) },
      rulesRanSec: v?.rulesRanSec ?? 0,
    };
  }

  result(): Summary {
    const v = this.lastView;
    // Duration: the stream's span plus one frame, i.e. the time the frames cover.
    const per = this.frames > 1 ? (this.tEnd - (Number.isFinite(this.t0) ? this.t0 : 0)) / (this.frames - 1) : 0;
    return {
      exercise: this.exercise,
      source: this.source,
      durationSec: r2((this.tEnd - (Number.isFinite(this.t0) ? this.t0 : 0) + per) / 1000),
      frames: this.frames,
      poseCoverage: this.frames === 0 ? 0 : r2(this.person / this.frames),
      reps: v ? { ...v.reps } : { total: 0, left: 0, right: 0 },
      holdSec: v ? v.holdSec.total : 0,
      holds: this.holds.slice().sort((a, b) => a.startSec - b.startSec),
      ...this.verdict(v),
      partialAttempts: this.attempts,
      faults: this.faults.slice().sort((a, b) => a.startSec - b.startSec),
      cues: this.cues,
    };
  }
}

/**
 * One pass of a stream through a fresh engine, frame by frame, collected into a Summary: the loop the
 * analyzer (CLI and page) and the tests share. `step` gives each frame's view and events; `finish` closes
 * what is still open and returns the summary.
 */
export class EngineRun {
  readonly state: EngineState;
  readonly summary: SummaryBuilder;

  constructor(exercise: ExerciseId, source: string, opts?: EngineOptions, words?: SummaryWords) {
    this.state = createEngineState(exercise, opts);
    this.summary = new SummaryBuilder(exercise, source, words);
  }

  step(frame: PoseFrame): { view: EngineView; events: EngineEvent[] } {
    const r = step(this.state, frame);
    this.summary.add(this.state.t, r.events, r.view);
    return { view: r.view, events: r.events };
  }

  /** Ends the stream: open holds and faults are closed. Returns the closing events and the summary. */
  finish(): { events: EngineEvent[]; summary: Summary } {
    const events = finish(this.state);
    this.summary.add(this.state.t, events, null);
    return { events, summary: this.summary.result() };
  }
}

/** Runs a whole stream through a fresh engine and summarises it; `onView` sees each frame's view on the way. */
export function summarize(
  exercise: ExerciseId,
  frames: Iterable<PoseFrame>,
  source: string,
  opts?: EngineOptions,
  onView?: (v: EngineView) => void,
  words?: SummaryWords,
): Summary {
  const run = new EngineRun(exercise, source, opts, words);
  for (const f of frames) {
    const { view } = run.step(f);
    onView?.(view);
  }
  return run.finish().summary;
}
