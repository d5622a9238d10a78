// The live coach, one object: constructed with its store, a way to open the pose source, a camera, a
// clock, a speaker and a saver (so tests hand it a replayed stream, a fake clock and a recording speaker).
//
// The one path of a frame: the camera's frame loop (frameLoop.ts) runs the pose source and calls
// onPoseFrame → the pure engine's step() once → the set flow's reducer (setFlow.ts) once → the store is
// written once (only what changed) → the overlay is drawn once, from the engine's smoothed body (the same
// body the analyser draws) → the flow's effects (speech, record, timers) are carried out.
import type { EngineEvent, EngineOptions, EngineState, EngineView } from '../../core/engine';
import { createEngineState, setModel, step } from '../../core/engine';
import type { ExerciseDef, ExerciseId } from '../../core/exercises';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import { cueText } from '../../words/coachWords';
import type { PoseFrame } from '../../core/pose';
import type { OpenedSource, SourceRequest } from '../../pose/openSource';
import { OpenSuperseded } from '../../pose/openSource';
import type { BackendName, BackendNotice } from '../../pose/backend';
import { describeFailure, noticeTechnical, noticeTexts } from '../errors';
import { noteModelSpeed } from '../speedStore';
import { clearOverlay, drawSkeleton } from '../../render/skeleton';
import type { Routine } from '../../session/routine';
import { SessionRecorder } from '../../session/sessionRecorder';
import type { SessionRecord } from '../../storage/schema';
import type { CameraFeed, CameraPort } from '../camera';
import type { FrameLoop, FrameTiming } from '../frameLoop';
import { startFrameLoop, summarise } from '../frameLoop';
import type { AppState, CoachView, LiveRequest, LiveState, Screen, Settings } from '../store';
import type { StoreApi } from 'zustand/vanilla';
import { metricMeta } from '../summary/format';
import type { BannerSide } from './framing';
import { allMet, bannerPlace, bodyBox, neededSeen } from './framing';
import type { Effect, FlowEvent, FlowState } from './setFlow';
import { cardPlan, engineRuns, openFlow, restLeftSec, restNextExercise, setFlow, setLabel } from './setFlow';
import { counterMode } from './target';
import { KeypointRecorder } from './keypointRecorder';
import { blockFor } from '../routine/routineStore';

/** Time, injected: the page's clock in the app, a hand-wound one in tests. */
export interface Clock {
  now(): number;
  /** Calls `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

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
}

/** What tests and the bench read (window.__formCoach in test and bench builds only). */
export interface DebugHook {
  getLastPoses(): PoseFrame['poses'] | null;
  getLastFrame(): PoseFrame | null;
  getStats(): { fps: number; modelMs: number; dropped: number; frames: number; backend: string | null; threads: number | null; model: string; phase: string };
  getRecentModelMs(): number[];
  getFrameTimings(): FrameTiming[];
  /** The live flow's state name ('framing', 'counting', …) or null. */
  getFlow(): string | null;
}

export class LiveSession {
  private readonly d: LiveSessionDeps;
  /** "Record keypoints": every processed frame goes to it while it records. */
  readonly keypoints = new KeypointRecorder();
  // camera + model + loop
  private video: HTMLVideoElement | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private feed: CameraFeed | null = null;
  private opened: OpenedSource | null = null;
  private openedKey = '';
  private loop: FrameLoop | null = null;
  private stopStats: (() => void) | null = null;
  /** Bumped on every (re)start so a superseded async start stops quietly. */
  private generation = 0;
  private cameraLost = false;
  private lastFrame: PoseFrame | null = null;
  private skeletonMarked = false;
  // engine + flow
  private def: ExerciseDef | null = null;
  private engine: EngineState | null = null;
  /** Engine clock (ms): advances only with frames the engine steps on. */
  private engineT = 0;
  private lastFrameT = Number.NaN;
  private flow: FlowState | null = null;
  private recorder: SessionRecorder | null = null;
  private records: SessionRecord[] = [];
  private routine: Routine | null = null;
  private stopTimer: (() => void) | null = null;
  private saveChain: Promise<void> = Promise.resolve();
  private lastCoach: CoachView | null = null;
  private lastView: EngineView | null = null;
  private banner: { side: BannerSide; size: number } = { side: 'top', size: 0.3 };

