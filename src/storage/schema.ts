// The saved-session record and its validation. Pure TypeScript (no Dexie, no DOM) so that import,
// quarantine and migration can be tested in Node and reused by any store.

export const SESSION_VERSION = 1;

export interface SideCounts {
  total: number;
  left: number;
  right: number;
}

export interface FaultTally {
  id: string;
  message: string;
  count: number;
  /** Seconds from the start of the set at which the fault began (at most 50 kept). */
  atSec: number[];
  /**
   * When it stood, [from, to] in seconds from the start of the set (flickers less than 3 s apart are one span;
   * at most 50 kept), so a summary can say "from 0:01 to the end, 45 s". Absent in older records.
   */
  spans?: [number, number][];
}

export interface SessionRecord {
  id: string;
  version: typeof SESSION_VERSION;
  exerciseId: string;
  source: 'live' | 'analysis';
  /** Epoch milliseconds. */
  startedAt: number;
  updatedAt: number;
  /** null while the set is still running (or was cut off by a crash: the counts are kept anyway). */
  endedAt: number | null;
  reps: SideCounts;
  holdSec: SideCounts;
  /**
   * Good-form seconds out of `activeSec`. For holds (since version 1.1 of the recorder) activeSec is the time
   * held and goodFormSec the held time with no fault, so both figures cover the same time; for reps, and in
   * older records, activeSec is the time counting ran with a usable pose.
   */
  goodFormSec: number;
  activeSec: number;
  /**
   * For holds: seconds held while a form-breaking fault stood (on, or seen within the last 3 s: it flickers
   * near its threshold), so not good-form time; absent in older records.
   */
  faultHeldSec?: number;
  /** Reps judged well (the engine's reps with no fault on them); absent in older records. */
  repsGood?: number;
  /** Seconds the set ran (from "Go" to its end, pauses left out); absent in older records. */
  setSec?: number;
  /**
   * Reps started and not completed (brought back before the top: "partial attempts"), listed apart from the reps;
   * absent in older records and in hold exercises.
   */
  partialAttempts?: number;
  /**
   * The session the set belongs to: every set from one pain check-in to its summary (one exercise's sets, or a
   * routine) shares it, and so do its pain answers. Absent in older records (grouped by time, see report.ts).
   */
  sessionId?: string;
  faults: FaultTally[];
  /** The exercise's key angle over the set, [seconds, degrees], thinned to about 2 per second. */
  metric: { label: string; unit: string; series: [number, number][]; min: number | null; max: number | null };
  painBefore: number | null;
  painAfter: number | null;
  target: { reps?: number; holdSec?: number } | null;
}

export class RecordError extends Error {}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const nonNeg = (v: unknown): v is number => finite(v) && v >= 0;

function checkCounts(v: unknown, what: string): SideCounts {
  if (!isObj(v) || !nonNeg(v.total) || !nonNeg(v.left) || !nonNeg(v.right)) {
    throw new RecordError(`${what} must be {total, left, right} with non-negative numbers`);
  }
  return { total: v.total, left: v.left, right: v.right };
}

function checkPain(v: unknown, what: string): number | null {
  if (v === null || v === undefined) return null;
  if (!finite(v) || v < 0 || v > 10) throw new RecordError(`${what} must be a number from 0 to 10`);
  return v;
}

