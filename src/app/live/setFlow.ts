// The set flow as a pure reducer: setFlow(state, event) → {state, effects}. One table of states:
//
//   check-in ──check-in──▶ framing ──ready / start──▶ countdown ──3 s──▶ counting ◀──▶ paused
//                              ▲                                           │ target        (user, hidden,
//                              └──────── rest ◀── (routine, more sets) ◀───┤                camera, set-up)
//                                                                          ▼
//                                        summary ◀── stop / last set ──────┘
//
// Effects are data (speak, timer, fresh engine, record, summary); LiveSession carries them out. Time comes
// in with every event (the injected clock), so the flow replays exactly in Node tests.
//
// Behaviour this file owns (issue 12):
// - the countdown runs once per set: nothing after "Go" restarts it; a set-up problem pauses counting with
//   one line, and counting carries on when it clears;
// - set-up lines are spoken by the rules in speech.ts (once, once more if it persists, then only on screen);
// - a set-up problem says nothing while counting works (the engine reports none while it counts);
// - each rep is acknowledged (its number spoken, the counter pulses);
// - a form fault that stands is said when it appears and again every 15 s while it stands (speech.ts).
import type { EngineEvent, EngineView, SetupIssue } from '../../core/engine';
import type { ExerciseDef, ExerciseId } from '../../core/exercises';
import { EXERCISES } from '../../core/exercises';
import type { Routine, RoutineBlock, RoutineRunState } from '../../session/routine';
import { finishSet, restRemainingSec, skipExercise, startRoutine, tickRest } from '../../session/routine';
import type { Verdicts } from './framing';
import { allMet, UNKNOWN_VERDICTS, verdictsFor } from './framing';
import type { SpeechKind, SpeechMemory } from './speech';
import { maySay, NO_SPEECH, notePresent, noteSaid } from './speech';
import type { SetTarget } from './target';
import type { Carry } from './pendingSet';
import { capSides, counterMode, targetFor, targetReached } from './target';
import type { SideTrack } from './sides';
import { freshSides, trackSides } from './sides';
import type { CueRef, PauseReason, Phrase } from '../../words/liveWords';
import { phraseKey } from '../../words/liveWords';

/** Seconds of the spoken 3-2-1 before counting starts. */
export const COUNTDOWN_SEC = 3;
/** Framing: every need met for this long (ms) starts the set by itself (the person may be on the floor). */
export const READY_HOLD_MS = 1500;
/** Framing: a set-up line stays at least this long (ms) before another takes its place (one request at a time). */
export const SETUP_LINE_MIN_MS = 2000;
/**
 * After "Go" a fresh engine confirms the set-up (SETUP_CLEAR_MS, 0.4 s); only a problem that outlasts this
 * (ms) shows as a pause, so "Go" is never followed by a flash of set-up words.
 */
export const SETUP_GRACE_MS = 1500;
/** How often the flow wants a tick (ms) while a countdown or a rest runs. */
export const TICK_MS = 250;
/** Praise is neither said nor shown within this long (ms) of a form fault: it would contradict the fault. */
export const PRAISE_CLEAN_MS = 10_000;
/**
 * A fault's words stay on screen this long (ms) after the fault was last seen, so a fault that flickers (the
 * piked plank in clip 04 is flagged on and off within each second) does not make the line jump about.
 */
export const FAULT_LINE_MS = 3000;
/** A hold whose time has not gone up for this long (ms) is waiting: the screen says why ("Timer paused: …"). */
export const HOLD_STALL_MS = 800;
const LOOKING: Phrase = { k: 'looking' };
const READY: Phrase = { k: 'ready' };
const CAMERA_PAUSED: Phrase = { k: 'paused', reason: 'camera' };

export type FlowName = 'check-in' | 'framing' | 'countdown' | 'counting' | 'paused' | 'rest' | 'summary' | 'closed';

export interface Plan {
  /** 'card': one exercise started from its card (its sets, with rest between); 'routine': the routine. */
  readonly kind: 'card' | 'routine';
  readonly run: RoutineRunState;
}

