// The set in progress, kept as it runs, so a reload or a crash does not lose it: where it was in its plan (the
// card's or routine's block and set) and its record so far. On the next start the home screen asks "Your
// plank was interrupted at 0:09. Carry on with set 1 of 2?": Yes carries on with the counts kept, No keeps what
// was done as a finished set. Pure (parsing, merging); the storage is a port (localStorage in the app).
import { EXERCISE_IDS } from '../../core/exercises';
import type { Routine, RoutineRunState } from '../../session/routine';
import { parseRoutine } from '../../session/routine';
import type { SessionRecord, SideCounts } from '../../storage/schema';
import { parseSessionRecord } from '../../storage/schema';

export interface PendingSet {
  readonly version: 1;
  readonly kind: 'card' | 'routine';
  readonly routine: Routine;
  readonly blockIndex: number;
  /** 1-based set of the block. */
  readonly set: number;
  /** The set's record as last saved (endedAt null); null between sets (a rest, or the next set's framing). */
  readonly record: SessionRecord | null;
  /** The pain check-in answered before the set (kept for the sets after a reload). */
  readonly painBefore: number | null;
}

/**
 * Which set a reload should come back to: the set running, or during a rest the set after it (the same block's
 * next set, else the next block's first); null when nothing is left to do.
 */
export function pendingPlace(run: RoutineRunState): { blockIndex: number; set: number } | null {
  const st = run.step;
  if (st.kind === 'set') return { blockIndex: st.blockIndex, set: st.set };
  if (st.kind !== 'rest') return null;
  if (st.set < st.block.sets) return { blockIndex: st.blockIndex, set: st.set + 1 };
  return st.blockIndex + 1 < run.routine.blocks.length ? { blockIndex: st.blockIndex + 1, set: 1 } : null;
}

/** Where the set in progress is kept (localStorage in the app, a variable in tests). */
export interface PendingStore {
  load(): PendingSet | null;
  save(p: PendingSet): void;
  clear(): void;
}

/** A PendingSet read back, or null when absent, of another version, or damaged (never throws). */
export function parsePending(v: unknown): PendingSet | null {
  try {
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    if (o.version !== 1 || (o.kind !== 'card' && o.kind !== 'routine')) return null;
    const routine = parseRoutine(o.routine, EXERCISE_IDS);
    const blockIndex = o.blockIndex,
      set = o.set;
    if (typeof blockIndex !== 'number' || typeof set !== 'number' || !Number.isInteger(blockIndex) || !Number.isInteger(set)) return null;
    const block = routine.blocks[blockIndex];
    if (!block || set < 1 || set > block.sets) return null;
    const record = o.record === null ? null : parseSessionRecord(o.record);
    if (record && (record.exerciseId !== block.exerciseId || record.endedAt !== null)) return null;
    const painBefore = typeof o.painBefore === 'number' && o.painBefore >= 0 && o.painBefore <= 10 ? o.painBefore : null;
    return { version: 1, kind: o.kind, routine, blockIndex, set, record, painBefore };
  } catch {
    return null;
  }
}

/** The browser's store for it (one key of localStorage); a damaged entry reads as none. */
export function localPending(storage: Storage | undefined, key = 'form-coach:set-in-progress@1'): PendingStore {
  return {
    load() {
      try {
        const raw = storage?.getItem(key);
        return raw ? parsePending(JSON.parse(raw)) : null;
      } catch {
        return null;
      }
    },
    save(p) {
      try {
        storage?.setItem(key, JSON.stringify(p));
      } catch {
        /* quota or private mode: the set is not kept */
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        /* nothing kept */
      }
    },
  };
}

/** Seconds into the set when it was cut off (the set's running time, else what was held). */
export function interruptedAt(r: SessionRecord | null): number | null {
  if (!r) return null;
  return Math.floor(r.setSec ?? r.holdSec.total);
}

