// The app's slow state (settings, status, errors, counters shown to the user) in one Zustand store.
// Vanilla store + a tiny hook, with actions as plain module functions (zustand docs: "actions outside
// the store"). Per-frame keypoints never pass through here: the frame loop draws them directly.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ModelName } from '../core/pose';
import { DEFAULT_MODEL, isModelName } from '../core/pose';
import type { BackendSetting } from '../pose/backend';
import type { BackendInfo } from '../pose/openSource';
import { isBackendSetting } from '../pose/backend';
import type { SessionRecord } from '../storage/schema';
import type { AppError } from './errors';
import type { BannerSide, Verdicts } from './live/framing';
import type { FlowName } from './live/setFlow';
import type { PauseReason } from '../words/liveWords';

export interface Settings {
  model: ModelName;
  backend: BackendSetting;
  /** deviceId of the chosen camera; null = the browser's default. */
  cameraId: string | null;
  mirror: boolean;
  showDebug: boolean;
  /** Exercise id from the engine's registry for the camera check screen; null = just show the skeleton. */
  exerciseId: string | null;
  /** Speak cues aloud (Web Speech API). */
  voiceOn: boolean;
  /** voiceURI of the chosen speech voice; null = the browser's default. */
  voiceURI: string | null;
  /** How time targets are written: "45 s" or "0:45". */
  timeUnits: 'seconds' | 'minutes';
  highContrast: boolean;
  /** Run the pose model in a Web Worker (a background thread) instead of the page's main thread. Opt-in. */
  worker: boolean;
}

/** Thunder is the default: the only model right on every shared clip (../shared/NOTES.md). */
export const DEFAULT_SETTINGS: Settings = {
  model: DEFAULT_MODEL,
  backend: 'auto',
  cameraId: null,
  mirror: true,
  showDebug: false,
  exerciseId: null,
  voiceOn: true,
  voiceURI: null,
  timeUnits: 'minutes',
  highContrast: false,
  worker: false,
};

export type Phase = 'idle' | 'starting' | 'running' | 'error';

// What an error screen shows: worded in errors.ts.
export type { AppError, ErrorKind } from './errors';

export interface Stats {
  /** Processed (model-run) frames per second over the last window. */
  fps: number;
  /** Median model time per frame over the last window, ms. */
  modelMs: number;
  /** Camera frames skipped because the model was still busy, since the loop started. */
  dropped: number;
  frames: number;
  /** Pictures a second the camera was asked for to match the model (app/cameraPace.ts); null: its own rate. */
  cameraRate: number | null;
}

export interface CameraInfo {
  deviceId: string;
  label: string;
}

/** What the engine shows (the slow part of its view), mirrored here for React. */
export interface CoachView {
  /** Which number the exercise counts. */
  mode: 'reps' | 'hold';
  /** True where the exercise counts left and right separately. */
  sides: boolean;
  reps: number;
  holdSec: number;
  /** Per side (whole reps, whole seconds); zeros where the exercise has no sides. */
  left: number;
  right: number;
  cue: string | null;
  cueKind: string | null;
  phase: string;
  setupIssues: readonly string[];
  /** The set's good-form figure so far, as every screen writes it (src/session/figures.ts); null before anything counts. */
  goodForm: string | null;
}

/** The app's screens; the URL hash mirrors them (#/home, #/live, …) so Back and reload behave. */
export type Screen = 'home' | 'live' | 'summary' | 'history' | 'analyze' | 'settings' | 'camera';
export const SCREENS: readonly Screen[] = ['home', 'live', 'summary', 'history', 'analyze', 'settings', 'camera'];

/** Where a live set is (the set flow's state, src/app/live/setFlow.ts). */
export type LiveStage = FlowName;
export type { PauseReason };

/** What React renders of the live set: the set flow's state, rendered, never computed, by the screens. */
export interface LiveState {
  exerciseId: string;
  stage: LiveStage;
  /** 3, 2, 1 during the countdown. */
  countdown: number;
  paused: PauseReason | null;
  target: { reps?: number; holdSec?: number };
  /** "Set 1 of 2", plus the routine position when in a routine. */
  setLabel: string | null;
  /** The one line for the person now (guidance, why counting is paused, the coach's cue). */
  line: string | null;
  lineKind: string | null;
  /** The framing step's verdict per need. */
  verdicts: Verdicts;
  /** Every need is met: Start is enabled. */
  canStart: boolean;
  /** The set starts by itself once every need holds (false on the camera check). */
  autoStart: boolean;
  rest: { remainingSec: number; nextExerciseId: string | null } | null;
  /** True when this set is part of a routine. */
  inRoutine: boolean;
  /** Bumped on every counted rep: the counter pulses. */
  repPulse: number;
  /** Another set of this exercise follows this one ("Skip to next set" is offered). */
  nextSet: boolean;
  /** Per-side exercises: the side to do now and the sides done; null for the others. */
  sides: { now: 'left' | 'right' | null; done: { left: boolean; right: boolean } } | null;
  /** Where on-picture text goes so it does not cover the body. */
  banner: { side: BannerSide; size: number };
  cameraOk: boolean;
}

export interface SummaryState {
  /** One record per finished set (one for a single exercise, several for a routine). */
  records: SessionRecord[];
  routineName: string | null;
  painBefore: number | null;
  painAfter: number | null;
  /** The pain answer is written to this browser's history (the summary says "noted" only then). */
  painSaved: boolean;
  /** In a routine stopped early: the block "Next exercise" continues from; null otherwise. */
  nextBlock: number | null;
  /** The exercise of that block (for the button's words), or null. */
  nextExerciseId: string | null;
}