  constructor(deps: LiveSessionDeps) {
    this.d = deps;
  }

  private get store(): StoreApi<AppState> { return this.d.store; }
  private now(): number { return this.d.clock.now(); }
  private wall(): number { return (this.d.wallClock ?? Date.now)(); }

  /**
   * Listens to the world outside (hidden tab, cameras plugged in, settings changed, leaving the screen).
   * Returns the function that stops listening. Nothing happens before this is called.
   */
  start(env: { document?: Document | undefined; onBackendLost?: ((cb: () => void) => () => void) | undefined } = {}): () => void {
    const offs: (() => void)[] = [];
    const doc = env.document;
    if (doc) {
      const onVis = () => { if (doc.visibilityState === 'hidden') this.dispatch({ type: 'hidden', t: this.now() }); };
      doc.addEventListener('visibilitychange', onVis);
      offs.push(() => doc.removeEventListener('visibilitychange', onVis));
    }
    offs.push(this.d.camera.onDeviceChange(() => { if (this.cameraLost && this.video) void this.restart(); }));
    if (env.onBackendLost) {
      // The WebGL context was lost (GPU reset): the model's weights went with it. Start again on wasm.
      offs.push(env.onBackendLost(() => {
        try { this.opened?.source.dispose(); } catch { /* its context is gone already */ }
        this.opened = null;
        this.openedKey = '';
        if (this.video) void this.restart();
      }));
    }
    offs.push(this.store.subscribe((s, prev) => {
      if (s.request && s.request !== prev.request) this.handle(s.request);
      const a = s.settings, b = prev.settings;
      if (this.video && (a.model !== b.model || a.backend !== b.backend || a.worker !== b.worker || a.cameraId !== b.cameraId)) void this.restart();
      // Navigating away mid-set (menu, Back): what was counted is saved.
      if (prev.screen === 'live' && s.screen !== 'live' && s.live && this.flow && this.flow.name !== 'summary') this.leave();
      if (a.exerciseId !== b.exerciseId && s.screen === 'camera') this.preview(a.exerciseId);
    }));
    return () => offs.forEach((f) => f());
  }

  // ---- what the screens ask for ----

  private handle(r: LiveRequest): void {
    this.store.setState({ request: null });
    if (r.kind === 'exercise') this.openExercise(r.exerciseId);
    else if (r.kind === 'routine') this.openRoutine(r.routine ?? this.d.loadRoutine());
    else if (this.video) void this.restart();
  }

  /** The live screen for one exercise from its card: its sets, with rest between them. Check-in first. */
  openExercise(exerciseId: string, opts: { skipCheckIn?: boolean } = {}): void {
    if (!isExerciseId(exerciseId)) return;
    this.begin(openFlow('card', this.cardPlanFor(exerciseId)), null);
    this.d.go('live');
    if (opts.skipCheckIn) this.checkIn(null);
  }

  /** A card's plan: the numbers the card shows (the user's routine's block for it), else the defaults. */
  private cardPlanFor(id: ExerciseId): Routine {
    return cardPlan(EXERCISES[id], blockFor(this.d.loadRoutine(), id));
  }

  /** The routine (the user's, else the defaults), from its first block or from `fromBlock`. */
  openRoutine(routine: Routine = this.d.loadRoutine(), fromBlock = 0): void {
    this.begin(openFlow('routine', routine, fromBlock), routine);
    this.d.go('live');
  }

  /** "Next exercise" on the summary: the routine carries on from the block after the one stopped. */
  continueRoutine(): void {
    const next = this.store.getState().summary?.nextBlock;
    if (this.routine && typeof next === 'number') this.openRoutine(this.routine, next);
  }

  /** The exercise of a block of the routine last run (for the summary's "Next exercise"). */
  routineBlockExercise(block: number): string | null {
    return this.routine?.blocks[block]?.exerciseId ?? null;
  }

