// The registry of exercises: one declarative record per file in this folder (`<id>.ts`, its test beside it).
// Everything else that lists exercises (the id union, the default routine, the cards' facts, the demo figures)
// is derived from these records, so an exercise is added by writing its file and naming it in EXERCISE_LIST.
import { isUnsure } from '../ruleContext';
import type { Body } from '../geometry';
import type { ExerciseDef as Def, Memory, RememberContext } from './types';
import { pronePressUp } from './prone-press-up';
import { rotationStretch } from './rotation-stretch';
import { sideBend } from './side-bend';
import { hamstringStretch } from './hamstring-stretch';
import { abCrunch } from './ab-crunch';
import { ballCrunch } from './ball-crunch';
import { plank } from './plank';
import { benchPress } from './bench-press';
import { reverseFly } from './reverse-fly';
import { dumbbellRow } from './dumbbell-row';
import { bicycle } from './bicycle';

/** Every exercise, in the order of the default routine (the seed article's order). */
const EXERCISE_LIST = [
  pronePressUp,
  rotationStretch,
  sideBend,
  hamstringStretch,
  abCrunch,
  ballCrunch,
  plank,
  benchPress,
  reverseFly,
  dumbbellRow,
  bicycle,
] as const;

export type ExerciseId = (typeof EXERCISE_LIST)[number]['id'];
/** A registered exercise record. */
export type ExerciseDef = Def<Memory, ExerciseId>;

const registry = new Map<string, ExerciseDef>(EXERCISE_LIST.map((d) => [d.id, d as ExerciseDef]));

/** The records by id. */
export const EXERCISES = Object.fromEntries(registry) as Readonly<Record<ExerciseId, ExerciseDef>>;

/** The ids, in routine order. */
export const EXERCISE_IDS: readonly ExerciseId[] = EXERCISE_LIST.map((d) => d.id);

/** The records, in routine order (with any registered since). */
export function exerciseList(): readonly ExerciseDef[] {
  return [...registry.values()];
}

/**
 * One frame through an exercise's frame rules alone, its memory moved as the engine moves it on a frame the rules
 * judge (remember, rememberJudged, then the checks): the fault ids found. `mem` carries over between calls when
 * given (a fresh memory otherwise). For scripts and tests that judge single frames without the engine.
 */
export function judgeFrame(def: ExerciseDef, b: Body, ctx: Omit<RememberContext, 'mem'>, mem: object = def.memory?.() ?? {}): string[] {
  const c = { ...ctx, mem } as RememberContext;
  def.remember?.(b, c);
  def.rememberJudged?.(b, c);
  const out: string[] = [];
  for (const check of def.checks) {
    const f = check(b, c);
    if (f && !isUnsure(f)) out.push(f.faultId);
  }
  return out;
}

export function isExerciseId(s: unknown): s is ExerciseId {
  return typeof s === 'string' && registry.has(s);
}

/**
 * Adds an exercise record at run time, after the shipped ones: for a new exercise's test before it is shipped (a
 * sketch). Returns a function that takes it out again. Its id is then known to the engine, the routine and the
 * cards like any other.
 */
export function registerExercise(def: Def<Memory, string>): () => void {
  if (registry.has(def.id)) throw new Error(`exercise "${def.id}" is already registered`);
  const d = def as ExerciseDef;
  registry.set(d.id, d);
  (EXERCISES as Record<string, ExerciseDef>)[d.id] = d;
  (EXERCISE_IDS as string[]).push(d.id);
  return () => {
    registry.delete(d.id);
    delete (EXERCISES as Record<string, ExerciseDef>)[d.id];
    const i = (EXERCISE_IDS as string[]).indexOf(d.id);
    if (i >= 0) (EXERCISE_IDS as string[]).splice(i, 1);
  };
}
