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
  /** Per expected fault, in order: found (overlapping its window, and covering minCover of it when set) and the share covered. */
  faultHits: { id: string; found: boolean; cover: number }[];
  /** Clean reps over the expected maximum (Expected.cleanReps), else null. */
  cleanReps: { max: number; got: number; ok: boolean } | null;
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
  const reps =
    e.reps === undefined ? null : { expected: e.reps, got: s.reps.total, ok: Math.abs(s.reps.total - e.reps) <= (e.repsTolerance ?? 0) };
  const hold =
    e.holdSec === undefined ? null : { expected: e.holdSec, got: s.holdSec, ok: Math.abs(s.holdSec - e.holdSec) <= (e.holdTolerance ?? 1) };
  let holds: Verdict['holds'] = null;
  if (e.holds && e.holds.some((h) => h.side)) {
    const matched = e.holds.filter((h) =>
      s.holds.some((g) => g.side === h.side && overlaps(g.startSec, g.endSec, h.startSec, h.endSec)),
    ).length;
    holds = { expected: e.holds.length, matched, ok: matched === e.holds.length };
  }
  const faultHits = e.faults.map((f) => {
    const hit = s.faults.some((g) => g.id === f.id && overlaps(g.startSec, g.endSec, f.startSec - FAULT_SLACK, f.endSec + FAULT_SLACK));
    const cover = covered(
      s.faults.filter((g) => g.id === f.id),
      f.startSec,
      f.endSec,
    );
    return { id: f.id, found: hit && cover >= (f.minCover ?? 0), cover };
  });
  const found = faultHits.filter((h) => h.found).length;
  const faults = { expected: e.faults.length, found, ok: found === e.faults.length };
  const unexpected = s.faults.filter(
    (g) =>
      g.endSec - g.startSec > FALSE_FAULT_MAX &&
      !e.faults.some((f) => f.id === g.id && overlaps(g.startSec, g.endSec, f.startSec - FAULT_SLACK, f.endSec + FAULT_SLACK)),
  );
  // Good spans: any fault standing over FALSE_FAULT_MAX inside one (its part inside the span) is false.
  const inGood = (e.goodSpans ?? []).flatMap((sp) =>
    s.faults
      .map((g) => ({ ...g, startSec: Math.max(g.startSec, sp.startSec), endSec: Math.min(g.endSec, sp.endSec) }))
      .filter((g) => g.endSec - g.startSec > FALSE_FAULT_MAX),
  );
  const falseFaults = e.goodForm ? unexpected : inGood;
  const cleanReps = e.cleanReps === undefined ? null : { max: e.cleanReps, got: s.cleanReps, ok: s.cleanReps <= e.cleanReps };
  const lateSetup =
    e.setupOkAfterSec === undefined
      ? []
      : s.cues
          .filter((c) => c.id.startsWith('setup:') && c.id !== 'setup:no-person' && c.tSec > (e.setupOkAfterSec as number))
          .map((c) => ({ tSec: c.tSec, id: c.id }));
  const missingCues = (e.cues ?? [])
    .filter((w) => !s.cues.some((c) => c.id.includes(w.id) && (w.bySec === undefined || c.tSec <= w.bySec)))
    .map((w) => w.id);
  const wrongSides = e.sidesOnly ? s.holds.filter((h) => h.side !== null && !(e.sidesOnly as string[]).includes(h.side)).length : 0;
  const silent = isSilent(s);
  const pass =
    (reps?.ok ?? true) &&
    (hold?.ok ?? true) &&
    (holds?.ok ?? true) &&
    faults.ok &&
    falseFaults.length === 0 &&
    (cleanReps?.ok ?? true) &&
    lateSetup.length === 0 &&
    missingCues.length === 0 &&
    wrongSides === 0 &&
    !silent;
  return { reps, hold, holds, faults, faultHits, cleanReps, falseFaults, lateSetup, missingCues, wrongSides, silent, pass };
}

/** Share of [a, b] (s) covered by the union of the spans. */
function covered(spans: readonly { startSec: number; endSec: number }[], a: number, b: number): number {
  if (!(b > a)) return 0;
  const cut = spans
    .map((g) => [Math.max(a, g.startSec), Math.min(b, g.endSec)] as const)
    .filter(([x, y]) => y > x)
    .sort((p, q) => p[0] - q[0]);
  let total = 0,
    end = a;
  for (const [x, y] of cut) {
    if (y <= end) continue;
    total += y - Math.max(x, end);
    end = y;
  }
  return total / (b - a);
}

/** A person was seen, and the coach counted nothing and said nothing: the failure the user cannot act on. */
export function isSilent(s: Summary): boolean {
  return s.poseCoverage > 0 && s.reps.total === 0 && s.holdSec === 0 && s.cues.length === 0;
}
