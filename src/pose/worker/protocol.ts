// The messages between the page and the pose worker (poseWorker.ts), and how errors cross the boundary.
// Pure: no DOM, no TensorFlow.js, so the unit tests run it in Node. Errors cannot be posted as Error objects
// with their extra fields intact, so they travel as { kind, message, file } and are rebuilt on the page side
// into the same kinds of error the main-thread path throws (errors.ts' describeFailure tells them apart).
import type { ModelName, Pose } from '../../core/pose';
import type { BackendName, BackendNotice, BackendSetting, ThreadsInfo } from '../backend';

export type WorkerRequest =
  /** threads: for wasm, instead of the worker's own plan (the analyser's workers ask for 1 each). */
  | { type: 'init'; id: number; model: ModelName; backend: BackendSetting; smoothing: boolean; threads?: number }
  /**
   * The frame is transferred (not copied); the worker closes it once the model has read it. A VideoFrame
   * where the browser has them (its pixels are read without drawing it on a canvas), else an ImageBitmap.
   */
  | { type: 'estimate'; id: number; frame: WorkerFrame; timestampMs: number }
  | { type: 'reset' }
  | { type: 'dispose' };

export type WorkerFrame = ImageBitmap | VideoFrame;

export type WorkerResponse =
  | { type: 'ready'; id: number; backend: BackendName; simd: boolean; threads: ThreadsInfo; notices: BackendNotice[] }
  | { type: 'poses'; id: number; poses: Pose[] }
  /** id null: a failure not tied to one request (the worker cannot go on). */
  | { type: 'error'; id: number | null; error: WireError };

/**
 * backend: no TensorFlow.js backend started. model-file: a model file is missing or damaged (names the file).
 * model-load: the model did not load for another reason. estimate: the model failed on a frame.
 * worker: the worker itself failed (its script did not load, or it crashed).
 */
export type WireErrorKind = 'backend' | 'model-file' | 'model-load' | 'estimate' | 'worker';
export interface WireError {
  kind: WireErrorKind;
  message: string;
  file?: string;
}

export function toWireError(e: unknown, kind: WireErrorKind): WireError {
  const message = e instanceof Error ? e.message : String(e);
  const file =
    e instanceof Error && 'file' in e && typeof (e as { file: unknown }).file === 'string' ? (e as { file: string }).file : undefined;
  return file !== undefined ? { kind: 'model-file', message, file } : { kind, message };
}

/** An error rebuilt from the worker's report. `file` is set for model-file errors, like ModelFileError's. */
export class PoseWorkerError extends Error {
  readonly kind: WireErrorKind;
  constructor(w: WireError) {
    super(w.message);
    this.name = 'PoseWorkerError';
    this.kind = w.kind;
    // Only model-file errors carry `file`: session.ts recognises a model-file error by that field.
    if (w.file !== undefined) Object.defineProperty(this, 'file', { value: w.file, enumerable: true });
  }
}

/** The worker itself failing to start is an engine (backend) failure to the user: the words say so. */
export function workerFailure(detail: string, starting: boolean): WireError {
  return starting
    ? { kind: 'worker', message: `Pose detection could not start in a background thread (worker backend failed: ${detail})` }
    : { kind: 'worker', message: `Pose detection in the background thread stopped (${detail})` };
}

/** Is this the kind of error the main-thread path reports as "the pose engine could not start"? */
export function isBackendFailure(e: unknown): boolean {
  return e instanceof PoseWorkerError && (e.kind === 'backend' || e.kind === 'worker');
}

/** Type guard for what arrives from the worker (a message from anything else is ignored). */
export function isWorkerResponse(m: unknown): m is WorkerResponse {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as { type?: unknown; id?: unknown; poses?: unknown; error?: unknown };
  switch (r.type) {
    case 'ready':
      return typeof r.id === 'number';
    case 'poses':
      return typeof r.id === 'number' && Array.isArray(r.poses);
    case 'error':
      return (typeof r.id === 'number' || r.id === null) && typeof r.error === 'object' && r.error !== null;
    default:
      return false;
  }
}
