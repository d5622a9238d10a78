// Pain before and after a session (0–10, optional), and what the app says when it rises. Pure.
//
// A 1-point change on a 0–10 pain scale is the smallest a person notices as a real change; a rise of 2 or more
// during a session is the sign to stop for the day and to tell the physiotherapist (issue 20). The app gives
// that advice, marks the session in History and in the report, and never draws a clinical conclusion.

/** A rise (after − before) of at least this many points gives the advice to stop for today. */
export const PAIN_RISE_STOP = 2;

export interface PainChange {
  before: number;
  after: number;
  /** after − before (negative: less pain after). */
  change: number;
  /** The rise reached PAIN_RISE_STOP: the person was told to stop for today. */
  stop: boolean;
}

/** The change over a session, or null when either answer is missing. */
export function painChange(before: number | null, after: number | null): PainChange | null {
  if (before === null || after === null) return null;
  const change = after - before;
  return { before, after, change, stop: change >= PAIN_RISE_STOP };
}

/** The plain advice after a session whose pain rose, or null when it did not. */
export function painAdvice(before: number | null, after: number | null): string | null {
  const c = painChange(before, after);
  if (!c || c.change <= 0) return null;
  if (c.stop) {
    return `Your pain went up by ${c.change} points (from ${c.before} to ${c.after}). Stop exercising for today, and tell your physiotherapist or doctor before your next session.`;
  }
  return `Your pain went up by ${c.change} point (from ${c.before} to ${c.after}). Take it gently; if it goes up again, stop and tell your physiotherapist.`;
}

/** How a session's pain reads in a list: "4 → 6, up 2: told to stop for today", "3 → 2", "4 → not given". */
export function painText(before: number | null, after: number | null): string {
  if (before === null && after === null) return 'not asked or not given';
  const b = before === null ? 'not given' : String(before);
  const a = after === null ? 'not given' : String(after);
  const c = painChange(before, after);
  if (!c) return `${b} → ${a}`;
  if (c.stop) return `${b} → ${a}, up ${c.change}: told to stop for today`;
  if (c.change > 0) return `${b} → ${a}, up ${c.change}`;
  if (c.change < 0) return `${b} → ${a}, down ${-c.change}`;
  return `${b} → ${a}, no change`;
}

export interface PainPoint {
  at: number;
  before: number | null;
  after: number | null;
}

export interface PainTrend {
  /** Sessions with at least one answer. */
  sessions: number;
  /** Pain before the first and the last of them that had a "before" answer. */
  firstBefore: number | null;
  lastBefore: number | null;
  /** Mean change during a session (after − before) over the sessions with both answers, 1 decimal. */
  meanChange: number | null;
  /** Sessions where pain rose by PAIN_RISE_STOP or more. */
  rises: number[];
  /** One sentence for people: what the answers show, with no clinical claim. */
  text: string;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The trend across sessions, oldest first. */
export function painTrend(points: readonly PainPoint[]): PainTrend {
  const answered = points.filter((p) => p.before !== null || p.after !== null);
  const befores = answered.filter((p) => p.before !== null);
  const both = answered.map((p) => painChange(p.before, p.after)).filter((c): c is PainChange => c !== null);
  const firstBefore = befores[0]?.before ?? null;
  const lastBefore = befores.at(-1)?.before ?? null;
  const meanChange = both.length ? round1(both.reduce((a, c) => a + c.change, 0) / both.length) : null;
  const rises = answered.filter((p) => painChange(p.before, p.after)?.stop).map((p) => p.at);
  const parts: string[] = [];
  if (answered.length === 0) parts.push('No pain answers in this period.');
  else {
    if (befores.length >= 2 && firstBefore !== null && lastBefore !== null) {
      const d = lastBefore - firstBefore;
      parts.push(
        `Pain before exercising went from ${firstBefore} to ${lastBefore} over ${befores.length} sessions${d === 0 ? ' (no change)' : d < 0 ? ` (down ${-d})` : ` (up ${d})`}.`,
      );
    } else if (firstBefore !== null) parts.push(`Pain before exercising: ${firstBefore} (one session).`);
    if (meanChange !== null) {
      parts.push(
        meanChange === 0
          ? 'On average pain did not change during a session.'
          : `On average pain went ${meanChange < 0 ? 'down' : 'up'} by ${Math.abs(meanChange)} during a session.`,
      );
    }
    parts.push(
      rises.length === 0
        ? `Pain never rose by ${PAIN_RISE_STOP} or more during a session.`
        : `Pain rose by ${PAIN_RISE_STOP} or more during ${rises.length} ${rises.length === 1 ? 'session' : 'sessions'}.`,
    );
  }
  return { sessions: answered.length, firstBefore, lastBefore, meanChange, rises, text: parts.join(' ') };
}
