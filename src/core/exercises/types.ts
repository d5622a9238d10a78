// The shape of one exercise: a declarative record the engine interprets. One file per exercise in
// this folder, each with its test beside it (the way excalidraw registers actions as data records).

import type { Body, KeypointName, Limb, Side } from '../geometry';
import type { RepThresholds, HoldThresholds } from '../counters';
import type { PerFamily } from '../pose';

export type CounterKind = 'reps' | 'hold' | 'hold-per-side' | 'reps-per-side' | 'alternating' | 'reps+hold';
export type ViewNeeded = 'side' | 'front' | 'any';
export type Severity = 'safety' | 'major' | 'minor';

/** One broken rule, found on one frame or one rep. */
export interface Finding {
  readonly faultId: string;
  readonly severity: Severity;
  /** Keypoint names to colour in the overlay. */
  readonly joints: readonly KeypointName[];
}

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

/** A rep-level event offered to rep checks (tempo, range). */
export interface RepInfo {
  readonly kind: 'rep' | 'rep-end' | 'partial';
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
export interface MetricContext<M extends Memory = Memory> { readonly mem: M; readonly t?: number; readonly cutT?: number }

export type FrameCheck<M extends Memory = Memory> = (b: Body, ctx: CheckContext<M>) => Finding | null;
export type RepCheck<M extends Memory = Memory> = (r: RepInfo, ctx: CheckContext<M>) => Finding | null;

export type CounterSpec<M extends Memory = Memory> =
  | { kind: 'hold'; hold: HoldThresholds; inPosition: (b: Body, ctx: CheckContext<M>) => boolean }
  | { kind: 'hold-per-side'; hold: HoldThresholds; heldSide: (b: Body, ctx: CheckContext<M>) => Side | null }
  | { kind: 'reps'; reps: PerFamily<RepThresholds> }
  | { kind: 'reps-per-side'; reps: PerFamily<RepThresholds>; sideMetric: (b: Body, side: Side) => number | null }
  | { kind: 'alternating'; reps: PerFamily<RepThresholds>; sideMetric: (b: Body, side: Side) => number | null }
  | { kind: 'reps+hold'; reps: PerFamily<RepThresholds>; hold: HoldThresholds };

/**
 * The posture is the coarse, permissive attempt detector: "this person is doing a plank (a crunch, ...)".
 * Once it holds, the rules judge every frame of the attempt; it never asks whether the form is good.
 */
export interface PostureSpec {
  readonly check: (b: Body) => boolean;
  /** Which part of the posture is missing, as an id of the exercise's `words.guide`, for a set-up cue that says what to change. */
  readonly why?: (b: Body) => string | null;
  /**
   * Judged before the camera view: a posture that is wrong from any view (standing for a seated stretch)
   * is said first, not "turn side-on".
   */
  readonly beforeView?: boolean;
}

export interface ExerciseDef<M extends Memory = Memory, Id extends string = string> {
  readonly id: Id;
  readonly name: string;
  readonly group: 'stretch' | 'strength';
  /** Short steps, in the project's own words. */
  readonly instructions: readonly string[];
  readonly view: ViewNeeded;
  /**
   * Joints the exercise needs visible. A bare limb ('hip') means on the side facing the camera (or
   * either side); 'both:hip' means left and right.
   */
  readonly required: readonly (Limb | 'nose' | `both:${Limb}`)[];
  readonly posture: PostureSpec;
  readonly counter: CounterSpec<M>;
  /** A fresh memory for a set (the exercise's own typed state); absent = the exercise keeps none. */
  readonly memory?: () => M;
  /** The key angle or distance per frame: drives the rep counter and the UI chart. */
  readonly metric: (b: Body, ctx: MetricContext<M>) => number | null;
  readonly metricLabel: string;
  readonly checks: readonly FrameCheck<M>[];
  readonly repChecks?: readonly RepCheck<M>[];
  /** Updates the memory after a rep event's rep checks ran (e.g. when the last rep was). */
  readonly rememberRep?: (r: RepInfo, ctx: RememberContext<M>) => void;
  /**
   * Whether a top the rep counter just reached is a rep of this exercise at all (false: not counted, no cue):
   * a row's top has the hand pulled back toward the hip; the supporting arm of a one-arm row bending while the
   * weight is put down reaches the elbow angle of a top with the hand ahead of the shoulder (c15).
   */
  readonly isRep?: (b: Body, side: Side | undefined) => boolean;
  /** Updates the memory on the frames the rules judge, after `remember` and before the checks (a fault's hysteresis). */
  readonly rememberJudged?: (b: Body, ctx: RememberContext<M>) => void;
  /** Updates per-exercise memory once per active frame, before the checks. */
  readonly remember?: (b: Body, ctx: RememberContext<M>) => void;
  /**
   * When the hold is not running (hold exercises), why not, as an id of `words.guide`: which part of the
   * position is missing. Asked only while the person is in the exercise's posture with no fault showing.
   */
  readonly guide?: (b: Body, ctx: CheckContext<M>) => string | null;
  /**
   * Whether the camera sees the body well enough to judge it (true), or not (false), or cannot tell
   * (null). Replaces the engine's shoulder-width test of `view` for this exercise.
   */
  readonly viewOk?: (b: Body) => boolean | null;
  /**
   * Editable defaults for a set, and the default routine's block: sets of this many reps (rep exercises) or
   * seconds held (hold exercises), with this rest between sets.
   */
  readonly defaults: { readonly reps?: number; readonly holdSec?: number; readonly sets: number; readonly restSec: number };
  /** What the exercise card tells a person besides the steps: what to have ready, how to face the camera. */
  readonly card: CardFacts;
  /** The card's moving figure: which recorded clip and seconds show it (buildDemoData.ts); absent = no figure yet. */
  readonly demo?: DemoWindow;
  /** Every fault id this exercise can raise (for the UI, docs and the test that checks them); each has its words. */
  readonly faultIds: readonly string[];
  /**
   * The exercise's own words, keyed by its ids (the core never reads them: src/words/coachWords.ts turns ids into
   * text). The set-up line when the posture is wrong; one short spoken line per fault id; and the lines of its
   * guide ids (what is missing from the position: `guide`, `posture.why`, and `<id>.start` / `<id>.further`
   * for rep exercises).
   */
  readonly words: ExerciseWords;
}

export interface ExerciseWords {
  readonly posture: string;
  readonly faults: Readonly<Record<string, string>>;
  readonly guide?: Readonly<Record<string, string>>;
}

/**
 * Declares an exercise record with its own typed memory. The registry holds records of the base type; the
 * memory a record is given is always the one its own `memory()` made (the engine makes it), so the cast is safe.
 */
export function defineExercise<M extends Memory, const Id extends string>(def: ExerciseDef<M, Id>): ExerciseDef<Memory, Id> {
  return def as unknown as ExerciseDef<Memory, Id>;
}

/** Equipment named on the cards and the routine. */
export type Gear = 'mat' | 'ball' | 'dumbbells' | 'bench' | 'chair';

export interface CardFacts {
  /** What to have ready. Each inner list is a choice: any one of its items will do. */
  readonly gear: readonly (readonly Gear[])[];
  /** Helps, but the exercise works without it: any one of `gear`, used `use` ("to lean on"). */
  readonly optional?: { readonly gear: readonly Gear[]; readonly use: string };
  /** How to stand to the camera: the steps' advice, stricter than the engine where the steps ask for it. */
  readonly camera: 'side' | 'front' | 'either';
}

/** Which recorded clip (test-fixtures/keypoints/<clip>.movenet-thunder.json) and seconds the demo figure shows, and why. */
export interface DemoWindow { readonly clip: string; readonly from: number; readonly to: number; readonly why: string }
