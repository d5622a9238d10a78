// The live coach's words: everything the live screens show and say about framing, set-up, pauses, the
// countdown, counting and sides, in the project's own plain words. The set flow (src/app/live/setFlow.ts)
// keeps only ids in its state (a Phrase: what to say, with its numbers); the screen and the voice word each
// phrase once, here, at the edge. Pure TypeScript: no React, no DOM.
import type { SetupIssue } from '../core/engine';
import type { ExerciseDef, ExerciseId } from '../core/exercises';
import { EXERCISES } from '../core/exercises';
import type { Cue } from '../core/cues';
import { cueText, faultText, needsLegs, setupWords } from './coachWords';

export type Side = 'left' | 'right';

/** Why counting is paused. */
export type PauseReason = 'user' | 'hidden' | 'camera' | 'setup';

/** A cue of the engine, as the flow keeps it (what it is about and its numbers; worded by coachWords.cueText). */
export type CueRef = Cue;

/** Per-side counts as shown (whole reps or whole seconds). */
export interface SideCounts {
  readonly left: number;
  readonly right: number;
}

/**
 * One thing the coach shows or says, as ids and numbers. The flow's state and its speech effects hold these;
 * `phraseText` words them.
 */
export type Phrase =
  /** Framing, before anyone is seen. */
  | { readonly k: 'looking' }
  /** Framing, every need met: the set starts by itself. */
  | { readonly k: 'ready' }
  /** A set-up issue: what to change (framing, and said when it appears). */
  | { readonly k: 'setup'; readonly issue: SetupIssue }
  /** Why counting is paused (with the set-up issue when the position was lost). */
  | { readonly k: 'paused'; readonly reason: PauseReason; readonly issue?: SetupIssue | null }
  /** A cue of the engine (set-up, guide, praise, information). */
  /** `side`: a guide to the position while a per-side set has a side to do now ("Right side: turn your …"). */
  | { readonly k: 'cue'; readonly cue: CueRef; readonly side?: Side | undefined }
  /** A form fault: what to fix. `active: false`: no longer seen (its words linger a moment, not in red). */
  | { readonly k: 'fault'; readonly faultId: string; readonly active?: boolean | undefined }
  /** While counting with nothing to correct: what is being counted. */
  | {
      readonly k: 'idle';
      readonly mode: 'reps' | 'hold';
      readonly total: number;
      readonly holding: boolean;
      readonly sides: SideCounts | null;
      /** Per-side exercises: the side to do now, when there is one. */
      readonly now?: Side | null | undefined;
    }
  /** A hold's timer waits: for a fault to be put right (`faultId`), or for the position (`cue`: the engine's guide). */
  | {
      readonly k: 'timer-paused';
      readonly faultId?: string | undefined;
      readonly cue?: CueRef | undefined;
      readonly side?: Side | undefined;
    }
  /** Per-side exercises: the side to do now ("Start with your left side", "Now your right side"). */
  | { readonly k: 'side-now'; readonly side: Side; readonly first: boolean }
  /** A side reached its target; `next`: the side still to do. */
  | { readonly k: 'side-done'; readonly side: Side; readonly next: Side | null }
  /** A side already done keeps being counted: the other side is still to do. */
  | { readonly k: 'other-side'; readonly done: Side; readonly next: Side }
  /** Alternating sides: one side keeps counting and the other never does. */
  | { readonly k: 'one-side'; readonly side: Side; readonly other: Side }
  /** Spoken: the countdown's numbers and a counted rep, with its side where the exercise counts sides. */
  | { readonly k: 'count'; readonly n: number; readonly side?: Side | undefined }
  | { readonly k: 'go' }
  | { readonly k: 'user-paused' }
  | { readonly k: 'camera-lost' }
  | { readonly k: 'carry-on' }
  | { readonly k: 'set-complete'; readonly well: boolean }
  | { readonly k: 'rest'; readonly next: ExerciseId | null };

/** How the screen styles a line: red is only for a fault that is on now. */
export type LineTone = 'setup' | 'paused' | 'fault' | 'praise' | 'info' | 'safety' | 'plain';

/** The tone of a line on the screen. */
export function phraseTone(p: Phrase): LineTone {
  switch (p.k) {
    case 'looking':
    case 'ready':
    case 'setup':
      return 'setup';
    case 'paused':
      return 'paused';
    case 'fault':
      return p.active === false ? 'plain' : 'fault';
    case 'cue':
      return p.cue.kind === 'fault' ? 'fault' : p.cue.kind;
    case 'timer-paused':
      return p.faultId !== undefined ? 'fault' : 'paused';
    case 'other-side':
    case 'one-side':
      return 'paused';
    case 'side-done':
    case 'side-now':
      return 'info';
    default:
      return 'plain';
  }
}

