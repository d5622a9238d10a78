// The sets as a spreadsheet: one row per set (RFC 4180 CSV, UTF-8 with a byte-order mark so spreadsheet programs
// read the text right), the same figures the report shows. Numbers are plain numbers (a dot for decimals, no
// units inside a cell); the units are in the column names. Pure.
import { EXERCISES, isExerciseId } from '../core/exercises';
import type { SessionRecord } from '../storage/schema';
import { goodForm, repsWithFault, targetText } from './figures';
import { painChange } from './pain';
import { romOf } from './rom';
import { groupSessions } from './sessions';

export const CSV_COLUMNS = [
  'Date',
  'Time',
  'Session',
  'Set in session',
  'Source',
  'Exercise',
  'Target',
  'Reps',
  'Reps left',
  'Reps right',
  'Reps with good form',
  'Reps with a form problem',
  'Partial attempts (not counted)',
  'Held (s)',
  'Held left (s)',
  'Held right (s)',
  'Held with good form (s)',
  'Held with a form problem (s)',
  'Good form (%)',
  'Form problems (times seen)',
  'Range of motion',
  'Range (degrees)',
  'Range left (degrees)',
  'Range right (degrees)',
  'Pain before (0-10)',
  'Pain after (0-10)',
  'Pain rose by 2 or more',
  'Finished',
] as const;

/** One cell: quoted when it holds a comma, a quote or a line break (quotes doubled); a formula-looking text is defused. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '';
  // A cell starting with = + - @ would run as a formula in a spreadsheet: a leading apostrophe keeps it text.
  const s = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const pad = (n: number) => String(n).padStart(2, '0');
const date = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const time = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** The rows (without the header) for these records: sets in time order, numbered within their session. */
export function csvRows(records: readonly SessionRecord[]): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  groupSessions(records).forEach((g, gi) => {
    g.sets.forEach((s, si) => {
      const gf = goodForm(s);
      const rom = romOf(s);
      const rose = painChange(g.painBefore, g.painAfter);
      rows.push([
        date(s.startedAt),
        time(s.startedAt),
        gi + 1,
        si + 1,
        s.source === 'live' ? 'live' : 'analysed recording (may be another person)',
        isExerciseId(s.exerciseId) ? EXERCISES[s.exerciseId].name : s.exerciseId,
        targetText(s.exerciseId, s.target),
        s.reps.total,
        s.reps.left,
        s.reps.right,
        s.repsGood === undefined ? null : Math.min(s.repsGood, s.reps.total),
        repsWithFault(s),
        s.partialAttempts ?? null,
        s.holdSec.total,
        s.holdSec.left,
        s.holdSec.right,
        s.faultHeldSec === undefined ? null : Math.round(s.goodFormSec * 10) / 10,
        s.faultHeldSec ?? null,
        gf ? gf.percent : null,
        s.faults.map((f) => `${f.message} (${f.count})`).join('; ') || null,
        rom?.label ?? null,
        rom?.value ?? null,
        rom?.left ?? null,
        rom?.right ?? null,
        g.painBefore,
        g.painAfter,
        rose ? (rose.stop ? 'yes' : 'no') : null,
        s.endedAt === null ? 'cut short' : 'yes',
      ]);
    });
  });
  return rows;
}

/** The whole file's text. */
export function setsCsv(records: readonly SessionRecord[]): string {
  const lines = [CSV_COLUMNS.map(csvCell).join(','), ...csvRows(records).map((r) => r.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
