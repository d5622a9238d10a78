// Leave-one-source-out for the eval (a source = one person/camera set: test-fixtures/clips.json `source`).
// The thresholds fitted from data (scripts/lib/thresholds.ts: the plank's hip-line bends) are refitted with
// the source's own examples left out, and the source's clips are scored with the refit values; the other
// thresholds are fixed by hand, and their margin on each source is tabulated against that source's noise.
import { fitPlank, measuresOf, plankMargins, repMargins, type Examples, type MarginRow } from './thresholds';
import { HIGH_DOUBT_KEY, HIGH_KEY, SAG_DOUBT_KEY, SAG_KEY } from '../../src/core/exercises/plank';

export interface SourceRow {
  clip: string;
  source: string;
  exercise: string;
  pass: boolean;
}

/** The tuning (CheckContext.tuning) a source's clips are scored with when the source is left out of the fit. */
export function leftOutTuning(examples: readonly Examples[], source: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of measuresOf(examples)) {
    const f = fitPlank(examples, [source], m);
    out[SAG_KEY[m]] = f.sag;
    out[HIGH_KEY[m]] = f.high;
    out[SAG_DOUBT_KEY[m]] = f.sagDoubt;
    out[HIGH_DOUBT_KEY[m]] = f.highDoubt;
  }
  return out;
}

export function perSourceLines(rows: readonly SourceRow[], label: string): string[] {
  const by = new Map<string, SourceRow[]>();
  for (const r of rows) by.set(r.source, [...(by.get(r.source) ?? []), r]);
  const out = [label];
  for (const [src, rs] of [...by.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const miss = rs.filter((r) => !r.pass);
    out.push(
      `  ${src}: ${rs.length - miss.length}/${rs.length} clips pass${miss.length ? ` (miss: ${miss.map((r) => r.clip.split('_')[0]).join(', ')})` : ''}`,
    );
  }
  return out;
}

const f1 = (v: number) => (Number.isFinite(v) ? (Math.round(v * 100) / 100).toString() : '–');

/** The margin table: every rule with data on each source, flagged where the margin is under the noise. */
export function marginLines(examples: readonly Examples[], model = 'movenet-thunder'): { lines: string[]; flagged: MarginRow[] } {
  const rows = [...plankMargins(examples), ...repMargins(model)];
  const table = [['rule', 'source', 'clip', 'threshold', 'margin', 'noise', 'flag', 'what']];
  const flagged: MarginRow[] = [];
  for (const r of rows) {
    const flag = r.margin < r.noise;
    if (flag) flagged.push(r);
    table.push([
      r.rule,
      r.source,
      r.clip.split('_')[0] ?? r.clip,
      f1(r.threshold),
      f1(r.margin),
      f1(r.noise),
      flag ? 'UNDER NOISE' : '',
      r.note,
    ]);
  }
  return { lines: table.map((r) => r.join('\t')), flagged };
}