/** A stable key for a phrase (the speech rules remember what was said by it). */
export function phraseKey(p: Phrase): string {
  switch (p.k) {
    case 'setup':
      return `setup:${p.issue}`;
    case 'paused':
      return `paused:${p.reason}:${p.issue ?? ''}`;
    case 'cue':
      return p.cue.kind === 'fault' && p.cue.about === 'fault' ? p.cue.id : `cue:${p.cue.id}${p.side ? `:${p.side}` : ''}`;
    case 'fault':
      return `fault:${p.faultId}`;
    case 'count':
      return `count:${p.side ?? ''}${p.n}`;
    case 'set-complete':
      return `set-complete:${p.well}`;
    case 'rest':
      return `rest:${p.next ?? ''}`;
    case 'idle':
      return `idle:${p.mode}:${p.total}:${p.holding}:${p.sides ? `${p.sides.left}/${p.sides.right}` : ''}:${p.now ?? ''}`;
    case 'timer-paused':
      return `timer-paused:${p.faultId ?? p.cue?.id ?? ''}`;
    case 'side-now':
      return `side-now:${p.side}`;
    case 'side-done':
      return `side-done:${p.side}`;
    case 'other-side':
      return `other-side:${p.done}`;
    case 'one-side':
      return `one-side:${p.side}`;
    default:
      return p.k;
  }
}

/** The words of a phrase, for the exercise it is about. */
export function phraseText(exercise: ExerciseId, p: Phrase): string {
  const def = EXERCISES[exercise];
  switch (p.k) {
    case 'looking':
      return LOOKING_LINE;
    case 'ready':
      return READY_LINE;
    case 'setup':
      return setupWords(def, p.issue);
    case 'paused':
      return pauseLine(p.reason, p.issue ? setupWords(def, p.issue) : null);
    case 'cue':
      return p.side ? `${sideName(p.side)} side: ${lowerFirst(cueText(exercise, p.cue))}` : cueText(exercise, p.cue);
    case 'fault':
      return faultText(exercise, p.faultId);
    case 'idle':
      return idleLine(p);
    case 'count':
      return p.side ? `${sideName(p.side)} ${p.n}` : String(p.n);
    case 'go':
      return 'Go';
    case 'user-paused':
      return 'Paused';
    case 'camera-lost':
      return 'The camera stopped. Your count is kept.';
    case 'carry-on':
      return 'Carry on';
    case 'set-complete':
      return p.well ? 'Set complete. Well done.' : 'Set complete';
    case 'rest':
      return `Rest. Next: ${p.next ? EXERCISES[p.next].name : 'the next set'}.`;
    case 'timer-paused':
      if (p.faultId !== undefined)
        return `Timer paused: ${faultName(p.faultId)} \u2014 ${lowerFirst(faultText(exercise, p.faultId))} to count`;
      return `Timer paused: not in position${p.side ? ` on your ${sideWord(p.side)} side` : ''} \u2014 ${lowerFirst(p.cue ? cueText(exercise, p.cue) : def.words.posture)} to count`;
    case 'side-now':
      return p.first ? `Start with your ${sideWord(p.side)} side` : `Now your ${sideWord(p.side)} side`;
    case 'side-done':
      return p.next ? `${sideName(p.side)} side done. Now your ${sideWord(p.next)} side.` : `${sideName(p.side)} side done.`;
    case 'other-side':
      return `That is still your ${sideWord(p.done)} side, and it is done: switch to your ${sideWord(p.next)} side.`;
    case 'one-side':
      return `Only your ${sideWord(p.side)} side is counting: do your ${sideWord(p.other)} side too.`;
  }
}

/** "left" / "right" inside a sentence. */
function sideWord(side: Side): string {
  return side;
}

/**
 * What a fault is, in a few words, for "Timer paused: <what> — <what to do>". Fault ids mean the same thing in
 * every exercise that has them (too-fast, partial-rep, ...); the words of what to do sit in each exercise's record.
 */