export interface AppState {
  screen: Screen;
  live: LiveState | null;
  summary: SummaryState | null;
  settings: Settings;
  phase: Phase;
  /** What the app is doing right now, e.g. "Loading MoveNet Thunder…". */
  activity: string | null;
  error: AppError | null;
  notices: string[];
  backend: BackendInfo | null;
  cameras: CameraInfo[];
  videoSize: { width: number; height: number } | null;
  stats: Stats;
  recording: { active: boolean; frames: number };
  coach: CoachView | null;
  /** A set cut off by a reload or a crash, offered to carry on (src/app/live/pendingSet.ts); null when none. */
  interrupted: { exerciseId: string; atSec: number | null; set: number; sets: number } | null;
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
    if (typeof v.voiceOn === 'boolean') out.voiceOn = v.voiceOn;
    if (typeof v.voiceURI === 'string') out.voiceURI = v.voiceURI;
    if (v.timeUnits === 'seconds' || v.timeUnits === 'minutes') out.timeUnits = v.timeUnits;
    if (typeof v.highContrast === 'boolean') out.highContrast = v.highContrast;
    if (typeof v.worker === 'boolean') out.worker = v.worker;
    return out;
  } catch {
    return {};
  }
}

/** URL overrides for tests and demos (not persisted): ?backend=wasm&model=movenet-lightning&worker=1. */
function readUrlOverrides(): Partial<Settings> {
  const out: Partial<Settings> = {};
  const q = new URLSearchParams(globalThis.location?.search ?? '');
  const b = q.get('backend');
  if (b && isBackendSetting(b)) out.backend = b;
  const m = q.get('model');
  if (m && isModelName(m)) out.model = m;
  // ?worker=1 runs the pose model in a background thread (Web Worker); ?worker=0 on the main thread.
  const w = q.get('worker');
  if (w === '1' || w === '0') out.worker = w === '1';
  // Tests run silently unless they ask for speech (headless Chromium has no voices anyway).
  if (q.get('voice') === 'off') out.voiceOn = false;
  return out;
}

/** The screen named by the URL hash; links that only carry ?model/?backend (bench, older tests) open the camera check. */
export function screenFromLocation(loc: { hash: string; search: string } | undefined): Screen {
  const h = (loc?.hash ?? '').replace(/^#\/?/, '').split('/')[0] ?? '';
  if ((SCREENS as readonly string[]).includes(h)) return h as Screen;
  const q = new URLSearchParams(loc?.search ?? '');
  if (!h && (q.has('model') || q.has('backend'))) return 'camera';
  return 'home';
}

/** The state before anything is read from the browser (tests start from it). */
export function initialAppState(): AppState {
  return {
    screen: 'home',
    live: null,
    summary: null,
    settings: { ...DEFAULT_SETTINGS },
    phase: 'idle',
    activity: null,
    error: null,
    notices: [],
    backend: null,
    cameras: [],
    videoSize: null,
    stats: { fps: 0, modelMs: 0, dropped: 0, frames: 0, cameraRate: null },
    recording: { active: false, frames: 0 },
    coach: null,
    interrupted: null,
  };
}

/** A store of its own (tests, the live session's tests). */
export function createAppStore(state: AppState = initialAppState()): StoreApi<AppState> {
  return createStore<AppState>()(() => state);
}

/** The app's store. Created empty (no browser access at import); `loadFromBrowser` fills it at start-up. */
export const appStore = createAppStore();

/**
 * Reads what the browser holds (stored settings, URL overrides, the screen in the URL) into the store.
 * Called once by main.tsx. Live and summary need state a reload does not have: a reload there lands on home
 * (the set's counts are already in history).
 */
export function loadFromBrowser(store: StoreApi<AppState> = appStore): void {
  const screen = screenFromLocation(globalThis.location);
  if (screen === 'live' || screen === 'summary') globalThis.history?.replaceState(null, '', '#/home');
  store.setState({
    screen: screen === 'live' || screen === 'summary' ? 'home' : screen,
    settings: { ...DEFAULT_SETTINGS, ...readStoredSettings(), ...readUrlOverrides() },
  });
}

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

// ---- actions ----

export function updateSettings(patch: Partial<Settings>): void {
  const settings = { ...appStore.getState().settings, ...patch };
  appStore.setState({ settings });
  // URL overrides apply to this page load only; what the user picks in the panel is remembered (so the
  // stored settings plus this change are written, not the overridden values of this page load).
  try {
    const stored = { ...DEFAULT_SETTINGS, ...readStoredSettings(), ...patch };
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Private mode or quota: settings simply are not remembered.
  }
}

export function setNotices(notices: string[]): void {
  appStore.setState({ notices });
}

export function setRecording(recording: AppState['recording']): void {
  appStore.setState({ recording });
}

/** Shows a screen and mirrors it in the URL hash (a new history entry, so Back works). */
export function go(screen: Screen): void {
  if (appStore.getState().screen !== screen) appStore.setState({ screen });
  const hash = `#/${screen}`;
  if (globalThis.location && globalThis.location.hash !== hash) globalThis.history?.pushState(null, '', hash);
}

/** Follows Back/Forward; live and summary cannot be entered from a bare URL. */
export function syncScreenFromLocation(): void {
  const s = screenFromLocation(globalThis.location);
  const st = appStore.getState();
  if (s === 'live' && !st.live) return go('home');
  if (s === 'summary' && !st.summary) return go('home');
  if (st.screen !== s) appStore.setState({ screen: s });
}
