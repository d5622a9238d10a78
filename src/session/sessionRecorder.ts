// Turns a live (or analysed) engine run into the SessionRecord kept in history, as it happens.
// Pure: it is fed each frame's events and view and says when the record is worth saving, so a
// reload or crash mid-set loses at most the last few seconds of hold time and no counted rep.
import type { EngineEvent, EngineView } from '../core/engine';
import type { ExerciseId } from '../core/exercises';
import { SummaryBuilder } from '../core/summary';
import type { FaultTally, SessionRecord } from '../storage/schema';
import { SESSION_VERSION } from '../storage/schema';
import { COACH_WORDS } from '../words/coachWords';
import type { FormFields } from './figures';

/** Metric samples kept per second for the chart (the engine gives one per frame). */
export const METRIC_SAMPLES_PER_SEC = 2;
/** Save at least this often while holding (ms), so a crash loses little hold time. */
export const SAVE_EVERY_MS = 2000;
/** Fault start times kept per fault id. */
const MAX_FAULT_TIMES = 50;
/**
 * A form-breaking fault stands this long (ms) after it was last seen: time counted in that window is not
 * good-form time. A fault read near its threshold flickers on and off within each second (the piked plank
 * in clip 04 is flagged for 0.3–0.5 s of every 3.7 s loop, and the hold runs in between), but nobody fixes
 * and un-fixes their hips that fast: the live screen keeps the fault's words up for the same 3 s
 * (FAULT_LINE_MS in src/app/live/setFlow.ts), and the summary counts that time as held with the fault.
 */
export const FAULT_STANDS_MS = 3000;

export interface SessionMeta {
  id: string;
  exerciseId: string;
  source: 'live' | 'analysis';
  /** Epoch ms at the start of the set. */
  startedAt: number;
  metricLabel: string;
  metricUnit: string;
  target: SessionRecord['target'];
  painBefore: number | null;
  /**
   * What the exercise counts. For a hold, activeSec is the time held and goodFormSec the part of it with no
   * fault (the summary's two figures then cover the same time). Without it, as before: time active.
   */
  counter?: 'reps' | 'hold';
  /** The session the set belongs to (one check-in to its summary); see SessionRecord.sessionId. */
  sessionId?: string;
}

export class SessionRecorder {
  private record: SessionRecord;
  private t0 = Number.NaN;
  private lastT = Number.NaN;
  private lastSampleT = -Infinity;
  private lastSaveT = -Infinity;
  private dirty = false;
  /** The events, aggregated the one way the analyzer's summary is too (core/summary.ts). */
  private readonly events: SummaryBuilder;
  private readonly counter: 'reps' | 'hold' | null;
  private lastHold = 0;
  /** Severity of each fault id seen starting (minor faults do not break the form). */
  private readonly severity = new Map<string, string>();
  /** When a form-breaking fault was last on (stream ms). */
  private lastBreakingT = -Infinity;
  /** When each fault stood (stream ms): a gap under FAULT_STANDS_MS is the same span (live: issue 21). */
  private readonly spans = new Map<string, [number, number][]>();

  constructor(meta: SessionMeta) {
    this.counter = meta.counter ?? null;
    this.events = new SummaryBuilder(meta.exerciseId as ExerciseId, meta.source, COACH_WORDS);
    this.record = {
      id: meta.id,
      version: SESSION_VERSION,
      exerciseId: meta.exerciseId,
      source: meta.source,
      startedAt: meta.startedAt,
      updatedAt: meta.startedAt,
      endedAt: null,
      reps: { total: 0, left: 0, right: 0 },
      holdSec: { total: 0, left: 0, right: 0 },
      goodFormSec: 0,
      activeSec: 0,
      ...(meta.counter === 'hold' ? { faultHeldSec: 0 } : {}),
      faults: [],
      metric: { label: meta.metricLabel, unit: meta.metricUnit, series: [], min: null, max: null },
      painBefore: meta.painBefore,
      painAfter: null,
      target: meta.target,
      ...(meta.counter === 'reps' ? { repsGood: 0, partialAttempts: 0 } : {}),
      ...(meta.sessionId !== undefined ? { sessionId: meta.sessionId } : {}),
    };
  }