export interface FlowState {
  readonly name: FlowName;
  readonly plan: Plan;
  readonly exerciseId: ExerciseId;
  readonly target: SetTarget;
  readonly painBefore: number | null;
  /** 3, 2, 1 during the countdown; 0 otherwise. */
  readonly countdown: number;
  /** When the countdown shows its next number (ms). */
  readonly countdownNextAt: number;
  /** Countdowns run in this set (never more than one). */
  readonly countdowns: number;
  /** Why counting is paused (state 'paused'). */
  readonly pause: PauseReason | null;
  /** The framing step's verdicts, also kept up during the set. */
  readonly verdicts: Verdicts;
  /** Framing: since when every need has been met (ms), or null. */
  readonly readySince: number | null;
  /** When "Go" was said (ms); NaN before. */
  readonly goAt: number;
  /** Counting has begun in this set (a record is open). */
  readonly recording: boolean;
  /** The one line for the person now (guidance, why counting is paused, the engine's cue), as ids: worded at the edge. */
  readonly line: Phrase | null;
  readonly speech: SpeechMemory;
  /** Engine cue id last seen while counting (a new one may be spoken). */
  readonly lastCueId: string | null;
  /** Reps seen so far in this set (total and per side), to acknowledge each new one. */
  readonly reps: { readonly total: number; readonly left: number; readonly right: number };
  /** Bumped on every counted rep: the counter pulses. */
  readonly repPulse: number;
  /** The camera is delivering pictures. */
  readonly cameraOk: boolean;
  /** Sets finished in this session (records kept for the summary), and whether any counted something. */
  readonly setsDone: number;
  readonly countedAny: boolean;
  /** Framing starts the set by itself once every need holds (off on the camera check). */
  readonly autoStart: boolean;
  /** When a form fault was last on in this set (ms), -Infinity if never: praise waits PRAISE_CLEAN_MS after it. */
  readonly faultAt: number;
  /** The faults whose cue was seen in this set: one still on while its cue rests stays named. */
  readonly faultsCued: readonly string[];
  /** The fault named last. */
  readonly lastFault: string | null;
  /** Per-side exercises: the sides' progress in this set (null for the others). */
  readonly sides: SideTrack | null;
  /** When the line was last changed (ms): framing keeps a set-up line SETUP_LINE_MIN_MS. */
  readonly lineAt: number;
  /** A set carried on after a reload: what its first part counted (added to what the engine counts now). */
  readonly carry: Carry | null;
  /** Holds: the time held last frame (s) and when it last went up (ms), to tell when the timer waits. */
  readonly holdSeen: number;
  readonly holdUpAt: number;
}

export type FlowEvent =
  | { type: 'check-in'; t: number; pain: number | null }
  /**
   * One processed frame: the engine's view and events, the picture's brightness where measured, and whether
   * the model saw every joint the exercise needs (raw scores; undefined where unknown).
   */
  | {
      type: 'frame';
      t: number;
      view: EngineView;
      events: readonly EngineEvent[];
      light?: number | undefined;
      neededSeen?: boolean | undefined;
      /** Whether the model sees a person at all (a few joints); undefined where unknown. */
      personSeen?: boolean | undefined;
    }
  | { type: 'tick'; t: number }
  | { type: 'start'; t: number; anyway?: boolean }
  | { type: 'pause'; t: number }
  | { type: 'resume'; t: number }
  | { type: 'hidden'; t: number }
  | { type: 'camera'; t: number; ok: boolean }
  | { type: 'stop'; t: number }
  | { type: 'skip-rest'; t: number }
  /** "Skip to next set": this set ends (what it counted is kept) and the next set of the exercise comes. */
  | { type: 'skip-set'; t: number }
  | { type: 'skip-exercise'; t: number };

export type Effect =
  /** Say a phrase (worded by the host, src/words/liveWords.ts). */
  | { type: 'speak'; say: Phrase; interrupt?: boolean }
  | { type: 'silence' }
  /** Tick every `everyMs` (null: stop ticking). */
  | { type: 'timer'; everyMs: number | null }
  /** A fresh engine for the state's exercise and target (nothing seen before counts). */
  | { type: 'new-engine' }
  /** Counting began: open this set's record. */
  | { type: 'record-start' }
  /** Save the open record as it stands (a pause: a crash now loses nothing). */
  | { type: 'record-save' }
  /** The set ended: close its record, save it and keep it for the summary. */
  | { type: 'record-finish' }
  /** Show the summary; `nextBlock`: the routine block a "Next exercise" button continues from. */
  | { type: 'summary'; routineName: string | null; nextBlock: number | null }
  /** Leave the live screen without a summary (Back from the check-in). */
  | { type: 'leave' };

export interface FlowResult {
  state: FlowState;
  effects: Effect[];
}

export const DEFAULT_REST_SEC = 30;

/** A card's plan: the exercise's own sets with its target, and DEFAULT_REST_SEC between them. */
export function cardRoutine(def: ExerciseDef, given?: SetTarget): Routine {
  const target = targetFor(def, given);
  return {
    id: `card-${def.id}`,
    name: def.name,
    blocks: [{ exerciseId: def.id, sets: Math.max(1, def.defaults.sets ?? 1), restSec: DEFAULT_REST_SEC, ...target }],
  };
}

/**
 * The plan a card's Start runs: the routine's block for the exercise as the card shows it (its sets, its
 * reps or hold, its rest between sets), or the exercise's own defaults when the routine leaves it out.
 */
