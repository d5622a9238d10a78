// Measures the plank coaching on labelled keypoints from elsewhere: ../shared/fixtures/keypoint-datasets/
// plank-mediapipe-ngoquocbao1010 (MIT, Ngo Hong Quoc Bao): MediaPipe landmarks of forearm planks, one row
// a frame, labelled C (correct), L (low back: hips sagging), H (high back: hips too high).
// Mapping: its 17 landmarks carry the COCO names for nose, shoulders, elbows, wrists, hips, knees and
// ankles (heels and foot indices are dropped; eyes and ears are absent, score 0); visibility is the score.
// Coordinates are normalised to the image; the source videos' size is not recorded, so a 16:9 frame
// (1280×720) is assumed when turning them into pixels: angles depend on that choice.
//
// Two measures:
// - plankDatasetAccuracy: the plank's frame checks called directly on each row (the rules alone);
// - plankDatasetThroughEngine: the engine as the app runs it (set-up gate, posture, rules, hold counter,
//   cue choice), each labelled row played as a constant 5 s stream at 15 frames/s, plus the continuous
//   sequences the files hold (played forward then backward until they last 5 s). Each stream is judged
//   right, wrong or silent (see judgeStream).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseSide, createBody, KP, type Body } from '../../src/core/geometry';
import { createPerception, perceive, rawTorso, MIN_SCORE } from '../../src/core/perception';
import { EXERCISES, judgeFrame } from '../../src/core/exercises';
import { COCO17, keypointSpace, type ModelFamily, type ModelName, type PoseFrame } from '../../src/core/pose';

const modelFamilyOf = (m: ModelName | ModelFamily): ModelFamily => keypointSpace(m);
import { createEngineState, finish, step, type EngineEvent, type EngineOptions } from '../../src/core/engine';
import { repoRoot } from './engineRun';

export const plankDatasetDir = join(repoRoot, '..', 'shared', 'fixtures', 'keypoint-datasets', 'plank-mediapipe-ngoquocbao1010');
const W = 1280,
  H = 720;
/** The set's landmarks the engine reads, by COCO-17 name: the nose and the body from the shoulders down. */
export const MAPPED = ['nose', ...COCO17.slice(5)] as const;
export type PlankLabel = 'C' | 'L' | 'H';
const LABELS: readonly PlankLabel[] = ['C', 'L', 'H'];

export interface PlankAccuracy {
  total: number;
  perClass: Record<PlankLabel, { n: number; correct: number }>;
}

interface Row {
  label: PlankLabel;
  cols: number[];
  header: string[];
  file: string;
}

function readRows(dir: string): Row[] {
  const rows: Row[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.csv'))
    .sort()) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n');
    const header = (lines[0] ?? '').split(',').slice(1);
    for (const line of lines.slice(1)) {
      if (!line.trim()) continue;
      const parts = line.split(',');
      const label = parts[0]?.trim();
      if (label !== 'C' && label !== 'L' && label !== 'H') continue;
      rows.push({ label, cols: parts.slice(1).map(Number), header, file: f });
    }
  }
  return rows;
}

/** Classifies one labelled row with the engine's plank rules: 'L' sag, 'H' high, 'C' neither. */
export function classifyRow(cols: readonly number[], header: readonly string[]): PlankLabel {
  const b = createBody();
  b.width = W;
  b.height = H;
  for (const name of MAPPED) {
    const i = header.indexOf(`${name}_x`);
    const k = KP[name];
    const x = cols[i],
      y = cols[i + 1],
      v = cols[i + 3];
    if (i < 0 || x === undefined || y === undefined || v === undefined) continue;
    b.x[k] = x * W;
    b.y[k] = y * H;
    b.score[k] = v;
    b.ok[k] = v >= MIN_SCORE && Number.isFinite(x * y) ? 1 : 0;
  }
  b.torso = rawTorso(b.x, b.y, b.ok);
  b.side = chooseSide(b, 'left');
  const ids = judgeFrame(EXERCISES.plank, b, { t: 0, phase: 'unknown', holding: true, metric: null, reps: 0, tuning: {} });
  if (ids.includes('hips-sagging')) return 'L';
  if (ids.includes('hips-high')) return 'H';
  return 'C';
}

export function plankDatasetAccuracy(dir = plankDatasetDir): PlankAccuracy {
  const acc: PlankAccuracy = { total: 0, perClass: { C: { n: 0, correct: 0 }, L: { n: 0, correct: 0 }, H: { n: 0, correct: 0 } } };
  for (const r of readRows(dir)) {
    const got = classifyRow(r.cols, r.header);
    acc.total++;
    acc.perClass[r.label].n++;
    if (got === r.label) acc.perClass[r.label].correct++;
  }
  return acc;
}

/** The foot landmarks the files carry, named as BlazePose (and so the app's pose source) names them. */
const FEET = ['left_heel', 'right_heel', 'left_foot_index', 'right_foot_index'] as const;

