// The coaching engine: step(state, frame) → {state, events, view}. Pure and deterministic: the same
// frames give the same events, in the live app, the video analyzer and the tests. The state is
// mutated in place and returned (no per-frame copies: the hot path must stay under ~50 µs).
// It never throws and never emits NaN, whatever the frame holds.
//
// A frame goes through five stages, each owning its state: the sight (perception: the tracked person's body,
// camera cuts, light), the set-up gate (is the person set up, is counting on), the fault tracker (the exercise's
// rules on the frames they judge), the counting strategy (the exercise's counter kind: counting/) and the cue
// stage (the one thing to say). The engine wires them and keeps the exercise's memory.

import type { Keypoint, ModelFamily, ModelName, Pose, PoseFrame } from './pose';
import { keypointSpace } from './pose';
import { KEYPOINT_NAMES, N_KP, type Body, type KeypointName, type Side } from './geometry';
import type { Perception } from './perception';
import type { CheckContext, RememberContext } from './ruleContext';
import type { ExerciseDef, ExerciseId } from './exercises';
import { EXERCISES, isExerciseId } from './exercises';
import type { CountEvent, CountFrame, Counting } from './counting/types';
import type { Cue } from './cues';
import type { EngineEvent, Phase, SetupIssue } from './events';
import { Sight } from './sight';
import { SetupGate } from './setupGate';
import { FaultTracker } from './faultTracker';
import { CueStage } from './cueStage';

export type { EngineEvent, Phase, SetupIssue } from './events';
export { DARK_LIGHT, SETUP_CLEAR_MS } from './setupGate';
export type JointStyle = 'ok' | 'fault' | 'unknown';

/** What the UI renders each frame. */
export interface EngineView {
  readonly exerciseId: ExerciseId;
  readonly phase: Phase;
  readonly setupIssues: readonly SetupIssue[];
  readonly reps: { readonly total: number; readonly left: number; readonly right: number };
  readonly holdSec: { readonly total: number; readonly left: number; readonly right: number };
  readonly currentHoldSide: Side | null;
  /** The exercise's key angle or distance (for charts), null when unknown. */
  readonly metric: number | null;
  readonly activeFaults: readonly string[];
  readonly cue: Cue | null;
  /**
   * Seconds the form was judged: in the exercise's posture, counting active, every rule able to judge. Good-form
   * figures are shares of this (a set where nothing was judged has no good-form figure at all).
   */
  readonly judgedSec: number;
  /** Seconds held with the form judged good (holds): the good-form share is this over judgedSec. */
  readonly goodJudgedSec: number;
  /** Seconds each rule could not judge while the rules ran, by fault id (the view, unseen points, the band of doubt). */
  readonly unsureSec: Readonly<Record<string, number>>;
  /** Seconds the rules ran (in the position, counting on), judged or not: unsureSec's denominator. */
  readonly rulesRanSec: number;
  /** Reps counted with no fault on them (rep exercises). */
  readonly cleanReps: number;
  readonly jointStyles: Readonly<Record<KeypointName, JointStyle>>;
  readonly smoothedPose: Pose | null;
}

export interface EngineOptions {
  /** Target reps per set (defaults to the exercise's). */
  targetReps?: number;
  /** Target hold seconds (per side for per-side holds). */
  targetHoldSec?: number;
  /** Threshold overrides for the evaluation's leave-one-source-out refits (CheckContext.tuning). */
  tuning?: Readonly<Record<string, number>>;
  /**
   * The model making the stream (or its family): thresholds that differ by keypoint space are read for it.
   * Without it the first pose decides (perception.ts: BlazePose's extra and world points).
   */
  model?: ModelName | ModelFamily;
}

export interface EngineState {
  readonly def: ExerciseDef;
  readonly opts: Required<Omit<EngineOptions, 'tuning' | 'model'>>;
  readonly tuning: Readonly<Record<string, number>>;
  /** The stages. */
  readonly sight: Sight;
  readonly gate: SetupGate;
  readonly faults: FaultTracker;
  readonly counting: Counting;
  readonly cues: CueStage;
  /** The sight's perception (the smoothed body: `per.body`), for the scripts that read it. */
  readonly per: Perception;
  /** The exercise's own memory (ExerciseDef.memory), made fresh for the set. */
  readonly mem: object;
  t: number;
  started: boolean;
  frames: number;
  /** The exercise's metric on the last frame, null when unknown. */
  metric: number | null;
  /** Frames dropped because a rule threw (should stay 0; the fuzz test checks). */
  errors: number;
  /** What the metric sees (its memory, the time, the last cut), and the counting stage's frame: reused every frame. */
  readonly metricCtx: { mem: object; t: number; cutT: number };
  readonly countFrame: { -readonly [K in keyof CountFrame]: CountFrame[K] };
  readonly counted: CountEvent[];
}

