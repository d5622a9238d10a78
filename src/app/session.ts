// The live session controller: camera + backend + model + frame loop, all outside React. React mounts the
// <video>/<canvas> and calls attachStage(); everything per-frame happens here and reaches the canvas
// directly. Only slow state (status, errors, counters twice a second) goes to the store.
import type { Pose, PoseFrame } from '../core/pose';
import type { PoseSource } from '../pose/types';
import type { JointStyle } from '../render/skeleton';
import { clearOverlay, drawSkeleton } from '../render/skeleton';
import { attachStream, listCameras, openCamera, stopStream, syncVideoSize } from './camera';
import type { BackendNotice, BackendName } from '../pose/backend';
import { describeFailure, ModelLoadError, noticeTechnical, noticeTexts } from './errors';
import type { FrameLoop, FrameTiming } from './frameLoop';
import { startFrameLoop, summarise } from './frameLoop';
import { isRecording, recordedFrameCount, recordFrame } from './recorder';
import type { CoachView, Settings } from './store';
import {
  appStore, setActivity, setBackendInfo, setCameras, setCoach, setNotices, setPhase, setRecording, setStats,
  setVideoSize, showError,
} from './store';
import { MODEL_LABELS } from './models';
import { initBackend, onBackendLost } from '../pose/backend';
import { createCoach } from './coachEngine';
import { noteModelSpeed } from './speedStore';

/** What the engine gives back per frame; the seam issue 4's coaching flows plug into. */
export interface CoachStep {
  jointStyles: Partial<Record<string, JointStyle>>;
  labels?: Partial<Record<string, string>>;
  view: CoachView;
}
export interface Coach {
  step(frame: PoseFrame): CoachStep;
  reset(): void;
}

let video: HTMLVideoElement | null = null;
let canvas: HTMLCanvasElement | null = null;
let stream: MediaStream | null = null;
let source: PoseSource<HTMLVideoElement> | null = null;
let sourceKey = '';
let backendKey = '';
let loop: FrameLoop | null = null;
let statsTimer: ReturnType<typeof setInterval> | null = null;
let lastFrame: PoseFrame | null = null;
let coach: Coach | null = null;
let lastCoachView = '';
let skeletonMarked = false;
/** Bumped on every (re)start so a superseded async start stops quietly. */
let generation = 0;
/** The camera's track ended mid-session (unplugged, taken by the OS): waiting for a camera to return. */
let cameraLost = false;
let cameraListener: ((state: 'lost' | 'back') => void) | null = null;

/** The live flow hears here when the camera goes away and when it is back (counts are its business). */
export function onCameraChange(listener: ((state: 'lost' | 'back') => void) | null): void {
  cameraListener = listener;
}

function onTrackEnded(this: MediaStreamTrack): void {
  if (!stream || !stream.getTracks().includes(this)) return;
  cameraLost = true;
  generation += 1;
  stopLoop();
  stopStream(stream);
  stream = null;
  // The last skeleton would otherwise stay frozen on a black picture.
  const ctx = canvas?.getContext('2d');
  if (ctx) clearOverlay(ctx);
  setPhase('starting', 'The camera stopped. Reconnect it: Form Coach carries on when it is back.');
  cameraListener?.('lost');
}

// A camera plugged in (or freed by another app) while we wait for one: try it.
if (typeof navigator !== 'undefined' && navigator.mediaDevices?.addEventListener) {
  navigator.mediaDevices.addEventListener('devicechange', () => {
    if (cameraLost && video) void restart();
  });
}

// The WebGL context was lost (GPU reset): the model's weights went with it. Start again; initBackend now
// skips WebGL and its notice says so.
onBackendLost(() => {
  try { source?.dispose(); } catch { /* its context is gone already */ }
  source = null;
  sourceKey = '';
  backendKey = '';
  if (video) void restart();
});

// ---- test and bench hook: the latest frame and counters only, cheap to read ----
declare global {
  interface Window {
    __formCoach?: {
      getLastPoses(): readonly Pose[] | null;
      getLastFrame(): PoseFrame | null;
      getStats(): { fps: number; modelMs: number; dropped: number; frames: number; backend: string | null; model: string; phase: string };
      /** Median model ms over the recent frames plus the raw recent list, for the bench. */
      getRecentModelMs(): number[];
      /** Per-frame timings of the recent processed frames (model, then engine + drawing), for the bench. */
      getFrameTimings(): FrameTiming[];
    };
  }
}

if (typeof window !== 'undefined') {
  window.__formCoach = {
    getLastPoses: () => lastFrame?.poses ?? null,
    getLastFrame: () => lastFrame,
    getStats: () => {
      const s = appStore.getState();
      const c = loop?.counters;
      const sum = c ? summarise(c) : { fps: 0, modelMs: 0 };
      return { ...sum, dropped: c?.dropped ?? 0, frames: c?.frames ?? 0, backend: s.backend?.active ?? null, model: s.settings.model, phase: s.phase };
    },
    getRecentModelMs: () => [...(loop?.counters.recentMs ?? [])],
    getFrameTimings: () => [...(loop?.counters.timings ?? [])],
  };
}

