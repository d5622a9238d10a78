// The pure side of the live coach: the set flow (setFlow.ts), the engine it runs, the engine's clock and the
// set's record, in one deterministic object with no React, DOM or camera. LiveSession feeds it frames and
// events and carries out what it returns (speech, timers, saves, screens); the Node tests drive it directly.
//
// What it owns:
// - the engine's lifecycle: a fresh engine whenever the flow asks for one (a new set, a new exercise), read in
//   the keypoint space of the model running;
// - the engine's clock: it advances only with frames the engine steps on, so a pause, a rest or a hidden tab
//   is never counted as held time;
// - the record of the set being counted (SessionRecorder), opened at "Go", saved as it runs, closed at the end.
import type { EngineEvent, EngineOptions, EngineState, EngineView } from '../../core/engine';
import { createEngineState, setModel, step } from '../../core/engine';
import type { ExerciseDef, ExerciseId } from '../../core/exercises';
import { EXERCISES } from '../../core/exercises';
import type { ModelName, PoseFrame } from '../../core/pose';
import { SessionRecorder } from '../../session/sessionRecorder';
import type { FormFields } from '../../session/figures';
import type { SessionRecord } from '../../storage/schema';
import { metricMeta } from '../summary/format';
import { neededSeen, SEEN_SCORE } from './framing';
import type { Effect, FlowEvent, FlowState } from './setFlow';
import { engineRuns, setFlow } from './setFlow';
import { capSides, counterMode } from './target';
import { mergeRecords, withCarry } from './pendingSet';

/** What the runner leaves to its host: the flow's outward effects, and records to save. */
export type RunEffect =
  | Exclude<
      Effect,
      { type: 'new-engine' } | { type: 'record-start' } | { type: 'record-save' } | { type: 'record-finish' } | { type: 'speak' }
    >
  /** Say a phrase about `exerciseId` (the host words it: src/words/liveWords.ts). */
  | (Extract<Effect, { type: 'speak' }> & { exerciseId: ExerciseId })
  | { type: 'save'; record: SessionRecord };

export interface FrameResult {
  /** The engine's view of this frame, or null when the engine did not step (or was replaced on it). */
  view: EngineView | null;
  events: readonly EngineEvent[];
  effects: RunEffect[];
}

export interface RunnerOptions {
  /** The model making the frames (its keypoint space sets the engine's thresholds). */
  model: ModelName;
  /** Epoch ms for record times. */
  wall(): number;
  /** A unique id for a new record. */
  newId(): string;
}

export class SetRunner {
  private flowState: FlowState | null = null;
  private engine: EngineState | null = null;
  private defn: ExerciseDef | null = null;
  /** Engine clock (ms): advances only with frames the engine steps on. */
  private engineT = 0;
  private lastFrameT = Number.NaN;
  private recorder: SessionRecorder | null = null;
  /** One session: every set of the flow (check-in to summary) shares this id (its first set's), and its pain answers. */
  private sessionId = '';
  /** The first part of a set carried on after a reload (merged into this set's record). */
  private carried: SessionRecord | null = null;
  /** Records of the sets finished since the flow opened (the summary's). */
  private done: SessionRecord[] = [];
  private model: ModelName;
  /** The engine's last view (drawn between frames it does not step on). */
  lastView: EngineView | null = null;
  /** Bumped with every fresh engine: the host drops the old engine's numbers from the screen. */
  engineGen = 0;

  constructor(private readonly o: RunnerOptions) {
    this.model = o.model;
  }

  get flow(): FlowState | null {
    return this.flowState;
  }
  get def(): ExerciseDef | null {
    return this.defn;
  }
  get records(): readonly SessionRecord[] {
    return this.done;
  }
  /** The engine's clock (ms): the set's time with pauses and rests left out. */
  get engineClock(): number {
    return this.engineT;
  }
  /** True while an engine runs (an exercise is open). */
  get hasEngine(): boolean {
    return this.engine !== null;
  }

  /**
   * A new flow (an exercise, a routine, the camera check): nothing of the last one carries over, except, for a
   * set carried on after a reload, that set's record so far (`carried`): its counts go on from there and its
   * record stays one record.
   */
  open(flow: FlowState, carried: SessionRecord | null = null): RunEffect[] {
    const out = this.close();
    this.done = [];
    // A set carried on after a reload stays in the session it began in.
    this.sessionId = carried?.sessionId ?? '';
    this.carried = carried;
    this.flowState = flow;
    this.setExercise(flow);
    return out;
  }

  /** Ends the flow: an open record is closed and saved (what was counted is kept). */
  close(): RunEffect[] {
    const out: RunEffect[] = [];
    this.finishRecord(out);
    this.flowState = null;
    this.defn = null;
    this.engine = null;
    this.lastView = null;
    return out;
  }

  /** The model running changed (the loop restarted): counts stay, thresholds follow the model. */
  useModel(model: ModelName): void {
    this.model = model;
    if (this.engine) setModel(this.engine, model);
    this.lastFrameT = Number.NaN;
  }

  /** Runs one event through the flow; returns what the host must do. */
  send(e: FlowEvent): RunEffect[] {
    const out: RunEffect[] = [];
    this.dispatch(e, out);
    return out;
  }

