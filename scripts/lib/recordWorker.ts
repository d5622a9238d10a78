// A worker thread of parallelRecord.ts: one block of segments of one video through the pose model. Starts
// TensorFlow.js on wasm and the model (its own copy), decodes the block's frames, and posts every frame back:
// warm-up frames flagged kept: false (they only settle the reset model), then the segments' own frames.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createPoseSource } from '../../src/pose/createPoseSource';
import { nodeModelLoader } from '../../src/pose/nodeLoader';
import { startWasmBackend } from './nodeBackend';
import type { Segment, SegmentJob, WorkerMessage } from './parallelRecord';
import { blockRange, frameModel, runSegments } from './parallelRecord';
import { decodeFrames } from './video';

const post = (m: WorkerMessage): void => parentPort?.postMessage(m);

async function run({ job, block }: { job: SegmentJob; block: Segment[] }): Promise<void> {
  await startWasmBackend(job.repoRoot);
  const source = await createPoseSource(job.model, { loader: nodeModelLoader(join(job.repoRoot, 'models')), smoothing: job.smoothing });
  try {
    const range = blockRange(block);
    const decoded = decodeFrames(job.video, { fps: job.fps, crop: job.crop, maxSide: job.maxSide, range });
    await runSegments(frameModel(source), decoded, block, (frame, ms, kept) => post({ type: 'frame', frame, ms, kept }));
  } finally {
    source.dispose();
  }
  post({ type: 'done' });
}

run(workerData as { job: SegmentJob; block: Segment[] }).catch((e: unknown) => {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
});
