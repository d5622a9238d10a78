// Picks the TensorFlow.js backend at run time. Measured here (../shared/NOTES.md): software WebGL
// (SwiftShader, llvmpipe) is ~10x slower than wasm SIMD with a 3-6 s first frame, while a real GPU's WebGL is
// several times faster than wasm. So: WebGL only when the renderer is real hardware, else wasm, else cpu.
// Every setBackend is guarded by a timeout because a wasm start-up that never settles has been seen
// (threaded wasm under Vite 8's minifier, pitfall 4); on timeout or failure we fall back to the next one.
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

let wasmConfigured = false;
async function configureWasm(tf: Tf): Promise<void> {
  if (wasmConfigured) return;
  wasmConfigured = true;
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

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${Math.round(ms / 1000)} s`)), ms);
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); });
  });
}

export interface BackendResult {
  backend: BackendName;
  /** WebGL renderer name, for the debug readout. */
  renderer: string | null;
  /** Whether wasm runs with SIMD (only meaningful when backend is wasm). */
  simd: boolean;
  /** Human-readable notes about fallbacks, shown by the UI. Empty when the first choice worked. */
  notices: string[];
}

/** Starts the best available backend for `setting`; throws only when none starts. */
export async function initBackend(setting: BackendSetting, opts: { timeoutMs?: number } = {}): Promise<BackendResult> {
  const timeoutMs = opts.timeoutMs ?? 8000;
  const tf = await import('@tensorflow/tfjs-core');
  const renderer = webglRenderer();
  const realGpu = renderer !== null && !isSoftwareRenderer(renderer);
  const notices: string[] = [];
  if (setting === 'webgl' && !realGpu) {
    notices.push(renderer
      ? `WebGL here is software-rendered (${renderer}); expect it to be much slower than wasm.`
      : 'This browser has no WebGL.');
  }
  for (const b of backendOrder(setting, realGpu)) {
    if (b === 'webgl' && renderer === null) continue;
    try {
      await register(tf, b);
      const ok = await withTimeout(tf.setBackend(b), timeoutMs, `The ${b} backend`);
      if (!ok) throw new Error(`The ${b} backend failed to start`);
      await tf.ready();
      const simd = b === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : false;
      if (b === 'wasm' && !simd) notices.push('This browser lacks wasm SIMD; pose detection will be slower.');
      return { backend: b, renderer, simd, notices };
    } catch (e) {
      notices.push(`${(e as Error).message}; trying the next backend.`);
    }
  }
  throw new Error(`No TensorFlow.js backend could start. ${notices.join(' ')}`);
}
