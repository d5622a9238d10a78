// What React renders of the live coach, made from the pure side's state: the slow part of the engine's view
// (CoachView) and the set flow's state (LiveState). Pure; the store is written only when one of them changed.
import type { EngineView } from '../../core/engine';
import type { ExerciseDef } from '../../core/exercises';
import { cueText } from '../../words/coachWords';
import { phraseText, phraseTone } from '../../words/liveWords';
import type { CoachView, LiveState } from '../store';
import type { BannerSide } from './framing';
import type { Carry } from './pendingSet';
import type { SideCounts } from '../../storage/schema';
import { allMet } from './framing';
import type { FlowState } from './setFlow';
import { hasNextSet, restLeftSec, restNextExercise, setLabel } from './setFlow';
import { counterMode } from './target';

/** The counter's part of a coach view: whole reps and whole seconds, per side where the exercise has sides. */
function countsOf(def: ExerciseDef, reps: SideCounts, holdSec: SideCounts) {
  const { mode, sides } = counterMode(def);
  const per = mode === 'hold' ? holdSec : reps;
  return {
    mode,
    sides,
    reps: reps.total,
    holdSec: Math.floor(holdSec.total),
    left: sides ? Math.floor(per.left) : 0,
    right: sides ? Math.floor(per.right) : 0,
  };
}

/** The slow part of the engine's view: whole reps and whole seconds, so React hears only of shown changes. */
export function coachViewOf(def: ExerciseDef, v: EngineView, goodForm: string | null = null): CoachView {
  return {
    ...countsOf(def, v.reps, v.holdSec),
    cue: v.cue ? cueText(def.id, v.cue) : null,
    cueKind: v.cue?.kind ?? null,
    phase: v.phase,
    setupIssues: v.setupIssues,
    goodForm,
  };
}

/**
 * A set carried on after a reload, between "Go" and its new engine's first frame: the counts it brought with it
 * (nothing new is counted yet), so the counter does not drop to 0:00 for a moment.
 */
export function coachViewOfCarry(def: ExerciseDef, c: Carry): CoachView {
  return { ...countsOf(def, c.reps, c.holdSec), cue: null, cueKind: null, phase: 'setup', setupIssues: [], goodForm: null };
}

export function sameCoach(a: CoachView, b: CoachView | null): boolean {
  if (!b) return false;
  return (
    a.reps === b.reps &&
    a.holdSec === b.holdSec &&
    a.left === b.left &&
    a.right === b.right &&
    a.cue === b.cue &&
    a.cueKind === b.cueKind &&
    a.phase === b.phase &&
    a.setupIssues.join() === b.setupIssues.join() &&
    a.goodForm === b.goodForm
  );
}

/** What React renders of the flow. */
export function liveStateOf(f: FlowState, t: number, banner: { side: BannerSide; size: number }): LiveState {
  const rest = f.name === 'rest' ? { remainingSec: restLeftSec(f, t), nextExerciseId: restNextExercise(f.plan.run) } : null;
  return {
    exerciseId: f.exerciseId,
    stage: f.name,
    countdown: f.countdown,
    paused: f.name === 'paused' ? f.pause : null,
    // The flow keeps ids; they are worded here, once, for the screen.
    target: f.target,
    setLabel: setLabel(f),
    line: f.line ? phraseText(f.exerciseId, f.line) : null,
    lineKind: f.line ? phraseTone(f.line) : null,
    verdicts: f.verdicts,
    canStart: allMet(f.verdicts),
    autoStart: f.autoStart,
    rest,
    inRoutine: f.plan.kind === 'routine',
    repPulse: f.repPulse,
    banner,
    cameraOk: f.cameraOk,
    nextSet: hasNextSet(f),
    sides: f.sides ? { now: f.sides.now, done: f.sides.done } : null,
  };
}

export function sameLive(a: LiveState, b: LiveState): boolean {
  return (
    a.exerciseId === b.exerciseId &&
    a.stage === b.stage &&
    a.countdown === b.countdown &&
    a.paused === b.paused &&
    a.target === b.target &&
    a.setLabel === b.setLabel &&
    a.line === b.line &&
    a.lineKind === b.lineKind &&
    a.verdicts === b.verdicts &&
    a.canStart === b.canStart &&
    a.autoStart === b.autoStart &&
    a.inRoutine === b.inRoutine &&
    a.repPulse === b.repPulse &&
    a.nextSet === b.nextSet &&
    a.sides?.now === b.sides?.now &&
    a.sides?.done.left === b.sides?.done.left &&
    a.sides?.done.right === b.sides?.done.right &&
    a.banner.side === b.banner.side &&
    a.banner.size === b.banner.size &&
    a.cameraOk === b.cameraOk &&
    (a.rest?.remainingSec ?? -1) === (b.rest?.remainingSec ?? -1) &&
    (a.rest?.nextExerciseId ?? null) === (b.rest?.nextExerciseId ?? null)
  );
}
