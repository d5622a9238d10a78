// The camera-and-model half of the live coach: one object owns the <video> and its camera, the pose source
// (model and backend), the frame loop, the overlay canvas and the speed readout (vladmandic/human: one
// object owns the camera, the backend and the model, constructed with its configuration). It knows nothing
// of exercises or sets: it hands each processed frame to `onFrame`, says when the camera goes and comes back
// (`onCamera`), and draws the body it is given. The set's side (engine, flow, records) is LiveSession's.
import type { PoseFrame, Pose } from '../../core/pose';
import type { JointStyle } from '../../core/engine';
import type { OpenedSource, SourceRequest } from '../../pose/openSource';
import { OpenSuperseded } from '../../pose/openSource';
import type { BackendName, BackendNotice } from '../../pose/backend';
import { describeFailure, noticeTechnical, noticeTexts } from '../errors';
import { noteModelSpeed } from '../speedStore';
import { clearOverlay, drawSkeleton } from '../../render/skeleton';
import type { CameraFeed, CameraPort } from '../camera';
import type { FrameLoop, FrameTiming } from '../frameLoop';
import { startFrameLoop, summarise } from '../frameLoop';
import type { AppState, Settings } from '../store';
import type { StoreApi } from 'zustand/vanilla';
import { KeypointRecorder } from './keypointRecorder';

/** Time, injected: the page's clock in the app, a hand-wound one in tests. */
export interface Clock {
  now(): number;
  /** Calls `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

export interface PoseFeedDeps {
  store: StoreApi<AppState>;
  /** Opens the pose source for a request (src/pose/openSource.ts in the app, a replay in tests). */
  openSource(req: SourceRequest, opts: { onActivity(text: string): void; stillWanted(): boolean }): Promise<OpenedSource>;
  camera: CameraPort;
  clock: Clock;
  /** Start-up milestones (performance.mark in the app). */
  mark?(name: string): void;
}

export interface PoseFeedListener {
  /** One processed frame (the model ran on it). */
  onFrame(frame: PoseFrame): void;
  /** The camera stopped delivering (false) or is back (true). */
  onCamera(ok: boolean): void;
  /** The loop (re)started on a model: the engine reads that model's thresholds. */
  onModel?(model: Settings['model']): void;
}

export class PoseFeed {
  /** "Record keypoints": every processed frame goes to it while it records. */
  readonly keypoints = new KeypointRecorder();
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
  private skeletonMarked = false;
  /** The last frame the model returned (tests and the bench read it). */
  lastFrame: PoseFrame | null = null;

  constructor(
    private readonly d: PoseFeedDeps,
    private readonly on: PoseFeedListener,
  ) {}

  private get store(): StoreApi<AppState> {
    return this.d.store;
  }

  /** True while a stage is mounted (a <video> to show the camera in). */
  get attached(): boolean {
    return this.video !== null;
  }

