// The sides of a per-side set (a stretch held on each side, a one-arm row, the bicycle's turns), pure: which
// side is done (its target reached), which side to do now, and whether one side keeps coming while the other
// never does. The set flow (setFlow.ts) keeps a SideTrack in its state and says what trackSides returns.
import type { EngineView } from '../../core/engine';
import type { ExerciseDef } from '../../core/exercises';
import type { Phrase, Side } from '../../words/liveWords';
import type { SetTarget } from './target';
import { counterMode, sideOrder } from './target';

/** "Left side done. Now your right side." stays on screen this long (ms). */
export const SIDE_NOTE_MS = 4000;
/**
 * A side already done for this long (ms) that is still being held or counted, the other side not counting
 * for as long: "That is still your left side … switch to your right side." (time to turn round first).
 */
export const WRONG_SIDE_MS = 4000;
/** Alternating sides: this many counts in a row on one side, none on the other: "do the other side too". */
export const ONE_SIDED_RUN = 3;

/** Where a per-side set stands: sides done, the side to do now, what each side's raw count was and when it went up. */
export interface SideTrack {
  readonly order: 'sequential' | 'alternating';
  readonly done: { readonly left: boolean; readonly right: boolean };
  readonly now: Side | null;
  /** Raw counts (whole reps or seconds), not stopped at the target. */
  readonly seen: { readonly left: number; readonly right: number };
  readonly upAt: { readonly left: number; readonly right: number };
  /** When each side reached its target (ms), +Infinity before. */
  readonly doneAt: { readonly left: number; readonly right: number };
  /** Alternating: counts in a row on each side since the other side last counted. */
  readonly run: { readonly left: number; readonly right: number };
  /** A note about the sides ("Left side done…") and until when it shows (ms). */
  readonly note: Phrase | null;
  readonly noteUntil: number;
}

/** A line to say: once (`present` false), or as a standing problem, reminded while it holds. */
export interface Said {
  readonly phrase: Phrase;
  readonly present: boolean;
}

/** A fresh track for a set of `def`, or null when it has no sides. The first side named at Go is the left. */
export function freshSides(def: ExerciseDef): SideTrack | null {
  const order = sideOrder(def);
  if (!order) return null;
  const zero = { left: 0, right: 0 };
  return {
    order,
    done: { left: false, right: false },
    now: order === 'sequential' ? 'left' : null,
    seen: zero,
    upAt: { left: Number.NEGATIVE_INFINITY, right: Number.NEGATIVE_INFINITY },
    run: zero,
    note: null,
    noteUntil: 0,
    doneAt: { left: Number.POSITIVE_INFINITY, right: Number.POSITIVE_INFINITY },
  };
}

/**
 * Per-side exercises: which side is done (its target reached: said once, "Left side done. Now your right
 * side."), which side to do now, and whether one side keeps coming while the other never does (said, and
 * repeated like a standing fault until it changes). Returns the new track and what to say: `present` lines are
 * said by the standing-fault rules (every 15 s while they hold), the others once.
 */
export function trackSides(
  tr: SideTrack,
  def: ExerciseDef,
  target: SetTarget,
  raw: Pick<EngineView, 'reps' | 'holdSec' | 'currentHoldSide'>,
  t: number,
): { track: SideTrack; say: Said[] } {
  const { mode } = counterMode(def);
  const goal = (mode === 'hold' ? target.holdSec : target.reps) ?? 0;
  const say: Said[] = [];
  const c = mode === 'hold' ? raw.holdSec : raw.reps;
  const count = { left: Math.floor(c.left), right: Math.floor(c.right) };
  const up = { left: count.left > tr.seen.left, right: count.right > tr.seen.right };
  const upAt = { left: up.left ? t : tr.upAt.left, right: up.right ? t : tr.upAt.right };
  const run = {
    left: up.left ? tr.run.left + (count.left - tr.seen.left) : up.right ? 0 : tr.run.left,
    right: up.right ? tr.run.right + (count.right - tr.seen.right) : up.left ? 0 : tr.run.right,
  };
  const done = { left: tr.done.left || (goal > 0 && count.left >= goal), right: tr.done.right || (goal > 0 && count.right >= goal) };
  const doneAt = { left: done.left && !tr.done.left ? t : tr.doneAt.left, right: done.right && !tr.done.right ? t : tr.doneAt.right };
  let note = tr.note && t < tr.noteUntil ? tr.note : null;
  let noteUntil = tr.noteUntil;
  for (const side of ['left', 'right'] as const) {
    if (done[side] && !tr.done[side]) {
      const other = side === 'left' ? 'right' : 'left';
      note = { k: 'side-done', side, next: done[other] ? null : other };
      noteUntil = t + SIDE_NOTE_MS;
      say.push({ phrase: note, present: false });
    }
  }
  // The side to do now: the one not done; before either is done, the one under way (a hold's side, or the one
  // counted further), else the side named at Go.
  const held = raw.currentHoldSide;
  let now: Side | null = done.left && !done.right ? 'right' : done.right && !done.left ? 'left' : null;
  if (!done.left && !done.right && tr.order === 'sequential')
    now = held ?? (count.right > count.left ? 'right' : count.left > count.right ? 'left' : tr.now);
  // One side keeps coming, the other never does.
  let warn: Phrase | null = null;
  for (const side of ['left', 'right'] as const) {
    const other = side === 'left' ? 'right' : 'left';
    if (done[other]) continue;
    const stillOn = mode === 'hold' ? held === side : t - upAt[side] < 1500;
    const stillDone = tr.order === 'sequential' && stillOn && t - doneAt[side] >= WRONG_SIDE_MS && t - upAt[other] > WRONG_SIDE_MS;
    if (stillDone) warn = { k: 'other-side', done: side, next: other };
    if (tr.order === 'alternating' && !done[side] && run[side] >= ONE_SIDED_RUN) warn = { k: 'one-side', side, other };
  }
  if (warn) {
    say.push({ phrase: warn, present: true });
    note = warn;
    noteUntil = t;
  } else if (note && (note.k === 'other-side' || note.k === 'one-side')) {
    note = null;
  }
  return { track: { ...tr, done, doneAt, now, seen: count, upAt, run, note, noteUntil }, say };
}
