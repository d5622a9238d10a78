// The live set, outside React: check-in → set-up guidance → 3-2-1 → counting → summary (or rest in a
// routine). It plugs into the frame loop as its Coach (session.ts), steps the pure engine on each
// frame, feeds the SessionRecorder and saves as it goes, and speaks. React only renders the store.
//
// Engine time is its own clock: it advances with frame time only while counting runs, so a pause, a
// hidden tab or a camera gap never credits hold seconds or reps (issue 5: "no phantom reps on return").
import type { PoseFrame } from '../../core/pose';
import { createEngineState, setModel, step } from '../../core/engine';
import type { EngineOptions, EngineState, EngineView } from '../../core/engine';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import type { ExerciseDef } from '../../core/exercises';
import { SessionRecorder } from '../../session/sessionRecorder';
import type { Routine, RoutineRunState } from '../../session/routine';
import { finishSet, restRemainingSec, skipExercise as skipRoutineExercise, startRoutine, tickRest } from '../../session/routine';
import type { SessionRecord } from '../../storage/schema';
import { saveSession } from '../history/historyStore';
import { coachViewOf } from '../coachEngine';
import type { Coach, CoachStep } from '../session';
import { onCameraChange, setCoachEngine } from '../session';
import type { CoachView, LiveState, PauseReason } from '../store';
import { appStore, go, patchLive, setLive, setSummary } from '../store';
import { speaker } from '../voice';
import { loadRoutine } from '../routine/routineStore';
import type { SetTarget } from './target';
import { guidanceFor, targetFor, targetReached } from './target';

/** Seconds of the spoken 3-2-1 before counting starts. */
export const COUNTDOWN_SEC = 3;

let def: ExerciseDef | null = null;
let target: SetTarget = {};
let engine: EngineState | null = null;
let recorder: SessionRecorder | null = null;
/** Engine clock (ms): advances only with frames that are counted. */
let engineT = 0;
let lastFrameT = Number.NaN;
let lastView: CoachView | null = null;
let lastCueId: string | null = null;
let countdownTimer: ReturnType<typeof setInterval> | null = null;
let restTimer: ReturnType<typeof setInterval> | null = null;
let run: RoutineRunState | null = null;
let records: SessionRecord[] = [];
let painBefore: number | null = null;

const live = (): LiveState | null => appStore.getState().live;

/**
 * Saves one after another, in the order asked: two writes of the same record in flight at once could
 * land out of order and leave an older count on disk.
 */
let saveChain: Promise<void> = Promise.resolve();
function persist(rec: SessionRecord): void {
  saveChain = saveChain.then(() => saveSession(rec)).catch(() => undefined);
}

function say(text: string | null | undefined): void {
  if (!text) return;
  const s = appStore.getState().settings;
  speaker.enabled = s.voiceOn;
  speaker.setVoice(s.voiceURI);
  speaker.say(text);
}

function engineOpts(t: SetTarget): EngineOptions {
  // The engine reads the thresholds of the model's keypoint space (MoveNet and BlazePose place hips apart).
  const o: EngineOptions = { model: appStore.getState().settings.model };
  if (t.reps !== undefined) o.targetReps = t.reps;
  if (t.holdSec !== undefined) o.targetHoldSec = t.holdSec;
  return o;
}

function unitOf(label: string): { label: string; unit: string } {
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(label);
  if (!m) return { label, unit: '' };
  const unit = (m[2] ?? '').split(',')[0]?.trim() ?? '';
  return { label: m[1] ?? label, unit: /^[\d–-]+$/.test(unit) ? '' : unit };
}

// ---- starting ----

/** Opens the live screen for one exercise: pain check-in first, then the camera. */
export function openExercise(exerciseId: string): void {
  if (!isExerciseId(exerciseId)) return;
  reset();
  run = null;
  enter(exerciseId, undefined, null);
}

/** Opens the routine (the user's, else the defaults). */
export function openRoutine(routine: Routine = loadRoutine()): void {
  reset();
  run = startRoutine(routine);
  if (run.step.kind !== 'set') return;
  const b = run.step.block;
  enter(b.exerciseId, { reps: b.reps, holdSec: b.holdSec }, setLabelFor(run));
}

function setLabelFor(r: RoutineRunState): string | null {
  if (r.step.kind === 'done') return null;
  const { blockIndex, set, block } = r.step;
  return `Exercise ${blockIndex + 1} of ${r.routine.blocks.length} · set ${set} of ${block.sets}`;
}

function enter(exerciseId: string, given: SetTarget | undefined, setLabel: string | null): void {
  if (!isExerciseId(exerciseId)) return;
  def = EXERCISES[exerciseId];
  target = targetFor(def, given && (given.reps !== undefined || given.holdSec !== undefined) ? given : undefined);
  setLive({
    exerciseId, stage: 'check-in', countdown: 0, paused: null, target, setLabel,
    guidance: null, rest: null, inRoutine: run !== null,
  });
  go('live');
}

/** The pain check-in answered (or skipped with null): the camera starts and set-up guidance begins. */
export function checkIn(pain: number | null): void {
  painBefore = pain;
  beginSet();
}

