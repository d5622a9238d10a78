// Compares an analyzer Summary with a clip's expected outcome, by the suite's stated tolerances:
// reps within repsTolerance (0 = exact); hold seconds within holdTolerance (default 1 s); each planted
// fault found overlapping its window (±0.5 s for the catalog's timing error); on good-form clips no
// fault lasting over 1 s; expected holds with a side overlapped by a hold on that side.
import type { Summary } from '../../src/core/summary';
import type { Expected } from './replay';

export interface Verdict {
  reps: { expected: number; got: number; ok: boolean } | null;
  hold: { expected: number; got: number; ok: boolean } | null;
  holds: { expected: number; matched: number; ok: boolean } | null;
  faults: { expected: number; found: number; ok: boolean };
  falseFaults: { id: string; startSec: number; endSec: number }[];
  /** Set-up cues shown after the clip's set-up should have been accepted (Expected.setupOkAfterSec). */
  lateSetup: { tSec: number; id: string }[];
  /** Expected cues that were not shown (in time). */
  missingCues: string[];
  /** Holds on a side the clip never shows (Expected.sidesOnly). */
  wrongSides: number;
  /** A person was in view, and nothing was counted and nothing said (Summary: no rep, no hold, no cue). */
  silent: boolean;
  pass: boolean;
}

/** Window slack for the catalog's ±0.2–0.3 s timing and the engine's debounce (s). */
export const FAULT_SLACK = 0.5;
/** A fault shorter than this on a good-form clip is tolerated (s). */
export const FALSE_FAULT_MAX = 1;

const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 <= b1 && b0 <= a1;

export function compare(s: Summary, e: Expected): Verdict {
  const reps = e.reps === undefined ? null : { expected: e.reps, got: s.reps.total, ok: Math.abs(s.reps.total - e.reps) <= (e.repsTolerance ?? 0) };
  const hold = e.holdSec === undefined ? null : { expected: e.holdSec, got: s.holdSec, ok: Math.abs(s.holdSec - e.holdSec) <= (e.holdTolerance ?? 1) };
  let holds: Verdict['holds'] = null;
  if (e.holds && e.holds.some((h) => h.side)) {
    const matched = e.holds.filter((h) => s.holds.some((g) => g.side === h.side && overlaps(g.startSec, g.endSec, h.startSec, h.endSec))).length;
    holds = { expected: e.holds.length, matched, ok: matched === e.holds.length };
  }
  const found = e.faults.filter((f) => s.faults.some((g) => g.id === f.id && overlaps(g.startSec, g.endSec, f.startSec - FAULT_SLACK, f.endSec + FAULT_SLACK))).length;
  const faults = { expected: e.faults.length, found, ok: found === e.faults.length };
  const falseFaults = s.faults.filter((g) => g.endSec - g.startSec > FALSE_FAULT_MAX &&
    !e.faults.some((f) => f.id === g.id && overlaps(g.startSec, g.endSec, f.startSec - FAULT_SLACK, f.endSec + FAULT_SLACK)));
  const lateSetup = e.setupOkAfterSec === undefined ? [] : s.cues
    .filter((c) => c.id.startsWith('setup:') && c.id !== 'setup:no-person' && c.tSec > (e.setupOkAfterSec as number))
    .map((c) => ({ tSec: c.tSec, id: c.id }));
  const missingCues = (e.cues ?? []).filter((w) => !s.cues.some((c) => c.id.includes(w.id) && (w.bySec === undefined || c.tSec <= w.bySec))).map((w) => w.id);
  const wrongSides = e.sidesOnly ? s.holds.filter((h) => h.side !== null && !(e.sidesOnly as string[]).includes(h.side)).length : 0;
  const silent = isSilent(s);
  const pass = (reps?.ok ?? true) && (hold?.ok ?? true) && (holds?.ok ?? true) && faults.ok && (!e.goodForm || falseFaults.length === 0) &&
    lateSetup.length === 0 && missingCues.length === 0 && wrongSides === 0 && !silent;
  return { reps, hold, holds, faults, falseFaults: e.goodForm ? falseFaults : [], lateSetup, missingCues, wrongSides, silent, pass };
}

/** A person was seen, and the coach counted nothing and said nothing: the failure the user cannot act on. */
export function isSilent(s: Summary): boolean {
  return s.poseCoverage > 0 && s.reps.total === 0 && s.holdSec === 0 && s.cues.length === 0;
}
