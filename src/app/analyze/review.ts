// What the analysis view shows beside the summary, for a physiotherapist reviewing a recording: the skeleton
// of the nearest analysed frame over the video, the key angle at each marked moment (a rep, a form problem, a hold
// starting or ending), the spans where nothing was counted and why ("facing the camera", "not in a plank
// position"), and a time-left estimate while the analysis runs. Pure: the analysed frames in, rows out.
import type { SetupIssue } from '../../core/engine';
import type { ExerciseDef } from '../../core/exercises';
import type { Pose } from '../../core/pose';
import type { Summary } from '../../core/summary';
import type { JointStyle } from '../../render/skeleton';
import { clock } from '../format/time';

/** One analysed frame, kept for the review: where the body was, how the rules coloured it, what was measured. */
export interface ReviewFrame {
  /** Seconds into the video. */
  t: number;
  pose: Pose | null;
  styles: Readonly<Record<string, JointStyle>>;
  metric: number | null;
  /** Counting ran on this frame (the engine's phase was 'active'). */
  active: boolean;
  /** The first set-up issue that kept it from counting, if any. */
  issue: SetupIssue | null;
}

/** The analysed frame nearest to `t` (binary search; frames in time order), or null when there are none. */
export function frameAt(frames: readonly ReviewFrame[], t: number): ReviewFrame | null {
  if (frames.length === 0) return null;
  let lo = 0,
    hi = frames.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  const a = frames[lo - 1],
    b = frames[lo]!;
  return a && Math.abs(a.t - t) <= Math.abs(b.t - t) ? a : b;
}

/** The key angle (or distance) as people read it: "162°", "0.85 torso lengths". */
export function metricText(v: number | null, unit: string): string {
  if (v === null || !Number.isFinite(v)) return 'not measured';
  return unit === '°' ? `${Math.round(v)}°` : `${Math.round(v * 100) / 100}${unit ? ` ${unit}` : ''}`;
}

/** Why the coach could not count, in words that describe the picture (not instructions to the person in it). */
export function notCountedWhy(def: Pick<ExerciseDef, 'name' | 'view'>, issue: SetupIssue | null): string {
  switch (issue) {
    case 'no-person':
      return 'nobody in view';
    case 'body-cut-off':
      return 'part of the body out of the picture';
    case 'wrong-view':
      return def.view === 'side'
        ? 'facing the camera (side-on is needed)'
        : def.view === 'front'
          ? 'turned away (facing the camera is needed)'
          : 'seen from an angle the checks cannot read';
    case 'wrong-posture':
      return `not in the ${def.name.toLowerCase()} position`;
    case 'too-dark':
      return 'too dark to see the body';
    default:
      return 'not in position';
  }
}

export interface Span {
  startSec: number;
  endSec: number;
  why: string;
}

/** Spans shorter than this (s) are a flicker, not a span worth listing. */
export const MIN_SPAN_SEC = 1;

/** The stretches of the video where counting did not run, each with its reason (merged while the reason holds). */
export function notCountedSpans(frames: readonly ReviewFrame[], def: Pick<ExerciseDef, 'name' | 'view'>): Span[] {
  const out: Span[] = [];
  let open: Span | null = null;
  for (const f of frames) {
    const why = f.active ? null : notCountedWhy(def, f.issue);
    if (open && why === open.why) {
      open.endSec = f.t;
      continue;
    }
    if (open && open.endSec - open.startSec >= MIN_SPAN_SEC) out.push(open);
    open = why === null ? null : { startSec: f.t, endSec: f.t, why };
  }
  if (open && open.endSec - open.startSec >= MIN_SPAN_SEC) out.push(open);
  return out;
}

export interface Moment {
  sec: number;
  what: string;
  angle: string;
}

/** Every marked moment in time order, each with the key angle measured then. */
export function markedMoments(
  frames: readonly ReviewFrame[],
  s: Pick<Summary, 'holds' | 'faults'>,
  repsAt: readonly number[],
  unit: string,
): Moment[] {
  const at = (sec: number) => metricText(frameAt(frames, sec)?.metric ?? null, unit);
  const m: Moment[] = [
    ...repsAt.map((sec, i) => ({ sec, what: `Rep ${i + 1}`, angle: at(sec) })),
    ...s.faults.map((f) => ({ sec: f.startSec, what: `Form problem: ${f.message}`, angle: at(f.startSec) })),
    ...s.holds.flatMap((h) => [
      { sec: h.startSec, what: `Hold starts${h.side ? ` (${h.side} side)` : ''}`, angle: at(h.startSec) },
      { sec: h.endSec, what: `Hold ends${h.side ? ` (${h.side} side)` : ''}`, angle: at(h.endSec) },
    ]),
  ];
  return m.sort((a, b) => a.sec - b.sec);
}

/**
 * How long the analysis still needs, from its pace so far: "about 0:40 left". Null until there is a pace to go by
 * (2 s running and 3 % done), so the first guess is not a wild one.
 */
export function timeLeftText(elapsedMs: number, done: number, total: number): string | null {
  if (!(total > 0) || !(done > 0) || elapsedMs < 2000 || done / total < 0.03 || done >= total) return null;
  const left = (elapsedMs / 1000) * ((total - done) / done);
  return left < 5 ? 'a few seconds left' : `about ${clock(Math.ceil(left / 5) * 5)} left`;
}