function beginSet(): void {
  if (!def) return;
  clearTimers();
  engine = createEngineState(def.id, engineOpts(target));
  engineT = 0;
  lastFrameT = Number.NaN;
  lastCueId = null;
  recorder = null;
  lastView = null;
  patchLive({ stage: 'setup', countdown: 0, paused: null, guidance: null, rest: null, setLabel: run ? setLabelFor(run) : null });
  setCoachEngine(liveCoach);
}

// ---- the frame hook ----

const liveCoach: Coach = {
  step(frame: PoseFrame): CoachStep {
    const l = live();
    if (!l || !engine || !def || l.stage === 'check-in' || l.stage === 'rest' || l.paused) {
      // Not counting: frames keep the skeleton drawn (neutral) but do not move the engine's clock.
      lastFrameT = Number.NaN;
      return { jointStyles: {}, view: lastView ?? neutralView() };
    }
    engineT += Number.isFinite(lastFrameT) ? Math.max(0, frame.t - lastFrameT) : 0;
    lastFrameT = frame.t;
    const r = step(engine, { ...frame, t: engineT });
    const v = r.view;
    onView(l, v, r.events);
    lastView = coachViewOf(def, v);
    return { jointStyles: v.jointStyles, view: lastView };
  },
  // The loop restarts (camera back, model switched): counts stay; the next frame just restarts the clock.
  reset() {
    lastFrameT = Number.NaN;
    if (engine) setModel(engine, appStore.getState().settings.model);
  },
};

function neutralView(): CoachView {
  return { mode: 'hold', sides: false, reps: 0, holdSec: 0, left: 0, right: 0, cue: null, cueKind: null, phase: 'setup', setupIssues: [] };
}

function onView(l: LiveState, v: EngineView, events: ReturnType<typeof step>['events']): void {
  if (!def) return;
  const guidance = guidanceFor(def, v);
  if (guidance !== l.guidance) {
    patchLive({ guidance });
    say(guidance);
  }
  if (l.stage === 'setup') {
    if (v.phase === 'active') startCountdown();
    return;
  }
  if (l.stage === 'countdown') {
    if (v.phase !== 'active') cancelCountdown();
    return;
  }
  // Counting.
  if (!recorder) return;
  if (recorder.add(engineT, events, v, Date.now())) persist(recorder.snapshot());
  const cue = v.cue;
  if (cue && cue.id !== lastCueId && cue.kind !== 'setup') say(cue.text);
  lastCueId = cue?.id ?? null;
  if (targetReached(def, v, target)) completeSet();
}

// ---- countdown ----

function startCountdown(): void {
  patchLive({ stage: 'countdown', countdown: COUNTDOWN_SEC });
  // The set-up words still being spoken are out of date now; the count must be heard from its start.
  speaker.cancel();
  say(String(COUNTDOWN_SEC));
  clearCountdown();
  countdownTimer = setInterval(() => {
    const l = live();
    if (!l || l.stage !== 'countdown') return clearCountdown();
    const n = l.countdown - 1;
    if (n > 0) {
      patchLive({ countdown: n });
      say(String(n));
      return;
    }
    clearCountdown();
    startCounting();
  }, 1000);
}

function cancelCountdown(): void {
  clearCountdown();
  patchLive({ stage: 'setup', countdown: 0 });
}

function clearCountdown(): void {
  if (countdownTimer !== null) clearInterval(countdownTimer);
  countdownTimer = null;
}

