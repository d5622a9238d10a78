// Test helper for the per-exercise tests: replays a recorded clip (MoveNet Thunder unless told) through a
// fresh engine and collects what a test needs to judge one exercise's rules.
import { createEngineState, finish, step, type EngineEvent } from '../../src/core/engine';
import type { ExerciseId } from '../../src/core/exercises';
import type { PoseFrame } from '../../src/core/pose';
import { SummaryBuilder, type Summary } from '../../src/core/summary';
import { loadClip } from './replay';
import { COACH_WORDS } from '../../src/words/coachWords';

export interface Replay {
  summary: Summary;
  /** Counted reps: time (s) and side. */
  reps: { tSec: number; side: 'left' | 'right' | null }[];
  /** Every fault-start: id and time (s). */
  faultStarts: { id: string; tSec: number }[];
}

export function replayFrames(exercise: ExerciseId, frames: readonly PoseFrame[], source = 'test'): Replay {
  const s = createEngineState(exercise);
  const reps: Replay['reps'] = [];
  const faultStarts: Replay['faultStarts'] = [];
  const t0 = frames[0]?.t ?? 0;
  const take = (events: readonly EngineEvent[]) => {
    for (const e of events) {
      if (e.type === 'rep') reps.push({ tSec: (e.t - t0) / 1000, side: e.side ?? null });
      if (e.type === 'fault-start') faultStarts.push({ id: e.faultId, tSec: (e.t - t0) / 1000 });
    }
  };
  const sb = new SummaryBuilder(exercise, source, COACH_WORDS);
  for (const f of frames) {
    const r = step(s, f);
    take(r.events);
    sb.add(s.t, r.events, r.view);
  }
  const end = finish(s);
  take(end);
  sb.add(s.t, end, null);
  return { summary: sb.result(), reps, faultStarts };
}

/** Replays a recorded clip (its committed fixture missing: MissingFixtureError, a failure). */
export async function replayClip(clip: string, exercise: ExerciseId, model = 'movenet-thunder'): Promise<Replay> {
  return replayFrames(exercise, await loadClip(clip, model), clip);
}

/** The same real movement played k times faster (timestamps divided by k): a rushed version of a good set. */
export function faster(frames: readonly PoseFrame[], k: number): PoseFrame[] {
  return frames.map((f) => ({ ...f, t: f.t / k }));
}
