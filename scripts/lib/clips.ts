// Node-only: the clip list test-fixtures/clips.json (which real clip, how to crop it, what a person counted
// in it) and where its files live. Tests and scripts read it instead of repeating clip names and crops.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelName } from '../../src/core/pose';
import { isModelName } from '../../src/core/pose';
import type { Crop } from './video';
import { parseCrop } from './video';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * The shared, never-committed clips sit beside the checkout (see ../shared/fixtures/CATALOG.md).
 * FORM_COACH_VIDEOS_DIR overrides it, as for the browser tests, e.g. =/nowhere to try the no-videos path.
 */
export const videosDir = process.env.FORM_COACH_VIDEOS_DIR ?? join(repoRoot, '..', 'shared', 'fixtures', 'videos');
export const fixturesDir = join(repoRoot, 'test-fixtures');
export const keypointsDir = join(fixturesDir, 'keypoints');
export const clipsFile = join(fixturesDir, 'clips.json');

export interface Interval {
  start: number;
  end: number;
  side?: 'left' | 'right';
}

/** What a person saw in the clip, in seconds from its start (see CATALOG.md for how it was counted). */
export interface ClipTruth {
  confidence: 'high' | 'medium-high' | 'medium' | 'low';
  /** Steady holds. */
  holds: Interval[];
  /** Counted repetitions, or null for a hold-only clip. */
  reps: null | {
    count: number;
    /** Lowest and highest count a careful viewer could defend. */
    range: [number, number];
    /** Which end of the movement `at` marks, e.g. "top", "bottom", "lockout", "touch". */
    position: string;
    /** Approximate time of that position in each rep. */
    at: number[];
    /** The working side of each rep (the person's own left/right), for per-side and alternating exercises. */
    sides?: ('left' | 'right')[];
  };
  /** Form faults a person saw, with the interval they were visible. */
  faults: (Interval & { kind: string; note?: string })[];
  /**
   * In a clip that shows a fault and then good form (e20, e21): the spans of good form, in which no fault may be
   * raised for over a second. Absent: the clip is good form throughout when it lists no fault, else not judged.
   */
  goodSpans?: [number, number][];
  /**
   * False where the catalog says the form cannot be judged from the clip's view (e01 from the floor at the head end,
   * e05 with the feet off the frame, e09 head-on): its frames teach no threshold what good form reads like.
   */
  formJudgeable?: boolean;
  /** Camera cuts and crossfades: tracking may lose the person there. */
  cuts: number[];
  /** Intervals with nobody (or nobody usable) in view. */
  noPerson: Interval[];
  note: string;
}

export interface Clip {
  id: string;
  video: string;
  /** Where the clip was found: owner/repository@commit:path (its rights are in ../shared/fixtures/CATALOG.md). */
  origin: string;
  /**
   * The person/camera set the clip belongs to (the repository it was found in: bassem, klarfit, ...).
   * Leave-one-source-out figures in `npm run eval` hold a whole source out at a time.
   */
  source: string;
  /** ffmpeg crop w:h:x:y cutting away black bars, or null. */
  crop: string | null;
  /** Seconds, as ffprobe reports it; lets tests check a fixture's length without the video. */
  duration: number;
  exercise: string;
  variant: string;
  view: string;
  truth: ClipTruth;
}

export interface ClipList {
  fps: number;
  maxSide: number;
  models: ModelName[];
  clips: Clip[];
}

export function readClipList(file = clipsFile): ClipList {
  const j = JSON.parse(readFileSync(file, 'utf8')) as ClipList;
  for (const m of j.models) if (!isModelName(m)) throw new Error(`${file}: unknown model ${m}`);
  const ids = new Set<string>();
  for (const c of j.clips) {
    if (ids.has(c.id)) throw new Error(`${file}: clip ${c.id} listed twice`);
    ids.add(c.id);
    if (c.crop !== null) parseCrop(c.crop);
  }
  return j;
}

export const clipCrop = (c: Clip): Crop | undefined => (c.crop === null ? undefined : parseCrop(c.crop));
export const clipVideoPath = (c: Clip): string => join(videosDir, c.video);
export const fixturePath = (clipId: string, model: ModelName): string => join(keypointsDir, `${clipId}.${model}.json`);
export const haveVideos = (): boolean => existsSync(videosDir);
export const haveModels = (models: readonly string[]): boolean => models.every((f) => existsSync(join(repoRoot, 'models', f)));
