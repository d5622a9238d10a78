// Measures the plank rules on labelled keypoints from elsewhere: ../shared/fixtures/keypoint-datasets/
// plank-mediapipe-ngoquocbao1010 (MIT, Ngo Hong Quoc Bao): MediaPipe landmarks of forearm planks, one row
// a frame, labelled C (correct), L (low back: hips sagging), H (high back: hips too high).
// Mapping: its 17 landmarks carry the COCO names for nose, shoulders, elbows, wrists, hips, knees and
// ankles (heels and foot indices are dropped; eyes and ears are absent, score 0); visibility is the score.
// Coordinates are normalised to the image; the source videos' size is not recorded, so a 16:9 frame
// (1280×720) is assumed when turning them into pixels: angles depend on that choice.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseSide, createBody, KP } from '../../src/core/geometry';
import { rawTorso, MIN_SCORE } from '../../src/core/perception';
import { plank } from '../../src/core/exercises/plank';
import type { CheckContext } from '../../src/core/exercises/types';
import { repoRoot } from './engineRun';

export const plankDatasetDir = join(repoRoot, '..', 'shared', 'fixtures', 'keypoint-datasets', 'plank-mediapipe-ngoquocbao1010');
const W = 1280, H = 720;
const MAPPED = ['nose', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'] as const;

export interface PlankAccuracy {
  total: number;
  perClass: Record<'C' | 'L' | 'H', { n: number; correct: number }>;
}

/** Classifies one labelled row with the engine's plank rules: 'L' sag, 'H' high, 'C' neither. */
export function classifyRow(cols: readonly number[], header: readonly string[]): 'C' | 'L' | 'H' {
  const b = createBody();
  b.width = W; b.height = H;
  for (const name of MAPPED) {
    const i = header.indexOf(`${name}_x`);
    const k = KP[name];
    const x = cols[i], y = cols[i + 1], v = cols[i + 3];
    if (i < 0 || x === undefined || y === undefined || v === undefined) continue;
    b.x[k] = x * W; b.y[k] = y * H; b.score[k] = v; b.ok[k] = v >= MIN_SCORE && Number.isFinite(x * y) ? 1 : 0;
  }
  b.torso = rawTorso(b.x, b.y, b.ok);
  b.side = chooseSide(b, 'left');
  const ctx: CheckContext = { t: 0, phase: 'unknown', holding: true, metric: null, mem: {}, reps: 0 };
  const ids = plank.checks.map((c) => c(b, ctx)?.faultId);
  if (ids.includes('hips-sagging')) return 'L';
  if (ids.includes('hips-high')) return 'H';
  return 'C';
}

export function plankDatasetAccuracy(dir = plankDatasetDir): PlankAccuracy {
  const acc: PlankAccuracy = { total: 0, perClass: { C: { n: 0, correct: 0 }, L: { n: 0, correct: 0 }, H: { n: 0, correct: 0 } } };
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.csv')).sort()) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n');
    const header = (lines[0] ?? '').split(',').slice(1);
    for (const line of lines.slice(1)) {
      if (!line.trim()) continue;
      const parts = line.split(',');
      const label = parts[0]?.trim();
      if (label !== 'C' && label !== 'L' && label !== 'H') continue;
      const got = classifyRow(parts.slice(1).map(Number), header);
      acc.total++;
      acc.perClass[label].n++;
      if (got === label) acc.perClass[label].correct++;
    }
  }
  return acc;
}

export const havePlankDataset = (): boolean => existsSync(plankDatasetDir);