export function cardPlan(def: ExerciseDef, block: RoutineBlock | null): Routine {
  if (!block || block.exerciseId !== def.id) return cardRoutine(def);
  return {
    id: `card-${def.id}`,
    name: def.name,
    blocks: [{ exerciseId: def.id, sets: Math.max(1, block.sets), restSec: block.restSec, ...targetFor(def, blockTarget(block)) }],
  };
}

/** The state for a plan, at its check-in. */
export function openFlow(
  kind: Plan['kind'],
  routine: Routine,
  fromBlock = 0,
  resume: { set: number; carry: Carry | null } | null = null,
): FlowState {
  let run = startRoutine(routine);
  for (let i = 0; i < fromBlock && run.step.kind !== 'done'; i++) run = skipExercise(run);
  // Carried on after a reload: the sets before it are done.
  while (resume && run.step.kind === 'set' && run.step.set < resume.set) run = tickRest(finishSet(run, 0), 0, true);
  const step = run.step.kind === 'set' ? run.step : null;
  const exerciseId = (step?.block.exerciseId ?? routine.blocks[0]?.exerciseId ?? 'plank') as ExerciseId;
  const def = EXERCISES[exerciseId];
  return {
    name: 'check-in',
    plan: { kind, run },
    exerciseId,
    target: targetFor(def, step ? blockTarget(step.block) : undefined),
    painBefore: null,
    countdown: 0,
    countdownNextAt: 0,
    countdowns: 0,
    pause: null,
    verdicts: UNKNOWN_VERDICTS,
    readySince: null,
    goAt: Number.NaN,
    recording: false,
    line: null,
    speech: NO_SPEECH,
    lastCueId: null,
    reps: { total: 0, left: 0, right: 0 },
    repPulse: 0,
    cameraOk: true,
    setsDone: 0,
    countedAny: false,
    autoStart: true,
    faultAt: Number.NEGATIVE_INFINITY,
    faultsCued: [],
    lastFault: null,
    sides: null,
    holdSeen: 0,
    holdUpAt: Number.NEGATIVE_INFINITY,
    lineAt: Number.NEGATIVE_INFINITY,
    carry: resume?.carry ?? null,
  };
}

const blockTarget = (b: { reps?: number; holdSec?: number }): SetTarget => {
  const t: { reps?: number; holdSec?: number } = {};
  if (b.reps !== undefined) t.reps = b.reps;
  if (b.holdSec !== undefined) t.holdSec = b.holdSec;
  return t;
};

/** Whether frames step the engine in this state (its clock stands still otherwise). */
export function engineRuns(s: FlowState): boolean {
  return s.name === 'framing' || s.name === 'countdown' || s.name === 'counting' || (s.name === 'paused' && s.pause === 'setup');
}

/** Whether the camera is wanted in this state. */
export function cameraWanted(s: FlowState): boolean {
  return s.name !== 'check-in' && s.name !== 'summary' && s.name !== 'closed';
}

/** "Exercise 2 of 11 · set 1 of 2" in a routine, "Set 1 of 2" for a card with several sets, else null. */
export function setLabel(s: FlowState): string | null {
  const st = s.plan.run.step;
  if (st.kind === 'done') return null;
  if (s.plan.kind === 'routine')
    return `Exercise ${st.blockIndex + 1} of ${s.plan.run.routine.blocks.length} · set ${st.set} of ${st.block.sets}`;
  return st.block.sets > 1 ? `Set ${st.set} of ${st.block.sets}` : null;
}

// ---- the reducer ----

export function setFlow(s: FlowState, e: FlowEvent): FlowResult {
  const fx: Effect[] = [];
  const next = reduce(s, e, fx);
  return { state: next, effects: fx };
}

function reduce(s: FlowState, e: FlowEvent, fx: Effect[]): FlowState {
  // Leaving, from anywhere the set is not over.
  if (e.type === 'stop') return stop(s, e.t, fx);
  switch (s.name) {
    case 'check-in':
      if (e.type === 'check-in') return enterFraming({ ...s, painBefore: e.pain }, e.t, fx);
      return s;
    case 'framing':
      return framing(s, e, fx);
    case 'countdown':
      return countdown(s, e, fx);
    case 'counting':
      return counting(s, e, fx);
    case 'paused':
      return paused(s, e, fx);
    case 'rest':
      return rest(s, e, fx);
    case 'summary':
    case 'closed':
      return s;
  }
}

const defOf = (s: FlowState): ExerciseDef => EXERCISES[s.exerciseId];

/** Says `p` when the speech rules (speech.ts) allow it now; remembers it was said. */
function say(s: FlowState, p: Phrase, kind: SpeechKind, t: number, fx: Effect[], interrupt = false): FlowState {
  const key = phraseKey(p);
  if (!maySay(s.speech, key, kind, t)) return s;
  fx.push(interrupt ? { type: 'speak', say: p, interrupt: true } : { type: 'speak', say: p });
  return kind === 'count' ? s : { ...s, speech: noteSaid(s.speech, key, t) };
}

