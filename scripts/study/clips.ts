// The clips the model-and-measure study (issue 11, item 4) reads: every clip of test-fixtures/clips.json,
// plus the eleven `c…` clips of ../shared/fixtures/CATALOG.md ("Added 2026-11-26") until clips.json lists
// them. Each clip belongs to a *source*: the repository it was found in, which stands for one person or
// one camera set. Leave-one-source-out figures leave a whole source out at a time.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelName } from '../../src/core/pose';
import type { Clip } from '../lib/clips';
import { fixturePath, readClipList } from '../lib/clips';

export interface StudyClip {
  id: string;
  video: string;
  /** ffmpeg crop w:h:x:y, or null. */
  crop: string | null;
  duration: number;
  /** owner/repository the clip came from: the unit of leave-one-source-out. */
  source: string;
}

/**
 * The `c…` clips, as CATALOG.md lists them. None has black bars left: c09's letterbox was cut before it was
 * shared (its file is 1920×1012, the catalog's crop=1920:1012:0:34 is already applied), and
 * scripts/lib/video.ts' detectCrop finds no border in any of them.
 */
export const CATALOG_ADDED: readonly StudyClip[] = [
  { id: 'c01_seated_trunk_rotation_chair_oblique_healthline-spineify', duration: 5.4, source: 'Spineify/Spineify-capstone' },
  { id: 'c02_side_bend_hands_clasped_overhead_standing_front_myoxyn', duration: 18.434, source: 'Myoxyn/images' },
  { id: 'c03_seated_side_bend_one_arm_overhead_front_healthline-spineify', duration: 4.8, source: 'Spineify/Spineify-capstone' },
  { id: 'c04_prone_press_up_cobra_side-then-oblique-front_fitnessblender-malik', duration: 21.021, source: 'malikmrllh/exercises' },
  { id: 'c07_hamstring_stretch_supine_hands_side_joannasoh-mewfit', duration: 11.12, source: 'Wilsomwong2004/Mewfit' },
  { id: 'c08_hamstring_stretch_seated_chair_side_healthline-spineify', duration: 5.4, source: 'Spineify/Spineify-capstone' },
  { id: 'c09_plank_forearm_side_home_backlit_letterbox_mrpose', duration: 6.92, source: 'luizfcharry/MrPose' },
  { id: 'c11_plank_high_oblique_outdoor_park_phone_myoxyn', duration: 5.634, source: 'Myoxyn/images' },
  { id: 'c14_plank_forearm_side-front-side_studio_cuts_malik', duration: 48.015, source: 'malikmrllh/exercises' },
  { id: 'c15_one_arm_dumbbell_row_bench_supported_side_gym_shutterstock-harish', duration: 20.646, source: 'harish25346/fitness-websit' },
  { id: 'c18_bicycle_crunch_side_backlit_shutterstock-harish', duration: 9.927, source: 'harish25346/fitness-websit' },
].map((c) => ({ ...c, video: `${c.id}.mp4`, crop: null }));

/** owner/repository from an origin "owner/repository@commit:path". */
export const sourceOf = (origin: string): string => origin.split('@')[0] ?? origin;

const fromList = (c: Clip): StudyClip => ({ id: c.id, video: c.video, crop: c.crop, duration: c.duration, source: sourceOf(c.origin) });

export function studyClips(): StudyClip[] {
  const listed = readClipList().clips.map(fromList);
  const ids = new Set(listed.map((c) => c.id));
  return [...listed, ...CATALOG_ADDED.filter((c) => !ids.has(c.id))];
}

/** The candidates compared, in the order the report lists them. */
export const STUDY_MODELS: readonly ModelName[] = ['movenet-thunder', 'movenet-lightning', 'blazepose-full', 'blazepose-lite'];

/**
 * MoveNet streams of clips that clips.json does not list yet are kept out of the project: the engineer who
 * adds those clips to the eval records and commits them (same recorder, same settings). Until they are on
 * this branch, the study records its own copy here.
 */
export const studyCacheDir = process.env.FORM_COACH_STUDY_CACHE ?? join('/tmp', 'form-coach-study');

/** Where the study reads (and records) one clip's stream under one model. */
export function studyFixturePath(id: string, model: ModelName): string {
  const committed = fixturePath(id, model);
  if (existsSync(committed) || model.startsWith('blazepose')) return committed;
  const listed = readClipList().clips.some((c) => c.id === id);
  return listed ? committed : join(studyCacheDir, `${id}.${model}.json`);
}