  /** One processed frame: the engine steps on it while the flow wants it, and the flow sees its view. */
  frame(frame: PoseFrame, t: number): FrameResult {
    const f = this.flowState;
    const out: RunEffect[] = [];
    if (!this.engine || !f || !engineRuns(f)) {
      this.lastFrameT = Number.NaN;
      return { view: null, events: [], effects: out };
    }
    this.engineT += Number.isFinite(this.lastFrameT) ? Math.max(0, frame.t - this.lastFrameT) : 0;
    this.lastFrameT = frame.t;
    const engine = this.engine;
    const { view: raw, events } = step(engine, { ...frame, t: this.engineT });
    // Each side stops at its target (target.ts): the screen and the record show the same numbers; the flow
    // reads the raw view too (a side already done that keeps coming is told to switch). A set carried on after
    // a reload shows what its first part counted plus what is counted now.
    const carry = f.carry;
    const fresh = this.defn ? capSides(this.defn, raw, f.target, carry) : raw;
    const view = withCarry(fresh, carry);
    if (this.recorder && (f.name === 'counting' || f.name === 'paused')) {
      if (this.recorder.add(this.engineT, events, fresh, this.o.wall())) out.push({ type: 'save', record: this.snapshotNow()! });
    }
    this.lastView = view;
    const seen = this.defn ? neededSeen(this.defn, frame.poses[0]) : undefined;
    const personSeen = (frame.poses[0]?.keypoints.filter((k) => k.score >= SEEN_SCORE).length ?? 0) >= 4;
    this.dispatch({ type: 'frame', t, view: withCarry(raw, carry), events, light: frame.light, neededSeen: seen, personSeen }, out);
    // The flow replaced the engine on this frame ("Go"): the old engine's numbers are not shown.
    return { view: this.engine === engine ? view : null, events, effects: out };
  }

  /** The open set's good-form figures as they stand (the live screen's figure: src/session/figures.ts), or null. */
  formFields(): FormFields | null {
    return this.carried ? this.snapshotNow() : (this.recorder?.formFields() ?? null);
  }

  /** The open record as it stands (for the set kept across a reload), or null. */
  snapshot(): SessionRecord | null {
    return this.snapshotNow();
  }

  private snapshotNow(): SessionRecord | null {
    const r = this.recorder?.snapshot() ?? null;
    return r && this.carried ? mergeRecords(this.carried, r) : r;
  }

  private dispatch(e: FlowEvent, out: RunEffect[]): void {
    const f = this.flowState;
    if (!f) return;
    const wasRunning = engineRuns(f);
    const { state, effects } = setFlow(f, e);
    this.flowState = state;
    if (state.exerciseId !== this.defn?.id) this.setExercise(state);
    // Back from a pause: the gap does not count on the engine's clock.
    if (!wasRunning && engineRuns(state)) this.lastFrameT = Number.NaN;
    for (const fx of effects) {
      switch (fx.type) {
        case 'new-engine':
          this.newEngine();
          break;
        case 'record-start':
          this.startRecord();
          break;
        case 'record-save':
          if (this.recorder) out.push({ type: 'save', record: this.snapshotNow()! });
          break;
        case 'record-finish':
          this.finishRecord(out);
          break;
        case 'speak':
          out.push({ ...fx, exerciseId: state.exerciseId });
          break;
        default:
          out.push(fx);
      }
    }
  }

  private setExercise(f: FlowState): void {
    this.defn = EXERCISES[f.exerciseId];
    this.newEngine();
  }

  private newEngine(): void {
    const f = this.flowState;
    if (!this.defn || !f) return;
    // The engine reads the thresholds of the model's keypoint space (MoveNet and BlazePose place hips apart).
    const opts: EngineOptions = { model: this.model };
    if (f.target.reps !== undefined) opts.targetReps = f.target.reps;
    if (f.target.holdSec !== undefined) opts.targetHoldSec = f.target.holdSec;
    this.engine = createEngineState(this.defn.id, opts);
    this.engineGen += 1;
    this.engineT = 0;
    this.lastFrameT = Number.NaN;
    this.lastView = null;
  }

  private startRecord(): void {
    const f = this.flowState;
    if (!this.defn || !f) return;
    const { label, unit } = metricMeta(this.defn);
    const id = this.o.newId();
    if (!this.sessionId) this.sessionId = id;
    this.recorder = new SessionRecorder({
      id,
      exerciseId: this.defn.id,
      source: 'live',
      startedAt: this.o.wall(),
      metricLabel: label,
      metricUnit: unit,
      target: { ...f.target },
      painBefore: f.painBefore,
      counter: counterMode(this.defn).mode,
      sessionId: this.sessionId,
    });
  }

  private finishRecord(out: RunEffect[]): void {
    const r = this.recorder;
    this.recorder = null;
    if (!r) return;
    const part = r.finish(this.o.wall());
    const rec = this.carried ? mergeRecords(this.carried, part) : part;
    this.carried = null;
    this.done.push(rec);
    out.push({ type: 'save', record: rec });
  }
}