/** Notes that `p`'s problem is on now (set-up and fault lines), then says it if the rules allow. */
function sayPresent(s: FlowState, p: Phrase, kind: SpeechKind, t: number, fx: Effect[]): FlowState {
  return say({ ...s, speech: notePresent(s.speech, phraseKey(p), t) }, p, kind, t, fx);
}

/** The engine's first set-up issue as a line, or null. */
function setupLine(issues: readonly SetupIssue[]): Phrase | null {
  const top = issues[0];
  return top ? { k: 'setup', issue: top } : null;
}

/**
 * A picture this dark (mean brightness 0..1, half the engine's DARK_LIGHT) is dark whoever is in it: the framing
 * step asks for light even when no body is found (a person in an unlit room is not told to step into view).
 * The dark-room test's clip (clip 03 darkened as an unlit room) reads 0.006; the flicker with nobody there
 * happens around DARK_LIGHT, above this.
 */
export const PLAINLY_DARK = 0.04;

/**
 * Whether the set-up line of this frame may be spoken: "more light" only when tracking really suffers (the
 * model does not see the joints the exercise needs); shown on screen either way.
 */
function speakable(issues: readonly SetupIssue[], neededSeen: boolean | undefined): boolean {
  return !(issues[0] === 'too-dark' && neededSeen === true);
}

// framing: the live picture and a verdict per need; starts by itself once every need holds READY_HOLD_MS.

function enterFraming(s: FlowState, _t: number, fx: Effect[]): FlowState {
  fx.push({ type: 'timer', everyMs: null }, { type: 'new-engine' });
  return {
    ...s,
    name: 'framing',
    countdown: 0,
    countdowns: 0,
    pause: null,
    verdicts: UNKNOWN_VERDICTS,
    readySince: null,
    goAt: Number.NaN,
    recording: false,
    line: s.cameraOk ? LOOKING : CAMERA_PAUSED,
    lastCueId: null,
    reps: { total: 0, left: 0, right: 0 },
    countedAny: false,
    faultAt: Number.NEGATIVE_INFINITY,
    faultsCued: [],
    lastFault: null,
  };
}

function framing(s: FlowState, e: FlowEvent, fx: Effect[]): FlowState {
  switch (e.type) {
    case 'frame': {
      const verdicts = verdictsFor(e.view, e.light);
      const met = allMet(verdicts);
      const readySince = met ? (s.readySince ?? e.t) : null;
      let next: FlowState = { ...s, verdicts, readySince };
      if (met) {
        next = { ...next, line: READY };
        if (s.autoStart && e.t - readySince! >= READY_HOLD_MS) return enterCountdown(next, e.t, fx);
        return next;
      }
      // One request at a time: the light is not blamed while nobody is there (with nobody in the picture the
      // engine's light reading flips, and "more light" would alternate with "step into view"), unless the picture
      // itself is plainly dark (then nobody could be seen in it, and stepping in would not help); a line stays
      // SETUP_LINE_MIN_MS before another replaces it.
      const plainlyDark = typeof e.light === 'number' && e.light < PLAINLY_DARK;
      const issues =
        e.view.setupIssues[0] === 'too-dark' && e.personSeen === false && !plainlyDark ? (['no-person'] as const) : e.view.setupIssues;
      const want = setupLine(issues) ?? LOOKING;
      const keep = s.line !== null && s.line.k === 'setup' && phraseKey(s.line) !== phraseKey(want) && e.t - s.lineAt < SETUP_LINE_MIN_MS;
      const line = keep ? s.line! : want;
      next = { ...next, line, lineAt: keep || (s.line && phraseKey(s.line) === phraseKey(line)) ? s.lineAt : e.t };
      if (line.k === 'setup' && !keep && speakable(issues, e.neededSeen)) next = sayPresent(next, line, 'setup', e.t, fx);
      return next;
    }
    case 'start':
      if (!e.anyway && !allMet(s.verdicts)) return s;
      return enterCountdown({ ...s, autoStart: true }, e.t, fx);
    case 'camera':
      return { ...s, cameraOk: e.ok, line: e.ok ? LOOKING : CAMERA_PAUSED };
    case 'skip-exercise':
      return skipThisExercise(s, e.t, fx);
    case 'skip-set':
      return skipThisSet(s, e.t, fx);
    default:
      return s;
  }
}

// countdown: 3, 2, 1, Go, once per set. Nothing cancels it; a problem after Go pauses counting instead.

