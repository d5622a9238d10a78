// Routines: an ordered list of exercise blocks (sets × reps or hold seconds, rest between sets),
// and a pure state machine that walks through them. Times come from the caller (ms), so the
// runner is deterministic and testable; the UI ticks it and renders its state.
import { exerciseList } from '../core/exercises';

export interface RoutineBlock {
  exerciseId: string;
  sets: number;
  /** Reps per set (per side where the exercise has sides). */
  reps?: number;
  /** Seconds to hold per set (per side where the exercise has sides). */
  holdSec?: number;
  restSec: number;
}

export interface Routine {
  id: string;
  name: string;
  blocks: RoutineBlock[];
}

/**
 * The starting routine, in the article's order: every registered exercise with its record's defaults (sets,
 * reps or hold seconds, rest). The numbers are editable defaults of the kind a physiotherapist would start a
 * back-pain patient on (short holds, low reps, rest between sets), not a prescription: the user is told so
 * and can change every one of them.
 */
export function defaultRoutine(): Routine {
  return {
    id: 'default',
    name: 'Back care starter (editable defaults)',
    blocks: exerciseList().map((d): RoutineBlock => {
      const { sets, restSec, reps, holdSec } = d.defaults;
      // A rep exercise counts reps; a hold counts seconds (an exercise giving both is a rep exercise).
      return reps !== undefined ? { exerciseId: d.id, sets, reps, restSec } : { exerciseId: d.id, sets, holdSec: holdSec ?? 20, restSec };
    }),
  };
}

/** The starting routine of the shipped exercises (defaultRoutine() at load). */
export const DEFAULT_ROUTINE: Routine = defaultRoutine();

export class RoutineError extends Error {}

const whole = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/** Validates a routine (e.g. one the user edited, or read back from storage). */
export function parseRoutine(v: unknown, knownExercises: readonly string[]): Routine {
  if (typeof v !== 'object' || v === null) throw new RoutineError('a routine must be an object');
  const r = v as Record<string, unknown>;
  if (typeof r.id !== 'string' || !r.id) throw new RoutineError('the routine needs an id');
  if (typeof r.name !== 'string' || !r.name.trim()) throw new RoutineError('the routine needs a name');
  if (!Array.isArray(r.blocks) || r.blocks.length === 0) throw new RoutineError('the routine needs at least one exercise');
  const blocks = r.blocks.map((b, i): RoutineBlock => {
    const o = (b ?? {}) as Record<string, unknown>;
    const where = `exercise ${i + 1}`;
    if (typeof o.exerciseId !== 'string' || !knownExercises.includes(o.exerciseId))
      throw new RoutineError(`${where}: unknown exercise ${JSON.stringify(o.exerciseId)}`);
    if (!whole(o.sets, 1, 10)) throw new RoutineError(`${where}: sets must be a whole number from 1 to 10`);
    if (!whole(o.restSec, 0, 600)) throw new RoutineError(`${where}: rest must be 0 to 600 seconds`);
    const hasReps = o.reps !== undefined;
    const hasHold = o.holdSec !== undefined;
    if (hasReps === hasHold) throw new RoutineError(`${where}: give either reps or a hold time`);
    if (hasReps && !whole(o.reps, 1, 100)) throw new RoutineError(`${where}: reps must be a whole number from 1 to 100`);
    if (hasHold && !whole(o.holdSec, 5, 600)) throw new RoutineError(`${where}: hold must be 5 to 600 seconds`);
    const block: RoutineBlock = { exerciseId: o.exerciseId, sets: o.sets as number, restSec: o.restSec as number };
    if (hasReps) block.reps = o.reps as number;
    if (hasHold) block.holdSec = o.holdSec as number;
    return block;
  });
  return { id: r.id, name: r.name.trim(), blocks };
}

export type RoutineStep =
  | { kind: 'set'; blockIndex: number; set: number; block: RoutineBlock }
  | { kind: 'rest'; blockIndex: number; set: number; block: RoutineBlock; untilMs: number }
  | { kind: 'done' };

export interface RoutineRunState {
  routine: Routine;
  step: RoutineStep;
  /** Sets finished so far, for the progress bar. */
  setsDone: number;
  setsTotal: number;
}

export function startRoutine(routine: Routine): RoutineRunState {
  const first = routine.blocks[0];
  const setsTotal = routine.blocks.reduce((s, b) => s + b.sets, 0);
  return { routine, setsDone: 0, setsTotal, step: first ? { kind: 'set', blockIndex: 0, set: 1, block: first } : { kind: 'done' } };
}

/** The current set ended (target reached, or the user stopped it): rest, or move on. */
export function finishSet(s: RoutineRunState, nowMs: number): RoutineRunState {
  if (s.step.kind !== 'set') return s;
  const { blockIndex, set, block } = s.step;
  const setsDone = s.setsDone + 1;
  const isLastSet = set >= block.sets && blockIndex >= s.routine.blocks.length - 1;
  if (isLastSet) return { ...s, setsDone, step: { kind: 'done' } };
  if (block.restSec > 0) return { ...s, setsDone, step: { kind: 'rest', blockIndex, set, block, untilMs: nowMs + block.restSec * 1000 } };
  return { ...s, setsDone, step: nextSet(s.routine, blockIndex, set) };
}

/** Called every tick while resting; ends the rest when its time is up. `skip` ends it now. */
export function tickRest(s: RoutineRunState, nowMs: number, skip = false): RoutineRunState {
  if (s.step.kind !== 'rest') return s;
  if (!skip && nowMs < s.step.untilMs) return s;
  return { ...s, step: nextSet(s.routine, s.step.blockIndex, s.step.set) };
}

export function restRemainingSec(s: RoutineRunState, nowMs: number): number {
  return s.step.kind === 'rest' ? Math.max(0, Math.ceil((s.step.untilMs - nowMs) / 1000)) : 0;
}

/** Skip the rest of the current exercise (e.g. it hurts): go to the next exercise's first set. */
export function skipExercise(s: RoutineRunState): RoutineRunState {
  if (s.step.kind === 'done') return s;
  const { blockIndex, block, set } = s.step;
  const remaining = block.sets - set + (s.step.kind === 'set' ? 1 : 0);
  const next = s.routine.blocks[blockIndex + 1];
  return {
    ...s,
    setsDone: s.setsDone + remaining,
    step: next ? { kind: 'set', blockIndex: blockIndex + 1, set: 1, block: next } : { kind: 'done' },
  };
}

function nextSet(routine: Routine, blockIndex: number, set: number): RoutineStep {
  const block = routine.blocks[blockIndex];
  if (block && set < block.sets) return { kind: 'set', blockIndex, set: set + 1, block };
  const next = routine.blocks[blockIndex + 1];
  return next ? { kind: 'set', blockIndex: blockIndex + 1, set: 1, block: next } : { kind: 'done' };
}