  /** The camera check screen: the framing step for an exercise (it never starts a set by itself). */
  preview(exerciseId: string | null): void {
    this.clearFlow();
    if (!exerciseId || !isExerciseId(exerciseId)) {
      this.setExercise(null);
      this.store.setState({ live: null, coach: null });
      return;
    }
    const f = openFlow('card', this.cardPlanFor(exerciseId));
    this.begin({ ...f, autoStart: false }, null);
    this.checkIn(null);
  }

  /** The camera check closes: its framing step ends unless it became a set (Start was pressed). */
  endPreview(): void {
    const f = this.flow;
    if (!f || (!f.autoStart && f.name === 'framing')) {
      this.clearFlow();
      this.setExercise(null);
      this.store.setState({ live: null, coach: null });
    }
  }

  /** The pain check-in answered (or skipped with null): the framing step begins. */
  checkIn(pain: number | null): void { this.dispatch({ type: 'check-in', t: this.now(), pain }); }
  /** Start the set now (all needs met) or anyway. From the camera check, the set moves to the live screen. */
  startSet(anyway = false): void {
    this.dispatch({ type: 'start', t: this.now(), anyway });
    if (this.flow?.name === 'countdown' && this.store.getState().screen !== 'live') this.d.go('live');
  }
  pause(): void { this.dispatch({ type: 'pause', t: this.now() }); }
  resume(): void { this.dispatch({ type: 'resume', t: this.now() }); }
  togglePause(): void { if (this.flow?.name === 'paused' && this.flow.pause !== 'setup') this.resume(); else this.pause(); }
  stop(): void { this.dispatch({ type: 'stop', t: this.now() }); }
  skipRest(): void { this.dispatch({ type: 'skip-rest', t: this.now() }); }
  skipExercise(): void { this.dispatch({ type: 'skip-exercise', t: this.now() }); }

  /** The pain check-in after the set: stored on each record of the set or routine. */
  setPainAfter(pain: number | null): void {
    const s = this.store.getState().summary;
    if (!s) return;
    const records = s.records.map((r) => ({ ...r, painAfter: pain }));
    this.store.setState({ summary: { ...s, painAfter: pain, records } });
    for (const r of records) this.persist(r);
  }

  /** Leaving the live screen any way: counted work is saved, timers stop, speech stops. */
  leave(): void {
    this.finishRecord();
    this.clearFlow();
    this.d.speaker.cancel();
    this.store.setState({ live: null, coach: null });
  }

  // ---- the camera, the model and the loop ----

  /** The stage mounted its <video> and <canvas>: camera and model start. Returns the detach. */
  attach(video: HTMLVideoElement, canvas: HTMLCanvasElement | null): () => void {
    this.video = video;
    this.canvas = canvas;
    void this.restart();
    return () => {
      this.generation += 1;
      this.stopLoop();
      this.feed?.stop();
      this.feed = null;
      this.video = null;
      this.canvas = null;
    };
  }

  /** Starts what is needed: the camera when absent, the model when the settings changed. */
  async restart(): Promise<void> {
    const gen = ++this.generation;
    this.stopLoop();
    const settings = this.store.getState().settings;
    this.setPhase('starting', 'Opening the camera…');
    try {
      const [opened] = await Promise.all([this.ensureModel(settings, gen), this.ensureCamera(settings, gen)]);
      if (gen !== this.generation || !this.feed) return;
      this.startLoop(opened, this.feed);
      this.setPhase('running', null);
      if (this.cameraLost) {
        this.cameraLost = false;
        this.dispatch({ type: 'camera', t: this.now(), ok: true });
      }
    } catch (e) {
      if (gen !== this.generation || e instanceof OpenSuperseded) return;
      this.showFailure(e, 'starting');
    }
  }

  /** A failure, worded for people (src/app/errors.ts); its technical side to the console. */
  private showFailure(e: unknown, when: 'starting' | 'running'): void {
    const shown = describeFailure(e, when);
    console.error(`Form Coach: ${shown.title}.`, e);
    this.store.setState({ phase: 'error', error: shown, activity: null });
  }