export function createEngineState(exerciseId: ExerciseId | string, opts: EngineOptions = {}): EngineState {
  if (!isExerciseId(exerciseId)) throw new Error(`unknown exercise "${exerciseId}"`);
  const def = EXERCISES[exerciseId];
  const sight = new Sight(opts.model ? keypointSpace(opts.model) : undefined);
  const counting = def.counter.create();
  // Rep counters read their thresholds for the stream's keypoint space: made now when the model is given,
  // else once the first pose has shown it.
  if (sight.spaceKnown) counting.useSpace(sight.body.space);
  const num = (v: number | undefined, d: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : d);
  const targets = {
    targetReps: num(opts.targetReps, def.defaults.reps ?? 10),
    targetHoldSec: num(opts.targetHoldSec, def.defaults.holdSec ?? 20),
  };
  const mem = def.memory?.() ?? {};
  const judgeableView = (b: Body) => def.viewOk?.(b) !== false;
  return {
    def,
    opts: targets,
    tuning: { ...(opts.tuning ?? {}) },
    sight,
    gate: new SetupGate(),
    faults: new FaultTracker(),
    counting,
    cues: new CueStage(def, counting, targets),
    per: sight.per,
    mem,
    t: 0,
    started: false,
    frames: 0,
    metric: null,
    errors: 0,
    metricCtx: { mem, t: 0, cutT: -Infinity },
    countFrame: {
      t: 0,
      b: sight.body,
      points: 0,
      active: false,
      setupClear: false,
      inPos: false,
      formOk: true,
      ctx: undefined as unknown as CheckContext,
      metric: null,
      cutT: -Infinity,
      judgeableView,
    },
    counted: [],
  };
}

const fin = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Advances the engine by one frame. Mutates and returns `state`. */
export function step(state: EngineState, frame: PoseFrame): { state: EngineState; events: EngineEvent[]; view: EngineView } {
  const events: EngineEvent[] = [];
  try {
    stepInner(state, frame, events);
  } catch {
    // A bug must not take down the live coach: the frame is dropped and the stream goes on. Counted,
    // so tests can insist it never happens.
    state.errors++;
  }
  return { state, events, view: makeView(state) };
}

function stepInner(s: EngineState, frame: PoseFrame, events: EngineEvent[]): void {
  const f: PoseFrame = frame && typeof frame === 'object' ? frame : { t: NaN, width: 0, height: 0, poses: [] };
  // Time: finite and never decreasing; repeated or out-of-order stamps are taken as "now".
  const t = fin(f.t) ? (s.started ? Math.max(s.t, f.t) : f.t) : s.t;
  const dt = s.started ? t - s.t : 0;
  s.t = t;
  s.started = true;
  s.frames++;
  const def = s.def,
    sight = s.sight,
    counting = s.counting;

  // 1. Perceive.
  const { points, meanScore } = sight.see(f, t, dt);
  if (sight.spaceKnown) counting.useSpace(sight.body.space);
  const b = sight.body;

  // 2. The set-up gate. Once counting starts the tracked person is kept (perception.ts: locked).
  if (s.gate.step(def, sight, points, meanScore, f.light, t, events)) {
    s.per.locked = true;
    s.cues.counted(t);
  }
  const active = s.gate.phase === 'active';

  const mc = s.metricCtx;
  mc.t = t;
  mc.cutT = sight.cutT;
  const m = points >= 4 ? def.measure(b, mc) : null;
  s.metric = fin(m) ? m : null;
  const ctx = makeCtx(s, t);
  if (active) def.remember?.(b, ctx as RememberContext);

  // 3. The fault tracker. The rules judge every frame of an attempt: while active and in the exercise position, or
  // while the hold runs. A plain hold's position is its attempt detector (the plank's inPosition is its posture: a
  // plank held sagging from the first frame is judged and told, not turned away; the kneeling start is not a plank
  // attempt, so not a sagging plank either).
  const inPos = active && points >= 4 && counting.inPosition(b, ctx);
  const judging = active && points >= 4 && (inPos || counting.holding);
  s.faults.frame(judging, dt, def, b, ctx, t, events, points < 4);

  // 4. Counting.
  const cf = s.countFrame,
    out = s.counted;
  cf.t = t;
  cf.b = b;
  cf.points = points;
  cf.active = active;
  cf.setupClear = s.gate.clear;
  cf.inPos = inPos;
  cf.formOk = s.faults.formOk;
  cf.ctx = ctx;
  cf.metric = s.metric;
  cf.cutT = sight.cutT;
  out.length = 0;
  counting.step(cf, out);
  if (active && counting.holding) s.faults.held(dt);
  if (active && counting.busy) s.cues.counted(t);
  for (const e of out) {
    switch (e.type) {
      case 'rep':
        if (e.rep.kind === 'rep') events.push({ type: 'rep', t, side: e.rep.side, durationMs: Math.max(0, e.rep.durationMs) });
        s.faults.rep(e.rep, def, ctx, t, events);
        break;
      case 'hold-start':
        events.push({ type: 'hold-start', t, side: e.side });
        break;
      case 'hold-tick':
        events.push({ type: 'hold-tick', t, sec: e.sec, side: e.side });
        break;
      case 'hold-end':
        events.push({ type: 'hold-end', t, sec: Math.round(e.sec * 10) / 10, side: e.side });
        break;
    }
  }
  s.faults.settle(t, active, events, points < 4);

  // 5. Cues.
  s.cues.choose(t, s.gate, s.faults, sight, points, ctx, events);
}

