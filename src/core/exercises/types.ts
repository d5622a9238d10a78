// The shape of one exercise: a declarative record the engine interprets. One file per exercise in
// this folder, each with its test beside it (the way excalidraw registers actions as data records).

import type { Body, Limb } from '../geometry';
import type { CountingSpec } from '../counting/types';
import type { CheckContext, FrameCheck, Memory, MetricContext, RememberContext, RepCheck, RepInfo } from '../ruleContext';

export type {
  CheckContext,
  Finding,
  FrameCheck,
  Memory,
  MetricContext,
  RememberContext,
  RepCheck,
  RepInfo,
  Severity,
  Unsure,
} from '../ruleContext';
export type ViewNeeded = 'side' | 'front' | 'any';

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
  /**
   * The joints the rules need to judge the form in full, when more than `required` (what counting needs): the set-up
   * and framing advice asks for these ("side-on, whole body in view"). The plank is timed from its shoulders and
   * elbows (seen from the head end, or with the feet out of the picture) and judged from the hips and ankles.
   */
  readonly judgedFrom?: readonly (Limb | 'nose' | `both:${Limb}`)[];
  readonly posture: PostureSpec;
  /** How a set is counted: a counting strategy's builder (counting/<kind>.ts) given the exercise's thresholds and hooks. */
  readonly counter: CountingSpec<NoInfer<M>>;
  /** A fresh memory for a set (the exercise's own typed state); absent = the exercise keeps none. */
  readonly memory?: () => M;
  /** The key angle or distance per frame (the metric): drives the rep counter and the UI chart. */
  readonly measure: (b: Body, ctx: MetricContext<M>) => number | null;
  /** What the metric is, for the screens: its name, unit and the span the chart shows. */
  readonly metric: MetricFacts;
  readonly checks: readonly FrameCheck<M>[];
  readonly repChecks?: readonly RepCheck<M>[];
  /** Updates the memory after a rep event's rep checks ran (e.g. when the last rep was). */
  readonly rememberRep?: (r: RepInfo, ctx: RememberContext<M>) => void;
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

export interface MetricFacts {
  /** What the number is, in a person's words ('chest lift'). */
  readonly label: string;
  readonly unit: '°' | 'torso lengths' | '';
  /** The span the exercise's rules judge in, for a chart's y axis (the data widens it). */
  readonly span: readonly [number, number];
  /**
   * The range reached is the point of the exercise (a stretch): the summary reports it under `title`, as the
   * furthest value reached, or for a signed metric (+ to the person's left, − to the right) as each way apart;
   * `scale` says what the numbers mean when they are not degrees.
   */
  readonly rangeOfMotion?: { readonly title: string; readonly reached: 'furthest' | 'each-way'; readonly scale?: string };
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
export interface DemoWindow {
  readonly clip: string;
  readonly from: number;
  readonly to: number;
  readonly why: string;
}
