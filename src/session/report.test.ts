import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../storage/schema';
import { CSV_COLUMNS, csvCell, setsCsv } from './csv';
import { buildReport } from './report';
import { dueToday, parsePlan, planText, reminderIcs } from './reminders';
import { romOf, turnDegrees } from './rom';
import { groupSessions } from './sessions';
import { icsLines as unfold, parseCsv } from '../../tests/kit/textFormats';
import { defaultRoutine } from './routine';

const DAY = 86_400_000;
// Monday 9 November 2026, 09:00 local.
const MON = new Date(2026, 10, 9, 9, 0).getTime();

let n = 0;
function rec(over: Partial<SessionRecord> & Pick<SessionRecord, 'exerciseId' | 'startedAt'>): SessionRecord {
  n += 1;
  return {
    id: `r${n}`,
    version: 1,
    source: 'live',
    updatedAt: over.startedAt + 60_000,
    endedAt: over.startedAt + 60_000,
    reps: { total: 0, left: 0, right: 0 },
    holdSec: { total: 0, left: 0, right: 0 },
    goodFormSec: 0,
    activeSec: 0,
    faults: [],
    metric: { label: 'm', unit: '°', series: [], min: null, max: null },
    painBefore: null,
    painAfter: null,
    target: null,
    ...over,
  };
}

const plank = (day: number, held: number, good: number, extra: Partial<SessionRecord> = {}) =>
  rec({
    exerciseId: 'plank',
    startedAt: MON + day * DAY,
    holdSec: { total: held, left: 0, right: 0 },
    activeSec: held,
    goodFormSec: good,
    faultHeldSec: Math.round((held - good) * 10) / 10,
    target: { holdSec: 30 },
    ...extra,
  });
const bend = (day: number, left: number, right: number, extra: Partial<SessionRecord> = {}) =>
  rec({
    exerciseId: 'side-bend',
    startedAt: MON + day * DAY + 120_000,
    holdSec: { total: 40, left: 20, right: 20 },
    activeSec: 40,
    goodFormSec: 40,
    faultHeldSec: 0,
    metric: { label: 'sideways bend', unit: '°', series: [], min: -right, max: left },
    target: { holdSec: 20 },
    ...extra,
  });

describe('sessions', () => {
  it('sets of one check-in are one session, whose pain is said once; older records group by time and answers; recordings stand alone', () => {
    const a = plank(0, 30, 30, { sessionId: 's1', painBefore: 4, painAfter: 6 });
    const b = bend(0, 20, 18, { sessionId: 's1', painBefore: 4, painAfter: 6 });
    const old1 = plank(1, 20, 20, { painBefore: 3, painAfter: 3 });
    const old2 = bend(1, 20, 20, { painBefore: 3, painAfter: 3 });
    const rec1 = plank(1, 10, 10, { source: 'analysis', startedAt: old1.startedAt + 60_000 });
    const g = groupSessions([b, old2, rec1, a, old1]);
    expect(g.map((x) => [x.source, x.sets.length])).toEqual([
      ['live', 2],
      ['live', 2],
      ['analysis', 1],
    ]);
    expect(g[0]!.pain).toEqual({ before: 4, after: 6, change: 2, stop: true });
    // Different answers: a new session even minutes later.
    const old3 = bend(1, 20, 20, { startedAt: old2.startedAt + 60_000, painBefore: 2, painAfter: null });
    expect(groupSessions([old1, old2, old3]).map((x) => x.sets.length)).toEqual([2, 1]);
  });
});

describe('range of motion', () => {
  it("in degrees: the rotation stretch's turn as the angle whose cosine the shoulders' width shrank by; the side bend per side", () => {
    expect(turnDegrees(0)).toBe(0);
    expect(turnDegrees(1)).toBeCloseTo(90, 5);
    expect(turnDegrees(0.5)).toBeCloseTo(60, 5);
    expect(romOf({ exerciseId: 'side-bend', metric: { label: '', unit: '°', series: [], min: -12.34, max: 20 } })).toMatchObject({
      left: 20,
      right: 12.3,
      value: null,
    });
    expect(romOf({ exerciseId: 'plank', metric: { label: '', unit: '°', series: [], min: 170, max: 180 } })).toBeNull();
  });
});

