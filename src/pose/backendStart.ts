// Picks the TensorFlow.js backend at run time. Measured here (../shared/NOTES.md): software WebGL
// (SwiftShader, llvmpipe) is ~10x slower than wasm SIMD with a 3-6 s first frame, while a real GPU's WebGL is
// several times faster than wasm. So: WebGL only when the renderer is real hardware, else wasm, else cpu.
// wasm runs threaded where the page is cross-origin isolated (the servers send COOP/COEP, vite.config.ts):
// `npm run bench` measures the default model live with the app's threads and with one, in the same run.
// Every start (code download and setBackend) is guarded by a timeout because a wasm start-up that never
// settles has been seen (threaded wasm under Vite's minifier and the CSP, fixed at its cause in
// scripts/vite/wasmThreads.ts); on timeout or failure we fall back to the next attempt (threaded wasm, then
// single-thread wasm, then cpu), and a late starter is not allowed to take over. A lost WebGL context (GPU
// reset) switches to wasm for the rest of the page's life.
//
// Imported only where a pose source opens (openSource.ts loads it with import(), poseWorker.ts statically), so
// none of it is in the first-paint bundle; the names and notices live in backend.ts. TensorFlow.js itself is
// imported dynamically inside initBackend.
import type * as TfCore from '@tensorflow/tfjs-core';
import type { BackendName, BackendNotice, BackendSetting, ThreadsInfo } from './backend';
import { watchContextLoss, webglWasLost } from './backend';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

/** True when a WebGL renderer string names a software rasteriser rather than a GPU. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer);
}

/** The order in which to try backends, given the user's setting and whether the GPU is real. */
export function backendOrder(setting: BackendSetting, realGpu: boolean): BackendName[] {
  const auto: BackendName[] = realGpu ? ['webgl', 'wasm', 'cpu'] : ['wasm', 'cpu'];
  if (setting === 'auto') return auto;
  // An explicit choice goes first; the rest stay as fallbacks so a broken choice still gives a working app.
  return [setting, ...(['webgl', 'wasm', 'cpu'] as const).filter((b) => b !== setting)];
}

/** The WebGL renderer's name (unmasked where the browser allows it), or null when there is no WebGL. */
export function webglRenderer(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const name = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}
type Tf = typeof TfCore;

/**
 * The wasm backend's code, loaded and pointed at its binaries once. A promise, not a flag: a second caller
 * while the first is still downloading must wait for it, not go on to setBackend('wasm') before the backend
 * has registered ("Backend name 'wasm' not found in registry", seen when React's development mode mounted
 * the camera view twice). A failed load is forgotten so the next start tries again.
 */
let wasmConfigured: Promise<void> | null = null;
function configureWasm(): Promise<void> {
  wasmConfigured ??= configureWasmNow().catch((e: unknown) => {
    wasmConfigured = null;
    throw e;
  });
  return wasmConfigured;
}
async function configureWasmNow(): Promise<void> {
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  // All three binaries from this origin; which one loads depends on WASM_HAS_MULTITHREAD_SUPPORT, set per
  // attempt (wasmAttempt below).
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
  });
}

