// The report for the physiotherapist: the person's own live sessions over a period (the last session, the last 7
// or 30 days), per exercise, computed from the saved records alone. Pure: records in, figures out; the report page
// only lays it out, and the CSV export writes the same figures per set.
//
// Analysed recordings are never part of these figures: a recording may be of someone else. They are listed apart.
import { EXERCISES, isExerciseId } from '../core/exercises';
import type { FaultTally, SessionRecord } from '../storage/schema';
import type { Routine } from './routine';
import type { FormCounts, GoodForm } from './figures';
import { addFormCounts, countMode, formCounts, goodFormOf, repsWithFault, targetText } from './figures';
import type { PainTrend } from './pain';
import { painTrend } from './pain';
import type { ReminderPlan } from './reminders';
import { dayStart, plannedDays } from './reminders';
import type { RomReading } from './rom';
import { bestRom, romOf } from './rom';
import type { SessionGroup } from './sessions';
import { groupSessions } from './sessions';

export type ReportPeriod = 'last' | '7' | '30';
export const PERIOD_LABELS: Record<ReportPeriod, string> = { last: 'Last session', '7': 'Last 7 days', '30': 'Last 30 days' };
/** In the order offered (an object's number-like keys would come first). */
export const PERIODS: readonly ReportPeriod[] = ['last', '7', '30'];

/** The person's first sessions of an exercise, the base its range of motion is compared with. */
export const BASELINE_SESSIONS = 3;

export interface FaultSeen {
  id: string;
  message: string;
  /** Times it began, over the period. */
  count: number;
  /** Sets it was seen in, of the exercise's sets. */
  sets: number;
  /** When: the set's start (epoch ms), the seconds into the set it began, and the set's own tally (with how long it stood). */
  when: { setStartedAt: number; atSec: number[]; tally: FaultTally; set: Pick<SessionRecord, 'setSec' | 'metric'> }[];
}

export interface RomChange {
  label: string;
  /** 'value' for one figure, or each side of the side bend. */
  parts: { side: 'value' | 'left' | 'right'; baseline: number; latest: number; change: number }[];
  /** How many first sessions the baseline is the mean of, and when they were. */
  baselineSessions: number;
  baselineFrom: number;
  baselineTo: number;
  /** The latest session in the period (its best set). */
  latestAt: number;
  /** The period's sessions are among the first ones: the change is not yet against a separate base. */
  overlaps: boolean;
  /** Per session in the period: its best, for the chart. */
  perSession: { at: number; reading: RomReading }[];
}

export interface ExerciseReport {
  id: string;
  name: string;
  mode: 'reps' | 'hold';
  sides: boolean;
  /** The target of the latest set, as it reads ("10 + 10 reps"). */
  target: string | null;
  sets: number;
  /** Sets the plan asked for in the period (routine sets × planned days), when there is a plan with this exercise. */
  setsPlanned: number | null;
  reps: { total: number; left: number; right: number; clean: number | null; withFault: number | null; partial: number | null } | null;
  hold: { held: number; left: number; right: number; good: number | null; underFault: number | null } | null;
  form: FormCounts | null;
  goodForm: GoodForm | null;
  faults: FaultSeen[];
  rom: RomChange | null;
  /** Per session, for the chart: the good-form share (0–100) and the count (reps or seconds held). */
  perSession: { at: number; goodFormPct: number | null; count: number }[];
  /** Sets cut short (the app closed mid-set): their counts are kept. */
  cutShort: number;
}

export interface PlanReport {
  plan: ReminderPlan;
  /** Planned days in the period up to today, and those with at least one session. */
  plannedDays: number;
  doneDays: number;
  missed: number[];
  /** Sessions on days that were not planned. */
  extraSessions: number;
}