function enterCountdown(s: FlowState, t: number, fx: Effect[]): FlowState {
  if (s.countdowns > 0) return enterCounting(s, t, fx);
  // Stale set-up words being spoken are out of date: the count is heard from its start.
  fx.push({ type: 'timer', everyMs: TICK_MS }, { type: 'speak', say: { k: 'count', n: COUNTDOWN_SEC }, interrupt: true });
  return { ...s, name: 'countdown', countdown: COUNTDOWN_SEC, countdownNextAt: t + 1000, countdowns: s.countdowns + 1, line: null };
}

function countdown(s: FlowState, e: FlowEvent, fx: Effect[]): FlowState {
  switch (e.type) {
    case 'tick':
    case 'frame': {
      let next = s;
      if (e.type === 'frame') next = { ...next, verdicts: verdictsFor(e.view, e.light) };
      if (e.t < next.countdownNextAt) return next;
      const n = next.countdown - 1;
      if (n > 0) {
        fx.push({ type: 'speak', say: { k: 'count', n } });
        return { ...next, countdown: n, countdownNextAt: next.countdownNextAt + 1000 };
      }
      return enterCounting(next, e.t, fx);
    }
    // Hidden or camera gone during the count: counting begins, paused, so the count is not run twice.
    case 'hidden':
      return pauseFor(enterCounting(s, e.t, fx, false), 'hidden', e.t, fx);
    case 'camera':
      return e.ok ? s : pauseFor(enterCounting(s, e.t, fx, false), 'camera', e.t, fx);
    case 'skip-exercise':
      return skipThisExercise(s, e.t, fx);
    case 'skip-set':
      return skipThisSet(s, e.t, fx);
    default:
      return s;
  }
}

function enterCounting(s: FlowState, t: number, fx: Effect[], speakGo = true): FlowState {
  fx.push({ type: 'timer', everyMs: null }, { type: 'new-engine' }, { type: 'record-start' });
  if (speakGo) fx.push({ type: 'speak', say: { k: 'go' } });
  const sides = freshSides(defOf(s));
  // Sides one after the other: the first is named ("Start with your left side").
  if (speakGo && sides?.now) fx.push({ type: 'speak', say: { k: 'side-now', side: sides.now, first: true } });
  return {
    ...s,
    name: 'counting',
    countdown: 0,
    goAt: t,
    recording: true,
    line: null,
    lastCueId: null,
    reps: { total: 0, left: 0, right: 0 },
    sides,
    holdSeen: 0,
    holdUpAt: Number.NEGATIVE_INFINITY,
  };
}

// counting: the engine counts; each rep is acknowledged; the engine's new cues are spoken by the rules.

function counting(s: FlowState, e: FlowEvent, fx: Effect[]): FlowState {
  switch (e.type) {
    case 'frame':
      return countingFrame(s, e, fx);
    case 'pause':
      return pauseFor(s, 'user', e.t, fx);
    case 'hidden':
      return pauseFor(s, 'hidden', e.t, fx);
    case 'camera':
      return e.ok ? { ...s, cameraOk: true } : pauseFor({ ...s, cameraOk: false }, 'camera', e.t, fx);
    case 'skip-exercise':
      return skipThisExercise(s, e.t, fx);
    case 'skip-set':
      return skipThisSet(s, e.t, fx);
    default:
      return s;
  }
}

