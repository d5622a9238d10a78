// Progress across days for one exercise, the way a back-pain patient reads it: how far they got (range of motion,
// in degrees), how long they held or how many reps they did, and how much of it was good form, one point per day.
// Only the person's own live sets: an analysed recording may be of someone else, so it never becomes a point here.
// Pain is per session, not per exercise: its trend is charted apart (src/session/pain.ts). Pure.
import type { SessionRecord } from '../../storage/schema';
import { addFormCounts, formCounts, goodFormOf } from '../../session/figures';
import { bestRom, romOf } from '../../session/rom';

export interface DayPoint {
  /** Local midnight of the day, epoch seconds (uPlot's time unit). */
  day: number;
  sets: number;
  /** Best range of motion reached that day, degrees (the side bend: the further side). */
  rom: number | null;
  /** Longest hold of a single set that day, seconds (per-side holds: the set's total). */
  holdSec: number | null;
  /** Reps over all of that day's sets. */
  reps: number | null;
  /** That day's good-form figure, whole percent (src/session/figures.ts; null when nothing was counted). */
  goodFormPct: number | null;
}

export function localDay(epochMs: number): number {
  const d = new Date(epochMs);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() / 1000;
}

/** The sets that make the person's own progress: live sets only. */
export function ownSets(sessions: readonly SessionRecord[]): SessionRecord[] {
  return sessions.filter((s) => s.source === 'live');
}

export function progressByDay(sessions: readonly SessionRecord[], exerciseId: string): DayPoint[] {
  const byDay = new Map<number, SessionRecord[]>();
  for (const s of ownSets(sessions)) {
    if (s.exerciseId !== exerciseId) continue;
    const d = localDay(s.startedAt);
    const list = byDay.get(d) ?? [];
    list.push(s);
    byDay.set(d, list);
  }
  return [...byDay.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, list]) => {
      const rom = bestRom(list.map(romOf));
      const romBest = rom ? (rom.value ?? Math.max(rom.left ?? 0, rom.right ?? 0)) : null;
      const holds = list.map((s) => s.holdSec.total).filter((v) => v > 0);
      const reps = list.reduce((a, s) => a + s.reps.total, 0);
      return {
        day,
        sets: list.length,
        rom: romBest,
        holdSec: holds.length ? Math.max(...holds) : null,
        reps: list.some((s) => s.reps.total > 0) ? reps : null,
        goodFormPct: goodFormOf(addFormCounts(list.map(formCounts)))?.percent ?? null,
      };
    });
}

/** Exercises with live sets, most recent first. */
export function exercisesWithSessions(sessions: readonly SessionRecord[]): string[] {
  const last = new Map<string, number>();
  for (const s of ownSets(sessions)) last.set(s.exerciseId, Math.max(last.get(s.exerciseId) ?? 0, s.startedAt));
  return [...last.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
