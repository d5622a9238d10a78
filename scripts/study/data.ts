// Node-only: reads the study's inputs. Recorded streams (test-fixtures/keypoints, see clips.ts for where
// the study looks) cut into the labelled windows of windows.ts, and the labelled MediaPipe plank set of
// ../shared/fixtures/keypoint-datasets (MediaPipe Pose, the model BlazePose is; 2D only).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureToFrames, parseFixture } from '../../src/core/fixture';
import type { Keypoint, ModelName, Pose, PoseFrame } from '../../src/core/pose';
import { repoRoot } from '../lib/clips';
import { MAPPED } from '../lib/enginePlankDataset';
import type { StudyClip } from './clips';
import { studyClips, studyFixturePath } from './clips';
import type { Measure } from './measures';
import { legsConsistent, viewOf } from './measures';
import type { Sample } from './stats';
import type { StudyWindow } from './windows';

export function loadStream(clip: string, model: ModelName): PoseFrame[] | null {
  const file = studyFixturePath(clip, model);
  if (!existsSync(file)) return null;
  return fixtureToFrames(parseFixture(JSON.parse(readFileSync(file, 'utf8'))));
}

export interface WindowFrames {
  window: StudyWindow;
  source: string;
  frames: PoseFrame[];
  stream: PoseFrame[];
}

/** The frames of each window under one model (windows whose stream is missing are left out and named). */
export function windowFrames(windows: readonly StudyWindow[], model: ModelName): { got: WindowFrames[]; missing: string[] } {
  const clips = new Map<string, StudyClip>(studyClips().map((c) => [c.id, c]));
  const cache = new Map<string, PoseFrame[] | null>();
  const got: WindowFrames[] = [];
  const missing = new Set<string>();
  for (const w of windows) {
    const clip = clips.get(w.clip);
    if (!clip) throw new Error(`window on unknown clip ${w.clip}`);
    if (!cache.has(w.clip)) cache.set(w.clip, loadStream(w.clip, model));
    const frames = cache.get(w.clip);
    if (!frames) {
      missing.add(w.clip);
      continue;
    }
    got.push({
      window: w,
      source: clip.source,
      frames: frames.filter((f) => f.t >= w.start * 1000 && f.t <= w.end * 1000),
      stream: frames,
    });
  }
  return { got, missing: [...missing] };
}

/** Windows where both legs lie straight, so the leg plausibility gate applies. */
const STRAIGHT_LEG_LABELS = new Set(['good', 'sag', 'pike', 'top']);
export const gated = (w: StudyWindow, f: PoseFrame): boolean =>
  (w.task === 'plank' || w.task === 'press-up') &&
  STRAIGHT_LEG_LABELS.has(w.label) &&
  f.poses[0] !== undefined &&
  !legsConsistent(f.poses[0]);

const valueAt = (m: Measure, f: PoseFrame): number | null => {
  const pose = f.poses[0];
  if (!pose) return null;
  const v = m.fn(viewOf(pose));
  return v !== null && Number.isFinite(v) ? v : null;
};

/** A relative measure's value at each frame of the stream: value − min over the trailing window. */
const seriesCache = new WeakMap<readonly PoseFrame[], Map<string, (number | null)[]>>();

export function relativeSeries(stream: readonly PoseFrame[], m: Measure): (number | null)[] {
  const byMeasure = seriesCache.get(stream) ?? new Map<string, (number | null)[]>();
  seriesCache.set(stream, byMeasure);
  const hit = byMeasure.get(m.id);
  if (hit) return hit;
  const out = computeSeries(stream, m);
  byMeasure.set(m.id, out);
  return out;
}

