// Time per frame of each candidate model here: Node, wasm backend (SIMD), the recorder's code path
// (src/pose/createPoseSource.ts), on the same decoded frames. Models alternate over several rounds so that
// load from other work on the machine falls on all of them alike; the load average is reported with them.
//
//   npx tsx scripts/study/speed.ts [--clip ID] [--frames N] [--rounds R] [--out FILE.json]
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import type { ModelName } from '../../src/core/pose';
import { createPoseSource } from '../../src/pose/createPoseSource';
import { nodeModelLoader } from '../../src/pose/nodeLoader';
import { readClipList, repoRoot, videosDir } from '../lib/clips';
import { startWasmBackend } from '../lib/nodeBackend';
import { decodeFrames } from '../lib/video';
import { STUDY_MODELS } from './clips';
import { quantile } from './stats';

export interface SpeedReport {
  note: string;
  rows: { model: ModelName; medianMs: number; p90Ms: number; frames: number; loadMs: number }[];
}

const { values: opt } = parseArgs({
  options: { clip: { type: 'string' }, frames: { type: 'string' }, rounds: { type: 'string' }, out: { type: 'string' } },
});
const clipId = opt.clip ?? '03_plank_forearm_side_kaiakol005';
const nFrames = Number(opt.frames ?? 40);
const rounds = Number(opt.rounds ?? 3);
const WARMUP = 5;

const list = readClipList();
const clip = list.clips.find((c) => c.id === clipId);
if (!clip) throw new Error(`no clip ${clipId} in clips.json`);
await startWasmBackend(repoRoot);
const frames: { rgb: Uint8Array; width: number; height: number; t: number }[] = [];
for await (const fr of decodeFrames(join(videosDir, clip.video), { fps: list.fps, maxSide: list.maxSide })) {
  frames.push(fr);
  if (frames.length >= nFrames + WARMUP) break;
}
const loadBefore = loadavg();
const ms = new Map<ModelName, number[]>(STUDY_MODELS.map((m) => [m, []]));
const loads = new Map<ModelName, number[]>(STUDY_MODELS.map((m) => [m, []]));
for (let r = 0; r < rounds; r++) {
  for (const model of STUDY_MODELS) {
    const t0 = performance.now();
    const src = await createPoseSource(model, { loader: nodeModelLoader(join(repoRoot, 'models')), smoothing: false });
    loads.get(model)!.push(performance.now() - t0);
    src.reset();
    for (const [i, f] of frames.entries()) {
      const input = tf.tensor3d(f.rgb, [f.height, f.width, 3], 'int32');
      const t1 = performance.now();
      await src.estimate(input, f.t);
      const dt = performance.now() - t1;
      input.dispose();
      if (i >= WARMUP) ms.get(model)!.push(dt);
    }
    src.dispose();
    process.stderr.write(`round ${r + 1} ${model}: median ${quantile(ms.get(model)!, 0.5).toFixed(1)} ms\n`);
  }
}
const loadAfter = loadavg();
const w = frames[0]!;
const report: SpeedReport = {
  note:
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${clipId} (${w.width}×${w.height}), ${nFrames} frames after ${WARMUP} warm-up, ` +
    `${rounds} rounds with the models alternating; Node ${process.version}, tfjs backend ${tf.getBackend()}; ` +
    `load average ${loadBefore.map((x) => x.toFixed(1)).join(' ')} before, ${loadAfter.map((x) => x.toFixed(1)).join(' ')} after (2 cores, shared).`,
  rows: STUDY_MODELS.map((model) => ({
    model,
    medianMs: quantile(ms.get(model)!, 0.5),
    p90Ms: quantile(ms.get(model)!, 0.9),
    frames: ms.get(model)!.length,
    loadMs: quantile(loads.get(model)!, 0.5),
  })),
};
console.log(JSON.stringify(report, null, 2));
if (opt.out) writeFileSync(opt.out, JSON.stringify(report, null, 2) + '\n');