  private setPhase(phase: AppState['phase'], activity: string | null): void {
    this.store.setState({ phase, activity, ...(phase !== 'error' ? { error: null } : {}) });
  }

  private async ensureCamera(settings: Settings, gen: number): Promise<void> {
    const video = this.video;
    if (!video) return;
    const f = this.feed;
    if (f && f.live() && !this.cameraLost && (settings.cameraId === null || settings.cameraId === f.deviceId)) return;
    f?.stop();
    this.feed = null;
    const feed = await this.d.camera.open(video, settings.cameraId);
    if (gen !== this.generation || this.video !== video) {
      feed.stop();
      return;
    }
    this.feed = feed;
    feed.onEnded(() => this.onCameraEnded(feed));
    feed.onResize(() => this.updateVideoSize());
    this.d.mark?.('fc:camera-ready');
    this.updateVideoSize();
    // Labels are only readable after permission is granted, so the list is read after opening.
    this.store.setState({ cameras: await this.d.camera.list().catch(() => []) });
  }

  private async ensureModel(settings: Settings, gen: number): Promise<OpenedSource> {
    const key = `${settings.backend}/${settings.model}${settings.worker ? '/worker' : ''}`;
    if (this.opened && this.openedKey === key) return this.opened;
    this.opened?.source.dispose();
    this.opened = null;
    this.store.setState({ activity: 'Starting the pose engine…' });
    const opened = await this.d.openSource(
      { model: settings.model, backend: settings.backend, worker: settings.worker },
      { onActivity: (activity) => this.store.setState({ activity }), stillWanted: () => gen === this.generation },
    );
    this.opened = opened;
    this.openedKey = key;
    this.store.setState({ backend: opened.backend, notices: worded(opened.notices, opened.backend.active) });
    this.d.mark?.('fc:model-ready');
    return opened;
  }

  private onCameraEnded(feed: CameraFeed): void {
    if (this.feed !== feed) return;
    this.cameraLost = true;
    this.generation += 1;
    this.stopLoop();
    feed.stop();
    this.feed = null;
    // The last skeleton would otherwise stay frozen on a black picture.
    const ctx = this.canvas?.getContext('2d');
    if (ctx) clearOverlay(ctx);
    this.setPhase('starting', 'The camera stopped. Reconnect it: Form Coach carries on when it is back.');
    this.dispatch({ type: 'camera', t: this.now(), ok: false });
  }

  private updateVideoSize(): void {
    const v = this.feed?.video;
    if (!v) return;
    const width = v.videoWidth, height = v.videoHeight;
    if (this.canvas && (this.canvas.width !== width || this.canvas.height !== height)) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const cur = this.store.getState().videoSize;
    if (!cur || cur.width !== width || cur.height !== height) this.store.setState({ videoSize: { width, height } });
  }

  private startLoop(opened: OpenedSource, feed: CameraFeed): void {
    opened.source.reset();
    // The loop restarts (camera back, model switched): counts stay, but the engine reads the thresholds of the
    // model now running (MoveNet and BlazePose place hips and shoulders apart).
    if (this.engine) setModel(this.engine, this.store.getState().settings.model);
    this.lastFrame = null;
    this.lastFrameT = Number.NaN;
    this.loop = startFrameLoop(feed.video, opened.source as Parameters<typeof startFrameLoop>[1], {
      onPoseFrame: (f) => this.onPoseFrame(f),
      onError: (e) => this.showFailure(e, 'running'),
      now: () => this.now(),
    });
    this.stopStats = this.d.clock.every(500, () => this.publishStats());
  }

  private stopLoop(): void {
    this.loop?.stop();
    this.loop = null;
    this.stopStats?.();
    this.stopStats = null;
  }

