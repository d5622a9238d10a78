// Reminders with no server: the person picks weekdays and a time; the app offers a calendar file (iCalendar, a
// weekly RRULE) that any calendar imports and that then does the reminding, says on the home screen what is due
// today, and counts the sessions done against these days in the report. Pure: times in, text out.

/** Weekdays as JavaScript numbers them: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface ReminderPlan {
  /** The days the person plans to exercise, in week order from Monday. */
  days: Weekday[];
  /** Local time, "HH:MM" (24 h). */
  time: string;
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** Monday first, as a week is read in most of the places the app is used. */
export const WEEK_ORDER: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];
const ICS_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A stored or typed plan, checked; null when it is not one (nothing is guessed). */
export function parsePlan(v: unknown): ReminderPlan | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (!Array.isArray(o.days) || typeof o.time !== 'string' || !TIME.test(o.time)) return null;
  const days = o.days.filter((d): d is Weekday => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6);
  if (days.length === 0 || days.length !== o.days.length) return null;
  return { days: WEEK_ORDER.filter((d) => days.includes(d)), time: o.time };
}

/** "Monday, Wednesday and Friday at 18:00". */
export function planText(p: ReminderPlan): string {
  const names = p.days.map((d) => WEEKDAY_NAMES[d]);
  const list = names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${p.days.length === 7 ? 'Every day' : list} at ${p.time}`;
}

/** Local midnight of the day of `ms`. */
export function dayStart(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** The start of each day from `from` to `to` (both included, local days). */
export function daysBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = new Date(dayStart(from)); d.getTime() <= to; d.setDate(d.getDate() + 1)) out.push(d.getTime());
  return out;
}

/** The planned days (their local midnights) between two times. */
export function plannedDays(p: ReminderPlan, from: number, to: number): number[] {
  return daysBetween(from, to).filter((d) => p.days.includes(new Date(d).getDay() as Weekday));
}

/** What the home screen says about today: due, done, or when the next planned day is. Null with no plan. */
export function dueToday(p: ReminderPlan | null, now: number, sessionsToday: number, routineName: string): string | null {
  if (!p) return null;
  const today = new Date(now).getDay() as Weekday;
  if (p.days.includes(today)) {
    if (sessionsToday > 0)
      return `Today's exercises are done (${sessionsToday} ${sessionsToday === 1 ? 'session' : 'sessions'}). Well done.`;
    const [h, m] = p.time.split(':').map(Number) as [number, number];
    const due = new Date(now);
    due.setHours(h, m, 0, 0);
    return due.getTime() > now ? `Due today at ${p.time}: ${routineName}.` : `Due today (planned for ${p.time}): ${routineName}.`;
  }
  for (let k = 1; k <= 7; k++) {
    const d = new Date(now);
    d.setDate(d.getDate() + k);
    if (p.days.includes(d.getDay() as Weekday)) {
      return `Nothing is planned for today. Next: ${k === 1 ? 'tomorrow' : WEEKDAY_NAMES[d.getDay()]} at ${p.time}.`;
    }
  }
  return null;
}

// ---- the calendar file (RFC 5545) ----

const pad = (n: number) => String(n).padStart(2, '0');
/** Local "floating" time (no zone): the event stays at 18:00 wherever the person's calendar is. */
const localStamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}T${pad(d.getHours())}${pad(d.getMinutes())}00`;
const utcStamp = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
/** TEXT values escape backslash, semicolon, comma and newlines. */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded (CRLF and one space), never inside a UTF-8 character. */
function fold(line: string): string {
  const enc = new TextEncoder();
  const out: string[] = [];
  let cur = '';
  for (const ch of line) {
    const limit = out.length === 0 ? 75 : 74;
    if (enc.encode(cur + ch).length > limit) {
      out.push(cur);
      cur = ch;
    } else cur += ch;
  }
  out.push(cur);
  return out.join('\r\n ');
}

export interface IcsOptions {
  /** When the file is made (epoch ms): the first event is the first planned day from then on. */
  now: number;
  /** What the event is called in the calendar. */
  title: string;
  /** Minutes the event lasts. */
  minutes: number;
  /** Address of the app, written into the event so the reminder leads back to it. */
  url?: string;
}

/** The plan as an iCalendar file: one weekly repeating event with a reminder at its start. */
export function reminderIcs(p: ReminderPlan, o: IcsOptions): string {
  const [h, m] = p.time.split(':').map(Number) as [number, number];
  const start = new Date(o.now);
  start.setHours(h, m, 0, 0);
  // The first planned day on or after today (today counts only while its time is still ahead).
  for (let k = 0; k < 8 && (!p.days.includes(start.getDay() as Weekday) || start.getTime() < o.now); k++)
    start.setDate(start.getDate() + 1);
  const end = new Date(start.getTime() + o.minutes * 60_000);
  const byDay = p.days.map((d) => ICS_DAYS[d]).join(',');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Form Coach//Reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:form-coach-reminder-${byDay.replace(/,/g, '')}-${p.time.replace(':', '')}@form-coach.local`,
    `DTSTAMP:${utcStamp(new Date(o.now))}`,
    `DTSTART:${localStamp(start)}`,
    `DTEND:${localStamp(end)}`,
    `RRULE:FREQ=WEEKLY;BYDAY=${byDay}`,
    `SUMMARY:${text(o.title)}`,
    `DESCRIPTION:${text(`Your back exercises with Form Coach (${planText(p)}). Open Form Coach on your computer and start your routine. If your pain gets worse, stop and ask your physiotherapist.${o.url ? `\n${o.url}` : ''}`)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${text(o.title)}`,
    'TRIGGER:PT0M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