/**
 * One labelled row as a pose in a 1280×720 frame (COCO-17 order, then the feet; absent points score 0). `feet`:
 * keep the heel and toe points, which only BlazePose gives; for MoveNet's keypoint space they are dropped, as
 * `npm run record` with Thunder never has them (NOTES.md: with the feet the set's sags read as sags, without them
 * as lying down; the app's default model has none).
 */
export function rowToPose(cols: readonly number[], header: readonly string[], feet = true): PoseFrame['poses'][number] {
  const point = (name: string) => {
    const i = header.indexOf(`${name}_x`);
    const x = cols[i],
      y = cols[i + 1],
      v = cols[i + 3];
    if (i < 0 || x === undefined || y === undefined || v === undefined || !Number.isFinite(x * y * v))
      return { name, x: 0, y: 0, score: 0 };
    return { name, x: x * W, y: y * H, score: Math.max(0, Math.min(1, v)) };
  };
  // COCO-17 first, then the feet after them, as the app's pose source passes BlazePose's extra points.
  const keypoints = [...COCO17.map(point), ...(feet ? FEET.map(point) : [])];
  return { keypoints, score: keypoints.reduce((a, k) => a + k.score, 0) / keypoints.length };
}

/** Stream length and rate for one labelled example. */
/**
 * Every labelled row of the set (C, L, H) as the engine's perception reads it for a model family (a still
 * frame, 1280×720): its file, its label and the perceived body.
 */
export function* perceivedRows(family: ModelFamily, dir = plankDatasetDir): Generator<{ file: string; label: PlankLabel; body: Body }> {
  for (const file of readdirSync(dir)
    .filter((n) => n.endsWith('.csv'))
    .sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    const header = (lines[0] ?? '').split(',').slice(1);
    for (const line of lines.slice(1)) {
      const parts = line.split(',');
      const label = parts[0]?.trim();
      if (label !== 'C' && label !== 'L' && label !== 'H') continue;
      const per = createPerception(family);
      perceive(per, { t: 0, width: 1280, height: 720, poses: [rowToPose(parts.slice(1).map(Number), header, family === 'blazepose')] }, 0);
      yield { file, label, body: per.body };
    }
  }
}

export const STREAM_SEC = 5;
export const STREAM_FPS = 15;
/** A fault must be said within this long of the stream's start (the issue: "its hips cue within 2 s"). */
export const CUE_WITHIN_SEC = 2;

export type StreamVerdict = 'right' | 'wrong' | 'silent';
export interface StreamOutcome {
  verdict: StreamVerdict;
  holdSec: number;
  faults: string[];
  cues: string[];
}

const HIP_FAULT: Record<PlankLabel, string | null> = { C: null, L: 'hips-sagging', H: 'hips-high' };

/**
 * Runs one stream through a fresh plank engine, as the app runs it, and judges it against its label:
 * - silent: nothing counted, no fault and no cue at all;
 * - C is right when good-form hold time was credited and no hip fault was raised;
 * - L and H are right when the matching hip fault's cue was on screen within CUE_WITHIN_SEC and no
 *   praise was given.
 * Anything else is wrong (the other hip fault, a correct plank turned away, a fault never said, ...).
 */
export function judgeStream(label: PlankLabel, frames: readonly PoseFrame[], opts?: EngineOptions): StreamOutcome {
  const s = createEngineState('plank', opts);
  const t0 = frames[0]?.t ?? 0;
  const faults = new Set<string>();
  const cues: string[] = [];
  let cueInTime = false,
    praised = false,
    holdSec = 0;
  const want = HIP_FAULT[label];
  const take = (events: readonly EngineEvent[]) => {
    for (const e of events) {
      if (e.type === 'fault-start') faults.add(e.faultId);
      if (e.type === 'cue') {
        cues.push(e.id);
        if (e.kind === 'praise') praised = true;
        if (want && e.id === `fault:${want}` && e.t - t0 <= CUE_WITHIN_SEC * 1000) cueInTime = true;
      }
    }
  };
  for (const f of frames) {
    const r = step(s, f);
    take(r.events);
    holdSec = r.view.holdSec.total;
  }
  take(finish(s));
  const hipFaults = [...faults].filter((f) => f === 'hips-sagging' || f === 'hips-high');
  let verdict: StreamVerdict;
  if (holdSec === 0 && faults.size === 0 && cues.length === 0) verdict = 'silent';
  else if (label === 'C') verdict = holdSec > 0 && hipFaults.length === 0 ? 'right' : 'wrong';
  else verdict = cueInTime && !praised ? 'right' : 'wrong';
  return { verdict, holdSec, faults: [...faults], cues };
}

/** A constant stream of one pose. */
export function constantStream(pose: PoseFrame['poses'][number], sec = STREAM_SEC, fps = STREAM_FPS): PoseFrame[] {
  const n = Math.round(sec * fps);
  return Array.from({ length: n }, (_, i) => ({ t: (i * 1000) / fps, width: W, height: H, poses: [pose] }));
}

/**
 * Continuous runs in the files: consecutive rows of one label whose hip moves less than SEQ_JUMP (share of
 * the frame) from the row before. The files were cut from several videos each; a jump is a new video.
 */
