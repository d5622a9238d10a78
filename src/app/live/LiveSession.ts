// The live coach, one object: constructed with its store, a way to open the pose source, a camera, a
// clock, a speaker and a saver (so tests hand it a replayed stream, a fake clock and a recording speaker).
//
// It takes commands through one channel, `send(command)` (XState's actors do the same): the screens hold it
// through React context (sessionContext.ts) and never ask through the store.
//
// Its two halves: the pose feed (poseFeed.ts: camera, model, frame loop, overlay) and the pure set runner
// (setRunner.ts: the set flow, the engine, its clock, the set's record). The one path of a frame: the feed's
// loop runs the pose source and calls onFrame → the runner steps the engine once and the flow once → the
// store is written once (only what changed) → the overlay is drawn once, from the engine's smoothed body →
// the flow's effects (speech, timers, saves, screens) are carried out here.
import type { EngineView } from '../../core/engine';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import type { ExerciseId } from '../../core/exercises';
import type { PoseFrame } from '../../core/pose';
import type { OpenedSource, SourceRequest } from '../../pose/openSource';
import type { Routine } from '../../session/routine';
import type { SessionRecord } from '../../storage/schema';
import { goodForm } from '../../session/figures';
import type { CameraPort } from '../camera';
import type { AppState, CoachView, Screen } from '../store';
import type { StoreApi } from 'zustand/vanilla';
import { phraseText } from '../../words/liveWords';
import { blockFor } from '../routine/routineStore';
import type { BannerSide } from './framing';
import { nextBanner } from './framing';
import { coachViewOf, coachViewOfCarry, liveStateOf, sameCoach, sameLive } from './liveView';
import type { Clock } from './poseFeed';
import { PoseFeed } from './poseFeed';
import type { FlowEvent, FlowState } from './setFlow';
import { cardPlan, openFlow } from './setFlow';
import type { RunEffect } from './setRunner';
import type { LiveCommand } from './commands';
import type { DebugHook } from './debugHook';
import { debugHookOf } from './debugHook';
export type { DebugHook } from './debugHook';

export type { LiveCommand } from './commands';
import { SetRunner } from './setRunner';
import type { PendingStore } from './pendingSet';
import { carryOf, interruptedAt, pendingPlace } from './pendingSet';

export type { Clock } from './poseFeed';

export interface SpeakerPort {
  say(text: string): void;
  cancel(): void;
  configure(on: boolean, voiceURI: string | null): void;
}

export interface LiveSessionDeps {
  store: StoreApi<AppState>;
  /** Opens the pose source for a request (src/pose/openSource.ts in the app, a replay in tests). */
  openSource(req: SourceRequest, opts: { onActivity(text: string): void; stillWanted(): boolean }): Promise<OpenedSource>;
  camera: CameraPort;
  clock: Clock;
  speaker: SpeakerPort;
  /** Saves a set's record (history); never throws. */
  save(rec: SessionRecord): Promise<void>;
  /** The user's routine, read when a routine starts. */
  loadRoutine(): Routine;
  /** Start-up milestones (performance.mark in the app). */
  mark?(name: string): void;
  /** Epoch ms for record times (Date.now in the app). */
  wallClock?(): number;
  /** Shows a screen (store.go in the app: it also sets the URL hash). */
  go(screen: Screen): void;
  /** Where the set in progress is kept across a reload (localStorage in the app); none: not kept. */
  pending?: PendingStore;
}

export class LiveSession {
  private readonly d: LiveSessionDeps;
  private readonly feed: PoseFeed;
  private readonly run: SetRunner;
  private routine: Routine | null = null;
  private stopTimer: (() => void) | null = null;
  private saveChain: Promise<void> = Promise.resolve();
  private lastCoach: CoachView | null = null;
  private engineGen = -1;
  private banner: { side: BannerSide; size: number } = { side: 'top', size: 0.3 };

