// The counting stage's contract. One strategy per counter kind (a file each in this folder: reps.ts,
// repsPerSide.ts, alternating.ts, hold.ts, holdPerSide.ts, repsThenHold.ts); an exercise's record names its
// strategy with the strategy's own builder (`counter: hold({...})`), so a new kind is a new file here and the
// engine and the app read only what this file declares: the shape (what is counted, per side or not), the
// numbers counted so far, and the events.
import type { Body, Side } from '../geometry';
import type { ModelFamily, PerFamily } from '../pose';
import type { CheckContext, Memory, RepInfo } from '../ruleContext';

/** What the hysteresis machines (repCounter.ts, holdCounter.ts) emit; a strategy turns them into CountEvents. */
export type CounterEvent =
  /** The top was reached and held: offered to the strategy, which counts it as a rep or refuses it. */
  | { type: 'top'; side?: Side | undefined; durationMs: number; peak: number }
  /**
   * The top was left again; downMs = time from leaving the top to being back at rest; cycleMs = the
   * whole excursion, from the last frame at rest to the first frame back at rest.
   */
  | { type: 'rep-end'; side?: Side | undefined; downMs: number; topMs: number; cycleMs: number }
  /** Left rest, moved at least `partialMin`, came back without reaching the top. */
  | { type: 'partial'; side?: Side | undefined; peak: number }
  | { type: 'hold-start'; side?: Side | undefined }
  | { type: 'hold-tick'; side?: Side | undefined; sec: number }
  | { type: 'hold-end'; side?: Side | undefined; sec: number };

export interface RepThresholds {
  /** 'up': the metric rises toward the top (e.g. elbow angle at lockout); 'down': it falls. */
  direction: 'up' | 'down';
  /** Metric at or beyond which the top is reached. */
  enter: number;
  /** Metric at or before which the body is back at rest (between exit and enter: moving). */
  exit: number;
  /** A trip from rest that reached at least this far but not `enter` is a partial rep. */
  partialMin?: number | undefined;
  /** The top must be held this long (ms) to count: jitter across `enter` never counts. */
  minTopMs: number;
}

export interface HoldThresholds {
  /** Position must be held this long before the hold starts (credited from its beginning). */
  enterMs: number;
  /** A break shorter than this does not end the hold (and its time is not credited). */
  exitMs: number;
  /** Frame gaps longer than this are not credited (the person or the camera went away). */
  maxGapMs: number;
}

export type RepPhase = 'unknown' | 'rest' | 'moving' | 'top';

/** What a counter kind counts, for the app to read (the target, the counter line, the summary's lines). */
export interface CounterShape {
  /** The number a set's target is in: reps, or seconds held. */
  readonly mode: 'reps' | 'hold';
  /** Left and right are counted apart, each to the target. */
  readonly sides: boolean;
  /** A rep exercise that also times a hold (at the top of each rep). */
  readonly holdsToo: boolean;
}

/** One frame as the counting stage sees it (after the set-up gate and the fault tracker). */
export interface CountFrame<M extends Memory = Memory> {
  /** Frame time (ms). */
  readonly t: number;
  readonly b: Body;
  /** Usable points this frame (a person: ≥ 4). */
  readonly points: number;
  /** Counting is on (the set-up gate is open). */
  readonly active: boolean;
  /** Set-up is clear on this frame, though counting may not be on yet (SETUP_CLEAR_MS). */
  readonly setupClear: boolean;
  /** In the exercise's position: active, a person seen, and the strategy's own inPosition. */
  readonly inPos: boolean;
  /** No form-breaking fault stands or is being confirmed: a hold may be credited. */
  readonly formOk: boolean;
  /** The rules' context of this frame, as the checks saw it. */
  readonly ctx: CheckContext<M>;
  /** The exercise's metric this frame, or null. */
  readonly metric: number | null;
  /** Time of the last camera cut (ms), -Infinity before any. */
  readonly cutT: number;
  /** Whether the exercise can be judged from this view (its record's viewOk; without one, yes). */
  readonly judgeableView: (b: Body) => boolean;
}

/** What the counting stage reports: a rep event for the rep checks (a counted rep among them), or a hold event. */
export type CountEvent = { type: 'rep'; rep: RepInfo } | Extract<CounterEvent, { type: 'hold-start' | 'hold-tick' | 'hold-end' }>;

/** A set's counter: made fresh for each set from the record's CountingSpec. It owns all its state. */
export interface Counting<M extends Memory = Memory> {
  readonly shape: CounterShape;
  /**
   * The stream's keypoint space is known (again): the rep counters read their thresholds for it. The first call
   * makes them; a later one with another space (the model switched mid-set) swaps the thresholds, counts kept.
   */
  useSpace(space: ModelFamily): void;
  /** Whether this frame is in the exercise's position, so its rules judge it (default: whenever counting is on). */
  inPosition(b: Body, ctx: CheckContext<M>): boolean;
  /** Advances by one frame; what it counted goes to `out`, in order. */
  step(f: CountFrame<M>, out: CountEvent[]): void;
  /** Ends what is still running (an open hold) at the end of a stream. */
  end(out: CountEvent[]): void;
  /** Something was being counted on the last frame: a hold running, a rep under way or just reached. */
  readonly busy: boolean;
  /** A rep was started since the last one counted, and stopped short (for the guide: go further, not start). */
  readonly startedShort: boolean;
  /** Rep phase: the furthest along of the rep counters ('unknown' without any). */
  readonly phase: RepPhase;
  /** A hold is running. */
  readonly holding: boolean;
  /** The side of the running hold, else null. */
  readonly holdSide: Side | null;
  /** Reps counted: in all, or on one side. */
  reps(side?: Side): number;
  /** Time held (ms): in all, or on one side. */
  heldMs(side?: Side): number;
}

/**
 * An exercise's counter, as its record declares it: built by a strategy's builder (counting/<kind>.ts) from the
 * exercise's thresholds and hooks. `reps`, `hold` and `sideMetric` are what it counts on, for the evaluation's
 * threshold tables; `create` makes a fresh counter for a set.
 */
export interface CountingSpec<M extends Memory = Memory> {
  /** The strategy's name: 'reps', 'reps-per-side', 'alternating', 'hold', 'hold-per-side', 'reps+hold', … */
  readonly kind: string;
  readonly shape: CounterShape;
  readonly reps?: PerFamily<RepThresholds>;
  readonly hold?: HoldThresholds;
  readonly sideMetric?: (b: Body, side: Side) => number | null;
  create(): Counting<M>;
}
