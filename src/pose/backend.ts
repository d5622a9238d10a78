// Picks the TensorFlow.js backend at run time. Measured here (../shared/NOTES.md): software WebGL
// (SwiftShader, llvmpipe) is ~10x slower than wasm SIMD with a 3-6 s first frame, while a real GPU's WebGL is
// several times faster than wasm. So: WebGL only when the renderer is real hardware, else wasm, else cpu.
// Every start (code download and setBackend) is guarded by a timeout because a wasm start-up that never
// settles has been seen (threaded wasm under Vite 8's minifier, pitfall 4); on timeout or failure we fall
// back to the next one, and a late starter is not allowed to take over. A lost WebGL context (GPU reset)
// switches to wasm for the rest of the page's life.
//
// This module is light on purpose (the store imports its types and helpers): TensorFlow.js itself is
// imported dynamically inside initBackend, so it stays out of the first-paint bundle.
import type * as TfCore from '@tensorflow/tfjs-core';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export type BackendSetting = 'auto' | BackendName;
export const BACKEND_SETTINGS: readonly BackendSetting[] = ['auto', 'webgl', 'wasm', 'cpu'];
export function isBackendSetting(s: string): s is BackendSetting {
  return (BACKEND_SETTINGS as readonly string[]).includes(s);
}

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
function configureWasm(tf: Tf): Promise<void> {
  wasmConfigured ??= configureWasmNow(tf).catch((e: unknown) => {
    wasmConfigured = null;
    throw e;
  });
  return wasmConfigured;
}
async function configureWasmNow(tf: Tf): Promise<void> {
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  // Threads bring nothing on 2 cores and need COOP/COEP headers (pitfall 4): turn them off so the
  // threaded binary is never requested. setWasmPaths' map form wants all three names; the threaded
  // entry points at the SIMD file only to satisfy that check, and Vite then ships two binaries, not three.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdUrl,
  });
}

async function register(tf: Tf, b: BackendName): Promise<void> {
  if (b === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  if (b === 'wasm') await configureWasm(tf);
  if (b === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
}

/** The timer functions the start-up race uses (injectable so tests run on fake time). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}
const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};

function withTimeout<T>(p: Promise<T>, ms: number, what: string, timers: Timers): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = timers.setTimeout(() => reject(new Error(`${what} did not start within ${Math.round(ms / 1000)} s`)), ms);
    p.then((v) => { timers.clearTimeout(timer); resolve(v); }, (e: unknown) => { timers.clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); });
  });
}

/** How the start-up race drives TensorFlow.js (a fake in the unit tests). */
export interface BackendDriver {
  /** Loads a backend's code and starts it; resolves true when it runs. May never settle. */
  start(b: BackendName): Promise<boolean>;
  /** The backend active now. */
  active(): string | null;
  /** Makes `b` active again. */
  restore(b: BackendName): Promise<unknown>;
}

/**
 * Tries `order` one by one, each given `timeoutMs` to load and start (code download included: a chunk
 * that never arrives is a hang too). A start that settles after its timeout must not take over from the
 * backend chosen since: the chosen one is restored.
 */
export async function startFirstBackend(
  order: readonly BackendName[], driver: BackendDriver, opts: { timeoutMs: number; timers?: Timers },
): Promise<{ backend: BackendName; notices: BackendNotice[] }> {
  const timers = opts.timers ?? realTimers;
  const notices: BackendNotice[] = [];
  let winner: BackendName | null = null;
  for (const b of order) {
    const attempt = driver.start(b);
    try {
      const ok = await withTimeout(attempt, opts.timeoutMs, `The ${b} backend`, timers);
      if (!ok) throw new Error(`The ${b} backend failed to start`);
      winner = b;
      return { backend: b, notices };
    } catch (e) {
      notices.push({ kind: 'fallback', backend: b, detail: (e as Error).message });
      attempt.then((late) => {
        if (late && winner !== null && winner !== b && driver.active() === b) void driver.restore(winner).catch(() => undefined);
      }, () => undefined);
    }
  }
  throw new BackendStartError(notices);
}

/** No backend started. The message is for developers (console, Details); the app words it for people. */
export class BackendStartError extends Error {
  constructor(readonly failures: readonly BackendNotice[]) {
    super(`No TensorFlow.js backend could start. ${failures.map((n) => n.kind === 'fallback' ? `${n.backend}: ${n.detail}.` : '').join(' ')}`.trim());
    this.name = 'BackendStartError';
  }
}

// ---- WebGL context loss: the GPU driver reset, the tab lost its GPU, too many contexts elsewhere ----
let webglLost = false;
const lostListeners = new Set<() => void>();

/** The session hears here when the running backend died (WebGL context lost) and must restart on another. */
export function onBackendLost(listener: () => void): () => void {
  lostListeners.add(listener);
  return () => { lostListeners.delete(listener); };
}


/**
 * Watches a WebGL canvas; on 'webglcontextlost' WebGL is not tried again in this page and listeners hear
 * of it (the model's weights lived in that context, so the model must be loaded again on wasm).
 */
export function watchContextLoss(canvas: EventTarget): () => void {
  const onLost = () => {
    webglLost = true;
    for (const l of [...lostListeners]) l();
  };
  canvas.addEventListener('webglcontextlost', onLost, { once: true });
  return () => canvas.removeEventListener('webglcontextlost', onLost);
}

/** Whether a WebGL context was lost in this page (then WebGL is skipped). For tests too. */
export function webglWasLost(): boolean {
  return webglLost;
}
export function resetWebglLost(): void {
  webglLost = false;
}

export interface BackendResult {
  backend: BackendName;
  /** WebGL renderer name, for the debug readout. */
  renderer: string | null;
  /** Whether wasm runs with SIMD (only meaningful when backend is wasm). */
  simd: boolean;
  /** What did not go as asked (fallbacks, slow paths). Empty when the first choice worked. The app words them. */
  notices: BackendNotice[];
}

/**
 * Something about the start-up a person should hear of, as data: src/app/errors.ts turns it into plain words
 * (`detail` is the technical cause, for the console).
 */
export type BackendNotice =
  /** `backend` failed or did not start in time; the next one in the order was tried. */
  | { kind: 'fallback'; backend: BackendName; detail: string }
  /** The GPU's WebGL context was lost earlier in this page; WebGL is skipped now. */
  | { kind: 'webgl-lost' }
  /** WebGL was asked for, but the browser renders it in software (much slower than wasm). */
  | { kind: 'software-webgl'; renderer: string }
  /** WebGL was asked for, and the browser has none. */
  | { kind: 'no-webgl' }
  /** wasm runs without SIMD: slower. */
  | { kind: 'no-simd' }
  /** WebGL was asked for in the background thread, which does not use it; it runs on `backend`. */
  | { kind: 'worker-no-webgl'; backend: BackendName };

/** Start-up budget per backend (ms): wasm starts in well under a second here, so 5 s means it hangs. */
export const BACKEND_TIMEOUT_MS = 5000;

/**
 * Runs `fn` calls one after another: a call starts when the previous one has settled. TensorFlow.js has one
 * engine per page, and two start-ups interleaving their setBackend calls leave the model running on a backend
 * neither chose (React's development mode mounts the camera view twice, so two starts overlap there).
 */
export function oneAtATime<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const run = last.then(() => fn(...args), () => fn(...args));
    last = run.catch(() => undefined);
    return run;
  };
}

