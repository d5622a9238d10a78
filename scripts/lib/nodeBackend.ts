// Node-only: starts TensorFlow.js on the wasm backend, the one that is fast here (see ../shared/NOTES.md:
// Node wasm SIMD runs MoveNet Lightning at ≈18 ms a frame, the cpu backend at ≈490 ms).
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** Backend start-up can hang instead of failing (NOTES.md pitfall 4), so it gets a deadline. */
const BACKEND_START_TIMEOUT_MS = 30_000;

export async function startWasmBackend(repoRoot: string): Promise<void> {
  if (tf.getBackend() === 'wasm') return;
  // The trailing slash matters: setWasmPaths takes a directory prefix.
  setWasmPaths(join(repoRoot, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the wasm backend did not start within ${BACKEND_START_TIMEOUT_MS} ms`)),
      BACKEND_START_TIMEOUT_MS,
    );
  });
  try {
    const ok = await Promise.race([tf.setBackend('wasm'), timeout]);
    if (!ok) throw new Error('the wasm backend failed to start');
    await tf.ready();
  } finally {
    clearTimeout(timer);
  }
}