/** Validates one record (current or older format) and returns it in the current format. Throws RecordError. */
export function parseSessionRecord(v: unknown): SessionRecord {
  if (!isObj(v)) throw new RecordError('not an object');
  if (typeof v.id !== 'string' || v.id.length === 0 || v.id.length > 100) throw new RecordError('id must be a non-empty string');
  if (v.version !== SESSION_VERSION)
    throw new RecordError(`unknown version ${JSON.stringify(v.version)} (this app reads version ${SESSION_VERSION})`);
  if (typeof v.exerciseId !== 'string' || !/^[a-z-]{2,40}$/.test(v.exerciseId)) throw new RecordError('exerciseId must be an exercise id');
  if (v.source !== 'live' && v.source !== 'analysis') throw new RecordError('source must be "live" or "analysis"');
  if (!nonNeg(v.startedAt) || !nonNeg(v.updatedAt)) throw new RecordError('startedAt and updatedAt must be epoch milliseconds');
  if (v.endedAt !== null && !nonNeg(v.endedAt)) throw new RecordError('endedAt must be null or epoch milliseconds');
  if (!nonNeg(v.goodFormSec) || !nonNeg(v.activeSec)) throw new RecordError('goodFormSec and activeSec must be non-negative');
  if (!Array.isArray(v.faults)) throw new RecordError('faults must be an array');
  const faults = v.faults.map((f, i): FaultTally => {
    if (
      !isObj(f) ||
      typeof f.id !== 'string' ||
      typeof f.message !== 'string' ||
      !nonNeg(f.count) ||
      !Array.isArray(f.atSec) ||
      !f.atSec.every(nonNeg)
    ) {
      throw new RecordError(`faults[${i}] must be {id, message, count, atSec[]}`);
    }
    const spans =
      Array.isArray(f.spans) && f.spans.every((p) => Array.isArray(p) && p.length === 2 && nonNeg(p[0]) && nonNeg(p[1]) && p[1] >= p[0])
        ? { spans: (f.spans as [number, number][]).map(([a, b]): [number, number] => [a, b]) }
        : {};
    return { id: f.id, message: f.message, count: f.count, atSec: f.atSec as number[], ...spans };
  });
  const m = v.metric;
  if (!isObj(m) || typeof m.label !== 'string' || typeof m.unit !== 'string' || !Array.isArray(m.series)) {
    throw new RecordError('metric must be {label, unit, series, min, max}');
  }
  const series = m.series.map((p, i): [number, number] => {
    if (!Array.isArray(p) || p.length !== 2 || !finite(p[0]) || !finite(p[1]))
      throw new RecordError(`metric.series[${i}] must be [seconds, value]`);
    return [p[0], p[1]];
  });
  const orNull = (x: unknown, what: string): number | null => {
    if (x === null || x === undefined) return null;
    if (!finite(x)) throw new RecordError(`${what} must be a number or null`);
    return x;
  };
  let target: SessionRecord['target'] = null;
  if (isObj(v.target)) {
    target = {};
    if (v.target.reps !== undefined) {
      if (!nonNeg(v.target.reps)) throw new RecordError('target.reps must be a number');
      target.reps = v.target.reps;
    }
    if (v.target.holdSec !== undefined) {
      if (!nonNeg(v.target.holdSec)) throw new RecordError('target.holdSec must be a number');
      target.holdSec = v.target.holdSec;
    }
  } else if (v.target !== null && v.target !== undefined) throw new RecordError('target must be an object or null');
  return {
    id: v.id,
    version: SESSION_VERSION,
    exerciseId: v.exerciseId,
    source: v.source,
    startedAt: v.startedAt,
    updatedAt: v.updatedAt,
    endedAt: v.endedAt as number | null,
    reps: checkCounts(v.reps, 'reps'),
    holdSec: checkCounts(v.holdSec, 'holdSec'),
    goodFormSec: v.goodFormSec,
    activeSec: v.activeSec,
    ...(nonNeg(v.faultHeldSec) ? { faultHeldSec: v.faultHeldSec } : {}),
    ...(nonNeg(v.repsGood) ? { repsGood: v.repsGood } : {}),
    ...(nonNeg(v.setSec) ? { setSec: v.setSec } : {}),
    ...(nonNeg(v.partialAttempts) ? { partialAttempts: v.partialAttempts } : {}),
    ...(typeof v.sessionId === 'string' && v.sessionId.length > 0 && v.sessionId.length <= 100 ? { sessionId: v.sessionId } : {}),
    faults,
    metric: { label: m.label, unit: m.unit, series, min: orNull(m.min, 'metric.min'), max: orNull(m.max, 'metric.max') },
    painBefore: checkPain(v.painBefore, 'painBefore'),
    painAfter: checkPain(v.painAfter, 'painAfter'),
    target,
  };
}

export const EXPORT_FORMAT = 'form-coach/history@1';

export interface HistoryExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: number;
  sessions: SessionRecord[];
}

export interface ImportResult {
  sessions: SessionRecord[];
  rejected: { index: number; reason: string }[];
}

/** Parses an export file's text. A file that is not an export at all throws; bad records inside are rejected one by one. */
export function parseHistoryExport(text: string): ImportResult {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new RecordError('the file is not JSON');
  }
  if (!isObj(v) || v.format !== EXPORT_FORMAT)
    throw new RecordError(`the file is not a Form Coach history export (expected format "${EXPORT_FORMAT}")`);
  if (!Array.isArray(v.sessions)) throw new RecordError('the export has no sessions array');
  const sessions: SessionRecord[] = [];
  const rejected: ImportResult['rejected'] = [];
  v.sessions.forEach((s, index) => {
    try {
      sessions.push(parseSessionRecord(s));
    } catch (e) {
      rejected.push({ index, reason: e instanceof Error ? e.message : String(e) });
    }
  });
  return { sessions, rejected };
}

export function makeHistoryExport(sessions: readonly SessionRecord[], now: number): HistoryExport {
  return { format: EXPORT_FORMAT, exportedAt: now, sessions: [...sessions] };
}