function countingFrame(s: FlowState, e: Extract<FlowEvent, { type: 'frame' }>, fx: Effect[]): FlowState {
  const raw = e.view;
  const def = defOf(s);
  // What the person sees and hears: each side stopped at its target (target.ts); the raw counts only tell
  // which side keeps coming.
  const v = capSides(def, raw, s.target);
  const { mode } = counterMode(def);
  let next: FlowState = { ...s, verdicts: verdictsFor(v, e.light) };
  if (v.activeFaults.length > 0) next = { ...next, faultAt: e.t };
  if (raw.holdSec.total > next.holdSeen + 1e-6) next = { ...next, holdUpAt: e.t };
  next = { ...next, holdSeen: raw.holdSec.total };
  next = acknowledgeReps(next, v, e.t, fx);
  if (v.reps.total > 0 || v.holdSec.total > 0) next = { ...next, countedAny: true };
  if (targetReached(def, v, s.target)) return finishThisSet(next, e.t, fx, true);
  if (next.sides) {
    const sides = trackSides(next.sides, def, s.target, raw, e.t);
    next = { ...next, sides: sides.track };
    for (const w of sides.say) next = w.present ? sayPresent(next, w.phrase, 'fault', e.t, fx) : say(next, w.phrase, 'cue', e.t, fx);
  }
  // Set-up lost for longer than the engine's own patience (or never confirmed after Go): pause with one line.
  // A fresh engine still confirming a set-up it has no issue with is not a reason to pause.
  const lost = v.phase === 'paused' || (v.phase === 'setup' && v.setupIssues.length > 0 && e.t - s.goAt >= SETUP_GRACE_MS);
  if (lost) return pauseForSetup(next, v, e.t, fx, e.neededSeen);
  // A hold's time going up now: nothing that says otherwise is shown (a lingering fault, a guide to the position).
  const holding = mode === 'hold' && e.t - next.holdUpAt < HOLD_STALL_MS;
  // The engine's cue: shown; a new one is spoken (set-up cues never while counting works). Praise right after
  // a fault would contradict it, and the set's end has its own words: neither is passed on.
  const cue = v.cue && !muted(next, v.cue, e.t) && !(holding && isPositionCue(v.cue)) ? v.cue : null;
  // A guide to the position names the side to do now, where the set has sides.
  const base = cue ? cueLineOf(cue) : null;
  const cueLine: Phrase | null = base?.k === 'cue' && cue?.about === 'guide' && next.sides?.now ? { ...base, side: next.sides.now } : base;
  if (cue && cueLine && cue.about === 'guide') {
    // The engine's guide says why nothing is counting (which part of the position is missing): said by the
    // set-up rules (once, once more if it lasts, then only shown).
    next = sayPresent(next, cueLine, 'setup', e.t, fx);
  } else if (cue && cueLine && cue.id !== s.lastCueId && cue.kind !== 'setup') {
    next = sayPresent(next, cueLine, 'cue', e.t, fx);
  }
  const cuedFault = cueLine?.k === 'fault' ? cueLine.faultId : null;
  if (cuedFault !== null && !next.faultsCued.includes(cuedFault)) next = { ...next, faultsCued: [...next.faultsCued, cuedFault] };
  // A fault still on while its cue rests (the engine does not repeat a cue within its cooldown) stays named.
  const nowFault = v.activeFaults.find((id) => next.faultsCued.includes(id)) ?? null;
  if (nowFault !== null) next = { ...next, lastFault: nowFault };
  // A fault that stands (its cue said once, the engine not raising it again) is said again every
  // FAULT_REMIND_MS while it is still on (speech.ts): the person is still making it, so the coach keeps
  // reminding, at most 4 times a minute. Clip 04's pike, read steadily, would otherwise be said once in a 40 s set.
  if (nowFault !== null && !(cue && cue.id !== s.lastCueId && cuedFault === nowFault)) {
    next = sayPresent(next, { k: 'fault', faultId: nowFault }, 'fault', e.t, fx);
  }
  return { ...next, lastCueId: cue?.id ?? null, line: countingLine(next, v, e.t, { mode, holding, cue, cueLine, nowFault }) };
}

/** The one line while counting, the most pressing first. */
function countingLine(
  s: FlowState,
  v: EngineView,
  t: number,
  o: { mode: 'reps' | 'hold'; holding: boolean; cue: CueRef | null; cueLine: Phrase | null; nowFault: string | null },
): Phrase {
  const activeFault = o.nowFault ?? v.activeFaults[0] ?? null;
  // A hold whose timer waits says why: a fault that is on now, else the position (the engine's guide).
  if (o.mode === 'hold' && !o.holding) {
    if (activeFault !== null) return { k: 'timer-paused', faultId: activeFault };
    if (o.cue && isPositionCue(o.cue)) return { k: 'timer-paused', cue: o.cue, side: s.sides?.now ?? undefined };
  }
  const sides = s.sides;
  if (sides?.note && (sides.note.k === 'other-side' || sides.note.k === 'one-side' || t < sides.noteUntil)) return sides.note;
  if (o.cueLine) return o.cueLine;
  // A fault gone a moment ago lingers (it flickers near its threshold), never in red and never while the hold counts.
  if (!o.holding && s.lastFault !== null && t - s.faultAt < FAULT_LINE_MS) return { k: 'fault', faultId: s.lastFault, active: false };
  return idleLine(defOf(s), v, o.holding, sides);
}

/** A cue about the position (what is missing from it), not about form. */
function isPositionCue(cue: CueRef): boolean {
  return cue.kind === 'setup' || cue.about === 'guide';
}

/** An engine cue as a line: a fault cue as its fault (one key for the cue and its reminders), else the cue. */
function cueLineOf(cue: CueRef): Phrase {
  return cue.kind === 'fault' && cue.about === 'fault' ? { k: 'fault', faultId: cue.faultId } : { k: 'cue', cue };
}

function muted(s: FlowState, cue: NonNullable<EngineView['cue']>, t: number): boolean {
  if (cue.kind === 'praise') return t - s.faultAt < PRAISE_CLEAN_MS;
  return cue.about === 'target';
}

/** What the screen says while counting with nothing to correct: what is being counted, and the side to do now. */
function idleLine(def: ExerciseDef, v: EngineView, holding: boolean, sides: SideTrack | null): Phrase {
  const { mode } = counterMode(def);
  const per = mode === 'hold' ? v.holdSec : v.reps;
  const shown = sides ? { left: Math.floor(per.left), right: Math.floor(per.right) } : null;
  return {
    k: 'idle',
    mode,
    total: v.reps.total,
    holding: holding || (mode === 'hold' && v.holdSec.total > 0 && v.currentHoldSide !== null),
    sides: shown,
    now: sides?.now ?? null,
  };
}

