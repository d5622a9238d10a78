// Sets grouped into sessions: one session is everything from one pain check-in to its summary (one exercise's
// sets, or a routine), so its pain answers are said once. Pure.
import type { SessionRecord } from '../storage/schema';
import type { PainChange } from './pain';
import { painChange } from './pain';

/**
 * Older records carry no session id: a set joins the one before it when both are live, have the same pain answers
 * and it began within this long (ms) of the other's end (the rest between sets is at most 10 minutes).
 */
export const SAME_SESSION_GAP_MS = 10 * 60_000;

export interface SessionGroup {
  id: string;
  source: 'live' | 'analysis';
  startedAt: number;
  /** The last set's end (or its last update when it was cut short). */
  endedAt: number;
  /** Its sets, oldest first. */
  sets: SessionRecord[];
  painBefore: number | null;
  painAfter: number | null;
  pain: PainChange | null;
}

const endOf = (r: SessionRecord) => r.endedAt ?? r.updatedAt;

/** The sessions of a list of records, oldest first. Analysed recordings are sessions of their own, never joined to live sets. */
export function groupSessions(records: readonly SessionRecord[]): SessionGroup[] {
  const sorted = [...records].sort((a, b) => a.startedAt - b.startedAt);
  const groups: SessionGroup[] = [];
  const byId = new Map<string, SessionGroup>();
  let lastLive: SessionGroup | null = null;
  for (const r of sorted) {
    let g: SessionGroup | null = null;
    if (r.sessionId !== undefined) g = byId.get(`${r.source}:${r.sessionId}`) ?? null;
    else if (
      lastLive &&
      r.source === 'live' &&
      lastLive.sets.every((s) => s.sessionId === undefined) &&
      lastLive.painBefore === r.painBefore &&
      lastLive.painAfter === r.painAfter &&
      r.startedAt - lastLive.endedAt <= SAME_SESSION_GAP_MS
    )
      g = lastLive;
    if (!g) {
      g = {
        id: r.sessionId ?? r.id,
        source: r.source,
        startedAt: r.startedAt,
        endedAt: endOf(r),
        sets: [],
        painBefore: null,
        painAfter: null,
        pain: null,
      };
      groups.push(g);
      if (r.sessionId !== undefined) byId.set(`${r.source}:${r.sessionId}`, g);
    }
    g.sets.push(r);
    g.endedAt = Math.max(g.endedAt, endOf(r));
    // Every set of a session carries the session's answers; the first given wins.
    g.painBefore ??= r.painBefore;
    g.painAfter ??= r.painAfter;
    if (g.source === 'live') lastLive = g;
  }
  for (const g of groups) g.pain = painChange(g.painBefore, g.painAfter);
  return groups;
}
