// The live coach's one way in: every command a screen can send (LiveSession.send). A table of events, as an
// XState actor takes them; the screens hold the session through React context and never ask through the store.
import type { Routine } from '../../session/routine';

/** Everything the screens ask of the live coach. */
export type LiveCommand =
  /** The live screen for one exercise from its card: its sets, with rest between them. Check-in first. */
  | { type: 'open-exercise'; exerciseId: string; skipCheckIn?: boolean }
  /** The routine (the given one, else the user's, else the defaults), from its first block or `fromBlock`. */
  | { type: 'open-routine'; routine?: Routine | null; fromBlock?: number }
  /** "Next exercise" on the summary: the routine carries on from the block after the one stopped. */
  | { type: 'next-exercise' }
  /** The camera check screen opened: the framing step for an exercise (it never starts a set by itself). */
  | { type: 'preview'; exerciseId: string | null }
  /** The camera check closes: its framing step ends unless it became a set. */
  | { type: 'end-preview' }
  /** The pain check-in answered (or skipped with null): the framing step begins. */
  | { type: 'check-in'; pain: number | null }
  /** Start the set now (all needs met) or anyway. From the camera check, the set moves to the live screen. */
  | { type: 'start'; anyway?: boolean }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'toggle-pause' }
  /** Ends the exercise (or leaves the check-in). */
  | { type: 'stop' }
  | { type: 'skip-rest' }
  /** "Skip to next set": this set ends (its count kept) and the next set of the exercise comes. */
  | { type: 'skip-set' }
  | { type: 'skip-exercise' }
  /** The pain check-in after the set: stored on each record of the set or routine. */
  | { type: 'pain-after'; pain: number | null }
  /** Leaving the live screen any way: counted work is saved, timers stop, speech stops. */
  | { type: 'leave' }
  /** "Try again" after an error: the camera and the model start again. */
  | { type: 'retry' }
  /** The set cut off by a reload: carry on with it (Yes), or keep what was done as a finished set (No). */
  | { type: 'resume-interrupted' }
  | { type: 'discard-interrupted' };
