// The app's slow state (settings, status, errors, counters shown to the user) in one Zustand store.
// Vanilla store + a tiny hook, with actions as plain module functions (zustand docs: "actions outside
// the store"). Per-frame keypoints never pass through here: the frame loop draws them directly.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ModelName } from '../core/pose';
import { isModelName } from '../core/pose';
import type { BackendName, BackendSetting } from '../pose/backend';
import { isBackendSetting } from '../pose/backend';

export interface Settings {
  model: ModelName;
  backend: BackendSetting;
  /** deviceId of the chosen camera; null = the browser's default. */
  cameraId: string | null;
  mirror: boolean;
  showDebug: boolean;
  /** Exercise id from the engine's registry; null = just show the skeleton. */
  exerciseId: string | null;
}

/** Thunder is the default: the only model right on every shared clip (../shared/NOTES.md), ~65 ms/frame on wasm. */
export const DEFAULT_SETTINGS: Settings = {
  model: 'movenet-thunder',
  backend: 'auto',
  cameraId: null,
  mirror: true,
  showDebug: true,
  exerciseId: null,
};

export type Phase = 'idle' | 'starting' | 'running' | 'error';

export type ErrorKind = 'camera-denied' | 'no-camera' | 'camera-busy' | 'camera-other' | 'model-files' | 'backend' | 'model-other';
export interface AppError { kind: ErrorKind; title: string; detail: string }

export interface Stats {
  /** Processed (model-run) frames per second over the last window. */
  fps: number;
  /** Median model time per frame over the last window, ms. */
  modelMs: number;
  /** Camera frames skipped because the model was still busy, since the loop started. */
  dropped: number;
  frames: number;
}

export interface CameraInfo { deviceId: string; label: string }

/** What the engine shows (the slow part of its view), mirrored here for React. */
export interface CoachView {
  /** Which number the exercise counts. */
  mode: 'reps' | 'hold';
  reps: number;
  holdSec: number;
  cue: string | null;
  phase: string;
  setupIssues: readonly string[];
}

export interface AppState {
  settings: Settings;
  phase: Phase;
  /** What the app is doing right now, e.g. "Loading MoveNet Thunder…". */
  activity: string | null;
  error: AppError | null;
  notices: string[];
  backend: { active: BackendName; renderer: string | null; simd: boolean } | null;
  cameras: CameraInfo[];
  videoSize: { width: number; height: number } | null;
  stats: Stats;
  recording: { active: boolean; frames: number };
  coach: CoachView | null;
}

const STORAGE_KEY = 'form-coach:settings@1';

function readStoredSettings(): Partial<Settings> {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return {};
    const v = JSON.parse(raw) as Record<string, unknown>;
    const out: Partial<Settings> = {};
    if (typeof v.model === 'string' && isModelName(v.model)) out.model = v.model;
    if (typeof v.backend === 'string' && isBackendSetting(v.backend)) out.backend = v.backend;
    if (typeof v.cameraId === 'string') out.cameraId = v.cameraId;
    if (typeof v.mirror === 'boolean') out.mirror = v.mirror;
    if (typeof v.showDebug === 'boolean') out.showDebug = v.showDebug;
    if (typeof v.exerciseId === 'string') out.exerciseId = v.exerciseId;
    return out;
  } catch {
    return {};
  }
}

/** URL overrides for tests and demos (not persisted): ?backend=wasm&model=movenet-lightning. */
function readUrlOverrides(): Partial<Settings> {
  const out: Partial<Settings> = {};
  const q = new URLSearchParams(globalThis.location?.search ?? '');
  const b = q.get('backend');
  if (b && isBackendSetting(b)) out.backend = b;
  const m = q.get('model');
  if (m && isModelName(m)) out.model = m;
  return out;
}

const urlOverrides = readUrlOverrides();

export const appStore = createStore<AppState>()(() => ({
  settings: { ...DEFAULT_SETTINGS, ...readStoredSettings(), ...urlOverrides },
  phase: 'idle',
  activity: null,
  error: null,
  notices: [],
  backend: null,
  cameras: [],
  videoSize: null,
  stats: { fps: 0, modelMs: 0, dropped: 0, frames: 0 },
  recording: { active: false, frames: 0 },
  coach: null,
}));

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

// ---- actions ----

export function updateSettings(patch: Partial<Settings>): void {
  const settings = { ...appStore.getState().settings, ...patch };
  appStore.setState({ settings });
  // URL overrides apply to this page load only; what the user picks in the panel is remembered.
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Private mode or quota: settings simply are not remembered.
  }
}

export function setPhase(phase: Phase, activity: string | null = null): void {
  appStore.setState({ phase, activity, ...(phase !== 'error' ? { error: null } : {}) });
}

export function setActivity(activity: string | null): void {
  appStore.setState({ activity });
}

export function showError(error: AppError): void {
  appStore.setState({ phase: 'error', error, activity: null });
}

export function setNotices(notices: string[]): void {
  appStore.setState({ notices });
}

export function setBackendInfo(backend: AppState['backend']): void {
  appStore.setState({ backend });
}

export function setCameras(cameras: CameraInfo[]): void {
  appStore.setState({ cameras });
}

export function setVideoSize(videoSize: AppState['videoSize']): void {
  appStore.setState({ videoSize });
}

export function setStats(stats: Stats): void {
  appStore.setState({ stats });
}

export function setRecording(recording: AppState['recording']): void {
  appStore.setState({ recording });
}

export function setCoach(coach: CoachView | null): void {
  appStore.setState({ coach });
}