  /**
   * Listens to what restarts the feed: cameras plugged in, the graphics context lost, the model or camera
   * settings changed. Returns the function that stops listening.
   */
  listen(onBackendLost?: (cb: () => void) => () => void): () => void {
    const offs: (() => void)[] = [];
    offs.push(
      this.d.camera.onDeviceChange(() => {
        if (this.cameraLost && this.video) void this.restart();
      }),
    );
    if (onBackendLost) {
      // The WebGL context was lost (GPU reset): the model's weights went with it. Start again on wasm.
      offs.push(
        onBackendLost(() => {
          try {
            this.opened?.source.dispose();
          } catch {
            /* its context is gone already */
          }
          this.opened = null;
          this.openedKey = '';
          if (this.video) void this.restart();
        }),
      );
    }
    offs.push(
      this.store.subscribe((s, prev) => {
        const a = s.settings,
          b = prev.settings;
        if (this.video && (a.model !== b.model || a.backend !== b.backend || a.worker !== b.worker || a.cameraId !== b.cameraId))
          void this.restart();
      }),
    );
    return () => offs.forEach((f) => f());
  }

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
    if (!this.video) return;
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
        this.on.onCamera(true);
      }
    } catch (e) {
      if (gen !== this.generation || e instanceof OpenSuperseded) return;
      this.showFailure(e, 'starting');
    }
  }

  /** A failure, worded for people (src/app/errors.ts); its technical side to the console. */
  private showFailure(e: unknown, when: 'starting' | 'running'): void {
    const online = (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine;
    const shown = describeFailure(e, when, { offline: online === false });
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
    this.on.onCamera(false);
  }

  private updateVideoSize(): void {
    const v = this.feed?.video;
    if (!v) return;
    const width = v.videoWidth,
      height = v.videoHeight;
    if (this.canvas && (this.canvas.width !== width || this.canvas.height !== height)) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const cur = this.store.getState().videoSize;
    if (!cur || cur.width !== width || cur.height !== height) this.store.setState({ videoSize: { width, height } });
  }

  private startLoop(opened: OpenedSource, feed: CameraFeed): void {
    opened.source.reset();
    // The loop restarts (camera back, model switched): the set's side reads the thresholds of the model now running.
    this.on.onModel?.(this.store.getState().settings.model);
    this.lastFrame = null;
    this.loop = startFrameLoop(feed.video, opened.source as Parameters<typeof startFrameLoop>[1], {
      onPoseFrame: (f) => {
        this.lastFrame = f;
        this.keypoints.add(f);
        this.on.onFrame(f);
      },
      onError: (e) => this.showFailure(e, 'running'),
      now: () => this.d.clock.now(),
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
    const { fps, modelMs } = summarise(c, this.d.clock.now());
    this.store.setState({ stats: { fps, modelMs, dropped: c.dropped, frames: c.frames, cameraRate: c.cameraRate } });
    const st = this.store.getState();
    noteModelSpeed(st.settings.model, st.backend?.active ?? null, c.recentMs, c.frames, st.backend?.threads.count ?? 1);
    const k = this.keypoints;
    const rec = st.recording;
    if (rec.active !== k.active || rec.frames !== k.count) this.store.setState({ recording: { active: k.active, frames: k.count } });
  }

  /** Draws `pose` over the picture (coloured by `styles` where the rules judged it); nothing when null. */
  draw(frame: PoseFrame, pose: Pose | null, styles: Readonly<Record<string, JointStyle>>): void {
    const canvas = this.canvas;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (canvas.width !== frame.width || canvas.height !== frame.height) this.updateVideoSize();
    clearOverlay(ctx);
    if (!pose) return;
    const shown = canvas.clientWidth || canvas.width;
    drawSkeleton(ctx, pose, { styles, mirror: this.store.getState().settings.mirror, minScore: 0.3, scale: canvas.width / shown });
    if (!this.skeletonMarked) {
      this.skeletonMarked = true;
      this.d.mark?.('fc:first-skeleton');
    }
  }

  /** Speed and state for tests and the bench. */
  stats(): {
    fps: number;
    modelMs: number;
    dropped: number;
    frames: number;
    cameraRate: number | null;
    recentMs: number[];
    timings: FrameTiming[];
  } {
    const c = this.loop?.counters;
    const sum = c ? summarise(c, this.d.clock.now()) : { fps: 0, modelMs: 0 };
    return {
      ...sum,
      dropped: c?.dropped ?? 0,
      frames: c?.frames ?? 0,
      cameraRate: c?.cameraRate ?? null,
      recentMs: [...(c?.recentMs ?? [])],
      timings: [...(c?.timings ?? [])],
    };
  }
}

/** Start-up notices in people's words for the page (src/app/errors.ts); their technical side to the console. */
function worded(notices: readonly BackendNotice[], active: BackendName): string[] {
  for (const n of notices) console.warn(`Form Coach: ${noticeTechnical(n)}`);
  return noticeTexts(notices, active);
}