  constructor(deps: LiveSessionDeps) {
    this.d = deps;
    this.store = deps.store;
    this.now = () => deps.clock.now();
    const wall = () => (deps.wallClock ?? Date.now)();
    this.run = new SetRunner({
      model: deps.store.getState().settings.model,
      wall,
      newId: () => `live-${wall().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    });
    this.feed = new PoseFeed(deps, {
      onFrame: (f) => this.onFrame(f),
      onCamera: (ok) => this.dispatch({ type: 'camera', t: this.now(), ok }),
      onModel: (m) => this.run.useModel(m),
    });
  }

  private readonly store: StoreApi<AppState>;
  private readonly now: () => number;
  /** "Record keypoints": every processed frame goes to it while it records. */
  get keypoints() {
    return this.feed.keypoints;
  }

  /**
   * Listens to the world outside (hidden tab, cameras plugged in, settings changed, leaving the screen).
   * Returns the function that stops listening. Nothing happens before this is called.
   */
  start(env: { document?: Document | undefined; onBackendLost?: ((cb: () => void) => () => void) | undefined } = {}): () => void {
    const offs: (() => void)[] = [this.feed.listen(env.onBackendLost)];
    this.offerInterrupted();
    const doc = env.document;
    if (doc) {
      const onVis = () => {
        if (doc.visibilityState === 'hidden') this.dispatch({ type: 'hidden', t: this.now() });
      };
      doc.addEventListener('visibilitychange', onVis);
      offs.push(() => doc.removeEventListener('visibilitychange', onVis));
    }
    offs.push(
      this.store.subscribe((s, prev) => {
        // Navigating away mid-set (menu, Back): what was counted is saved.
        const f = this.run.flow;
        if (prev.screen === 'live' && s.screen !== 'live' && s.live && f && f.name !== 'summary') this.send({ type: 'leave' });
        if (s.settings.exerciseId !== prev.settings.exerciseId && s.screen === 'camera')
          this.send({ type: 'preview', exerciseId: s.settings.exerciseId });
      }),
    );
    return () => offs.forEach((f) => f());
  }

  /** The one way in for the screens. */
  send(c: LiveCommand): void {
    const t = this.now();
    switch (c.type) {
      case 'open-exercise':
        if (!isExerciseId(c.exerciseId)) return;
        this.begin(openFlow('card', this.cardPlanFor(c.exerciseId)), null);
        this.d.go('live');
        if (c.skipCheckIn) this.dispatch({ type: 'check-in', t, pain: null });
        return;
      case 'open-routine': {
        const routine = c.routine ?? this.d.loadRoutine();
        this.begin(openFlow('routine', routine, c.fromBlock ?? 0), routine);
        this.d.go('live');
        return;
      }
      case 'next-exercise': {
        const next = this.store.getState().summary?.nextBlock;
        if (this.routine && typeof next === 'number') this.send({ type: 'open-routine', routine: this.routine, fromBlock: next });
        return;
      }
      case 'preview':
        return this.preview(c.exerciseId);
      case 'end-preview': {
        const f = this.run.flow;
        if (!f || (!f.autoStart && f.name === 'framing')) this.clear();
        return;
      }
      case 'check-in':
        return this.dispatch({ type: 'check-in', t, pain: c.pain });
      case 'start':
        this.dispatch({ type: 'start', t, anyway: c.anyway ?? false });
        if (this.run.flow?.name === 'countdown' && this.store.getState().screen !== 'live') this.d.go('live');
        return;
      case 'toggle-pause': {
        const f = this.run.flow;
        return this.dispatch({ type: f?.name === 'paused' && f.pause !== 'setup' ? 'resume' : 'pause', t });
      }
      case 'pause':
      case 'resume':
      case 'stop':
      case 'skip-rest':
      case 'skip-set':
      case 'skip-exercise':
        return this.dispatch({ type: c.type, t });
      case 'pain-after':
        return this.painAfter(c.pain);
      case 'leave':
        this.perform(this.run.close());
        this.clearTimer();
        this.d.pending?.clear();
        this.d.speaker.cancel();
        this.store.setState({ live: null, coach: null });
        return;
      case 'retry':
        void this.feed.restart();
        return;
      case 'resume-interrupted':
        return this.resumeInterrupted();
      case 'discard-interrupted': {
        const p = this.d.pending?.load();
        // What was done is kept as a set that ended where it was cut off.
        if (p?.record) this.persist({ ...p.record, endedAt: p.record.updatedAt });
        this.d.pending?.clear();
        this.store.setState({ interrupted: null });
        return;
      }
    }
  }

  /** A set cut off by a reload or a crash: the home screen asks whether to carry on with it. */
  private offerInterrupted(): void {
    const p = this.d.pending?.load();
    if (!p) return;
    const block = p.routine.blocks[p.blockIndex]!;
    this.store.setState({ interrupted: { exerciseId: block.exerciseId, atSec: interruptedAt(p.record), set: p.set, sets: block.sets } });
  }

  /** "Carry on": the plan from the set that was cut off, its counts kept; straight to framing (no check-in). */
  private resumeInterrupted(): void {
    const p = this.d.pending?.load();
    this.store.setState({ interrupted: null });
    if (!p) return;
    const flow = openFlow(p.kind, p.routine, p.blockIndex, { set: p.set, carry: p.record ? carryOf(p.record) : null });
    this.begin(flow, p.kind === 'routine' ? p.routine : null, p.record);
    this.d.go('live');
    this.dispatch({ type: 'check-in', t: this.now(), pain: p.painBefore });
  }

  /** A card's plan: the numbers the card shows (the user's routine's block for it), else the defaults. */
  private cardPlanFor(id: ExerciseId): Routine {
    return cardPlan(EXERCISES[id], blockFor(this.d.loadRoutine(), id));
  }

  private preview(exerciseId: string | null): void {
    if (!exerciseId || !isExerciseId(exerciseId)) return this.clear();
    const f = openFlow('card', this.cardPlanFor(exerciseId));
    this.begin({ ...f, autoStart: false }, null);
    this.dispatch({ type: 'check-in', t: this.now(), pain: null });
  }

  /** No flow: the camera check's "just show the skeleton". */
  private clear(): void {
    this.perform(this.run.close());
    this.clearTimer();
    this.lastCoach = null;
    this.store.setState({ live: null, coach: null });
  }

  private painAfter(pain: number | null): void {
    const s = this.store.getState().summary;
    if (!s) return;
    const records = s.records.map((r) => ({ ...r, painAfter: pain }));
    this.store.setState({ summary: { ...s, painAfter: pain, painSaved: false, records } });
    for (const r of records) this.persist(r);
    // "Noted" once it is written: a page closed straight after the answer would otherwise lose it unseen.
    void this.saveChain.then(() => {
      const now = this.store.getState().summary;
      if (now && now.painAfter === pain && now.records[0]?.id === records[0]?.id)
        this.store.setState({ summary: { ...now, painSaved: true } });
    });
  }

  /** The stage mounted its <video> and <canvas>: camera and model start. Returns the detach. */
  attach(video: HTMLVideoElement, canvas: HTMLCanvasElement | null): () => void {
    return this.feed.attach(video, canvas);
  }

  // ---- one frame ----

  private onFrame(frame: PoseFrame): void {
    const r = this.run.frame(frame, this.now());
    this.perform(r.effects);
    this.publish(r.view);
    this.draw(frame, r.view);
  }

  private draw(frame: PoseFrame, view: EngineView | null): void {
    // With an exercise: the engine's smoothed body, coloured by its rules (as the analyser draws it).
    // With none (the camera check's "just show the skeleton"), the model's points as they come.
    if (!this.run.hasEngine) return this.feed.draw(frame, frame.poses[0] ?? null, {});
    const v = view ?? this.run.lastView;
    this.feed.draw(frame, v?.smoothedPose ?? null, v?.jointStyles ?? {});
  }

  // ---- the flow ----

  private begin(flow: FlowState, routine: Routine | null, carried: SessionRecord | null = null): void {
    this.clearTimer();
    this.perform(this.run.open(flow, carried));
    this.routine = routine;
    this.store.setState({ summary: null });
    this.publish(null);
  }

  /** Runs one event through the pure side and carries out its effects; the store is written after. */
  private dispatch(e: FlowEvent): void {
    if (!this.run.flow) return;
    this.perform(this.run.send(e));
    this.publish(null);
  }

  private perform(effects: readonly RunEffect[]): void {
    for (const fx of effects) this.effect(fx);
  }

  private effect(fx: RunEffect): void {
    const sp = this.d.speaker;
    switch (fx.type) {
      case 'speak': {
        const s = this.store.getState().settings;
        sp.configure(s.voiceOn, s.voiceURI);
        if (fx.interrupt) sp.cancel();
        sp.say(phraseText(fx.exerciseId, fx.say));
        return;
      }
      case 'silence':
        sp.cancel();
        return;
      case 'timer':
        this.clearTimer();
        if (fx.everyMs !== null) this.stopTimer = this.d.clock.every(fx.everyMs, () => this.dispatch({ type: 'tick', t: this.now() }));
        return;
      case 'save':
        this.persist(fx.record);
        this.keepPending(fx.record);
        return;
      case 'summary': {
        const f = this.run.flow;
        const nextId = fx.nextBlock !== null ? (this.routine?.blocks[fx.nextBlock]?.exerciseId ?? null) : null;
        this.store.setState({
          summary: {
            records: [...this.run.records],
            routineName: fx.routineName,
            painBefore: f?.painBefore ?? null,
            painAfter: null,
            painSaved: false,
            nextBlock: fx.nextBlock,
            nextExerciseId: nextId,
          },
          live: null,
          coach: null,
        });
        this.perform(this.run.close());
        this.clearTimer();
        this.d.pending?.clear();
        this.d.go('summary');
        return;
      }
      case 'leave':
        this.perform(this.run.close());
        this.clearTimer();
        this.d.pending?.clear();
        this.store.setState({ live: null, coach: null });
        this.d.go('home');
        return;
    }
  }

  private clearTimer(): void {
    this.stopTimer?.();
    this.stopTimer = null;
  }

  /**
   * Saves one after another, in the order asked: two writes of the same record in flight at once could land
   * out of order and leave an older count on disk.
   */
  private persist(rec: SessionRecord): void {
    this.saveChain = this.saveChain.then(() => this.d.save(rec)).catch(() => undefined);
  }

  /**
   * The set in progress is kept (for a reload) while its record is open; between sets (a rest, the next set's
   * framing) the next set is kept, without a record; it is forgotten when the exercise or routine ends.
   */
  private keepPending(rec: SessionRecord): void {
    const store = this.d.pending;
    const f = this.run.flow;
    if (!store || !f) return;
    const at = pendingPlace(f.plan.run);
    if (!at) return store.clear();
    const open = rec.endedAt === null && f.plan.run.step.kind === 'set';
    store.save({ version: 1, kind: f.plan.kind, routine: f.plan.run.routine, ...at, record: open ? rec : null, painBefore: f.painBefore });
  }

  /** Resolves once every save asked for so far has been written (tests, and leaving the page). */
  flushSaves(): Promise<void> {
    return this.saveChain;
  }

  // ---- the store, written once per frame with only what changed ----

  private publish(view: EngineView | null): void {
    const patch: Partial<AppState> = {};
    const f = this.run.flow;
    const def = this.run.def;
    const st = this.store.getState();
    // A fresh engine ("Go", a new set): the old numbers go before its first frame (a set carried on shows its carry).
    if (this.run.engineGen !== this.engineGen) {
      this.engineGen = this.run.engineGen;
      this.lastCoach = f?.carry && def ? coachViewOfCarry(def, f.carry) : null;
      if (st.coach !== this.lastCoach) patch.coach = this.lastCoach;
    }
    if (view && def) {
      const form = this.run.formFields();
      const coach = coachViewOf(def, view, form ? (goodForm(form)?.text ?? null) : null);
      if (!sameCoach(coach, this.lastCoach)) {
        patch.coach = coach;
        this.lastCoach = coach;
      }
      const last = this.feed.lastFrame;
      this.banner = nextBanner(this.banner, view.smoothedPose, last?.width ?? 0, last?.height ?? 0, st.settings.mirror);
    }
    if (f && f.name !== 'summary' && f.name !== 'closed') {
      const live = liveStateOf(f, this.now(), this.banner);
      if (!st.live || !sameLive(live, st.live)) patch.live = live;
    }
    if (Object.keys(patch).length > 0) this.store.setState(patch);
  }

  // ---- for tests and the bench ----

  debugHook(): DebugHook {
    return debugHookOf(this.feed, this.run, this.store);
  }
}
