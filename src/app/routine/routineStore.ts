// The user's routine: DEFAULT_ROUTINE until they save their own, kept in localStorage and always read
// back through parseRoutine, so a damaged or outdated entry falls back to the defaults instead of
// breaking the home screen.
import { DEFAULT_ROUTINE, parseRoutine, RoutineError } from '../../session/routine';
import type { Routine, RoutineBlock } from '../../session/routine';
import { EXERCISE_IDS } from '../../core/exercises';

const KEY = 'form-coach:routine@1';

export function loadRoutine(): Routine {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (raw) return parseRoutine(JSON.parse(raw), EXERCISE_IDS);
  } catch {
    // Unreadable: the defaults below.
  }
  return structuredClone(DEFAULT_ROUTINE);
}

/** Validates and saves; throws RoutineError with a message fit to show when something is off. */
export function saveRoutine(r: unknown): Routine {
  const ok = parseRoutine(r, EXERCISE_IDS);
  globalThis.localStorage?.setItem(KEY, JSON.stringify(ok));
  return ok;
}

export function resetRoutine(): Routine {
  globalThis.localStorage?.removeItem(KEY);
  return structuredClone(DEFAULT_ROUTINE);
}

/** The numbers the routine gives an exercise (its first block), or null when the routine leaves it out. */
export function blockFor(r: Routine, exerciseId: string): RoutineBlock | null {
  return r.blocks.find((b) => b.exerciseId === exerciseId) ?? null;
}

export type Amounts = Partial<Pick<RoutineBlock, 'sets' | 'reps' | 'holdSec'>>;

/**
 * Changes an exercise's numbers where a card shows them: every block of that exercise in the routine
 * takes them, so the card, the routine and a start from either agree. Validated and saved as one
 * routine; throws RoutineError (message without the "exercise N:" prefix, the card names it) otherwise.
 */
export function saveAmounts(r: Routine, exerciseId: string, a: Amounts): Routine {
  const blocks = r.blocks.map((b) => {
    if (b.exerciseId !== exerciseId) return b;
    const n: RoutineBlock = { ...b };
    if (a.sets !== undefined) n.sets = a.sets;
    if (a.reps !== undefined && n.reps !== undefined) n.reps = a.reps;
    if (a.holdSec !== undefined && n.holdSec !== undefined) n.holdSec = a.holdSec;
    return n;
  });
  try {
    return saveRoutine({ id: 'mine', name: 'My routine', blocks });
  } catch (e) {
    if (e instanceof RoutineError) throw new RoutineError(e.message.replace(/^exercise \d+: /, ''));
    throw e;
  }
}