  /**
   * Feed one frame. `t` is the frame time (ms, stream clock), `now` the wall clock (epoch ms).
   * Returns true when the record should be saved now (a rep counted, a fault started, a hold
   * ended, or SAVE_EVERY_MS passed with something new).
   */
  add(t: number, events: readonly EngineEvent[], view: EngineView, now: number): boolean {
    if (!Number.isFinite(t)) return false;
    if (!Number.isFinite(this.t0)) this.t0 = t;
    const dt = Number.isFinite(this.lastT) && t > this.lastT ? Math.min(t - this.lastT, 1000) / 1000 : 0;
    this.lastT = t;
    const r = this.record;
    if (this.counter !== null) r.setSec = (r.setSec ?? 0) + dt;
    for (const e of events) if (e.type === 'fault-start') this.severity.set(e.faultId, e.severity);
    for (const id of view.activeFaults) {
      const list = this.spans.get(id) ?? [];
      const last = list[list.length - 1];
      if (last && t - last[1] < FAULT_STANDS_MS) last[1] = t;
      else if (list.length < MAX_FAULT_TIMES) list.push([t, t]);
      this.spans.set(id, list);
    }
    if (
      view.activeFaults.some((id) => this.severity.get(id) !== 'minor') ||
      events.some((e) => e.type === 'fault-start' && e.severity !== 'minor')
    )
      this.lastBreakingT = t;
    // A fault on now, or seen within FAULT_STANDS_MS: this frame's counted time is not good form.
    const faultStands = view.activeFaults.length > 0 || t - this.lastBreakingT < FAULT_STANDS_MS;
    if (this.counter === 'hold') {
      // Time held this frame (the hold counter stops while a fault is on, and runs between its flickers).
      const held = Math.max(0, view.holdSec.total - this.lastHold);
      this.lastHold = view.holdSec.total;
      r.activeSec += held;
      if (faultStands) r.faultHeldSec = (r.faultHeldSec ?? 0) + held;
      else r.goodFormSec += held;
    } else if (view.phase === 'active') {
      r.activeSec += dt;
      if (!faultStands) r.goodFormSec += dt;
    }
    // Reps judged well: the engine's own count of reps with no fault on them (EngineView.cleanReps), as the
    // analyzer's summary has it.
    if (this.counter === 'reps') r.repsGood = Math.min(view.cleanReps, view.reps.total);
    const repFault = events.some((e) => e.type === 'fault-start');
    this.events.add(t, events, view);
    // Reps started and not completed: the one summary's count (core/summary.ts), listed apart from the reps.
    if (this.counter === 'reps') r.partialAttempts = this.events.partialAttempts();
    const urgent = events.some((e) => e.type === 'rep' || e.type === 'hold-end' || e.type === 'fault-start');
    if (repFault) r.faults = this.tallies();
    const changed = view.reps.total !== r.reps.total || view.holdSec.total !== r.holdSec.total;
    r.reps = { ...view.reps };
    r.holdSec = { total: round1(view.holdSec.total), left: round1(view.holdSec.left), right: round1(view.holdSec.right) };
    if (view.metric !== null && Number.isFinite(view.metric)) {
      const m = view.metric;
      if (r.metric.min === null || m < r.metric.min) r.metric.min = round1(m);
      if (r.metric.max === null || m > r.metric.max) r.metric.max = round1(m);
      if (t - this.lastSampleT >= 1000 / METRIC_SAMPLES_PER_SEC) {
        r.metric.series.push([round1((t - this.t0) / 1000), round1(m)]);
        this.lastSampleT = t;
      }
    }
    r.updatedAt = now;
    if (changed || urgent) this.dirty = true;
    const due = urgent || (this.dirty && t - this.lastSaveT >= SAVE_EVERY_MS);
    if (due) {
      this.lastSaveT = t;
      this.dirty = false;
    }
    return due;
  }

  /** Each fault: how often it started and when (the first MAX_FAULT_TIMES), from the one event summary. */
  private tallies(): FaultTally[] {
    const by = new Map<string, FaultTally>();
    for (const f of this.events.faultStarts()) {
      const tally = by.get(f.id) ?? { id: f.id, message: f.message, count: 0, atSec: [] };
      tally.count++;
      if (tally.atSec.length < MAX_FAULT_TIMES) tally.atSec.push(round1(f.tSec));
      by.set(f.id, tally);
    }
    return [...by.values()];
  }

  finish(now: number, painAfter: number | null = null): SessionRecord {
    this.record.endedAt = now;
    this.record.updatedAt = now;
    this.record.painAfter = painAfter;
    this.record.goodFormSec = round1(this.record.goodFormSec);
    this.record.activeSec = round1(this.record.activeSec);
    return this.snapshot();
  }

  /**
   * The figures the good-form figure is made of, as the saved record will have them (rounded the same way): the
   * live screen shows src/session/figures.ts goodForm() of these, the summary and History of the record.
   */
  formFields(): FormFields {
    const r = this.record;
    return {
      exerciseId: r.exerciseId,
      reps: r.reps,
      holdSec: r.holdSec,
      goodFormSec: round1(r.goodFormSec),
      activeSec: round1(r.activeSec),
      ...(r.repsGood !== undefined ? { repsGood: r.repsGood } : {}),
      ...(r.faultHeldSec !== undefined ? { faultHeldSec: round1(r.faultHeldSec) } : {}),
    };
  }

  /** When the fault stood, in seconds from the start of the set ({} before it was seen standing). */
  private spansOf(id: string): { spans?: [number, number][] } {
    const list = this.spans.get(id);
    if (!list || list.length === 0 || !Number.isFinite(this.t0)) return {};
    return { spans: list.map(([a, b]): [number, number] => [round1((a - this.t0) / 1000), round1((b - this.t0) / 1000)]) };
  }

  /** A copy safe to hand to storage. */
  snapshot(): SessionRecord {
    const r = this.record;
    return {
      ...r,
      reps: { ...r.reps },
      holdSec: { ...r.holdSec },
      goodFormSec: round1(r.goodFormSec),
      activeSec: round1(r.activeSec),
      ...(r.faultHeldSec !== undefined ? { faultHeldSec: round1(r.faultHeldSec) } : {}),
      ...(r.repsGood !== undefined ? { repsGood: r.repsGood } : {}),
      ...(r.setSec !== undefined ? { setSec: round1(r.setSec) } : {}),
      faults: r.faults.map((f) => ({ ...f, atSec: [...f.atSec], ...this.spansOf(f.id) })),
      metric: { ...r.metric, series: r.metric.series.map((p) => [p[0], p[1]] as [number, number]) },
      target: r.target ? { ...r.target } : null,
    };
  }
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Share of active time with good form, 0..1 (0 when nothing was active). */
export function goodFormShare(r: Pick<SessionRecord, 'goodFormSec' | 'activeSec'>): number {
  return r.activeSec > 0 ? Math.min(1, r.goodFormSec / r.activeSec) : 0;
}

/** The caution when pain rose over a session (src/session/pain.ts). */
export { painAdvice } from './pain';