function makeCtx(s: EngineState, t: number): CheckContext {
  // With a counter per side, the phase is the furthest along of them.
  return {
    t,
    phase: s.counting.phase,
    holding: s.counting.holding,
    metric: s.metric,
    mem: s.mem,
    reps: s.counting.reps(),
    tuning: s.tuning,
  };
}

function makeView(s: EngineState): EngineView {
  const b: Body = s.per.body;
  const { ids: activeFaults, joints: faultJoints } = s.faults.shown();
  const jointStyles = {} as Record<KeypointName, JointStyle>;
  const issues = s.gate.issues;
  const person = s.sight.personFrames > 0 && issues[0] !== 'no-person' && issues[0] !== 'too-dark';
  const kps: Keypoint[] = [];
  for (let i = 0; i < N_KP; i++) {
    const name = KEYPOINT_NAMES[i] as KeypointName;
    const ok = person && b.ok[i] === 1;
    jointStyles[name] = !ok ? 'unknown' : faultJoints.has(name) ? 'fault' : 'ok';
    if (person) kps.push({ name, x: ok ? (b.x[i] as number) : 0, y: ok ? (b.y[i] as number) : 0, score: ok ? (b.score[i] as number) : 0 });
  }
  const c = s.counting;
  const sec = (ms: number) => Math.round(ms / 100) / 10;
  return {
    exerciseId: s.def.id,
    phase: s.gate.phase,
    setupIssues: issues.slice(),
    reps: { total: c.reps(), left: c.reps('left'), right: c.reps('right') },
    holdSec: { total: sec(c.heldMs()), left: sec(c.heldMs('left')), right: sec(c.heldMs('right')) },
    currentHoldSide: c.holdSide,
    metric: s.metric === null ? null : Math.round(s.metric * 100) / 100,
    activeFaults,
    cue: s.cues.current,
    judgedSec: sec(s.faults.judgedMs),
    goodJudgedSec: sec(s.faults.goodJudgedMs),
    unsureSec: Object.fromEntries([...s.faults.unsureMs].map(([id, ms]) => [id, sec(ms)])),
    rulesRanSec: sec(s.faults.ranMs),
    cleanReps: s.faults.cleanTotal,
    jointStyles,
    smoothedPose: person ? { keypoints: kps, score: kps.reduce((a, k) => a + k.score, 0) / N_KP } : null,
  };
}

/**
 * The model changed mid-set (the live loop restarted with another one): from now on the frames are in its
 * keypoint space, so its thresholds apply; what was counted stays.
 */
export function setModel(state: EngineState, model: ModelName | ModelFamily): void {
  const space = keypointSpace(model);
  const b = state.per.body;
  if (b.space === space && state.sight.spaceKnown) return;
  b.space = space;
  state.per.spaceSeen = true;
  state.counting.useSpace(space);
}

/** Ends what is still running at the end of a stream (open holds), so summaries close cleanly. */
export function finish(state: EngineState): EngineEvent[] {
  const events: EngineEvent[] = [];
  const ce: CountEvent[] = [];
  state.counting.end(ce);
  for (const e of ce)
    if (e.type === 'hold-end') events.push({ type: 'hold-end', t: state.t, sec: Math.round(e.sec * 10) / 10, side: e.side });
  state.faults.end(state.t, events);
  return events;
}