function acknowledgeReps(s: FlowState, v: EngineView, t: number, fx: Effect[]): FlowState {
  const { sides } = counterMode(defOf(s));
  const r = v.reps;
  if (r.total === s.reps.total && r.left === s.reps.left && r.right === s.reps.right) return s;
  let next: FlowState = { ...s, reps: { total: r.total, left: r.left, right: r.right } };
  if (r.total > s.reps.total || r.left > s.reps.left || r.right > s.reps.right) {
    next = { ...next, repPulse: s.repPulse + 1 };
    // The number as shown, with its side where the counter shows sides ("Left 7"): never two bare counters
    // interleaved.
    if (!sides) next = say(next, { k: 'count', n: r.total }, 'count', t, fx);
    else if (r.left > s.reps.left) next = say(next, { k: 'count', n: r.left, side: 'left' }, 'count', t, fx);
    else if (r.right > s.reps.right) next = say(next, { k: 'count', n: r.right, side: 'right' }, 'count', t, fx);
  }
  return next;
}

// paused: user, hidden tab, camera gone (resumed by the person or the camera), or set-up lost (resumes by itself).

function pauseFor(s: FlowState, reason: PauseReason, t: number, fx: Effect[]): FlowState {
  fx.push({ type: 'record-save' }, { type: 'silence' });
  let next: FlowState = { ...s, name: 'paused', pause: reason, line: { k: 'paused', reason }, readySince: null };
  if (reason === 'user') next = say(next, { k: 'user-paused' }, 'count', t, fx);
  if (reason === 'camera') next = say(next, { k: 'camera-lost' }, 'count', t, fx);
  return next;
}

function pauseForSetup(s: FlowState, v: EngineView, t: number, fx: Effect[], neededSeen: boolean | undefined): FlowState {
  const line = setupLine(v.setupIssues);
  fx.push({ type: 'record-save' });
  let next: FlowState = { ...s, name: 'paused', pause: 'setup', line: { k: 'paused', reason: 'setup', issue: v.setupIssues[0] ?? null } };
  if (line && speakable(v.setupIssues, neededSeen)) next = sayPresent(next, line, 'setup', t, fx);
  return next;
}

function paused(s: FlowState, e: FlowEvent, fx: Effect[]): FlowState {
  switch (e.type) {
    case 'frame': {
      if (s.pause !== 'setup') return s;
      const v = e.view;
      let next: FlowState = { ...s, verdicts: verdictsFor(v, e.light) };
      next = acknowledgeReps(next, v, e.t, fx);
      if (v.phase === 'active')
        return { ...next, name: 'counting', pause: null, line: v.cue ? cueLineOf(v.cue) : idleLine(defOf(s), v, false, s.sides) };
      const line = setupLine(v.setupIssues);
      next = { ...next, line: { k: 'paused', reason: 'setup', issue: v.setupIssues[0] ?? null } };
      if (line && speakable(v.setupIssues, e.neededSeen)) next = sayPresent(next, line, 'setup', e.t, fx);
      return next;
    }
    case 'pause':
      // Set-up pause → the person pauses: held until they resume.
      return s.pause === 'setup' ? pauseFor(s, 'user', e.t, fx) : s;
    case 'hidden':
      return s.pause === 'setup' ? pauseFor(s, 'hidden', e.t, fx) : s;
    case 'resume':
      if (s.pause === 'setup') return s;
      if (s.pause === 'camera' && !s.cameraOk) return s;
      return resumeCounting(s, e.t, fx);
    case 'camera':
      if (!e.ok) return s.pause === 'camera' ? { ...s, cameraOk: false } : pauseFor({ ...s, cameraOk: false }, 'camera', e.t, fx);
      // The camera is back: carry on where the set was (the engine's own set-up gate waits for the person).
      if (s.pause === 'camera') return resumeCounting({ ...s, cameraOk: true }, e.t, fx);
      return { ...s, cameraOk: true };
    case 'skip-exercise':
      return skipThisExercise(s, e.t, fx);
    case 'skip-set':
      return skipThisSet(s, e.t, fx);
    default:
      return s;
  }
}

function resumeCounting(s: FlowState, t: number, fx: Effect[]): FlowState {
  // Counted from now: the engine's clock skipped the pause, so the grace after Go applies again.
  fx.push({ type: 'speak', say: { k: 'carry-on' }, interrupt: true });
  return { ...s, name: 'counting', pause: null, goAt: t, line: null };
}

// end of a set: rest, the next set, or the summary.