export const SEQ_JUMP = 0.05;
export const SEQ_MIN_ROWS = 10;

export function sequences(rows: readonly Row[], feet = true): { label: PlankLabel; file: string; poses: PoseFrame['poses'][number][] }[] {
  const out: { label: PlankLabel; file: string; poses: PoseFrame['poses'][number][] }[] = [];
  let cur: { label: PlankLabel; file: string; poses: PoseFrame['poses'][number][] } | null = null;
  let prev: [number, number] | null = null;
  for (const r of rows) {
    const i = r.header.indexOf('left_hip_x');
    const hip: [number, number] = [r.cols[i] ?? NaN, r.cols[i + 1] ?? NaN];
    const jump = !prev || !(Math.abs(hip[0] - prev[0]) + Math.abs(hip[1] - prev[1]) <= SEQ_JUMP);
    if (!cur || cur.label !== r.label || cur.file !== r.file || jump) {
      if (cur && cur.poses.length >= SEQ_MIN_ROWS) out.push(cur);
      cur = { label: r.label, file: r.file, poses: [] };
    }
    cur.poses.push(rowToPose(r.cols, r.header, feet));
    prev = hip;
  }
  if (cur && cur.poses.length >= SEQ_MIN_ROWS) out.push(cur);
  return out;
}

/** A sequence played forward, then backward, and so on until it lasts `sec` (a plank is a still hold). */
export function pingPong(poses: readonly PoseFrame['poses'][number][], sec = STREAM_SEC, fps = STREAM_FPS): PoseFrame[] {
  const n = Math.max(poses.length, Math.round(sec * fps));
  const frames: PoseFrame[] = [];
  const period = Math.max(1, 2 * poses.length - 2);
  for (let i = 0; i < n; i++) {
    const k = poses.length === 1 ? 0 : i % period;
    const j = k < poses.length ? k : period - k;
    frames.push({ t: (i * 1000) / fps, width: W, height: H, poses: [poses[j]!] });
  }
  return frames;
}

export type VerdictCounts = Record<PlankLabel, { n: number; right: number; wrong: number; silent: number }>;
const emptyCounts = (): VerdictCounts => ({
  C: { n: 0, right: 0, wrong: 0, silent: 0 },
  L: { n: 0, right: 0, wrong: 0, silent: 0 },
  H: { n: 0, right: 0, wrong: 0, silent: 0 },
});

export interface EngineDatasetResult {
  /** Each labelled row as a constant 5 s stream. */
  frames: VerdictCounts;
  /** Each continuous sequence, ping-ponged to 5 s. */
  sequences: VerdictCounts;
  /** What the wrong and silent streams got, most common first, per class (for the report). */
  wrongWhy: Record<PlankLabel, [string, number][]>;
}

function why(o: StreamOutcome): string {
  const f =
    o.faults
      .filter((x) => x.startsWith('hips'))
      .sort()
      .join('+') || 'no hip fault';
  const firstCue = o.cues[0] ?? 'no cue';
  return `${f}; ${o.holdSec > 0 ? 'hold credited' : 'no hold'}; first cue ${firstCue}`;
}

/** The whole labelled set through the engine (about 5,300 streams of 75 frames). `every` samples rows (1 = all). */
export function plankDatasetThroughEngine(
  dir = plankDatasetDir,
  every = 1,
  options?: EngineOptions | ((file: string) => EngineOptions),
): EngineDatasetResult {
  // Options per file (a file left out of the fit is scored with the thresholds fitted without it).
  const optsFor = (file: string): EngineOptions | undefined => (typeof options === 'function' ? options(file) : options);
  const rows = readRows(dir);
  // The points the stream's model gives: MoveNet's COCO-17 only (no heels or toes), BlazePose's with the feet.
  const first = optsFor(rows[0]?.file ?? '');
  const feet = first?.model !== undefined && modelFamilyOf(first.model) === 'blazepose';
  const res: EngineDatasetResult = { frames: emptyCounts(), sequences: emptyCounts(), wrongWhy: { C: [], L: [], H: [] } };
  const whyCount: Record<PlankLabel, Map<string, number>> = { C: new Map(), L: new Map(), H: new Map() };
  rows.forEach((r, i) => {
    if (i % every !== 0) return;
    const o = judgeStream(r.label, constantStream(rowToPose(r.cols, r.header, feet)), optsFor(r.file));
    const c = res.frames[r.label];
    c.n++;
    c[o.verdict]++;
    if (o.verdict !== 'right') {
      const k = `${o.verdict}: ${why(o)}`;
      whyCount[r.label].set(k, (whyCount[r.label].get(k) ?? 0) + 1);
    }
  });
  for (const sq of sequences(rows, feet)) {
    const o = judgeStream(sq.label, pingPong(sq.poses), optsFor(sq.file));
    const c = res.sequences[sq.label];
    c.n++;
    c[o.verdict]++;
  }
  for (const l of LABELS) res.wrongWhy[l] = [...whyCount[l].entries()].sort((a, b) => b[1] - a[1]);
  return res;
}

export const havePlankDataset = (): boolean => existsSync(plankDatasetDir);
