// The backend's names, settings and notices, and the WebGL context-loss watch: the light half of the pose
// backend, which the store, the settings and the session import. Starting TensorFlow.js (backendStart.ts) loads
// only when a pose source opens, after the first paint.

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export type BackendSetting = 'auto' | BackendName;
export const BACKEND_SETTINGS: readonly BackendSetting[] = ['auto', 'webgl', 'wasm', 'cpu'];
export function isBackendSetting(s: string): s is BackendSetting {
  return (BACKEND_SETTINGS as readonly string[]).includes(s);
}

/** Why wasm runs on the threads it runs on (Settings says it in words, src/app/components/SettingsPanel.tsx). */
export type ThreadsWhy =
  /** Threaded. */
  | 'threads'
  /** The page is not cross-origin isolated (no COOP/COEP headers), so the browser gives no shared memory. */
  | 'not-isolated'
  /** Two logical cores or fewer: the page needs one, and a second thread measured slower than one (backendStart.ts). */
  | 'few-cores'
  /** The threaded start failed or did not finish in time; `detail` says which. */
  | 'start-failed'
  /** One thread was asked for (the bench's comparison row, ?threads=1 in test and bench builds). */
  | 'asked'
  /** The backend is not wasm: threads do not apply. */
  | 'not-wasm';

export interface ThreadsInfo {
  count: number;
  why: ThreadsWhy;
  detail?: string;
}

// ---- WebGL context loss: the GPU driver reset, the tab lost its GPU, too many contexts elsewhere ----
let webglLost = false;
const lostListeners = new Set<() => void>();

/** The session hears here when the running backend died (WebGL context lost) and must restart on another. */
export function onBackendLost(listener: () => void): () => void {
  lostListeners.add(listener);
  return () => {
    lostListeners.delete(listener);
  };
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
