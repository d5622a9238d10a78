// The user's routine: DEFAULT_ROUTINE until they save their own, kept in localStorage and always read
// back through parseRoutine, so a damaged or outdated entry falls back to the defaults instead of
// breaking the home screen.
import { DEFAULT_ROUTINE, parseRoutine } from '../../session/routine';
import type { Routine } from '../../session/routine';
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