/** Starts the best available backend for `setting`; throws only when none starts. One start at a time. */
export const initBackend: (setting: BackendSetting, opts?: { timeoutMs?: number }) => Promise<BackendResult> = oneAtATime(initBackendNow);

async function initBackendNow(setting: BackendSetting, opts: { timeoutMs?: number } = {}): Promise<BackendResult> {
  const timeoutMs = opts.timeoutMs ?? BACKEND_TIMEOUT_MS;
  const tf = await import('@tensorflow/tfjs-core');
  const renderer = webglRenderer();
  const realGpu = renderer !== null && !isSoftwareRenderer(renderer);
  const notices: BackendNotice[] = [];
  if (webglLost) notices.push({ kind: 'webgl-lost' });
  else if (setting === 'webgl' && !realGpu) notices.push(renderer ? { kind: 'software-webgl', renderer } : { kind: 'no-webgl' });
  const order = backendOrder(setting, realGpu).filter((b) => b !== 'webgl' || (renderer !== null && !webglLost));
  const driver: BackendDriver = {
    start: async (b) => {
      await register(tf, b);
      if (!(await tf.setBackend(b))) return false;
      await tf.ready();
      return true;
    },
    active: () => tf.getBackend() ?? null,
    restore: (b) => tf.setBackend(b),
  };
  const won = await startFirstBackend(order, driver, { timeoutMs });
  notices.push(...won.notices);
  const b = won.backend;
  if (b === 'webgl') {
    // TensorFlow.js's WebGL backend draws into its own canvas (gpgpu.gl.canvas).
    const canvas = (tf.backend() as { gpgpu?: { gl?: { canvas?: unknown } } }).gpgpu?.gl?.canvas;
    if (canvas && typeof (canvas as EventTarget).addEventListener === 'function') watchContextLoss(canvas as EventTarget);
  }
  const simd = b === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : false;
  if (b === 'wasm' && !simd) notices.push({ kind: 'no-simd' });
  return { backend: b, renderer, simd, notices };
}