function computeSeries(stream: readonly PoseFrame[], m: Measure): (number | null)[] {
  const rel = m.relative;
  if (!rel) return stream.map((f) => valueAt(m, f));
  const raw = stream.map((f) => valueAt(m, f));
  return stream.map((f, i) => {
    if (raw[i] === null) return null;
    const past: number[] = [];
    for (let j = i; j >= 0 && stream[j]!.t >= f.t - rel.sec * 1000; j--) if (raw[j] !== null) past.push(raw[j]!);
    return past.length >= rel.minFrames ? raw[i]! - Math.min(...past) : null;
  });
}

export function sampleOf(wf: WindowFrames, m: Measure): Sample {
  const values: number[] = [];
  if (m.relative) {
    const series = relativeSeries(wf.stream, m);
    wf.stream.forEach((f, i) => {
      const v = series[i];
      if (f.t >= wf.window.start * 1000 && f.t <= wf.window.end * 1000 && v !== null && v !== undefined) values.push(v);
    });
  } else {
    for (const f of wf.frames) {
      if (gated(wf.window, f)) continue;
      const v = valueAt(m, f);
      if (v !== null) values.push(v);
    }
  }
  return {
    source: wf.source,
    clip: wf.window.clip,
    label: wf.window.label,
    start: wf.window.start,
    end: wf.window.end,
    frames: wf.frames.length,
    values,
  };
}

// ---- the MediaPipe plank set ----------------------------------------------------------------------

export const plankSetDir = join(repoRoot, '..', 'shared', 'fixtures', 'keypoint-datasets', 'plank-mediapipe-ngoquocbao1010');
/**
 * Its videos' size is not recorded; as scripts/lib/enginePlankDataset.ts does, a 16:9 frame is assumed
 * for turning normalised coordinates into pixels (2D angles and offsets depend on it).
 */
const W = 1280,
  H = 720;
const LANDMARKS = [...MAPPED, 'left_heel', 'right_heel', 'left_foot_index', 'right_foot_index'] as const;
const LABEL: Record<string, string> = { C: 'good', L: 'sag', H: 'pike' };
/** dataset3.csv is dataset4.csv's first 746 rows again (checked row by row), so it is skipped. */
const DUPLICATE_FILES = new Set(['dataset3.csv']);

export interface LabelledPose {
  source: string;
  label: string;
  pose: Pose;
}

/** Each file is one source (the set does not say who or which camera; files are the finest grouping it gives). */
export function readPlankSet(dir = plankSetDir): LabelledPose[] {
  if (!existsSync(dir)) return [];
  const out: LabelledPose[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.csv') && !DUPLICATE_FILES.has(n))
    .sort()) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n');
    const header = (lines[0] ?? '').split(',');
    const col = (name: string) => header.indexOf(name);
    for (const line of lines.slice(1)) {
      if (!line.trim()) continue;
      const c = line.split(',');
      const label = LABEL[c[0]?.trim() ?? ''];
      if (!label) continue;
      const keypoints: Keypoint[] = LANDMARKS.map((name) => {
        const x = Number(c[col(`${name}_x`)]),
          y = Number(c[col(`${name}_y`)]),
          v = Number(c[col(`${name}_v`)]);
        return { name, x: x * W, y: y * H, score: Number.isFinite(v) ? v : 0 };
      });
      out.push({ source: `mp-set:${f.replace(/\.csv$/, '')}`, label, pose: { keypoints, score: 1 } });
    }
  }
  return out;
}

/** The set as study samples: one "window" per file and label. */
export function plankSetSamples(rows: readonly LabelledPose[], m: Measure): Sample[] {
  const groups = new Map<string, LabelledPose[]>();
  for (const r of rows) groups.set(`${r.source}|${r.label}`, [...(groups.get(`${r.source}|${r.label}`) ?? []), r]);
  return [...groups.values()].map((g) => {
    const values = g.map((r) => m.fn(viewOf(r.pose))).filter((v): v is number => v !== null && Number.isFinite(v));
    return { source: g[0]!.source, clip: g[0]!.source, label: g[0]!.label, start: 0, end: 0, frames: g.length, values };
  });
}