describe('the report', () => {
  const records = [
    bend(0, 14, 12, { sessionId: 'a', painBefore: 5, painAfter: 5 }),
    plank(0, 30, 24, {
      sessionId: 'a',
      painBefore: 5,
      painAfter: 5,
      faults: [{ id: 'hips-high', message: 'Lower your hips into line', count: 2, atSec: [3, 12] }],
    }),
    bend(2, 16, 14, { sessionId: 'b', painBefore: 4, painAfter: 6 }),
    bend(4, 18, 14, { sessionId: 'c', painBefore: 4, painAfter: 3 }),
    bend(7, 22, 20, { sessionId: 'd', painBefore: 3, painAfter: 3 }),
    plank(7, 25, 25, { sessionId: 'd', painBefore: 3, painAfter: 3, endedAt: null }),
    rec({
      exerciseId: 'bicycle',
      startedAt: MON + 7 * DAY + 300_000,
      sessionId: 'd',
      painBefore: 3,
      painAfter: 3,
      reps: { total: 13, left: 6, right: 7 },
      repsGood: 10,
      partialAttempts: 2,
      activeSec: 40,
      goodFormSec: 30,
      target: { reps: 10 },
      faults: [{ id: 'no-contact', message: 'Draw the knee right in to meet the elbow', count: 2, atSec: [4, 9] }],
    }),
    // Someone else's video, analysed: never in the figures.
    plank(8, 60, 60, { source: 'analysis' }),
  ];
  const now = MON + 8 * DAY + 3_600_000;
  const plan = parsePlan({ days: [1, 3, 4, 5], time: '18:00' })!;

  it('the last 7 days: sessions and sets, the per-exercise figures summed from the records, the recording apart', () => {
    const r = buildReport(records, { period: '7', now, plan, routine: defaultRoutine() });
    // 7 days to Tuesday 17 Nov: from Wed 11 Nov; sessions b (Wed 11), c (Fri 13) and d (Mon 16).
    expect(r.sessions.map((g) => g.id)).toEqual(['b', 'c', 'd']);
    expect(r.sets).toBe(5);
    const bendR = r.exercises.find((e) => e.id === 'side-bend')!;
    expect(bendR.sets).toBe(3);
    expect(bendR.hold).toMatchObject({ held: 120, left: 60, right: 60, good: 120, underFault: 0 });
    expect(bendR.target).toBe('0:20 + 0:20 hold');
    const plankR = r.exercises.find((e) => e.id === 'plank')!;
    expect(plankR.hold).toMatchObject({ held: 25, good: 25 });
    expect(plankR.cutShort).toBe(1);
    const bike = r.exercises.find((e) => e.id === 'bicycle')!;
    expect(bike.reps).toEqual({ total: 13, left: 6, right: 7, clean: 10, withFault: 3, partial: 2 });
    expect(bike.goodForm?.text).toBe('77 % (10 of 13 reps)');
    expect(bike.target).toBe('10 + 10 reps');
    expect(bike.faults).toMatchObject([
      {
        id: 'no-contact',
        message: 'Draw the knee right in to meet the elbow',
        count: 2,
        sets: 1,
        when: [{ setStartedAt: records[6]!.startedAt, atSec: [4, 9] }],
      },
    ]);
    expect(r.recordings).toHaveLength(1);
    // Planned Mon/Wed/Thu/Fri: Wed 11, Fri 13 and Mon 16 done, Thu 12 missed.
    expect(r.plan).toMatchObject({ plannedDays: 4, doneDays: 3, extraSessions: 0 });
    expect(r.plan!.missed).toEqual([new Date(2026, 10, 12).getTime()]);
    // The default routine's sets of the side bend on each of the 4 planned days.
    expect(bendR.setsPlanned).toBe(defaultRoutine().blocks.find((b) => b.exerciseId === 'side-bend')!.sets * 4);
  });

  it("range of motion: the change against the person's own first three sessions, per side", () => {
    const r = buildReport(records, { period: '7', now, plan: null, routine: null });
    const rom = r.exercises.find((e) => e.id === 'side-bend')!.rom!;
    // First sessions: left 14, 16, 18 (mean 16); right 12, 14, 14 (13.3). Latest: 22 and 20.
    expect(rom.parts).toEqual([
      { side: 'left', baseline: 16, latest: 22, change: 6 },
      { side: 'right', baseline: 13.3, latest: 20, change: 6.7 },
    ]);
    expect(rom.baselineSessions).toBe(3);
    expect(rom.overlaps).toBe(true);
    expect(rom.perSession.map((p) => p.reading.left)).toEqual([16, 18, 22]);
    expect(r.exercises.find((e) => e.id === 'plank')!.rom).toBeNull();
  });

  it('the pain trend across sessions, and the session where it rose by 2', () => {
    const r = buildReport(records, { period: '30', now, plan: null, routine: null });
    expect(r.sessions).toHaveLength(4);
    expect(r.pain.rises).toEqual([records[2]!.startedAt]);
    expect(r.pain.text).toMatch(/^Pain before exercising went from 5 to 3 over 4 sessions \(down 2\)\./);
  });

  it('the last session only', () => {
    const r = buildReport(records, { period: 'last', now, plan, routine: null });
    expect(r.sessions.map((g) => g.id)).toEqual(['d']);
    expect(r.plan).toBeNull();
    expect(r.recordings).toHaveLength(1);
  });
});

