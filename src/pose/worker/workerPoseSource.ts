// A PoseSource whose model runs in a dedicated Web Worker (poseWorker.ts), so the page's own work (React,
// drawing) overlaps inference instead of waiting for it. Same interface as the main-thread source: the frame
// loop hands it the <video>; each frame is wrapped in a VideoFrame (else copied into an ImageBitmap) here
// and transferred to the worker.
// At most one frame is in flight (the frame loop never calls estimate while one is pending). Failures come
// back as PoseWorkerError with the kind the main-thread path would have given (protocol.ts).
import type { ModelName, Pose } from '../../core/pose';
import type { BackendName, BackendNotice, BackendSetting, ThreadsInfo } from '../backend';
import type { PoseSource } from '../types';
import type { WireError, WorkerFrame, WorkerRequest } from './protocol';
import { isWorkerResponse, PoseWorkerError, workerFailure } from './protocol';

/** What the page needs of a Worker (a fake in the unit tests). */
export interface WorkerLike {
  postMessage(msg: WorkerRequest, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent) => void) | null;
  onerror: ((ev: ErrorEvent | Event) => void) | null;
  onmessageerror: ((ev: MessageEvent) => void) | null;
  terminate(): void;
}

export interface WorkerPoseSource extends PoseSource<HTMLVideoElement> {
  /** The backend the worker runs on, for the readout. */
  readonly backend: { active: BackendName; simd: boolean; threads: ThreadsInfo; notices: BackendNotice[] };
}

export interface WorkerSourceOptions {
  backend: BackendSetting;
  smoothing?: boolean;
  /** Threads for wasm in the worker instead of its own plan. */
  threads?: number | undefined;
  /** Makes the worker; the default is the app's poseWorker.ts bundled by Vite. */
  makeWorker?: () => WorkerLike;
  /** Takes the current video frame; the default is a VideoFrame where there are VideoFrames, else an ImageBitmap. */
  grab?: (video: HTMLVideoElement) => Promise<WorkerFrame>;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./poseWorker.ts', import.meta.url), { type: 'module', name: 'form-coach-pose' }) as unknown as WorkerLike;
}

/** The video's current frame: a VideoFrame (cheap, no copy until the worker reads it), else an ImageBitmap. */
async function defaultGrab(video: HTMLVideoElement): Promise<WorkerFrame> {
  if (typeof VideoFrame !== 'undefined') {
    try {
      return new VideoFrame(video);
    } catch {
      // No frame can be wrapped (e.g. this browser's video is not supported): copy it instead.
    }
  }
  return createImageBitmap(video);
}

export function createWorkerPoseSource(model: ModelName, opts: WorkerSourceOptions): Promise<WorkerPoseSource> {
  const grab = opts.grab ?? defaultGrab;
  let worker: WorkerLike;
  try {
    worker = (opts.makeWorker ?? defaultWorker)();
  } catch (e) {
    return Promise.reject(new PoseWorkerError(workerFailure(e instanceof Error ? e.message : String(e), true)));
  }
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let ready = false;
  let dead: PoseWorkerError | null = null;

  const failAll = (w: WireError): void => {
    dead = new PoseWorkerError(w);
    for (const p of pending.values()) p.reject(dead);
    pending.clear();
    worker.terminate();
  };
  const request = <T>(msg: WorkerRequest & { id: number }, transfer: Transferable[] = []): Promise<T> => {
    if (dead) return Promise.reject(dead);
    return new Promise<T>((resolve, reject) => {
      pending.set(msg.id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage(msg, transfer);
    });
  };

  worker.onmessage = (ev) => {
    const m: unknown = ev.data;
    if (!isWorkerResponse(m)) return;
    if (m.type === 'error' && m.id === null) {
      failAll(m.error);
      return;
    }
    const p = pending.get(m.id as number);
    if (!p) return;
    pending.delete(m.id as number);
    if (m.type === 'error') p.reject(new PoseWorkerError(m.error));
    else p.resolve(m);
  };
  worker.onerror = (ev) => {
    // A script that failed to load or an uncaught error in the worker: nothing more will come from it.
    const detail = 'message' in ev && ev.message ? ev.message : 'the worker script could not be loaded or crashed';
    if ('preventDefault' in ev) ev.preventDefault();
    failAll(workerFailure(detail, !ready));
  };
  worker.onmessageerror = () => failAll(workerFailure('a message from it could not be read', !ready));

  const initId = nextId++;
  return request<{ backend: BackendName; simd: boolean; threads: ThreadsInfo; notices: BackendNotice[] }>({
    type: 'init',
    id: initId,
    model,
    backend: opts.backend,
    smoothing: opts.smoothing ?? true,
    ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
  }).then(
    (r) => {
      ready = true;
      const src: WorkerPoseSource = {
        model,
        backend: { active: r.backend, simd: r.simd, threads: r.threads, notices: r.notices },
        async estimate(video, timestampMs) {
          if (dead) throw dead;
          const frame = await grab(video);
          if (dead) {
            frame.close();
            throw dead;
          }
          const res = await request<{ poses: Pose[] }>({ type: 'estimate', id: nextId++, frame, timestampMs }, [frame]);
          return res.poses;
        },
        reset() {
          if (!dead) worker.postMessage({ type: 'reset' });
        },
        dispose() {
          if (dead) return;
          worker.postMessage({ type: 'dispose' });
          failAll({ kind: 'worker', message: 'The pose worker was closed' });
        },
      };
      return src;
    },
    (e: unknown) => {
      if (!dead) failAll({ kind: 'worker', message: 'start-up failed' });
      throw e;
    },
  );
}
