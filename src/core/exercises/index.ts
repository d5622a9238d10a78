// The registry of exercises: one declarative record per file in this folder.
import type { ExerciseDef, ExerciseId } from './types';
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

export const EXERCISES: Readonly<Record<ExerciseId, ExerciseDef>> = {
  'prone-press-up': pronePressUp,
  'rotation-stretch': rotationStretch,
  'side-bend': sideBend,
  'hamstring-stretch': hamstringStretch,
  'ab-crunch': abCrunch,
  'ball-crunch': ballCrunch,
  plank,
  'bench-press': benchPress,
  'reverse-fly': reverseFly,
  'dumbbell-row': dumbbellRow,
  bicycle,
};

export const EXERCISE_IDS = Object.keys(EXERCISES) as ExerciseId[];

export function isExerciseId(s: unknown): s is ExerciseId {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(EXERCISES, s);
}

export type { ExerciseDef, ExerciseId } from './types';
