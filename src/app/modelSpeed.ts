// How fast each pose model runs on this device, as the app measured it: the frame loop times every model call
// (frameLoop.ts keeps the last 30), and once a model has run long enough the median is kept here, per model
// and engine, and remembered in this browser. Settings states these figures, and nothing when there is none
// yet: speeds differ several-fold between machines (a 2-core machine without a GPU ran MoveNet Thunder at
// 65 ms a frame in one measurement and 174 ms in another), so no figure from elsewhere is shown as this device's.
// Plain TypeScript, no React or DOM.
import type { ModelName } from '../core/pose';
import { DEFAULT_MODEL, isModelName } from '../core/pose';
import type { BackendName, ThreadsInfo } from '../pose/backend';
import type { BackendInfo } from '../pose/openSource';

export interface SpeedMeasure {
  /** Median model time per camera picture, ms. */
  ms: number;
  /** The engine it ran on. */
  backend: BackendName;
  /** When it was measured (ms since 1970). */
  at: number;
  /** Threads the wasm engine ran on (absent: one, or another engine). */
  threads?: number;
}

/** Keyed `${model}@${backend}`. */
export type MeasuredSpeeds = Record<string, SpeedMeasure>;

/** Model calls before a figure is kept: the frame loop's whole window of 30, so the slow first calls have passed. */
export const MIN_FRAMES = 30;
/** A new median replaces the kept one only when it differs by more than this share (no churn, few writes). */
export const CHANGE = 0.1;

const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];
const key = (model: ModelName, backend: BackendName) => `${model}@${backend}`;

function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * The speeds with this run's figure in: `recentMs` are the latest model times, `frames` how many calls this
 * run has made. Returns `speeds` itself when nothing changed enough to keep.
 */
export function noteSpeed(
  speeds: MeasuredSpeeds,
  model: ModelName,
  backend: BackendName,
  recentMs: readonly number[],
  frames: number,
  now: number,
  threads = 1,
): MeasuredSpeeds {
  if (frames < MIN_FRAMES || recentMs.length === 0) return speeds;
  const ms = median(recentMs);
  if (!(ms > 0) || !Number.isFinite(ms)) return speeds;
  const old = speeds[key(model, backend)];
  // Another thread count is another engine setting: its figure replaces the old one whatever the change.
  if (old && (old.threads ?? 1) === threads && Math.abs(ms - old.ms) <= CHANGE * old.ms) return speeds;
  return { ...speeds, [key(model, backend)]: { ms, backend, at: now, ...(threads > 1 ? { threads } : {}) } };
}

/** The figure for `model` on the engine running now; else the latest on any engine; else undefined. */
export function speedFor(speeds: MeasuredSpeeds, model: ModelName, active: BackendName | null): SpeedMeasure | undefined {
  if (active) {
    const here = speeds[key(model, active)];
    if (here) return here;
  }
  let best: SpeedMeasure | undefined;
  for (const b of BACKENDS) {
    const m = speeds[key(model, b)];
    if (m && (!best || m.at > best.at)) best = m;
  }
  return best;
}

function rounded(ms: number): number {
  return ms < 100 ? Math.max(5, Math.round(ms / 5) * 5) : Math.round(ms / 10) * 10;
}

/** Short, for a model's entry in a list: "about 170 ms a picture here", or '' when not measured. */
export function speedShort(m: SpeedMeasure | undefined): string {
  return m ? `about ${rounded(m.ms)} ms a picture here` : '';
}

/** A sentence for Settings. `active` is the engine running now (another engine's figure says so). */
export function speedText(m: SpeedMeasure | undefined, active: BackendName | null): string {
  if (!m) return 'Its speed on this device is not known yet: it is measured while this model follows you.';
  const perSecond = Math.max(1, Math.floor(1000 / m.ms));
  const other = active !== null && m.backend !== active ? ' with another engine setting' : '';
  const threads = m.threads && m.threads > 1 ? ` on ${m.threads} threads` : '';
  return `Measured on this device${other}: about ${rounded(m.ms)} ms to read each camera picture${threads}, so at most about ${perSecond} picture${perSecond === 1 ? '' : 's'} a second.`;
}