export interface Report {
  period: ReportPeriod;
  from: number;
  to: number;
  generatedAt: number;
  /** The person's own live sessions in the period, oldest first. */
  sessions: SessionGroup[];
  sets: number;
  exercises: ExerciseReport[];
  pain: PainTrend;
  plan: PlanReport | null;
  /** Analysed recordings in the period: not part of any figure above. */
  recordings: SessionRecord[];
}

export interface ReportOptions {
  period: ReportPeriod;
  now: number;
  plan: ReminderPlan | null;
  routine: Routine | null;
}

const DAY = 86_400_000;

function periodStart(period: ReportPeriod, now: number, live: readonly SessionGroup[]): number {
  if (period === 'last') return live.at(-1)?.startedAt ?? now;
  const days = period === '7' ? 7 : 30;
  const d = new Date(dayStart(now));
  d.setDate(d.getDate() - (days - 1));
  return d.getTime();
}

const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
const r1 = (v: number) => Math.round(v * 10) / 10;

function faultsOf(sets: readonly SessionRecord[]): FaultSeen[] {
  const by = new Map<string, FaultSeen>();
  for (const s of sets) {
    for (const f of s.faults) {
      const seen = by.get(f.id) ?? { id: f.id, message: f.message, count: 0, sets: 0, when: [] };
      seen.count += f.count;
      seen.sets += 1;
      seen.when.push({ setStartedAt: s.startedAt, atSec: [...f.atSec], tally: f, set: s });
      by.set(f.id, seen);
    }
  }
  return [...by.values()].sort((a, b) => b.count - a.count);
}

function romChange(id: string, allLive: readonly SessionGroup[], inPeriod: readonly SessionGroup[]): RomChange | null {
  const best = (g: SessionGroup) => bestRom(g.sets.filter((s) => s.exerciseId === id).map(romOf));
  const ever = allLive
    .map((g) => ({ g, reading: best(g) }))
    .filter((x): x is { g: SessionGroup; reading: RomReading } => x.reading !== null);
  const periodIds = new Set(inPeriod.map((g) => g.id));
  const perSession = ever.filter((x) => periodIds.has(x.g.id)).map((x) => ({ at: x.g.startedAt, reading: x.reading }));
  const latest = perSession.at(-1);
  if (!latest) return null;
  const base = ever.slice(0, BASELINE_SESSIONS);
  const first = base[0]!;
  const sides: ('value' | 'left' | 'right')[] = latest.reading.value !== null ? ['value'] : ['left', 'right'];
  const parts = sides.flatMap((side) => {
    const vals = base.map((x) => x.reading[side]).filter((v): v is number => v !== null);
    const now = latest.reading[side];
    if (vals.length === 0 || now === null) return [];
    const baseline = r1(sum(vals) / vals.length);
    return [{ side, baseline, latest: now, change: r1(now - baseline) }];
  });
  return {
    label: latest.reading.label,
    parts,
    baselineSessions: base.length,
    baselineFrom: first.g.startedAt,
    baselineTo: base.at(-1)!.g.startedAt,
    latestAt: latest.at,
    overlaps: base.some((x) => periodIds.has(x.g.id)),
    perSession,
  };
}

