// Every word the live coach says or shows about set-up, framing, pauses and the countdown, in one place:
// the engine and the set flow speak in ids (set-up issues, pause reasons, verdict needs); this module turns
// them into the project's own plain words. Pure: no React, no DOM.
import type { SetupIssue } from '../../core/engine';
import type { ExerciseDef } from '../../core/exercises';

/** Words for a set-up issue of this exercise: what to change, as one short instruction (src/words, where the set-up words live). */
export { setupWords } from '../../words/coachWords';
import { needsLegs } from '../../words/coachWords';

/** Issues about the room or the camera rather than the person's position. */
export function isEnvironmentIssue(issue: SetupIssue): boolean {
  return issue === 'too-dark' || issue === 'body-cut-off' || issue === 'no-person';
}

/** What the camera must see, in words, for the check-in card. */
export function viewNeeded(def: ExerciseDef): string {
  const body = needsLegs(def) ? 'whole body in view' : 'upper body and hips in view';
  if (def.view === 'side') return `Side-on to the camera, ${body}`;
  if (def.view === 'front') return `Facing the camera, ${body}`;
  return body.charAt(0).toUpperCase() + body.slice(1);
}

/** The four things the framing step checks before a set. */
export type Need = 'in-view' | 'light' | 'view' | 'posture';
export const NEEDS: readonly Need[] = ['in-view', 'light', 'view', 'posture'];

/** The label of each need on the framing step (what is being checked, not whether it passed). */
export function needLabel(def: ExerciseDef, need: Need): string {
  switch (need) {
    case 'in-view': return needsLegs(def) ? 'Your whole body is in view' : 'Your upper body and hips are in view';
    case 'light': return 'The room is light enough';
    case 'view': return def.view === 'side' ? 'You are side-on to the camera' : def.view === 'front' ? 'You face the camera' : 'The camera sees you clearly';
    case 'posture': return postureLabel(def);
  }
}

function postureLabel(def: ExerciseDef): string {
  // The posture cue is an instruction ("Get onto your forearms and toes"); the checklist states the goal.
  return `Starting position: ${def.words.posture.charAt(0).toLowerCase()}${def.words.posture.slice(1)}`;
}

/** Why counting is paused, in one line read from across the room. */
export type PauseReason = 'user' | 'hidden' | 'camera' | 'setup';
export function pauseLine(reason: PauseReason, setupText: string | null): string {
  switch (reason) {
    case 'user': return 'Paused. Press Space to carry on.';
    case 'hidden': return 'Paused while the tab was hidden. Press Space to carry on.';
    case 'camera': return 'Camera stopped. Your count is kept.';
    case 'setup': return setupText ? `Counting paused: ${lowerFirst(setupText)}` : 'Counting paused until I can see you again';
  }
}

/** Spoken when counting pauses (one line) and when it carries on. */
export const SPOKEN = {
  paused: 'Paused',
  cameraLost: 'The camera stopped. Your count is kept.',
  carryOn: 'Carry on',
  go: 'Go',
  ready: 'Ready',
  setComplete: 'Set complete',
  setCompleteWell: 'Set complete. Well done.',
  rest: (next: string | null) => `Rest. Next: ${next ?? 'the next set'}.`,
} as const;

/** The line shown while framing when everything is met. */
export const READY_LINE = 'All set. Starting…';
/** The line shown while framing before anyone is seen. */
export const LOOKING_LINE = 'Getting you into view…';

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
