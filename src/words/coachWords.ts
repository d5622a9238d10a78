// The coach's words: the one module that turns what the core emits (set-up issue ids, fault ids, cue ids with
// their numbers) into the project's own plain words. Pure TypeScript, no React or DOM: the app (live coach,
// analyse page, saved sessions) and the scripts (npm run analyze, eval) all word things through it. The words
// of one exercise (its posture line, its faults, what is missing from its position) sit in its own record
// (ExerciseDef.words, keyed by its ids); the words every exercise shares are here.
import { EXERCISES, type ExerciseDef } from '../core/exercises';
import type { SetupIssue } from '../core/engine';
import type { CueAbout } from '../core/cues';
import type { SummaryWords } from '../core/summary';

/** Set-up lines that do not depend on the exercise. */
export const SETUP_WORDS = {
  'no-person': 'Step into the camera view',
  'body-cut-off': 'Move back so your whole body is in view',
  'too-dark': 'Turn on more light',
} as const;
/** The turn to the camera the exercise needs. */
export const VIEW_WORDS = { side: 'Turn side-on to the camera', front: 'Face the camera' } as const;
/** Guide lines every exercise shares: the picture is too dim; a hold whose exercise gives no reason. */
export const SHARED_GUIDE: Readonly<Record<string, string>> = {
  light: 'More light, please: I cannot see you clearly',
  'hold.start': 'Get into position and hold still',
};
/** Praise and information. */
const GOOD_REPS = 'Good reps, keep that control';
const STEADY = 'Steady, keep breathing';
const OTHER_SIDE = 'Time. Now the other side';
const WELL_HELD = 'Time. Well held';
const setDone = (reps: number) => `That's ${reps}. Set done`;

const defOf = (exercise: string): ExerciseDef | undefined => (EXERCISES as Readonly<Record<string, ExerciseDef>>)[exercise];

/** Words of a guide id (what is missing from the position, or 'light'), or null when neither the exercise nor the shared table has it. */
export function guideText(exercise: string, id: string): string | null {
  return defOf(exercise)?.words.guide?.[id] ?? SHARED_GUIDE[id] ?? null;
}

/** The words of a fault of an exercise. */
export function faultText(exercise: string, faultId: string): string {
  return defOf(exercise)?.words.faults[faultId] ?? 'Check your form';
}

/**
 * The coach's set-up line for an issue (the engine's set-up cue): what is missing from the position when the
 * exercise names it (`why`), else its posture line, the view it needs, or the shared line.
 */
export function setupText(exercise: string, issue: SetupIssue, why: string | null = null): string {
  const def = defOf(exercise);
  const whyText = why !== null && (issue === 'wrong-posture' || issue === 'body-cut-off') ? guideText(exercise, why) : null;
  if (whyText !== null) return whyText;
  if (issue === 'wrong-posture') return def?.words.posture ?? 'Get into the starting position';
  if (issue === 'wrong-view') return VIEW_WORDS[def?.view === 'side' || def?.card.camera === 'side' ? 'side' : 'front'];
  if (issue === 'body-cut-off' && def !== undefined && !needsLegs(def)) return UPPER_BODY_IN_VIEW;
  return SETUP_WORDS[issue];
}

/** An exercise judged from the head to the hips asks for those in view, not the whole body. */
const UPPER_BODY_IN_VIEW = 'Move back so your upper body and hips are in view';
/** Whether the exercise's checks read the knees or ankles (so the whole body must be in view). */
export function needsLegs(def: ExerciseDef): boolean {
  return (def.judgedFrom ?? def.required).some((r) => /ankle|knee/.test(r));
}

/** The set-up line the live screens show for an issue (framing checklist, pause line): setupText without a reason. */
export function setupWords(def: ExerciseDef, issue: SetupIssue): string {
  return setupText(def.id, issue);
}

/** The words of a cue the engine showed (what it is about, with its numbers), for the exercise it was about. */
export function cueText(exercise: string, cue: CueAbout): string {
  switch (cue.about) {
    case 'setup':
      return setupText(exercise, cue.issue, cue.why);
    case 'fault':
      return faultText(exercise, cue.faultId);
    case 'guide':
      return guideText(exercise, cue.guide) ?? (SHARED_GUIDE['hold.start'] as string);
    case 'praise':
      return cue.counted === 'hold' ? STEADY : GOOD_REPS;
    case 'target':
      if (cue.target === 'reps') return setDone(cue.reps ?? 0);
      return cue.target === 'hold' ? WELL_HELD : OTHER_SIDE;
  }
}

/** The words a summary of a run is given (npm run analyze, the analyse page, a saved session). */
export const COACH_WORDS: SummaryWords = {
  cue: (exercise, c) => cueText(exercise, c),
  fault: (exercise, faultId) => faultText(exercise, faultId),
};
