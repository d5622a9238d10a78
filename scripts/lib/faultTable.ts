// The per-fault table of `npm run eval` (issue 17): for each exercise's fault id, how many REAL faulty examples
// (a fault window a person labelled on a real recording, test-fixtures/<clip>.expected.json) the coach finds, and
// on how many good examples (good-form clips, and the good spans of clips that show both) it raises that fault
// falsely for over a second. Constructed streams and planted faults never count here: they are unit tests
// (src/core/faultFinding.test.ts), and a rule validated on them learns to stay quiet.
import { EXERCISES, type ExerciseId } from '../../src/core/exercises';
import type { Verdict } from '../../tests/kit/compare';
import type { Expected } from '../../tests/kit/replay';

/** Under this many real faulty recordings (clips) a recall is a count, not a rate. */
export const MIN_EXAMPLES_FOR_RATE = 3;

export interface FaultRow {
  clip: string;
  source: string;
  exercise: string;
  model: string;
  v: Verdict;
  exp: Expected;
  /** The run's summary: how long the rules ran and how long each could not judge. */
  s: { readonly unsureSec: Readonly<Record<string, number>>; readonly rulesRanSec: number };
}

export interface FaultTally {
  exercise: string;
  faultId: string;
  /** Real labelled windows of this fault, and how many were found. */
  examples: number;
  found: number;
  /** Sources (person and camera sets) the examples come from. */
  sources: string[];
  /** Clips that hold good form of this exercise (whole clip or a good span), and those with this fault falsely over 1 s. */
  good: number;
  falseOn: number;
  /** The clips the examples come from, and those whose examples were missed. */
  clips: string[];
  missed: string[];
  /** Over the exercise's real clips: seconds the rules ran, and seconds this rule could not judge (issue 17: how often each rule abstains). */
  ranSec: number;
  unsureSec: number;
}

/** Tallies one model's rows (real clips only) per (exercise, fault id), every fault id of every exercise listed. */
export function tallyFaults(rows: readonly FaultRow[]): FaultTally[] {
  const real = rows.filter((r) => r.model !== 'constructed');
  const out: FaultTally[] = [];
  for (const [id, def] of Object.entries(EXERCISES) as [ExerciseId, (typeof EXERCISES)[ExerciseId]][]) {
    const mine = real.filter((r) => r.exercise === id);
    for (const faultId of def.faultIds) {
      const t: FaultTally = {
        exercise: id,
        faultId,
        examples: 0,
        found: 0,
        sources: [],
        good: 0,
        falseOn: 0,
        clips: [],
        missed: [],
        ranSec: 0,
        unsureSec: 0,
      };
      for (const r of mine) {
        t.ranSec += r.s.rulesRanSec;
        t.unsureSec += r.s.unsureSec[faultId] ?? 0;
        r.exp.faults.forEach((f, i) => {
          if (f.id !== faultId) return;
          t.examples++;
          if (!t.sources.includes(r.source)) t.sources.push(r.source);
          if (!t.clips.includes(r.clip)) t.clips.push(r.clip);
          if (r.v.faultHits[i]?.found) t.found++;
          else if (!t.missed.includes(r.clip)) t.missed.push(r.clip);
        });
        if (r.exp.goodForm || (r.exp.goodSpans?.length ?? 0) > 0) {
          t.good++;
          if (r.v.falseFaults.some((g) => g.id === faultId)) t.falseOn++;
        }
      }
      out.push(t);
    }
  }
  return out;
}

/**
 * "2/3 (67 %; 3 clips, 2 sources)": labelled windows found out of all; a rate only from MIN_EXAMPLES_FOR_RATE faulty
 * clips up (three reps of one person are one example of how that person does it), else the count and "too few".
 */
export function recallCell(t: Pick<FaultTally, 'examples' | 'found' | 'sources' | 'clips'>): string {
  if (t.examples === 0) return 'no real example';
  const base = `${t.found}/${t.examples}`;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const from = `${plural(t.clips.length, 'clip')}, ${plural(t.sources.length, 'source')}`;
  if (t.clips.length < MIN_EXAMPLES_FOR_RATE) return `${base} (too few to rate; ${from})`;
  return `${base} (${Math.round((100 * t.found) / t.examples)} %; ${from})`;
}

/** "12 % of 240 s": the share of the time the rules ran that this rule could not judge, on the exercise's real clips. */
export function unsureCell(t: Pick<FaultTally, 'ranSec' | 'unsureSec'>): string {
  if (!(t.ranSec > 0)) return '–';
  return `${Math.round((100 * t.unsureSec) / t.ranSec)} % of ${Math.round(t.ranSec)} s`;
}

/** Rows of the per-fault table: one per fault id, real recall and false faults, each model's left-out reading. */
export function faultTableRows(byModel: readonly { label: string; rows: readonly FaultRow[] }[]): string[][] {
  const head = [
    'exercise',
    'fault',
    ...byModel.flatMap((m) => [`${m.label} real recall`, `${m.label} false >1 s on good clips`, `${m.label} unsure`]),
  ];
  const tallies = byModel.map((m) => tallyFaults(m.rows));
  const first = tallies[0] ?? [];
  const body = first.map((t, i) => [
    t.exercise,
    t.faultId,
    ...tallies.flatMap((ts) => {
      const x = ts[i]!;
      return [
        recallCell(x) + (x.missed.length ? ` missed: ${x.missed.map((c) => c.split('_')[0]).join(', ')}` : ''),
        `${x.falseOn} of ${x.good}`,
        unsureCell(x),
      ];
    }),
  ]);
  return [head, ...body];
}
