// What an exercise's rules see (a frame's context, a rep's facts) and what they return (a finding). A leaf of
// types only: the exercise records (exercises/types.ts), the counting strategies (counting/) and the engine's
// stages all read it, and it reads nothing of theirs.
import type { Body, KeypointName, Side } from './geometry';

export type Severity = 'safety' | 'major' | 'minor';

/** One broken rule, found on one frame or one rep. */
export interface Finding {
  readonly faultId: string;
  readonly severity: Severity;
  /** Keypoint names to colour in the overlay. */
  readonly joints: readonly KeypointName[];
}

/**
 * A rule that cannot judge this frame: the view hides what it reads ('view'), the points it needs are not seen
 * ('unseen'), or its reading sits in the band of doubt between good form and its fault ('margin'). Neither praise
 * nor fault: the counting goes on, and the frame is not judged time (issue 17: "inside a band of doubt, neither
 * praise nor fault. Keep counting, and let the summary say how much of the time form was judged").
 */
export interface Unsure {
  readonly unsure: string;
  readonly why: 'view' | 'unseen' | 'margin';
}
export const isUnsure = (r: Finding | Unsure | null): r is Unsure => r !== null && 'unsure' in r;

/** An exercise's own memory: a plain object of its declared type, made fresh for each set (ExerciseDef.memory). */
export type Memory = object;

/** What a check sees besides the body. */
export interface CheckContext<M extends Memory = Memory> {
  /** Frame time, ms. */
  readonly t: number;
  /** Rep phase of the (first / current side's) counter, or 'hold' / 'none' for holds. */
  readonly phase: 'unknown' | 'rest' | 'moving' | 'top';
  /** True while a hold is running. */
  readonly holding: boolean;
  /** The metric this frame, or null. */
  readonly metric: number | null;
  /**
   * The exercise's memory, read-only here: only `remember`, `rememberRep` and the metric write it (in that fixed
   * order, once a frame), so no check's result depends on the order of the checks.
   */
  readonly mem: Readonly<M>;
  /** Reps counted so far (total). */
  readonly reps: number;
  /**
   * Threshold overrides by name (an exercise's exported constant's name, e.g. 'plank.SAG_DEG'), for the
   * evaluation's leave-one-source-out refits. Empty or absent in the app.
   */
  readonly tuning?: Readonly<Record<string, number>>;
}

/**
 * A rep-level event offered to rep checks (tempo, range). `refused`: a top reached and left again without its
 * exercise's witness (the bicycle: no elbow met the knee, the trunk never turned), so not a rep.
 */
export interface RepInfo {
  readonly kind: 'rep' | 'rep-end' | 'partial' | 'refused';
  readonly side?: Side | undefined;
  /** rep: leaving rest → reaching the top; rep-end: leaving the top → back at rest. */
  readonly durationMs: number;
  readonly topMs: number;
  /** rep-end: the whole excursion, last frame at rest → first frame back at rest (ms); else 0. */
  readonly cycleMs: number;
  readonly peak: number;
  /** Index of this rep (1-based) among all reps. */
  readonly index: number;
}

/** What `remember` sees: the check context with its memory writable. */
export type RememberContext<M extends Memory = Memory> = Omit<CheckContext<M>, 'mem'> & { readonly mem: M };
/** What the metric sees: its memory (writable: a metric may keep a reference level), the frame time and the last camera cut. */
export interface MetricContext<M extends Memory = Memory> {
  readonly mem: M;
  readonly t?: number;
  readonly cutT?: number;
}

/** A frame rule: its fault, or that it cannot judge this frame (Unsure), or null when the form is good. */
export type FrameCheck<M extends Memory = Memory> = (b: Body, ctx: CheckContext<M>) => Finding | Unsure | null;
export type RepCheck<M extends Memory = Memory> = (r: RepInfo, ctx: CheckContext<M>) => Finding | null;