/** Why the engine runs on one thread, in a person's words (empty when threaded or not wasm). */
export function threadsWhyText(t: ThreadsInfo): string {
  switch (t.why) {
    case 'threads':
    case 'not-wasm':
      return '';
    case 'not-isolated':
      return 'this page was served without the isolation headers that let it share memory between threads';
    case 'few-cores':
      return 'with two processor cores or fewer, one thread measured faster than two, as the page needs a core of its own';
    case 'start-failed':
      return 'the faster multi-threaded start did not finish in time, so the single-thread one took over';
    case 'asked':
      return 'one thread was asked for in the address';
  }
}

/** The engine line in Settings: which engine runs, on how many threads, and why only one. */
export function engineText(b: BackendInfo): string {
  if (b.active !== 'wasm') return `Running on ${b.active}.`;
  const simd = b.simd ? ' with SIMD' : '';
  if (b.threads.count > 1) return `Running on wasm${simd}, on ${b.threads.count} threads.`;
  const why = threadsWhyText(b.threads);
  return `Running on wasm${simd}, on one thread${why ? `: ${why}` : ''}.`;
}

// ---- The slow-machine advice (issue 19 item 4) ----

/**
 * Under this many pictures a second the default model misses quick moves: a bicycle crunch's touch or a quick
 * partial rep falls between the pictures it reads. The faster model is then offered, never switched to silently.
 */
export const SLOW_FPS = 12;

/** What the advice offers: the faster model, and what it costs in a person's words. */
export interface SpeedAdvice {
  /** The model running now (the default). */
  readonly model: ModelName;
  /** Pictures a second it reads on this device, from the median of its recent calls. */
  readonly fps: number;
  /** The model offered instead. */
  readonly faster: ModelName;
}

/**
 * The advice for a run of `model` that has made `frames` model calls, the latest taking `recentMs`: given once
 * the frame loop's whole window of MIN_FRAMES calls is in (past the slow first calls, still at the start), for
 * the default model only, when it reads fewer than SLOW_FPS pictures a second and `faster` is another model.
 * Null otherwise.
 */
export function speedAdvice(
  model: ModelName,
  recentMs: readonly number[],
  frames: number,
  faster: ModelName,
  defaultModel: ModelName = DEFAULT_MODEL,
): SpeedAdvice | null {
  if (model !== defaultModel || faster === model || frames < MIN_FRAMES || recentMs.length === 0) return null;
  const ms = median(recentMs);
  if (!(ms > 0) || !Number.isFinite(ms)) return null;
  const fps = 1000 / ms;
  return fps < SLOW_FPS ? { model, fps, faster } : null;
}

/** The advice's one line: how fast it reads here, what that misses, and what the faster choice costs. */
export function speedAdviceText(a: SpeedAdvice, current: string, faster: string): string {
  const n = Math.max(1, Math.floor(a.fps));
  return `${current} reads only ${n} picture${n === 1 ? '' : 's'} a second on this computer, so quick moves can slip past. ${faster} keeps up but checks form less closely.`;
}

/** Speeds read back from storage; anything malformed is dropped. */
export function parseSpeeds(raw: unknown): MeasuredSpeeds {
  const out: MeasuredSpeeds = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const [model, backend] = k.split('@');
    if (!model || !isModelName(model) || !BACKENDS.includes(backend as BackendName)) continue;
    const m = v as Partial<SpeedMeasure>;
    if (typeof m?.ms !== 'number' || !(m.ms > 0) || m.backend !== backend || typeof m.at !== 'number') continue;
    out[k] = {
      ms: m.ms,
      backend: backend as BackendName,
      at: m.at,
      ...(typeof m.threads === 'number' && m.threads > 1 ? { threads: m.threads } : {}),
    };
  }
  return out;
}