describe('the CSV', () => {
  it('one row per set, every column, cells quoted where needed', () => {
    const records = [
      plank(0, 30, 24, {
        sessionId: 'a',
        painBefore: 4,
        painAfter: 6,
        faults: [{ id: 'x', message: 'Lift your hips, "gently", now', count: 2, atSec: [1, 2] }],
      }),
      bend(0, 14, 12, { sessionId: 'a', painBefore: 4, painAfter: 6 }),
      plank(1, 10, 10, { source: 'analysis' }),
    ];
    const rows = parseCsv(setsCsv(records));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 3);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const col = (row: string[], name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
    expect(col(rows[1]!, 'Form problems (times seen)')).toBe('Lift your hips, "gently", now (2)');
    expect(col(rows[1]!, 'Good form (%)')).toBe('80');
    expect(col(rows[1]!, 'Held with a form problem (s)')).toBe('6');
    expect(col(rows[1]!, 'Pain rose by 2 or more')).toBe('yes');
    expect(col(rows[2]!, 'Set in session')).toBe('2');
    expect(col(rows[2]!, 'Range left (degrees)')).toBe('14');
    expect(col(rows[3]!, 'Source')).toBe('analysed recording (may be another person)');
    expect(csvCell('=1+1')).toBe("'=1+1");
  });
});

describe('reminders', () => {
  it('a plan is checked, never guessed', () => {
    expect(parsePlan({ days: [5, 1], time: '07:30' })).toEqual({ days: [1, 5], time: '07:30' });
    expect(parsePlan({ days: [], time: '07:30' })).toBeNull();
    expect(parsePlan({ days: [1], time: '7:30' })).toBeNull();
    expect(parsePlan({ days: [9], time: '07:30' })).toBeNull();
    expect(planText({ days: [1, 3, 5], time: '18:00' })).toBe('Monday, Wednesday and Friday at 18:00');
  });

  it('the calendar file: one weekly event on the chosen days, starting on the first of them, with a reminder', () => {
    const lines = unfold(
      reminderIcs({ days: [1, 3, 5], time: '18:00' }, { now: MON + 10 * 3_600_000, title: 'Back exercises', minutes: 20 }),
    );
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR');
    // Monday 19:00 is past 18:00: the first event is Wednesday 11 November.
    expect(lines).toContain('DTSTART:20261111T180000');
    expect(lines).toContain('DTEND:20261111T182000');
    expect(lines).toContain('TRIGGER:PT0M');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    // Before 18:00 on a Monday, that Monday is the first.
    expect(unfold(reminderIcs({ days: [1], time: '18:00' }, { now: MON, title: 'x', minutes: 20 }))).toContain('DTSTART:20261109T180000');
    // Every raw line fits in 75 octets.
    for (const l of reminderIcs({ days: [1], time: '18:00' }, { now: MON, title: 'A very long title '.repeat(8), minutes: 20 }).split(
      '\r\n',
    )) {
      expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    }
  });

  it('what is due today', () => {
    const p = { days: [1, 3] as (1 | 3)[], time: '18:00' };
    expect(dueToday(p, MON, 0, 'Back care')).toBe('Due today at 18:00: Back care.');
    expect(dueToday(p, MON + 10 * 3_600_000, 0, 'Back care')).toBe('Due today (planned for 18:00): Back care.');
    expect(dueToday(p, MON, 1, 'Back care')).toMatch(/^Today's exercises are done/);
    expect(dueToday(p, MON + DAY, 0, 'Back care')).toBe('Nothing is planned for today. Next: tomorrow at 18:00.');
    expect(dueToday(null, MON, 0, 'Back care')).toBeNull();
  });
});
