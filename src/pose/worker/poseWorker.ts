// The pose model in a dedicated Web Worker (opt-in: ?worker=1 or the setting). The same code as the main
// thread runs here: initBackend (wasm from the app's own origin, see backend.ts; no WebGL, as a worker has
// no document to check the GPU with) and createPoseSource with the app's /models/ loader. Frames arrive as
// VideoFrames (or ImageBitmaps), one at a time; keypoints go back. Created by workerPoseSource.ts.
import * as tf from '@tensorflow/tfjs-core';
import type { Pose } from '../../core/pose';
import { initBackend } from '../backendStart';
import { browserModelLoader } from '../browserLoader';
import { createPoseSource } from '../createPoseSource';
import type { DetectorInput } from '../createPoseSource';
import type { PoseSource } from '../types';
import type { WorkerFrame, WorkerRequest, WorkerResponse } from './protocol';
import { toWireError } from './protocol';
import { rgbaToRgb } from './pixels';

interface WorkerScope {
  postMessage(msg: WorkerResponse): void;
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
  close(): void;
}
const scope = self as unknown as WorkerScope;

let source: PoseSource<DetectorInput> | null = null;

async function init(req: Extract<WorkerRequest, { type: 'init' }>): Promise<void> {
  let be;
  try {
    be = await initBackend(req.backend, { threads: req.threads });
  } catch (e) {
    scope.postMessage({ type: 'error', id: req.id, error: toWireError(e, 'backend') });
    return;
  }
  const notices = [...be.notices];
  if (req.backend === 'webgl') notices.push({ kind: 'worker-no-webgl', backend: be.backend });
  try {
    source = await createPoseSource(req.model, { loader: browserModelLoader(), smoothing: req.smoothing });
  } catch (e) {
    scope.postMessage({ type: 'error', id: req.id, error: toWireError(e, 'model-load') });
    return;
  }
  scope.postMessage({ type: 'ready', id: req.id, backend: be.backend, simd: be.simd, threads: be.threads, notices });
}

/** The RGBA copy of the last VideoFrame, reused (one frame at a time). */
let rgba: Uint8Array | null = null;

/**
 * The frame as an RGB tensor. A VideoFrame's pixels are converted to RGBA by the browser (copyTo), which
 * costs a fraction of drawing the frame on a canvas and reading that back, as fromPixels does with an
 * ImageBitmap. Where copyTo cannot convert, or the frame is shown at another size than it is stored, it
 * goes through an ImageBitmap of the displayed size.
 */
async function toPixels(frame: WorkerFrame): Promise<tf.Tensor3D> {
  if (typeof VideoFrame !== 'undefined' && frame instanceof VideoFrame) {
    const rect = frame.visibleRect;
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    if (rect && rect.width === width && rect.height === height) {
      try {
        if (rgba?.length !== width * height * 4) rgba = new Uint8Array(width * height * 4);
        await frame.copyTo(rgba, { format: 'RGBA' });
        return tf.tensor3d(rgbaToRgb(rgba, width, height), [height, width, 3], 'int32');
      } catch {
        // RGBA conversion not supported here: the canvas route below.
      }
    }
    const bitmap = await createImageBitmap(frame);
    try {
      return tf.browser.fromPixels(bitmap);
    } finally {
      bitmap.close();
    }
  }
  return tf.browser.fromPixels(frame as ImageBitmap);
}

async function estimate(req: Extract<WorkerRequest, { type: 'estimate' }>): Promise<void> {
  let pixels: tf.Tensor3D | null = null;
  try {
    if (!source) throw new Error('the model is not loaded');
    pixels = await toPixels(req.frame);
    const poses: Pose[] = await source.estimate(pixels, req.timestampMs);
    scope.postMessage({ type: 'poses', id: req.id, poses });
  } catch (e) {
    scope.postMessage({ type: 'error', id: req.id, error: toWireError(e, 'estimate') });
  } finally {
    pixels?.dispose();
    req.frame.close();
  }
}

scope.onmessage = (ev) => {
  const req = ev.data;
  switch (req.type) {
    case 'init':
      void init(req);
      break;
    case 'estimate':
      void estimate(req);
      break;
    case 'reset':
      source?.reset();
      break;
    case 'dispose':
      source?.dispose();
      source = null;
      scope.close();
      break;
  }
};