/** What a resumed set starts from: the counts of the part already done. */
export interface Carry {
  readonly reps: SideCounts;
  readonly holdSec: SideCounts;
}

export function carryOf(r: SessionRecord): Carry {
  return { reps: { ...r.reps }, holdSec: { ...r.holdSec } };
}

const addCounts = (a: SideCounts, b: SideCounts): SideCounts => ({
  total: a.total + b.total,
  left: a.left + b.left,
  right: a.right + b.right,
});
const round1 = (v: number) => Math.round(v * 10) / 10;

/** A view's counts with the carried part added (what the person sees on a resumed set). */
export function withCarry<
  V extends { reps: { total: number; left: number; right: number }; holdSec: { total: number; left: number; right: number } },
>(v: V, c: Carry | null): V {
  if (!c) return v;
  return { ...v, reps: addCounts(v.reps, c.reps), holdSec: addCounts(v.holdSec, c.holdSec) };
}

/**
 * One record for a set done in two parts (before the interruption, and after "Carry on"): the counts and times
 * added, the faults' times after the break shifted by the first part's length, under the first part's id, so
 * history keeps one set.
 */
export function mergeRecords(prev: SessionRecord, next: SessionRecord): SessionRecord {
  const offset = prev.setSec ?? prev.metric.series.at(-1)?.[0] ?? 0;
  const faults = prev.faults.map((f) => ({
    ...f,
    atSec: [...f.atSec],
    ...(f.spans ? { spans: f.spans.map(([a, b]): [number, number] => [a, b]) } : {}),
  }));
  for (const f of next.faults) {
    const same = faults.find((x) => x.id === f.id);
    const at = f.atSec.map((s) => round1(s + offset));
    const spans = f.spans?.map(([a, b]): [number, number] => [round1(a + offset), round1(b + offset)]);
    if (same) {
      same.count += f.count;
      same.atSec.push(...at);
      if (spans) same.spans = [...(same.spans ?? []), ...spans];
    } else faults.push({ ...f, atSec: at, ...(spans ? { spans } : {}) });
  }
  const sum = (a: number | undefined, b: number | undefined) =>
    a === undefined && b === undefined ? undefined : round1((a ?? 0) + (b ?? 0));
  const mins = [prev.metric.min, next.metric.min].filter((x): x is number => x !== null);
  const maxs = [prev.metric.max, next.metric.max].filter((x): x is number => x !== null);
  const out: SessionRecord = {
    ...next,
    id: prev.id,
    startedAt: prev.startedAt,
    painBefore: prev.painBefore ?? next.painBefore,
    reps: addCounts(prev.reps, next.reps),
    holdSec: {
      total: round1(prev.holdSec.total + next.holdSec.total),
      left: round1(prev.holdSec.left + next.holdSec.left),
      right: round1(prev.holdSec.right + next.holdSec.right),
    },
    goodFormSec: round1(prev.goodFormSec + next.goodFormSec),
    activeSec: round1(prev.activeSec + next.activeSec),
    faults,
    metric: {
      ...next.metric,
      series: [...prev.metric.series, ...next.metric.series.map(([t, v]) => [round1(t + offset), v] as [number, number])],
      min: mins.length ? Math.min(...mins) : null,
      max: maxs.length ? Math.max(...maxs) : null,
    },
  };
  const fh = sum(prev.faultHeldSec, next.faultHeldSec),
    rg = sum(prev.repsGood, next.repsGood),
    ss = sum(prev.setSec, next.setSec);
  const pa = sum(prev.partialAttempts, next.partialAttempts);
  if (fh !== undefined) out.faultHeldSec = fh;
  if (rg !== undefined) out.repsGood = rg;
  if (ss !== undefined) out.setSec = ss;
  if (pa !== undefined) out.partialAttempts = pa;
  // The set stays in the session it began in.
  if (prev.sessionId !== undefined) out.sessionId = prev.sessionId;
  return out;
}
