// Test helper: recorded fixtures and expected outcomes, loaded through Vite's import.meta.glob so the
// pure core's tests need no Node APIs. Fixtures are committed (test-fixtures/), so they are always here.
import type { PoseFrame } from '../pose';
import { fixtureToFrames, parseFixture } from '../fixture';
import type { ExerciseId } from '../exercises/types';

export interface Expected {
  exercise: ExerciseId;
  reps?: number;
  repsTolerance?: number;
  holdSec?: number;
  holdTolerance?: number;
  holds?: { startSec: number; endSec: number; side?: 'left' | 'right' | null }[];
  faults: { id: string; startSec: number; endSec: number }[];
  goodForm: boolean;
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
  /** Set when the engine is known to miss this clip; the reason is in notes. The suite reports, not fails. */
  knownMiss?: string;
}

const fixtures = import.meta.glob<{ default: unknown }>('../../../test-fixtures/keypoints/*.json');
const expected = import.meta.glob<{ default: unknown }>('../../../test-fixtures/*.expected.json', { eager: true });
const constructed = import.meta.glob<{ default: unknown }>('../../../test-fixtures/constructed/*.keypoints.json');

export function expectedOutcomes(): Record<string, Expected> {
  const out: Record<string, Expected> = {};
  for (const [p, m] of Object.entries(expected)) {
    const clip = /([^/]+)\.expected\.json$/.exec(p)?.[1];
    if (clip) out[clip] = m.default as Expected;
  }
  return out;
}

/** Frames of a recorded clip, or null when that fixture has not been recorded. */
export async function loadClip(clip: string, model = 'movenet-thunder'): Promise<PoseFrame[] | null> {
  const key = `../../../test-fixtures/keypoints/${clip}.${model}.json`;
  const load = fixtures[key];
  if (!load) return null;
  return fixtureToFrames(parseFixture((await load()).default));
}

export async function loadConstructed(name: string): Promise<PoseFrame[] | null> {
  const load = constructed[`../../../test-fixtures/constructed/${name}.keypoints.json`];
  if (!load) return null;
  return fixtureToFrames(parseFixture((await load()).default));
}
