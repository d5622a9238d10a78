// The reminder plan (days and a time) and the name printed on the report, kept in localStorage and always read
// back through their checks, so a damaged entry means "no plan" rather than a broken screen.
import type { ReminderPlan } from '../../session/reminders';
import { parsePlan } from '../../session/reminders';

const PLAN_KEY = 'form-coach:reminders@1';
const NAME_KEY = 'form-coach:report-name@1';

export function loadPlan(): ReminderPlan | null {
  try {
    const raw = globalThis.localStorage?.getItem(PLAN_KEY);
    return raw ? parsePlan(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

/** Saves the plan (null forgets it). Returns what was kept, or null when it was not a plan. */
export function savePlan(p: ReminderPlan | null): ReminderPlan | null {
  try {
    if (!p) {
      globalThis.localStorage?.removeItem(PLAN_KEY);
      return null;
    }
    const ok = parsePlan(p);
    if (ok) globalThis.localStorage?.setItem(PLAN_KEY, JSON.stringify(ok));
    return ok;
  } catch {
    return null;
  }
}

export function loadReportName(): string {
  try {
    return globalThis.localStorage?.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveReportName(name: string): void {
  try {
    if (name.trim()) globalThis.localStorage?.setItem(NAME_KEY, name.slice(0, 80));
    else globalThis.localStorage?.removeItem(NAME_KEY);
  } catch {
    // Private mode: the name is simply not remembered.
  }
}