  private publishStats(): void {
    const c = this.loop?.counters;
    if (!c) return;
    const { fps, modelMs } = summarise(c, this.now());
    this.store.setState({ stats: { fps, modelMs, dropped: c.dropped, frames: c.frames } });
    const st = this.store.getState();
    noteModelSpeed(st.settings.model, st.backend?.active ?? null, c.recentMs, c.frames, st.backend?.threads.count ?? 1);
    const k = this.keypoints;
    const rec = this.store.getState().recording;
    if (rec.active !== k.active || rec.frames !== k.count) this.store.setState({ recording: { active: k.active, frames: k.count } });
  }

  // ---- one frame ----

  private onPoseFrame(frame: PoseFrame): void {
    this.lastFrame = frame;
    this.keypoints.add(frame);
    let view: EngineView | null = null;
    let events: readonly EngineEvent[] = [];
    // The engine steps only while the flow wants it (its clock stands still in a pause or a rest).
    if (this.engine && this.flow && engineRuns(this.flow)) {
      this.engineT += Number.isFinite(this.lastFrameT) ? Math.max(0, frame.t - this.lastFrameT) : 0;
      this.lastFrameT = frame.t;
      const r = step(this.engine, { ...frame, t: this.engineT });
      view = r.view;
      events = r.events;
      if (this.recorder && (this.flow.name === 'counting' || this.flow.name === 'paused')) {
        if (this.recorder.add(this.engineT, events, view, this.wall())) this.persist(this.recorder.snapshot());
      }
      this.lastView = view;
      const engine = this.engine;
      this.dispatch({ type: 'frame', t: this.now(), view, events, light: frame.light, neededSeen: this.def ? neededSeen(this.def, frame.poses[0]) : undefined }, false);
      // The flow replaced the engine on this frame ("Go"): the old engine's numbers are not shown.
      if (this.engine !== engine) view = null;
    } else {
      this.lastFrameT = Number.NaN;
    }
    this.publish(view);
    this.draw(frame, view);
  }

  private draw(frame: PoseFrame, view: EngineView | null): void {
    const canvas = this.canvas;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (canvas.width !== frame.width || canvas.height !== frame.height) this.updateVideoSize();
    clearOverlay(ctx);
    // With an exercise: the engine's smoothed body, coloured by its rules (as the analyser draws it).
    // With none (the camera check's "just show the skeleton"), the model's points as they come.
    const pose = this.engine ? (view ?? this.lastView)?.smoothedPose ?? null : frame.poses[0] ?? null;
    if (!pose) return;
    const shown = canvas.clientWidth || canvas.width;
    drawSkeleton(ctx, pose, {
      styles: this.engine ? (view ?? this.lastView)?.jointStyles ?? {} : {},
      mirror: this.store.getState().settings.mirror,
      minScore: 0.3,
      scale: canvas.width / shown,
    });
    if (!this.skeletonMarked) {
      this.skeletonMarked = true;
      this.d.mark?.('fc:first-skeleton');
    }
  }

  // ---- the flow ----

  private begin(flow: FlowState, routine: Routine | null): void {
    this.finishRecord();
    this.clearFlow();
    this.records = [];
    this.routine = routine;
    this.flow = flow;
    this.setExercise(flow.exerciseId);
    this.store.setState({ summary: null });
    this.publish(null);
  }

  private clearFlow(): void {
    this.stopTimer?.();
    this.stopTimer = null;
    this.flow = null;
    this.recorder = null;
  }

  private setExercise(id: ExerciseId | null): void {
    this.def = id ? EXERCISES[id] : null;
    this.engine = null;
    this.lastView = null;
    this.lastCoach = null;
    if (this.def) this.newEngine();
  }

  private newEngine(): void {
    const f = this.flow;
    if (!this.def || !f) return;
    // The engine reads the thresholds of the model's keypoint space (MoveNet and BlazePose place hips apart).
    const opts: EngineOptions = { model: this.store.getState().settings.model };
    if (f.target.reps !== undefined) opts.targetReps = f.target.reps;
    if (f.target.holdSec !== undefined) opts.targetHoldSec = f.target.holdSec;
    this.engine = createEngineState(this.def.id, opts);
    this.engineT = 0;
    this.lastFrameT = Number.NaN;
    this.lastView = null;
    // The old engine's numbers must not linger on the counter until the new one's first frame.
    this.lastCoach = null;
    if (this.store.getState().coach !== null) this.store.setState({ coach: null });
  }