export function setCoachEngine(c: Coach | null): void {
  coach = c;
  lastCoachView = '';
  setCoach(null);
}

export function attachStage(v: HTMLVideoElement, c: HTMLCanvasElement): () => void {
  video = v;
  canvas = c;
  void restart();
  return () => {
    generation += 1;
    stopLoop();
    stopStream(stream);
    stream = null;
    video = null;
    canvas = null;
  };
}

/** Restarts everything that is needed: camera when absent, backend and model when the settings changed. */
export async function restart(): Promise<void> {
  const gen = ++generation;
  stopLoop();
  const settings = appStore.getState().settings;
  setPhase('starting', 'Opening the camera…');
  try {
    const [src] = await Promise.all([ensureModel(settings, gen), ensureCamera(settings, gen)]);
    if (gen !== generation || !video) return;
    startLoop(src);
    setPhase('running');
    if (cameraLost) {
      cameraLost = false;
      cameraListener?.('back');
    }
  } catch (e) {
    if (gen !== generation) return;
    const shown = describeFailure(e, 'starting');
    console.error(`Form Coach: ${shown.title}.`, e);
    showError(shown);
  }
}

async function ensureCamera(settings: Settings, gen: number): Promise<void> {
  if (!video) return;
  const track = stream?.getVideoTracks()[0];
  const current = track?.getSettings().deviceId ?? null;
  if (track && track.readyState === 'live' && !cameraLost && (settings.cameraId === null || settings.cameraId === current)) return;
  stopStream(stream);
  stream = null;
  const s = await openCamera(settings.cameraId);
  if (gen !== generation || !video) {
    stopStream(s);
    return;
  }
  stream = s;
  s.getVideoTracks()[0]?.addEventListener('ended', onTrackEnded);
  await attachStream(video, s);
  // Start-up milestones for `npm run bench` (cold start); a handful per page load, never per frame.
  performance.mark('fc:camera-ready');
  video.onresize = () => {
    if (video) syncVideoSize(video);
    updateVideoSize();
  };
  updateVideoSize();
  // Labels are only readable after permission is granted, so the list is read after opening.
  setCameras(await listCameras().catch(() => []));
}

/** Resolves once the page has painted at least once (a frame, then a task after it). */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function updateVideoSize(): void {
  if (!video || !canvas) return;
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  setVideoSize({ width, height });
}

async function ensureModel(settings: Settings, gen: number): Promise<PoseSource<HTMLVideoElement>> {
  const wantBackend = settings.backend;
  const wantSource = `${settings.backend}/${settings.model}${settings.worker ? '/worker' : ''}`;
  if (source && sourceKey === wantSource) return source;
  source?.dispose();
  source = null;

  // Heavy code loads only now, after the first paint (keeps the initial bundle small, and lets the
  // page show before tfjs and the model compete with it for the network and the CPU).
  setActivity('Starting the pose engine…');
  await afterFirstPaint();
  let created: PoseSource<HTMLVideoElement>;
  if (settings.worker) {
    created = await createWorkerSource(settings, gen);
  } else {
    const [{ checkModelFiles, browserModelLoader }, { createPoseSource }] = await Promise.all([
      import('../pose/browserLoader'), import('../pose/createPoseSource'),
    ]);
    if (backendKey !== wantBackend) {
      const be = await initBackend(wantBackend);
      backendKey = wantBackend;
      mainBackend = { info: { active: be.backend, renderer: be.renderer, simd: be.simd }, notices: worded(be.notices, be.backend) };
      setBackendInfo(mainBackend.info);
      setNotices(mainBackend.notices);
    } else if (readoutFromWorker && mainBackend) {
      // Back from the worker: the readout shows the main thread's backend again.
      setBackendInfo(mainBackend.info);
      setNotices(mainBackend.notices);
    }
    readoutFromWorker = false;
    if (gen !== generation) throw new Superseded();
    setActivity(`Checking the ${MODEL_LABELS[settings.model].name} model files…`);
    await checkModelFiles(settings.model);
    setActivity(`Loading ${MODEL_LABELS[settings.model].name}…`);
    try {
      created = await createPoseSource(settings.model, { loader: browserModelLoader() });
    } catch (e) {
      throw new ModelLoadError(settings.model, e);
    }
  }
  if (gen !== generation) {
    created.dispose();
    throw new Superseded();
  }
  source = created;
  sourceKey = wantSource;
  performance.mark('fc:model-ready');
  return created;
}