export const FAULT_NAMES: Readonly<Record<string, string>> = {
  'arms-not-overhead': 'arms not overhead',
  'dropped-back': 'dropped back too soon',
  'elbows-bent': 'elbows bent',
  'elbows-misplaced': 'elbows not under your shoulders',
  'feet-moving': 'feet moving',
  'hands-off-head': 'hands off your head',
  'hips-high': 'hips too high',
  'hips-lifted': 'hips lifted',
  'hips-sagging': 'hips sagging',
  'hips-turning': 'hips turning',
  'knee-bent': 'knee bent',
  leaning: 'leaning',
  'no-contact': 'knee not meeting the elbow',
  'not-arched': 'back not arched',
  'not-bent-enough': 'not bending far enough',
  'not-reaching': 'not reaching forward',
  'partial-rep': 'not all the way',
  'too-fast': 'too fast',
  'torso-swing': 'body swinging',
  'uneven-arms': 'arms uneven',
};

/** A fault's few words ("hips too high"); "form" for a fault without them. */
export function faultName(faultId: string): string {
  return FAULT_NAMES[faultId] ?? 'form';
}

/** "Left" / "Right": the person's own side. */
export function sideName(side: Side): string {
  return side === 'left' ? 'Left' : 'Right';
}

/** What the screen says while counting with no cue: what is being counted. */
function idleLine(p: Extract<Phrase, { k: 'idle' }>): string {
  if (p.mode === 'hold') {
    if (p.holding) return p.now ? `${sideName(p.now)} side: holding. Breathe steadily.` : 'Holding. Breathe steadily.';
    return p.now
      ? `Now your ${sideWord(p.now)} side: get into the position, the hold counts when you are in it.`
      : 'Get into the position: the hold counts when you are in it.';
  }
  const now = p.now ? `Now your ${sideWord(p.now)} side. ` : '';
  if (p.sides)
    return p.total > 0
      ? `${now}Left ${p.sides.left}, right ${p.sides.right}. Keep going.`
      : `${now}Start when you are ready: each rep is counted.`;
  return p.total > 0 ? `That's ${p.total}. Keep going.` : 'Start when you are ready: each rep is counted.';
}

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
    case 'in-view':
      return needsLegs(def) ? 'Your whole body is in view' : 'Your upper body and hips are in view';
    case 'light':
      return 'The room is light enough';
    case 'view':
      return def.view === 'side'
        ? 'You are side-on to the camera'
        : def.view === 'front'
          ? 'You face the camera'
          : 'The camera sees you clearly';
    case 'posture':
      return postureLabel(def);
  }
}

function postureLabel(def: ExerciseDef): string {
  // The posture cue is an instruction ("Get onto your forearms and toes"); the checklist states the goal.
  return `Starting position: ${def.words.posture.charAt(0).toLowerCase()}${def.words.posture.slice(1)}`;
}

/** Why counting is paused, in one line read from across the room. */
export function pauseLine(reason: PauseReason, setupText: string | null): string {
  switch (reason) {
    case 'user':
      return 'Paused. Press Space to carry on.';
    case 'hidden':
      return 'Paused while the tab was hidden. Press Space to carry on.';
    case 'camera':
      return 'Camera stopped. Your count is kept.';
    case 'setup':
      return setupText ? `Counting paused: ${lowerFirst(setupText)}` : 'Counting paused until I can see you again';
  }
}

/** The line shown while framing when everything is met. */
export const READY_LINE = 'All set. Starting…';
/** The line shown while framing before anyone is seen. */
export const LOOKING_LINE = 'Getting you into view…';

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** What the live screen and Settings say about the voice. */
export const VOICE_WORDS = {
  off: 'Voice off: cues are shown on screen only. Turn on \u201cSpeak cues aloud\u201d in Settings to hear them.',
  unavailable: 'Voice unavailable: cues are shown on screen only.',
  howTo:
    'To hear them, this computer needs a text-to-speech voice. On Windows or a Mac, turn one on in the system\u2019s ' +
    'speech settings. On Linux, install the speech voices (the speech-dispatcher and espeak-ng packages), then restart the browser.',
} as const;

/** The question after a reload cut a set off: "Your plank was interrupted at 0:09. Carry on with set 1 of 2?" */
export function interruptedText(exerciseName: string, at: string | null, set: number, sets: number): string {
  const name = exerciseName.charAt(0).toLowerCase() + exerciseName.slice(1);
  const which = sets > 1 ? `set ${set} of ${sets}` : 'the set';
  // Cut off between sets (a rest): the next set is offered.
  if (at === null) return `Your ${name} was interrupted before ${which}. Carry on with it?`;
  return `Your ${name} was interrupted at ${at}. Carry on with ${which}?`;
}
