// Progress across days for one exercise, the way a back-pain patient reads it: how far they got
// (range of motion), how long they held or how many reps they did, and their pain, one point per day.
// Pure: sessions in, day points out.
import type { SessionRecord } from '../../storage/schema';
import { romValue } from '../summary/format';

export interface DayPoint {
  /** Local midnight of the day, epoch seconds (uPlot's time unit). */
  day: number;
  sets: number;
  /** Best range of motion reached that day (the record's metric, see romValue). */
  rom: number | null;
  /** Longest hold of a single set that day, seconds (per-side holds: the set's total). */
  holdSec: number | null;
  /** Reps over all of that day's sets. */
  reps: number | null;
  /** Share of that day's time in position with good form, in percent (null when nothing was active). */
  goodFormPct: number | null;
  /** Mean pain that day before and after sets, 0–10. */
  painBefore: number | null;
  painAfter: number | null;
}

const mean = (v: number[]): number | null => (v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null);

export function localDay(epochMs: number): number {
  const d = new Date(epochMs);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() / 1000;
}

export function progressByDay(sessions: readonly SessionRecord[], exerciseId: string): DayPoint[] {
  const byDay = new Map<number, SessionRecord[]>();
  for (const s of sessions) {
    if (s.exerciseId !== exerciseId) continue;
    const d = localDay(s.startedAt);
    const list = byDay.get(d) ?? [];
    list.push(s);
    byDay.set(d, list);
  }
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, list]) => {
    const roms = list.map(romValue).filter((v): v is number => v !== null);
    const holds = list.map((s) => s.holdSec.total).filter((v) => v > 0);
    const reps = list.reduce((a, s) => a + s.reps.total, 0);
    const active = list.reduce((a, s) => a + s.activeSec, 0);
    const good = list.reduce((a, s) => a + Math.min(s.goodFormSec, s.activeSec), 0);
    return {
      day,
      sets: list.length,
      rom: roms.length ? Math.max(...roms) : null,
      holdSec: holds.length ? Math.max(...holds) : null,
      reps: list.some((s) => s.reps.total > 0) ? reps : null,
      goodFormPct: active > 0 ? Math.round((100 * good) / active) : null,
      painBefore: mean(list.map((s) => s.painBefore).filter((v): v is number => v !== null)),
      painAfter: mean(list.map((s) => s.painAfter).filter((v): v is number => v !== null)),
    };
  });
}

/** Exercises that have sessions, most recent first. */
export function exercisesWithSessions(sessions: readonly SessionRecord[]): string[] {
  const last = new Map<string, number>();
  for (const s of sessions) last.set(s.exerciseId, Math.max(last.get(s.exerciseId) ?? 0, s.startedAt));
  return [...last.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