/** Makes the next wasm start use `threads` threads (1: the single-thread SIMD binary, no workers). */
async function wasmAttempt(tf: Tf, threads: number): Promise<void> {
  const { setThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
  setThreadsCount(threads);
}

/**
 * Runs `start` while navigator.hardwareConcurrency reads at least 2 × `threads`. tfjs-backend-wasm 4.22 caps
 * its thread pool at hardwareConcurrency / 2, read once as its module starts (src/cc/backend.cc: "Many x86-64
 * processors have 2 threads per core"), so on a 2-core machine setThreadsCount(2) still gave 1 thread
 * (getThreadsCount() said so). The property is shadowed on this navigator for the start only, then removed.
 */
export async function withLogicalCores<T>(
  threads: number,
  start: () => Promise<T>,
  nav: object | undefined = globalThis.navigator,
): Promise<T> {
  const real = (nav as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency ?? 1;
  if (!nav || threads * 2 <= real) return start();
  Object.defineProperty(nav, 'hardwareConcurrency', { value: threads * 2, configurable: true });
  shadowed = nav;
  try {
    return await start();
  } finally {
    unshadowCores();
  }
}
let shadowed: object | null = null;
/** Removes withLogicalCores' figure (also when its start never settles and is abandoned). */
export function unshadowCores(): void {
  if (shadowed && Object.prototype.hasOwnProperty.call(shadowed, 'hardwareConcurrency'))
    delete (shadowed as { hardwareConcurrency?: number }).hardwareConcurrency;
  shadowed = null;
}

async function register(b: BackendName): Promise<void> {
  if (b === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  if (b === 'wasm') await configureWasm();
  if (b === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
}

// ---- Threads ----

/**
 * Most threads the wasm backend is given: beyond 4 the pose models (a few hundred small convolutions a frame)
 * gain little. Emscripten pre-starts 8 pthread workers, so this also stays inside its pool.
 */
export const MAX_WASM_THREADS = 4;

/**
 * The threads to try for wasm: one core is left to the page and the browser (the frame loop, drawing, the
 * camera's decoding), the rest up to MAX_WASM_THREADS; 1 when the page cannot share memory, and why.
 *
 * Measured on this 2-core box (npm run bench, Thunder, the frame loop on the main thread as well; one run each,
 * 2026-12-06, load average 5-17 from the other engineers' tests): 2 threads were slower than 1 in every run,
 * raw 164.8 / 175.9 / 214.2 ms against 74.0 / 89.1 / 92.2 ms, live 140.6 / 176.8 / 270.7 against 83.2 / 103.0 /
 * 120.8; in the pose worker too (129.3 / 152.3 against 91.4 / 96.4). A pool thread that is not running holds up
 * every layer while the page's thread spins waiting for it (the page cannot block), so with no spare core two
 * threads cost more than they bring. With 4 cores or more there is one to spare (not measured here: no such
 * machine). `asked` (?threads=N in test and bench builds) overrides the count.
 */
export function threadsPlan(env: { isolated: boolean; cores: number; asked?: number | undefined }): ThreadsInfo {
  if (env.asked !== undefined && env.asked <= 1) return { count: 1, why: 'asked' };
  if (!env.isolated) return { count: 1, why: 'not-isolated' };
  if (env.asked !== undefined) return { count: Math.min(env.asked, MAX_WASM_THREADS * 2), why: 'threads' };
  if (env.cores <= 2) return { count: 1, why: 'few-cores' };
  return { count: Math.min(env.cores - 1, MAX_WASM_THREADS), why: 'threads' };
}

/** Whether this page (or worker) can run threaded wasm: cross-origin isolated, with SharedArrayBuffer. */
export function pageIsolated(): boolean {
  return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
}

/**
 * A start attempt: a backend, or 'wasm-threads' (the threaded wasm binary), tried before single-thread 'wasm'.
 */
export type StartAttempt = BackendName | 'wasm-threads';

/** The attempts for a backend order: threaded wasm goes just before single-thread wasm when planned. */
export function startAttempts(order: readonly BackendName[], threads: number): StartAttempt[] {
  return order.flatMap((b): StartAttempt[] => (b === 'wasm' && threads > 1 ? ['wasm-threads', 'wasm'] : [b]));
}

/** The timer functions the start-up race uses (injectable so tests run on fake time). */ export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}
const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};

function withTimeout<T>(p: Promise<T>, ms: number, what: string, timers: Timers, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = timers.setTimeout(() => {
      onTimeout?.();
      reject(new Error(`${what} did not start within ${Math.round(ms / 1000)} s`));
    }, ms);
    p.then(
      (v) => {
        timers.clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        timers.clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** How the start-up race drives TensorFlow.js (a fake in the unit tests). */
export interface BackendDriver<A extends string = BackendName> {
  /** Loads a backend's code and starts it; resolves true when it runs. May never settle. */
  start(b: A): Promise<boolean>;
  /** The attempt active now (the engine's backend). */
  active(): string | null;
  /** Makes `b` active again. */
  restore(b: A): Promise<unknown>;
  /**
   * Called when `b` did not start in time. A start that never settles stays tfjs-core's pending backend
   * start, and every later tf.ready() waits on it: the real driver resets the engine here.
   */
  abandon?(b: A): void;
}

/**
 * Tries `order` one by one, each given `timeoutMs` to load and start (code download included: a chunk
 * that never arrives is a hang too). A start that settles after its timeout must not take over from the
 * backend chosen since: the chosen one is restored.
 */
export async function startFirstBackend<A extends string = BackendName>(
  order: readonly A[],
  driver: BackendDriver<A>,
  opts: { timeoutMs: number; timers?: Timers },
): Promise<{ backend: A; notices: Fallback<A>[] }> {
  const timers = opts.timers ?? realTimers;
  const notices: Fallback<A>[] = [];
  let winner: A | null = null;
  for (const b of order) {
    const attempt = driver.start(b);
    let timedOut = false;
    try {
      const ok = await withTimeout(attempt, opts.timeoutMs, `The ${b} backend`, timers, () => {
        timedOut = true;
      });
      if (!ok) throw new Error(`The ${b} backend failed to start`);
      winner = b;
      return { backend: b, notices };
    } catch (e) {
      notices.push({ kind: 'fallback', backend: b, detail: (e as Error).message });
      if (timedOut) driver.abandon?.(b);
      attempt.then(
        (late) => {
          if (late && winner !== null && winner !== b && driver.active() === b) void driver.restore(winner).catch(() => undefined);
        },
        () => undefined,
      );
    }
  }
  throw new BackendStartError(notices);
}

/**
 * The failures as the backends' names know them: a threaded wasm failure is told within wasm's entry
 * ("wasm: … (threaded first: …)"), so "wasm: …" reads as before threads came.
 */
export function foldThreads(failures: readonly Fallback<string>[]): Fallback<string>[] {
  const threaded = failures.find((f) => f.backend === 'wasm-threads');
  const rest = failures.filter((f) => f.backend !== 'wasm-threads');
  if (!threaded) return rest;
  const i = rest.findIndex((f) => f.backend === 'wasm');
  if (i < 0) return [...rest, { ...threaded, backend: 'wasm' }];
  return rest.map((f, j) => (j === i ? { ...f, detail: `${f.detail} (threaded first: ${threaded.detail})` } : f));
}

/** A start attempt that failed or timed out, and why (developer words). */
export interface Fallback<A extends string = BackendName> {
  kind: 'fallback';
  backend: A;
  detail: string;
}

/** No backend started. The message is for developers (console, Details); the app words it for people. */
export class BackendStartError extends Error {
  constructor(readonly failures: readonly Fallback<string>[]) {
    super(`No TensorFlow.js backend could start. ${failures.map((n) => `${n.backend}: ${n.detail}.`).join(' ')}`.trim());
    this.name = 'BackendStartError';
  }
}

export interface BackendResult {
  backend: BackendName;
  /** WebGL renderer name, for the debug readout. */
  renderer: string | null;
  /** Whether wasm runs with SIMD (only meaningful when backend is wasm). */
  simd: boolean;
  /** How many threads wasm runs on, and why (count 1, why 'not-wasm' for the other backends). */
  threads: ThreadsInfo;
  /** What did not go as asked (fallbacks, slow paths). Empty when the first choice worked. The app words them. */
  notices: BackendNotice[];
}

/**
 * Something about the start-up a person should hear of, as data: src/app/errors.ts turns it into plain words
 * (`detail` is the technical cause, for the console).
 */ export const BACKEND_TIMEOUT_MS = 5000;

/**
 * Runs `fn` calls one after another: a call starts when the previous one has settled. TensorFlow.js has one
 * engine per page, and two start-ups interleaving their setBackend calls leave the model running on a backend
 * neither chose (React's development mode mounts the camera view twice, so two starts overlap there).
 */
export function oneAtATime<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const run = last.then(
      () => fn(...args),
      () => fn(...args),
    );
    last = run.catch(() => undefined);
    return run;
  };
}

export interface InitOptions {
  timeoutMs?: number;
  /** Threads for wasm instead of the plan's (1 = single-thread; test and bench builds, and the analyser's workers). */
  threads?: number | undefined;
}

/** Starts the best available backend for `setting`; throws only when none starts. One start at a time. */
export const initBackend: (setting: BackendSetting, opts?: InitOptions) => Promise<BackendResult> = oneAtATime(initBackendNow);

async function initBackendNow(setting: BackendSetting, opts: InitOptions = {}): Promise<BackendResult> {
  const timeoutMs = opts.timeoutMs ?? BACKEND_TIMEOUT_MS;
  const tf = await import('@tensorflow/tfjs-core');
  const plan = threadsPlan({ isolated: pageIsolated(), cores: globalThis.navigator?.hardwareConcurrency ?? 1, asked: opts.threads });
  const renderer = webglRenderer();
  const realGpu = renderer !== null && !isSoftwareRenderer(renderer);
  const notices: BackendNotice[] = [];
  const webglLost = webglWasLost();
  if (webglLost) notices.push({ kind: 'webgl-lost' });
  else if (setting === 'webgl' && !realGpu) notices.push(renderer ? { kind: 'software-webgl', renderer } : { kind: 'no-webgl' });
  const order = backendOrder(setting, realGpu).filter((b) => b !== 'webgl' || (renderer !== null && !webglLost));
  const engineName = (a: StartAttempt): BackendName => (a === 'wasm-threads' ? 'wasm' : a);
  const driver: BackendDriver<StartAttempt> = {
    start: async (a) => {
      const b = engineName(a);
      await register(b);
      if (b === 'wasm') await wasmAttempt(tf, a === 'wasm-threads' ? plan.count : 1);
      const set = a === 'wasm-threads' ? withLogicalCores(plan.count, () => tf.setBackend(b)) : tf.setBackend(b);
      if (!(await set)) return false;
      await tf.ready();
      return true;
    },
    // In attempt terms: a late threaded start shows as 'wasm', which is what it would take over.
    active: () => tf.getBackend() ?? null,
    restore: (a) => tf.setBackend(engineName(a)),
    // Only wasm starts asynchronously; its hung start would stay the engine's pending one for good.
    abandon: (a) => {
      unshadowCores();
      if (engineName(a) === 'wasm') tf.engine().reset();
    },
  };
  const won = await startFirstBackend(startAttempts(order, plan.count), driver, { timeoutMs }).catch((e: unknown) => {
    throw e instanceof BackendStartError ? new BackendStartError(foldThreads(e.failures)) : e;
  });
  let threads: ThreadsInfo = { count: 1, why: 'not-wasm' };
  for (const n of won.notices) {
    if (n.backend === 'wasm-threads') threads = { count: 1, why: 'start-failed', detail: n.detail };
    else notices.push({ kind: 'fallback', backend: n.backend, detail: n.detail });
  }
  const b = engineName(won.backend);
  if (won.backend === 'wasm-threads') {
    const { getThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
    threads = { count: getThreadsCount(), why: 'threads' };
  } else if (b === 'wasm' && threads.why !== 'start-failed') {
    threads = plan;
  }
  if (b === 'webgl') {
    // TensorFlow.js's WebGL backend draws into its own canvas (gpgpu.gl.canvas).
    const canvas = (tf.backend() as { gpgpu?: { gl?: { canvas?: unknown } } }).gpgpu?.gl?.canvas;
    if (canvas && typeof (canvas as EventTarget).addEventListener === 'function') watchContextLoss(canvas as EventTarget);
  }
  const simd = b === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : false;
  if (b === 'wasm' && !simd) notices.push({ kind: 'no-simd' });
  if (threads.why === 'start-failed')
    console.warn(`Form Coach: wasm runs on one thread; the threaded start failed: ${threads.detail ?? ''}`);
  return { backend: b, renderer, simd, threads, notices };
}
