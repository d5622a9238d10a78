// When the coach may say a line out loud. Pure and time-stamped by the caller, so the set flow's reducer
// keeps it in its state and the tests replay it.
//
// Rules (issue 12, "every cue earns its place"):
// - a set-up line is said once when its problem appears; said once more if the problem is still there
//   REPEAT_MS later; after that it stays on screen unspoken until the problem has been gone EPISODE_GAP_MS;
// - a form fault that stands (the person has not corrected it) is a coaching line, not a set-up one: it is
//   repeated every FAULT_REMIND_MS while it stands, as a physiotherapist keeps reminding, never falling silent
//   on a fault the person is still making;
// - no line (set-up or coaching) is said again within REPEAT_MS of itself, nor more than MAX_PER_MINUTE times
//   in any minute;
// - counting words (3, 2, 1, Go, rep numbers) are the rhythm of the set and are always said.

/** A line is not said again sooner than this (ms): 8–10 s asked for, 10 s taken. */
export const REPEAT_MS = 10_000;
/** A set-up problem gone for this long (ms) has ended; when it comes back it may be said again. */
export const EPISODE_GAP_MS = 10_000;
/** Times a set-up line is said in one episode of its problem. */
export const SETUP_SAYS_PER_EPISODE = 2;
/** A standing form fault is said again this long after it was last said (ms): 4 times a minute at most. */
export const FAULT_REMIND_MS = 15_000;
/** No line is said more often than this in any 60 s (the first-minute test allows 6). */
export const MAX_PER_MINUTE = 4;

export type SpeechKind = 'count' | 'setup' | 'cue' | 'fault';

interface Said {
  /** When it was said (ms), the last minute's worth. */
  readonly at: readonly number[];
  /** Said this many times in the current episode of its problem (set-up lines). */
  readonly inEpisode: number;
  /** Last time its problem was seen (set-up lines), -Infinity before. */
  readonly seenAt: number;
}

export type SpeechMemory = Readonly<Record<string, Said>>;

export const NO_SPEECH: SpeechMemory = {};

const EMPTY: Said = { at: [], inEpisode: 0, seenAt: Number.NEGATIVE_INFINITY };

/**
 * Notes that a set-up line's problem is present now (call every frame it is shown). A problem absent for
 * EPISODE_GAP_MS starts a new episode.
 */
export function notePresent(mem: SpeechMemory, text: string, t: number): SpeechMemory {
  const s = mem[text] ?? EMPTY;
  const fresh = t - s.seenAt > EPISODE_GAP_MS;
  return { ...mem, [text]: { at: s.at, inEpisode: fresh ? 0 : s.inEpisode, seenAt: t } };
}

/** Whether `text` may be said now. */
export function maySay(mem: SpeechMemory, text: string, kind: SpeechKind, t: number): boolean {
  if (kind === 'count') return true;
  const s = mem[text] ?? EMPTY;
  const last = s.at.length > 0 ? s.at[s.at.length - 1]! : Number.NEGATIVE_INFINITY;
  if (t - last < (kind === 'fault' ? FAULT_REMIND_MS : REPEAT_MS)) return false;
  if (s.at.filter((a) => t - a < 60_000).length >= MAX_PER_MINUTE) return false;
  if (kind === 'setup' && s.inEpisode >= SETUP_SAYS_PER_EPISODE) return false;
  return true;
}

/** Records that `text` was said at `t`. */
export function noteSaid(mem: SpeechMemory, text: string, t: number): SpeechMemory {
  const s = mem[text] ?? EMPTY;
  return { ...mem, [text]: { at: [...s.at.filter((a) => t - a < 60_000), t], inEpisode: s.inEpisode + 1, seenAt: Math.max(s.seenAt, t) } };
}