function finishThisSet(s: FlowState, t: number, fx: Effect[], reached: boolean): FlowState {
  if (s.recording) fx.push({ type: 'record-finish' });
  // "Well done" only for a set that counted something with no form fault in it.
  const well = s.countedAny && !Number.isFinite(s.faultAt);
  let next: FlowState = { ...s, recording: false, setsDone: s.setsDone + (s.recording ? 1 : 0), carry: null };
  if (reached) fx.push({ type: 'speak', say: { k: 'set-complete', well }, interrupt: true });
  const run = finishSet(s.plan.run, t);
  next = { ...next, plan: { ...s.plan, run } };
  return afterStep(next, t, fx);
}

function afterStep(s: FlowState, t: number, fx: Effect[]): FlowState {
  const st = s.plan.run.step;
  if (st.kind === 'done') return toSummary(s, null, fx);
  if (st.kind === 'rest') {
    const nextId = restNextExercise(s.plan.run);
    fx.push({ type: 'timer', everyMs: TICK_MS });
    fx.push({ type: 'speak', say: { k: 'rest', next: nextId } });
    return { ...s, name: 'rest', pause: null, line: null, countdown: 0 };
  }
  // The next set straight away (no rest, or the rest was skipped): its framing step first.
  const exerciseId = st.block.exerciseId as ExerciseId;
  const def = EXERCISES[exerciseId];
  return enterFraming({ ...s, exerciseId, target: targetFor(def, blockTarget(st.block)) }, t, fx);
}

/** The exercise after the current rest, or null. */
export function restNextExercise(r: RoutineRunState): ExerciseId | null {
  if (r.step.kind !== 'rest') return null;
  const { blockIndex, set, block } = r.step;
  const id = set < block.sets ? block.exerciseId : r.routine.blocks[blockIndex + 1]?.exerciseId;
  return id && id in EXERCISES ? (id as ExerciseId) : null;
}

/** Seconds of rest left, for the rest panel. */
export function restLeftSec(s: FlowState, t: number): number {
  return restRemainingSec(s.plan.run, t);
}

function rest(s: FlowState, e: FlowEvent, fx: Effect[]): FlowState {
  if (e.type !== 'tick' && e.type !== 'skip-rest' && e.type !== 'skip-exercise') return s;
  if (e.type === 'skip-exercise') return skipThisExercise(s, e.t, fx);
  const run = tickRest(s.plan.run, e.t, e.type === 'skip-rest');
  if (run === s.plan.run) return s;
  return afterStep({ ...s, plan: { ...s.plan, run } }, e.t, fx);
}

/** True while another set of this exercise follows the current one. */
export function hasNextSet(s: FlowState): boolean {
  const st = s.plan.run.step;
  return st.kind === 'set' && st.set < st.block.sets;
}

function skipThisSet(s: FlowState, t: number, fx: Effect[]): FlowState {
  if (!hasNextSet(s)) return s;
  fx.push({ type: 'silence' }, { type: 'timer', everyMs: null });
  return finishThisSet(s, t, fx, false);
}

function skipThisExercise(s: FlowState, t: number, fx: Effect[]): FlowState {
  if (s.plan.kind !== 'routine') return s;
  if (s.recording) fx.push({ type: 'record-finish' });
  fx.push({ type: 'silence' });
  const next: FlowState = {
    ...s,
    recording: false,
    setsDone: s.setsDone + (s.recording ? 1 : 0),
    carry: null,
    plan: { ...s.plan, run: skipExercise(s.plan.run) },
  };
  return afterStep(next, t, fx);
}

function stop(s: FlowState, _t: number, fx: Effect[]): FlowState {
  if (s.name === 'summary' || s.name === 'closed') return s;
  fx.push({ type: 'silence' }, { type: 'timer', everyMs: null });
  if (s.name === 'check-in') {
    fx.push({ type: 'leave' });
    return { ...s, name: 'closed' };
  }
  if (s.recording) fx.push({ type: 'record-finish' });
  const next: FlowState = { ...s, recording: false, setsDone: s.setsDone + (s.recording ? 1 : 0) };
  // "Next exercise" only inside a routine, and only when the routine has one after this.
  const st = s.plan.run.step;
  const nextBlock =
    s.plan.kind === 'routine' && st.kind !== 'done' && st.blockIndex + 1 < s.plan.run.routine.blocks.length ? st.blockIndex + 1 : null;
  return toSummary(next, nextBlock, fx);
}

function toSummary(s: FlowState, nextBlock: number | null, fx: Effect[]): FlowState {
  fx.push(
    { type: 'timer', everyMs: null },
    { type: 'summary', routineName: s.plan.kind === 'routine' ? s.plan.run.routine.name : null, nextBlock },
  );
  return { ...s, name: 'summary', pause: null, line: null, countdown: 0 };
}