/** The main thread's backend as last started (the readout shows it again when the worker is turned off). */
let mainBackend: { info: NonNullable<ReturnType<typeof appStore.getState>['backend']>; notices: string[] } | null = null;
/** The backend readout shows the worker's backend, not the main thread's. */
let readoutFromWorker = false;

/**
 * The model in a Web Worker (opt-in: ?worker=1 or the setting). TensorFlow.js then never loads on the page
 * itself. Model files are checked from here first, so a missing or damaged file gives the same screen as on
 * the main thread; the worker's own failures come back as backend or model-load errors.
 */
async function createWorkerSource(settings: Settings, gen: number): Promise<PoseSource<HTMLVideoElement>> {
  const [{ checkModelFiles }, { createWorkerPoseSource }, { isBackendFailure }] = await Promise.all([
    import('../pose/browserLoader'), import('../pose/worker/workerPoseSource'), import('../pose/worker/protocol'),
  ]);
  if (gen !== generation) throw new Superseded();
  setActivity(`Checking the ${MODEL_LABELS[settings.model].name} model files…`);
  await checkModelFiles(settings.model);
  setActivity(`Loading ${MODEL_LABELS[settings.model].name} in a background thread…`);
  try {
    const created = await createWorkerPoseSource(settings.model, { backend: settings.backend });
    setBackendInfo({ active: created.backend.active, renderer: null, simd: created.backend.simd });
    setNotices(worded(created.backend.notices, created.backend.active));
    readoutFromWorker = true;
    return created;
  } catch (e) {
    if (isBackendFailure(e)) throw e;
    if (e instanceof Error && 'file' in e) throw e;
    throw new ModelLoadError(settings.model, e);
  }
}

class Superseded extends Error {}

/** Start-up notices in people's words for the page; their technical side goes to the console. */
function worded(notices: readonly BackendNotice[], active: BackendName): string[] {
  for (const n of notices) console.warn(`Form Coach: ${noticeTechnical(n)}`);
  return noticeTexts(notices, active);
}

function startLoop(src: PoseSource<HTMLVideoElement>): void {
  if (!video) return;
  src.reset();
  coach?.reset();
  lastFrame = null;
  loop = startFrameLoop(video, src, {
    onPoseFrame,
    onError: (e) => {
      const shown = describeFailure(e, 'running');
      console.error(`Form Coach: ${shown.title}.`, e);
      showError(shown);
    },
  });
  statsTimer = setInterval(publishStats, 500);
}

function stopLoop(): void {
  loop?.stop();
  loop = null;
  if (statsTimer !== null) clearInterval(statsTimer);
  statsTimer = null;
}

/** The per-frame hook: engine (when wired), drawing, recording. Never touches React. */
function onPoseFrame(frame: PoseFrame): void {
  lastFrame = frame;
  recordFrame(frame);
  const step = coach?.step(frame) ?? null;
  if (step) {
    // Push the engine's slow view to the store only when it changed (a cue or count, not every frame).
    const key = JSON.stringify(step.view);
    if (key !== lastCoachView) {
      lastCoachView = key;
      setCoach(step.view);
    }
  }
  if (!canvas) return;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  if (canvas.width !== frame.width || canvas.height !== frame.height) updateVideoSize();
  clearOverlay(ctx);
  const pose = frame.poses[0];
  if (!pose) return;
  const shown = canvas.clientWidth || canvas.width;
  drawSkeleton(ctx, pose, {
    styles: step?.jointStyles ?? {},
    labels: step?.labels ?? {},
    mirror: appStore.getState().settings.mirror,
    minScore: 0.3,
    scale: canvas.width / shown,
  });
  if (!skeletonMarked) {
    skeletonMarked = true;
    performance.mark('fc:first-skeleton');
  }
}

function publishStats(): void {
  const c = loop?.counters;
  if (!c) return;
  const { fps, modelMs } = summarise(c);
  setStats({ fps, modelMs, dropped: c.dropped, frames: c.frames });
  const s = appStore.getState();
  noteModelSpeed(s.settings.model, s.backend?.active ?? null, c.recentMs, c.frames);
  const rec = appStore.getState().recording;
  const n = recordedFrameCount();
  if (rec.active !== isRecording() || rec.frames !== n) setRecording({ active: isRecording(), frames: n });
}

// Restart what a settings change needs: model/backend/worker reload, camera switch. Mirror is CSS only.
appStore.subscribe((s, prev) => {
  if (!video) return;
  const a = s.settings;
  const b = prev.settings;
  if (a.model !== b.model || a.backend !== b.backend || a.worker !== b.worker || a.cameraId !== b.cameraId) void restart();
  if (a.exerciseId !== b.exerciseId) setCoachEngine(a.exerciseId ? createCoach(a.exerciseId) : null);
});

{
  const id = appStore.getState().settings.exerciseId;
  if (id) setCoachEngine(createCoach(id));
}
