// The page side of the pose worker, against a stand-in worker: the message protocol, one frame in flight,
// and errors rebuilt as the kinds the app's error screens tell apart (errors.ts describeFailure).
import { describe, expect, it } from 'vitest';
import { ModelFileError } from '../browserLoader';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { isBackendFailure, isWorkerResponse, PoseWorkerError, toWireError, workerFailure } from './protocol';
import type { WorkerLike } from './workerPoseSource';
import { createWorkerPoseSource } from './workerPoseSource';

/** A worker that answers each request with `reply` (or nothing), asynchronously like a real one. */
class FakeWorker implements WorkerLike {
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent | Event) => void) | null = null;
  onmessageerror: ((ev: MessageEvent) => void) | null = null;
  sent: { msg: WorkerRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  constructor(private reply: (m: WorkerRequest) => WorkerResponse | null) {}
  postMessage(msg: WorkerRequest, transfer: Transferable[] = []): void {
    this.sent.push({ msg, transfer });
    const r = this.reply(msg);
    if (r) setTimeout(() => this.emit(r), 0);
  }
  emit(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
  fail(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as unknown as ErrorEvent);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const pose = { keypoints: [{ name: 'nose', x: 10, y: 20, score: 0.9 }], score: 0.9 };
const frameOf = (label: string) => ({ label, close() {} }) as unknown as ImageBitmap;
const video = {} as HTMLVideoElement;

function healthy(): FakeWorker {
  return new FakeWorker((m) => {
    if (m.type === 'init')
      return {
        type: 'ready',
        id: m.id,
        backend: 'wasm',
        simd: true,
        threads: { count: 2, why: 'threads' as const },
        notices: [{ kind: 'no-simd' as const }],
      };
    if (m.type === 'estimate') return { type: 'poses', id: m.id, poses: [{ ...pose, score: m.timestampMs }] };
    return null;
  });
}

describe('wire errors', () => {
  it('a model file error keeps its file across the boundary, and reads as one on the page', () => {
    const w = toWireError(new ModelFileError('movenet-thunder.bin', 'is missing'), 'model-load');
    expect(w.kind).toBe('model-file');
    expect(w.file).toBe('movenet-thunder.bin');
    const e = new PoseWorkerError(w);
    expect('file' in e && (e as unknown as { file: string }).file).toBe('movenet-thunder.bin');
    expect(e.message).toContain('npm run models');
    expect(isBackendFailure(e)).toBe(false);
  });

  it('other errors keep the kind they were sent with; only backend and worker failures are engine failures', () => {
    const load = new PoseWorkerError(toWireError(new Error('bad weights'), 'model-load'));
    expect(load.kind).toBe('model-load');
    expect('file' in load).toBe(false);
    expect(isBackendFailure(load)).toBe(false);
    expect(isBackendFailure(new PoseWorkerError(toWireError('No TensorFlow.js backend could start.', 'backend')))).toBe(true);
    const start = new PoseWorkerError(workerFailure('404', true));
    expect(isBackendFailure(start)).toBe(true);
    // session.ts maps messages naming the backend to the "could not start" screen.
    expect(start.message).toMatch(/backend/i);
    expect(isBackendFailure(new Error('backend'))).toBe(false);
  });

  it('only well-formed responses are taken', () => {
    expect(isWorkerResponse({ type: 'poses', id: 1, poses: [] })).toBe(true);
    expect(isWorkerResponse({ type: 'error', id: null, error: { kind: 'worker', message: 'x' } })).toBe(true);
    expect(isWorkerResponse({ type: 'poses', id: '1', poses: [] })).toBe(false);
    expect(isWorkerResponse({ type: 'ready' })).toBe(false);
    expect(isWorkerResponse('poses')).toBe(false);
    expect(isWorkerResponse(null)).toBe(false);
  });
});

describe('createWorkerPoseSource', () => {
  it('starts the model in the worker, transfers each frame and returns its poses', async () => {
    const w = healthy();
    const grabbed: ImageBitmap[] = [];
    const src = await createWorkerPoseSource('movenet-lightning', {
      backend: 'wasm',
      makeWorker: () => w,
      grab: async () => {
        const f = frameOf(`f${grabbed.length}`);
        grabbed.push(f);
        return f;
      },
    });
    expect(w.sent[0]!.msg).toMatchObject({ type: 'init', model: 'movenet-lightning', backend: 'wasm', smoothing: true });
    expect(src.backend).toEqual({
      active: 'wasm',
      simd: true,
      threads: { count: 2, why: 'threads' },
      notices: [{ kind: 'no-simd' as const }],
    });
    const a = await src.estimate(video, 100);
    const b = await src.estimate(video, 200);
    // Each answer belongs to its own request (the timestamp comes back as the score here).
    expect(a[0]!.score).toBe(100);
    expect(b[0]!.score).toBe(200);
    const est = w.sent.filter((s) => s.msg.type === 'estimate');
    expect(est).toHaveLength(2);
    expect(est[0]!.transfer).toEqual([grabbed[0]]);
    expect((est[0]!.msg as { frame: unknown }).frame).toBe(grabbed[0]);
    src.reset();
    expect(w.sent[w.sent.length - 1]!.msg).toEqual({ type: 'reset' });
    src.dispose();
    expect(w.terminated).toBe(true);
    await expect(src.estimate(video, 300)).rejects.toThrow(/closed/);
  });

  it('a start-up failure in the worker rejects with its kind (backend, model-load, model file)', async () => {
    for (const error of [
      { kind: 'backend' as const, message: 'No TensorFlow.js backend could start.' },
      { kind: 'model-load' as const, message: 'tensor should have 1000 values' },
      { kind: 'model-file' as const, message: 'Model file x.bin is missing.', file: 'x.bin' },
    ]) {
      const w = new FakeWorker((m) => (m.type === 'init' ? { type: 'error', id: m.id, error } : null));
      const p = createWorkerPoseSource('movenet-thunder', { backend: 'auto', makeWorker: () => w });
      await expect(p).rejects.toBeInstanceOf(PoseWorkerError);
      await expect(p).rejects.toMatchObject({ kind: error.kind, message: error.message });
      expect(w.terminated).toBe(true);
    }
  });

  it('a worker whose script fails to load is an engine failure', async () => {
    const w = new FakeWorker(() => null);
    const p = createWorkerPoseSource('movenet-thunder', { backend: 'wasm', makeWorker: () => w });
    w.fail('');
    const e = await p.catch((x: unknown) => x);
    expect(isBackendFailure(e)).toBe(true);
    expect((e as Error).message).toMatch(/background thread.*backend/);
  });

  it('a worker that dies mid-session fails the frame in flight and every later one', async () => {
    const w = new FakeWorker((m) =>
      m.type === 'init'
        ? { type: 'ready', id: m.id, backend: 'wasm', simd: true, threads: { count: 1, why: 'not-isolated' as const }, notices: [] }
        : null,
    );
    const src = await createWorkerPoseSource('movenet-thunder', { backend: 'wasm', makeWorker: () => w, grab: async () => frameOf('f') });
    const inFlight = src.estimate(video, 1);
    await new Promise((r) => setTimeout(r, 0));
    w.fail('out of memory');
    await expect(inFlight).rejects.toThrow(/background thread stopped \(out of memory\)/);
    await expect(src.estimate(video, 2)).rejects.toThrow(/out of memory/);
    expect(w.terminated).toBe(true);
  });

  it('a failure on one frame rejects that frame only', async () => {
    let n = 0;
    const w = new FakeWorker((m) => {
      if (m.type === 'init')
        return { type: 'ready', id: m.id, backend: 'wasm', simd: true, threads: { count: 1, why: 'not-isolated' as const }, notices: [] };
      if (m.type === 'estimate')
        return n++ === 0
          ? { type: 'error', id: m.id, error: { kind: 'estimate', message: 'bad frame' } }
          : { type: 'poses', id: m.id, poses: [pose] };
      return null;
    });
    const src = await createWorkerPoseSource('movenet-thunder', { backend: 'wasm', makeWorker: () => w, grab: async () => frameOf('f') });
    await expect(src.estimate(video, 1)).rejects.toMatchObject({ kind: 'estimate', message: 'bad frame' });
    await expect(src.estimate(video, 2)).resolves.toEqual([pose]);
  });
});
