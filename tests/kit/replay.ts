// Test helper: recorded fixtures and expected outcomes, loaded through Vite's import.meta.glob so the
// pure core's tests need no Node APIs. Fixtures are committed (test-fixtures/): a missing one fails its test (MissingFixtureError), never skips it.
import type { ModelName, PoseFrame } from '../../src/core/pose';
import { fixtureToFrames, parseFixture } from '../../src/core/fixture';
import type { ExerciseId } from '../../src/core/exercises';

export interface Expected {
  exercise: ExerciseId;
  reps?: number;
  repsTolerance?: number;
  holdSec?: number;
  holdTolerance?: number;
  holds?: { startSec: number; endSec: number; side?: 'left' | 'right' | null }[];
  /**
   * Faults a person saw. `minCover`: the share of the window the found fault (that id) must cover, for a fault that
   * stands the whole time (a plank held piked): found at its start and then dropped is not found.
   */
  faults: { id: string; startSec: number; endSec: number; minCover?: number }[];
  goodForm: boolean;
  /**
   * In a clip that shows a fault and then good form: the good spans, where no fault may stand over a second
   * (checked even though goodForm is false).
   */
  goodSpans?: { startSec: number; endSec: number }[];
  /** At most this many reps may be counted as clean (a clip where every rep is faulty: 0). */
  cleanReps?: number;
  notes: string;
  /**
   * The clip's set-up is right (view, posture, whole body): no set-up cue other than 'no-person' may be
   * shown after this many seconds. For the stop-motion clips, whose timing is not judged.
   */
  setupOkAfterSec?: number;
  /** Cues that must be shown: `id` is a cue id or part of one ('setup:wrong-posture', 'fault:hips-high', 'light'), by `bySec` if given. */
  cues?: { id: string; bySec?: number }[];
  /** Holds may only be on these sides (a hold on another side is wrong). */
  sidesOnly?: ('left' | 'right')[];
  /**
   * Per model: set when the engine is known to miss this clip with that model's keypoints, with the cause.
   * The suite reports, not fails, for that model.
   */
  knownMiss?: Partial<Record<ModelName, string>>;
}

const fixtures = import.meta.glob<{ default: unknown }>('../../test-fixtures/keypoints/*.json');
const expected = import.meta.glob<{ default: unknown }>('../../test-fixtures/*.expected.json', { eager: true });
const constructed = import.meta.glob<{ default: unknown }>('../../test-fixtures/constructed/*.keypoints.json');

export function expectedOutcomes(): Record<string, Expected> {
  const out: Record<string, Expected> = {};
  for (const [p, m] of Object.entries(expected)) {
    const clip = /([^/]+)\.expected\.json$/.exec(p)?.[1];
    if (clip) out[clip] = m.default as Expected;
  }
  return out;
}

/**
 * A committed fixture that is not there: the test that needs it fails with this, it is never skipped (a
 * deleted fixture must not turn its test green). Only the shared videos (../shared) may be absent.
 */
export class MissingFixtureError extends Error {
  constructor(
    readonly file: string,
    restore: string,
  ) {
    super(`committed fixture ${file} is missing: restore it (git checkout -- ${file}) or ${restore}`);
    this.name = 'MissingFixtureError';
  }
}

/** Frames s0–s1 (s) of a stream, re-timed from 0. */
export function cutFrames(frames: readonly PoseFrame[], s0: number, s1: number): PoseFrame[] {
  return frames.filter((f) => f.t >= s0 * 1000 && f.t <= s1 * 1000).map((f) => ({ ...f, t: f.t - s0 * 1000 }));
}

/** Frames of a recorded clip; throws MissingFixtureError when its committed fixture is not there. */
export async function loadClip(clip: string, model = 'movenet-thunder'): Promise<PoseFrame[]> {
  const key = `../../test-fixtures/keypoints/${clip}.${model}.json`;
  const load = fixtures[key];
  if (!load)
    throw new MissingFixtureError(
      `test-fixtures/keypoints/${clip}.${model}.json`,
      `re-record it: npm run record -- ${clip} --model ${model}`,
    );
  return fixtureToFrames(parseFixture((await load()).default));
}

/** Frames of a constructed stream; throws MissingFixtureError when it is not there. */
export async function loadConstructed(name: string): Promise<PoseFrame[]> {
  const load = constructed[`../../test-fixtures/constructed/${name}.keypoints.json`];
  if (!load) throw new MissingFixtureError(`test-fixtures/constructed/${name}.keypoints.json`, 'rebuild it: npm run construct');
  return fixtureToFrames(parseFixture((await load()).default));
}