  /** Runs one event through the reducer and carries out its effects; `publishNow` writes the store. */
  private dispatch(e: FlowEvent, publishNow = true): void {
    const f = this.flow;
    if (!f) return;
    const wasRunning = engineRuns(f);
    const { state, effects } = setFlow(f, e);
    this.flow = state;
    if (state.exerciseId !== this.def?.id) this.setExercise(state.exerciseId);
    // Back from a pause: the gap does not count on the engine's clock.
    if (!wasRunning && engineRuns(state)) this.lastFrameT = Number.NaN;
    for (const fx of effects) this.run(fx);
    if (publishNow) this.publish(null);
  }

  private run(fx: Effect): void {
    const sp = this.d.speaker;
    switch (fx.type) {
      case 'speak': {
        const s = this.store.getState().settings;
        sp.configure(s.voiceOn, s.voiceURI);
        if (fx.interrupt) sp.cancel();
        sp.say(fx.text);
        return;
      }
      case 'silence': sp.cancel(); return;
      case 'timer':
        this.stopTimer?.();
        this.stopTimer = fx.everyMs === null ? null : this.d.clock.every(fx.everyMs, () => this.dispatch({ type: 'tick', t: this.now() }));
        return;
      case 'new-engine': this.newEngine(); return;
      case 'record-start': this.startRecord(); return;
      case 'record-save': if (this.recorder) this.persist(this.recorder.snapshot()); return;
      case 'record-finish': this.finishRecord(); return;
      case 'summary': {
        const f = this.flow;
        this.store.setState({
          summary: { records: [...this.records], routineName: fx.routineName, painBefore: f?.painBefore ?? null, painAfter: null, nextBlock: fx.nextBlock },
          live: null, coach: null,
        });
        this.clearFlow();
        this.d.go('summary');
        return;
      }
      case 'leave':
        this.clearFlow();
        this.store.setState({ live: null, coach: null });
        this.d.go('home');
        return;
    }
  }