/** End of the countdown: a fresh engine, so nothing from set-up or the countdown is counted. */
function startCounting(): void {
  if (!def) return;
  engine = createEngineState(def.id, engineOpts(target));
  engineT = 0;
  lastFrameT = Number.NaN;
  lastCueId = null;
  const { label, unit } = unitOf(def.metricLabel);
  const now = Date.now();
  recorder = new SessionRecorder({
    id: `live-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    exerciseId: def.id, source: 'live', startedAt: now, metricLabel: label, metricUnit: unit,
    target: { ...target }, painBefore,
  });
  // Re-plugging clears the view shown so far: the countdown engine's numbers must not linger on screen.
  lastView = null;
  setCoachEngine(liveCoach);
  patchLive({ stage: 'active', countdown: 0 });
  say('Go');
}

// ---- pause, resume, stop ----

export function pause(reason: PauseReason): void {
  const l = live();
  if (!l) return;
  if (l.stage === 'countdown') cancelCountdown();
  if (l.stage !== 'active' || (l.paused && reason === 'user')) return;
  patchLive({ paused: reason });
  if (recorder) persist(recorder.snapshot());
  speaker.cancel();
  if (reason === 'user') say('Paused');
  if (reason === 'camera') say('The camera stopped. Your count is kept.');
}

export function resume(): void {
  const l = live();
  if (!l?.paused) return;
  // The camera has to be back first; until then the button says so.
  if (l.paused === 'camera' && appStore.getState().phase !== 'running') return;
  lastFrameT = Number.NaN;
  patchLive({ paused: null });
  say('Carry on');
}

export function togglePause(): void {
  const l = live();
  if (!l) return;
  if (l.paused) resume();
  else pause('user');
}

/** Ends the current set now (Escape, Stop): what was counted is saved and summarised. */
export function stop(): void {
  const l = live();
  if (!l) return;
  speaker.cancel();
  if (l.stage === 'check-in') {
    leave();
    go('home');
    return;
  }
  const rec = finishRecorder();
  if (rec) records.push(rec);
  showSummary();
}

function completeSet(): void {
  const rec = finishRecorder();
  if (rec) records.push(rec);
  say('Set complete. Well done.');
  if (!run) return showSummary();
  run = finishSet(run, Date.now());
  afterRoutineStep();
}

function afterRoutineStep(): void {
  if (!run) return;
  const st = run.step;
  if (st.kind === 'done') return showSummary();
  if (st.kind === 'rest') {
    const next = nextExerciseIdAfterRest(run);
    patchLive({ stage: 'rest', paused: null, guidance: null, rest: { remainingSec: restRemainingSec(run, Date.now()), nextExerciseId: next } });
    say(`Rest. Next: ${next && isExerciseId(next) ? EXERCISES[next].name : 'the next set'}.`);
    clearRest();
    restTimer = setInterval(() => tickRestNow(false), 250);
    return;
  }
  // The next set straight away (no rest, or rest skipped).
  const b = st.block;
  if (b.exerciseId !== def?.id) {
    def = isExerciseId(b.exerciseId) ? EXERCISES[b.exerciseId] : def;
  }
  if (!def) return;
  target = targetFor(def, { reps: b.reps, holdSec: b.holdSec });
  patchLive({ exerciseId: def.id, target });
  beginSet();
}

function nextExerciseIdAfterRest(r: RoutineRunState): string | null {
  if (r.step.kind !== 'rest') return null;
  const { blockIndex, set, block } = r.step;
  if (set < block.sets) return block.exerciseId;
  return r.routine.blocks[blockIndex + 1]?.exerciseId ?? null;
}

function tickRestNow(skip: boolean): void {
  if (!run || run.step.kind !== 'rest') return clearRest();
  const now = Date.now();
  const next = tickRest(run, now, skip);
  if (next === run) {
    const remainingSec = restRemainingSec(run, now);
    const l = live();
    if (l?.rest && l.rest.remainingSec !== remainingSec) patchLive({ rest: { ...l.rest, remainingSec } });
    return;
  }
  clearRest();
  run = next;
  afterRoutineStep();
}

export function skipRest(): void { tickRestNow(true); }

/** Skips the rest of this exercise in a routine (e.g. it hurts); what was counted is kept. */
export function skipExercise(): void {
  if (!run) return;
  const rec = finishRecorder();
  if (rec) records.push(rec);
  clearRest();
  clearCountdown();
  speaker.cancel();
  run = skipRoutineExercise(run);
  afterRoutineStep();
}

function clearRest(): void {
  if (restTimer !== null) clearInterval(restTimer);
  restTimer = null;
}

function clearTimers(): void {
  clearCountdown();
  clearRest();
}

function finishRecorder(): SessionRecord | null {
  const r = recorder;
  recorder = null;
  if (!r) return null;
  const rec = r.finish(Date.now());
  persist(rec);
  return rec;
}

function showSummary(): void {
  const ids = Object.keys(EXERCISES);
  const lastId = def?.id ?? null;
  const i = lastId ? ids.indexOf(lastId) : -1;
  setSummary({
    records: [...records],
    routineName: run ? run.routine.name : null,
    painBefore,
    painAfter: null,
    nextExerciseId: run || i < 0 ? null : ids[i + 1] ?? null,
  });
  leave();
  go('summary');
}

/** The pain check-in after the set: stored on each record of the set or routine. */
export function setPainAfter(pain: number | null): void {
  const s = appStore.getState().summary;
  if (!s) return;
  const updated = s.records.map((r) => ({ ...r, painAfter: pain }));
  setSummary({ ...s, painAfter: pain, records: updated });
  for (const r of updated) persist(r);
}

/** Leaving the live screen any way: counted work is saved, the camera stops (Stage unmounts). */
export function leave(): void {
  const rec = finishRecorder();
  if (rec) records.push(rec);
  clearTimers();
  speaker.cancel();
  setCoachEngine(null);
  engine = null;
  setLive(null);
}

function reset(): void {
  leave();
  records = [];
  painBefore = null;
  def = null;
}

// ---- the world outside: hidden tab, lost camera ----

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') pause('hidden');
  });
}

onCameraChange((state) => {
  const l = live();
  if (!l) return;
  if (state === 'lost') {
    if (l.stage === 'active') pause('camera');
    else if (l.stage === 'countdown') cancelCountdown();
    return;
  }
  // The camera is back: carry on where the set was (the engine's own set-up gate waits for the person).
  if (l.paused === 'camera') resume();
});

// Navigating away mid-set (menu, Back): what was counted is saved and the camera stops.
appStore.subscribe((s, prev) => {
  if (prev.screen === 'live' && s.screen !== 'live' && s.live) leave();
});