function exerciseReport(
  id: string,
  groups: readonly SessionGroup[],
  allLive: readonly SessionGroup[],
  o: ReportOptions,
  planned: number,
): ExerciseReport {
  const sets = groups.flatMap((g) => g.sets.filter((s) => s.exerciseId === id));
  const cm = countMode(id);
  const mode = cm?.mode ?? (sets.some((s) => s.reps.total > 0) ? 'reps' : 'hold');
  const latest = sets.at(-1);
  const withFault = sets.map(repsWithFault);
  const partial = sets.map((s) => s.partialAttempts ?? null);
  const known = (v: (number | null)[]) => (v.every((x) => x === null) ? null : r1(sum(v.map((x) => x ?? 0))));
  const reps =
    mode === 'reps'
      ? {
          total: sum(sets.map((s) => s.reps.total)),
          left: sum(sets.map((s) => s.reps.left)),
          right: sum(sets.map((s) => s.reps.right)),
          clean: known(sets.map((s) => (s.repsGood === undefined ? null : Math.min(s.repsGood, s.reps.total)))),
          withFault: known(withFault),
          partial: known(partial),
        }
      : null;
  const form = addFormCounts(sets.map(formCounts));
  const goodForm = goodFormOf(form);
  const hold =
    mode === 'hold'
      ? {
          held: r1(sum(sets.map((s) => s.holdSec.total))),
          left: r1(sum(sets.map((s) => s.holdSec.left))),
          right: r1(sum(sets.map((s) => s.holdSec.right))),
          good: known(sets.map((s) => (s.faultHeldSec === undefined ? null : s.goodFormSec))),
          underFault: known(sets.map((s) => s.faultHeldSec ?? null)),
        }
      : null;
  const block = o.routine?.blocks.find((b) => b.exerciseId === id);
  const perSession = groups
    .filter((g) => g.sets.some((s) => s.exerciseId === id))
    .map((g) => {
      const own = g.sets.filter((s) => s.exerciseId === id);
      const gf = goodFormOf(addFormCounts(own.map(formCounts)));
      return {
        at: g.startedAt,
        goodFormPct: gf?.percent ?? null,
        count: mode === 'reps' ? sum(own.map((s) => s.reps.total)) : r1(sum(own.map((s) => s.holdSec.total))),
      };
    });
  return {
    id,
    name: isExerciseId(id) ? EXERCISES[id].name : id,
    mode,
    sides: cm?.sides ?? false,
    target: latest ? targetText(id, latest.target) : null,
    sets: sets.length,
    setsPlanned: block && o.plan && o.period !== 'last' ? block.sets * planned : null,
    reps,
    hold,
    form,
    goodForm,
    faults: faultsOf(sets),
    rom: romChange(id, allLive, groups),
    perSession,
    cutShort: sets.filter((s) => s.endedAt === null).length,
  };
}

/** The report over a period, from every saved record. */
export function buildReport(records: readonly SessionRecord[], o: ReportOptions): Report {
  const all = groupSessions(records);
  const allLive = all.filter((g) => g.source === 'live');
  const from = periodStart(o.period, o.now, allLive);
  const to = o.now;
  const sessions = o.period === 'last' ? allLive.slice(-1) : allLive.filter((g) => g.startedAt >= from && g.startedAt <= to);
  const recordings = records
    .filter((r) => r.source === 'analysis' && r.startedAt >= from && r.startedAt <= to)
    .sort((a, b) => a.startedAt - b.startedAt);
  let plan: PlanReport | null = null;
  let planned = 0;
  if (o.plan && o.period !== 'last') {
    const days = plannedDays(o.plan, from, to);
    const sessionDays = new Set(sessions.map((g) => dayStart(g.startedAt)));
    const done = days.filter((d) => sessionDays.has(d));
    planned = days.length;
    plan = {
      plan: o.plan,
      plannedDays: days.length,
      doneDays: done.length,
      missed: days.filter((d) => !sessionDays.has(d) && d + DAY <= to),
      extraSessions: sessions.filter((g) => !days.includes(dayStart(g.startedAt))).length,
    };
  }
  // Exercises in the order they were first done in the period.
  const ids: string[] = [];
  for (const g of sessions) for (const s of g.sets) if (!ids.includes(s.exerciseId)) ids.push(s.exerciseId);
  return {
    period: o.period,
    from,
    to,
    generatedAt: o.now,
    sessions,
    sets: sum(sessions.map((g) => g.sets.length)),
    exercises: ids.map((id) => exerciseReport(id, sessions, allLive, o, planned)),
    pain: painTrend(sessions.map((g) => ({ at: g.startedAt, before: g.painBefore, after: g.painAfter }))),
    plan,
    recordings,
  };
}
