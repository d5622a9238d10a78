// Test helpers for the hold exercises' tests (plank, prone press-up, rotation stretch, side bend,
// hamstring stretch): replay a recorded or constructed stream and collect what the user would see.
// Not imported by the app.
import type { PoseFrame } from '../../src/core/pose';
import { createEngineState, finish, step, type EngineEvent, type SetupIssue } from '../../src/core/engine';
import { SummaryBuilder, type Summary } from '../../src/core/summary';
import { COACH_WORDS, setupText } from '../../src/words/coachWords';
import type { ExerciseId } from '../../src/core/exercises/index';

export interface Replay {
  summary: Summary;
  /** Every fault-start event (with the joints to colour and the message). */
  faultStarts: Extract<EngineEvent, { type: 'fault-start' }>[];
  /** Share of frames with each set-up issue showing. */
  setupShare: Partial<Record<SetupIssue, number>>;
  /** Set-up cue texts given. */
  setupCues: string[];
  /** Frames where the engine was counting (phase active). */
  activeFrames: number;
  frames: number;
}

export function replay(exercise: ExerciseId, frames: readonly PoseFrame[], source = 'test'): Replay {
  const st = createEngineState(exercise);
  const sb = new SummaryBuilder(exercise, source, COACH_WORDS);
  const faultStarts: Replay['faultStarts'] = [];
  const counts: Partial<Record<SetupIssue, number>> = {};
  const setupCues: string[] = [];
  let active = 0;
  for (const f of frames) {
    const r = step(st, f);
    sb.add(st.t, r.events, r.view);
    for (const e of r.events) {
      if (e.type === 'fault-start') faultStarts.push(e);
      if (e.type === 'setup-cue') setupCues.push(setupText(exercise, e.issue, e.why));
    }
    for (const i of r.view.setupIssues) counts[i] = (counts[i] ?? 0) + 1;
    if (r.view.phase === 'active') active++;
  }
  sb.add(st.t, finish(st), null);
  const setupShare: Replay['setupShare'] = {};
  for (const [k, v] of Object.entries(counts)) setupShare[k as SetupIssue] = v / Math.max(1, frames.length);
  return { summary: sb.result(), faultStarts, setupShare, setupCues, activeFrames: active, frames: frames.length };
}

/** Frames between two times (s). */
export const between = (frames: readonly PoseFrame[], s0: number, s1: number): PoseFrame[] =>
  frames.filter((f) => f.t >= s0 * 1000 && f.t <= s1 * 1000);

/** Seconds of the summary's holds (optionally on one side) overlapping [s0, s1]. */
export function heldWithin(s: Summary, s0: number, s1: number, side?: 'left' | 'right'): number {
  let sec = 0;
  for (const h of s.holds) {
    if (side && h.side !== side) continue;
    sec += Math.max(0, Math.min(h.endSec, s1) - Math.max(h.startSec, s0));
  }
  return sec;
}