  private startRecord(): void {
    const f = this.flow;
    if (!this.def || !f) return;
    const { label, unit } = metricMeta(this.def);
    const now = this.wall();
    this.recorder = new SessionRecorder({
      id: `live-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      exerciseId: this.def.id, source: 'live', startedAt: now, metricLabel: label, metricUnit: unit,
      target: { ...f.target }, painBefore: f.painBefore, counter: counterMode(this.def).mode,
    });
  }

  private finishRecord(): void {
    const r = this.recorder;
    this.recorder = null;
    if (!r) return;
    const rec = r.finish(this.wall());
    this.records.push(rec);
    this.persist(rec);
  }

  /**
   * Saves one after another, in the order asked: two writes of the same record in flight at once could land
   * out of order and leave an older count on disk.
   */
  private persist(rec: SessionRecord): void {
    this.saveChain = this.saveChain.then(() => this.d.save(rec)).catch(() => undefined);
  }

  /** Resolves once every save asked for so far has been written (tests, and leaving the page). */
  flushSaves(): Promise<void> { return this.saveChain; }

  // ---- the store, written once per frame with only what changed ----

  private publish(view: EngineView | null): void {
    const patch: Partial<AppState> = {};
    const f = this.flow;
    const st = this.store.getState();
    if (view && this.def) {
      const coach = coachViewOf(this.def, view);
      if (!sameCoach(coach, this.lastCoach)) { patch.coach = coach; this.lastCoach = coach; }
      const place = bannerPlace(bodyBox(view.smoothedPose, this.lastFrame?.width ?? 0, this.lastFrame?.height ?? 0), st.settings.mirror);
      // Whole bands only, so the banner does not slide about with every small movement.
      const size = Math.floor(place.size * 10) / 10;
      if (place.side !== this.banner.side || size !== this.banner.size) this.banner = { side: place.side, size };
    }
    if (f && f.name !== 'summary' && f.name !== 'closed') {
      const live = liveStateOf(f, this.now(), this.banner);
      if (!st.live || !sameLive(live, st.live)) patch.live = live;
    }
    if (Object.keys(patch).length > 0) this.store.setState(patch);
  }

  // ---- for tests and the bench ----

  debugHook(): DebugHook {
    return {
      getLastPoses: () => this.lastFrame?.poses ?? null,
      getLastFrame: () => this.lastFrame,
      getStats: () => {
        const s = this.store.getState();
        const c = this.loop?.counters;
        const sum = c ? summarise(c, this.now()) : { fps: 0, modelMs: 0 };
        return { ...sum, dropped: c?.dropped ?? 0, frames: c?.frames ?? 0, backend: s.backend?.active ?? null, threads: s.backend?.threads.count ?? null, model: s.settings.model, phase: s.phase };
      },
      getRecentModelMs: () => [...(this.loop?.counters.recentMs ?? [])],
      getFrameTimings: () => [...(this.loop?.counters.timings ?? [])],
      getFlow: () => this.flow?.name ?? null,
    };
  }
}

/** The slow part of the engine's view: whole reps and whole seconds, so React hears only of shown changes. */
export function coachViewOf(def: ExerciseDef, v: EngineView): CoachView {
  const { mode, sides } = counterMode(def);
  const per = mode === 'hold' ? v.holdSec : v.reps;
  return {
    mode, sides,
    reps: v.reps.total,
    holdSec: Math.floor(v.holdSec.total),
    left: sides ? Math.floor(per.left) : 0,
    right: sides ? Math.floor(per.right) : 0,
    cue: v.cue ? cueText(def.id, v.cue) : null,
    cueKind: v.cue?.kind ?? null,
    phase: v.phase,
    setupIssues: v.setupIssues,
  };
}

function sameCoach(a: CoachView, b: CoachView | null): boolean {
  if (!b) return false;
  return a.reps === b.reps && a.holdSec === b.holdSec && a.left === b.left && a.right === b.right && a.cue === b.cue
    && a.cueKind === b.cueKind && a.phase === b.phase && a.setupIssues.join() === b.setupIssues.join();
}

/** What React renders of the flow. */
export function liveStateOf(f: FlowState, t: number, banner: { side: BannerSide; size: number }): LiveState {
  const rest = f.name === 'rest' ? { remainingSec: restLeftSec(f, t), nextExerciseId: restNextExercise(f.plan.run) } : null;
  return {
    exerciseId: f.exerciseId, stage: f.name, countdown: f.countdown, paused: f.name === 'paused' ? f.pause : null,
    target: f.target, setLabel: setLabel(f), line: f.line, lineKind: f.lineKind, verdicts: f.verdicts,
    canStart: allMet(f.verdicts), autoStart: f.autoStart, rest, inRoutine: f.plan.kind === 'routine', repPulse: f.repPulse,
    banner, cameraOk: f.cameraOk,
  };
}

function sameLive(a: LiveState, b: LiveState): boolean {
  return a.exerciseId === b.exerciseId && a.stage === b.stage && a.countdown === b.countdown && a.paused === b.paused
    && a.target === b.target && a.setLabel === b.setLabel && a.line === b.line && a.lineKind === b.lineKind
    && a.verdicts === b.verdicts && a.canStart === b.canStart && a.autoStart === b.autoStart && a.inRoutine === b.inRoutine
    && a.repPulse === b.repPulse && a.banner.side === b.banner.side && a.banner.size === b.banner.size && a.cameraOk === b.cameraOk
    && (a.rest?.remainingSec ?? -1) === (b.rest?.remainingSec ?? -1) && (a.rest?.nextExerciseId ?? null) === (b.rest?.nextExerciseId ?? null);
}

/** Start-up notices in people's words for the page (src/app/errors.ts); their technical side to the console. */
function worded(notices: readonly BackendNotice[], active: BackendName): string[] {
  for (const n of notices) console.warn(`Form Coach: ${noticeTechnical(n)}`);
  return noticeTexts(notices, active);
}
