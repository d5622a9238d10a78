// Thresholds from distributions, and how far each sits from the examples it has to separate, per source.
//
// A source is one person/camera set (test-fixtures/clips.json `source`; the labelled MediaPipe plank set is
// the source 'ngoquocbao'). Two kinds of threshold:
// - FITTED by the routine below (the plank's hip-line bends, plank.SAG_DEG and plank.HIGH_DEG): the nearer to
//   the good examples of midway between their edge (the most extreme 5th/95th percentile over the good sources)
//   and the faults' edge (the least extreme median over the fault sources), and three noise widths past the
//   good edge (EDGE_NOISE_WIDTHS). `npm run eval` refits it with each source left out and scores that source's
//   clips with the refit values (leave-one-source-out);
// - FIXED by hand from the measurements named beside each constant (rep counters): the eval reports their
//   margin on each source and flags any margin under that source's frame-to-frame noise.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createPerception, perceive } from '../../src/core/perception';
import { createEngineState, step } from '../../src/core/engine';
import {
  hipBend,
  hipLine,
  hipLineBlind,
  hipMeasure,
  inPlank,
  legsImplausible,
  pikeLine,
  HIP_MEASURES,
  SIGN_FREE,
  type HipMeasure,
} from '../../src/core/exercises/plank';
import { EXERCISES } from '../../src/core/exercises';
import type { ExerciseId } from '../../src/core/exercises';
import { forFamily, modelFamily, type ModelFamily, type ModelName, type PoseFrame } from '../../src/core/pose';
import type { Expected } from '../../tests/kit/replay';
import { readClipList, fixturePath, fixturesDir, type Clip } from './clips';
import { readFixtureFrames } from './engineRun';
import { perceivedRows, plankDatasetDir, type PlankLabel } from './enginePlankDataset';

export type PlankKind = 'good' | 'sag' | 'high';
/**
 * One labelled stretch: the hips' bend per judged frame, in one reading (plank.ts HipMeasure): `values` as the
 * sag rule reads it (hipLine), `high` as the hips-high rule reads it (pikeLine: for MoveNet the line from the
 * head, see plank.headHipBend), frame for frame.
 */
export interface Examples {
  source: string;
  clip: string;
  kind: PlankKind;
  measure: HipMeasure;
  values: number[];
  high: number[];
}

const q = (a: readonly number[], p: number): number => {
  const s = a
    .filter(Number.isFinite)
    .slice()
    .sort((x, y) => x - y);
  return s.length ? (s[Math.min(s.length - 1, Math.max(0, Math.floor(p * (s.length - 1) + 0.5)))] as number) : NaN;
};
export const percentile = q;

/**
 * Plank windows to learn from: the catalogued holds, minus 0.5 s around each catalogued fault (good), and the
 * faults where each clip's expected outcome places them (test-fixtures/<clip>.expected.json: hips-sagging → sag,
 * hips-high → high), trimmed by 0.2 s at each end for the catalog's timing: 02's sag, 31's sags (the hips left
 * behind as he pushes up), the pikes of 04, e03 and e04. Only frames the coach would judge: in the plank posture,
 * with the hip line readable (plank.hipLineBlind: a surely read view, ankles seen, legs plausible).
 */
export const FAULT_WINDOWS: Record<string, [number, number, PlankKind][]> = faultWindows();

function faultWindows(): Record<string, [number, number, PlankKind][]> {
  const out: Record<string, [number, number, PlankKind][]> = {};
  const kinds: Record<string, PlankKind> = { 'hips-sagging': 'sag', 'hips-high': 'high' };
  for (const file of readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()) {
    const exp = JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as Expected;
    const w = exp.faults
      .filter((f) => kinds[f.id])
      .map((f) => [f.startSec + 0.2, f.endSec - 0.2, kinds[f.id] as PlankKind] as [number, number, PlankKind]);
    if (w.length) out[file.replace(/\.expected\.json$/, '')] = w;
  }
  return out;
}

type Bends = Map<HipMeasure, { values: number[]; high: number[] }>;
/** The bends of the judged frames in the given windows, per reading (plank.hipMeasure: the clips' BlazePose streams carry world points). */
function judgedBends(frames: readonly PoseFrame[], family: ModelFamily, keep: (t: number) => boolean): Bends {
  const per = createPerception(family);
  const out: Bends = new Map();
  for (const f of frames) {
    perceive(per, f, f.t);
    if (!keep(f.t)) continue;
    const b = per.body;
    if (!inPlank(b) || hipLineBlind(b) !== null) continue;
    const v = hipLine(b),
      h = pikeLine(b),
      m = hipMeasure(b);
    if (v === null || h === null) continue;
    const e = out.get(m) ?? { values: [], high: [] };
    e.values.push(v);
    e.high.push(h);
    out.set(m, e);
  }
  return out;
}

/**
 * Every labelled plank example for a model's keypoint space: its recorded clips, and the MediaPipe set (source
 * 'ngoquocbao'; MediaPipe Pose is BlazePose's keypoint space, 2D only, so it is a 'blazepose-2d' example; for
 * MoveNet it is kept as the fit before families had it, in 'movenet': Thunder's reading of those people does
 * not exist, and their correct planks are the only good examples above 16° of bend).
 */
export function plankExamples(model = 'movenet-thunder'): Examples[] {
  const family = modelFamily(model as ModelName);
  const list = readClipList();
  const out: Examples[] = [];
  const add = (source: string, clip: string, kind: PlankKind, by: Bends) => {
    for (const [measure, { values, high }] of by) if (values.length) out.push({ source, clip, kind, measure, values, high });
  };
  for (const c of list.clips) {
    const p = fixturePath(c.id, model as 'movenet-thunder');
    if (!existsSync(p)) continue;
    const planted = FAULT_WINDOWS[c.id] ?? [];
    const isPlank = c.exercise === 'plank' || planted.length > 0;
    if (!isPlank) continue;
    const frames = readFixtureFrames(p).frames;
    const bad: [number, number][] = [
      ...planted.map(([a, z]) => [a, z] as [number, number]),
      ...c.truth.faults.map((f) => [f.start, f.end] as [number, number]),
    ];
    if (c.exercise === 'plank' && c.truth.formJudgeable !== false && planted.every(([, , k]) => k !== 'high')) {
      const good: [number, number][] = c.truth.holds.map((h) => [h.start, h.end]);
      // Drop the frames near a fault (the catalogue's times are ±0.3 s).
      const keep = (t: number) =>
        good.some(([a, z]) => t >= a * 1000 && t <= z * 1000) && !bad.some(([a, z]) => t >= (a - 0.5) * 1000 && t <= (z + 0.5) * 1000);
      add(c.source, c.id, 'good', judgedBends(frames, family, keep));
    }
    for (const [a, z, kind] of planted)
      add(
        c.source,
        c.id,
        kind,
        judgedBends(frames, family, (t) => t >= a * 1000 && t <= z * 1000),
      );
  }
  if (existsSync(plankDatasetDir)) {
    // Each file is a source (many people, several camera angles; dataset3 and dataset4 share their recordings),
    // read in each family's space: MoveNet's COCO-17 points only, as Thunder gives them (no heels or toes).
    const measure: HipMeasure = family === 'movenet' ? 'movenet' : 'blazepose-2d';
    const vals = new Map<string, { values: number[]; high: number[] }>();
    for (const { file, label, body } of perceivedRows(family)) {
      // The set has no ears: the hips-high reading is the shoulders' bend too (plank.pikeLine).
      const d = legsImplausible(body) ? null : hipBend(body),
        h = pikeLine(body);
      if (d === null || h === null) continue;
      const key = `${plankSetSource(file)}\t${label}`;
      const e = vals.get(key) ?? { values: [], high: [] };
      e.values.push(d);
      e.high.push(h);
      vals.set(key, e);
    }
    const kindOf: Record<PlankLabel, PlankKind> = { C: 'good', L: 'sag', H: 'high' };
    for (const [key, { values, high }] of [...vals.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      const [source, label] = key.split('\t') as [string, PlankLabel];
      out.push({ source, clip: `plank-mediapipe ${source.split('/')[1]} ${label}`, kind: kindOf[label], measure, values, high });
    }
  }
  return out;
}

/** The labelled MediaPipe plank set as a source, whole, and per file (BlazePose's 2D reading). */
export const PLANK_SET_SOURCE = 'ngoquocbao';
// dataset3.csv repeats dataset4.csv's sagging rows row for row (the same recordings): one source.
export const plankSetSource = (file: string): string =>
  `${PLANK_SET_SOURCE}/${file.replace(/\.csv$/, '').replace(/^dataset[34]$/, 'dataset3+4')}`;

export interface PlankFit {
  sag: number;
  high: number;
  /** The good planks' edges: past them and short of the thresholds a reading is in the band of doubt (plank.*_DOUBT_DEG). */
  sagDoubt: number;
  highDoubt: number;
  edges: { goodLow: number; sagEdge: number; goodHigh: number; highEdge: number; noiseLow: number; noiseHigh: number };
}

/**
 * How far past the good planks' edge a threshold may sit, in noise widths of a steady good hold (the median over
 * the good sources of half the 5–95 % spread, see spread): a fault milder than any in the fit is still a fault.
 */
export const EDGE_NOISE_WIDTHS = 3;
/**
 * A fault source's edge is its more extreme quarter (the 25th percentile of a sag, the 75th of a pike), not its
 * median: a fault that stands is found on its clearer frames and then held by the rule's hysteresis (plank.
 * HIP_HYST_DEG), so the threshold must be reached by each fault's clearer quarter. e03's pike reads 24° for 3 s and
 * 14–21° after, as his head comes up: its median (16.8°) sits inside the good planks, its upper quarter does not.
 */
export const FAULT_EDGE_QUANTILE = 0.25;

/**
 * The fitting routine (see the file comment) for one reading, without the sources in `leaveOut`. For each side:
 * - the good edge: the good sources' most extreme 5th (sag) or 95th (high) percentile — the doubt band starts there;
 * - the faults' edge: the least extreme, over the fault sources, of each source's clearer quarter (FAULT_EDGE_QUANTILE);
 * - the threshold: midway between the two, and at least one noise width past the good edge (where good and faulty
 *   readings overlap, as MoveNet's mild pikes e03 and e04 do with the labelled set's correct planks, a fault is
 *   raised only past every good source's edge, on its clearer frames, and then held by the hysteresis); no further
 *   than EDGE_NOISE_WIDTHS noise widths past the good edge. The readings between the good edge and the threshold
 *   are in doubt: neither fault nor praise. With no fault example of a kind left, the noise-width cap alone. A reading whose sign is noise on good planks
 * (plank.SIGN_FREE: BlazePose's 3D bend) is fitted on its size, the same either way.
 */
export function fitPlank(ex: readonly Examples[], leaveOut: readonly string[] = [], measure: HipMeasure = 'movenet'): PlankFit {
  const use = ex.filter((e) => e.measure === measure && !leaveOut.includes(e.source));
  const bySource = (kind: PlankKind, side: 'values' | 'high', f: (v: number) => number = (v) => v) => {
    const m = new Map<string, number[]>();
    for (const e of use.filter((x) => x.kind === kind)) m.set(e.source, [...(m.get(e.source) ?? []), ...e[side].map(f)]);
    return [...m.values()];
  };
  const noise = (groups: number[][]) => percentile(groups.map(spread), 0.5);
  const fq = FAULT_EDGE_QUANTILE;
  if (SIGN_FREE.includes(measure)) {
    const good = bySource('good', 'values', Math.abs),
      faults = [...bySource('sag', 'values', Math.abs), ...bySource('high', 'high', Math.abs)];
    const goodHigh = Math.max(...good.map((v) => q(v, 0.95)));
    const nz = noise(good);
    const cap = goodHigh + EDGE_NOISE_WIDTHS * nz;
    const faultEdge = faults.length ? Math.min(...faults.map((v) => q(v, 1 - fq))) : Infinity;
    const thr = Math.min(cap, goodHigh + Math.max(nz, (faultEdge - goodHigh) / 2));
    return {
      sag: -thr,
      high: thr,
      sagDoubt: -goodHigh,
      highDoubt: goodHigh,
      edges: { goodLow: -goodHigh, sagEdge: -faultEdge, goodHigh, highEdge: faultEdge, noiseLow: nz, noiseHigh: nz },
    };
  }
  const goodS = bySource('good', 'values'),
    goodH = bySource('good', 'high'),
    sag = bySource('sag', 'values'),
    high = bySource('high', 'high');
  const goodLow = Math.min(...goodS.map((v) => q(v, 0.05)));
  const goodHigh = Math.max(...goodH.map((v) => q(v, 0.95)));
  const noiseLow = noise(goodS),
    noiseHigh = noise(goodH);
  const sagEdge = sag.length ? Math.max(...sag.map((v) => q(v, fq))) : -Infinity;
  const highEdge = high.length ? Math.min(...high.map((v) => q(v, 1 - fq))) : Infinity;
  return {
    sag: Math.max(goodLow - Math.max(noiseLow, (goodLow - sagEdge) / 2), goodLow - EDGE_NOISE_WIDTHS * noiseLow),
    high: Math.min(goodHigh + Math.max(noiseHigh, (highEdge - goodHigh) / 2), goodHigh + EDGE_NOISE_WIDTHS * noiseHigh),
    sagDoubt: goodLow,
    highDoubt: goodHigh,
    edges: { goodLow, sagEdge, goodHigh, highEdge, noiseLow, noiseHigh },
  };
}

/** The readings that have examples. */
export const measuresOf = (ex: readonly Examples[]): HipMeasure[] => HIP_MEASURES.filter((m) => ex.some((e) => e.measure === m));

/**
 * Noise of a held measure: half the spread between its 5th and 95th percentiles over a steady window (jitter
 * and slow wander together). A margin under it means the threshold sits inside what one steady hold shows.
 */
export function spread(values: readonly number[]): number {
  return (q(values, 0.95) - q(values, 0.05)) / 2;
}

/** Noise of a moving measure: the 90th percentile of its change between successive frames. */
export function jitter(values: readonly number[]): number {
  const d: number[] = [];
  for (let i = 1; i < values.length; i++) d.push(Math.abs((values[i] as number) - (values[i - 1] as number)));
  return q(d, 0.9);
}

export interface MarginRow {
  rule: string;
  source: string;
  clip: string;
  threshold: number;
  margin: number;
  noise: number;
  note: string;
}

/**
 * The plank's fitted hip rules on every source's examples, with the thresholds refitted without that source:
 * margin = how far the source's good edge (5th/95th percentile) or fault median sits from the threshold on
 * the right side (negative = on the wrong side).
 */
export function plankMargins(ex: readonly Examples[]): MarginRow[] {
  const rows: MarginRow[] = [];
  for (const e of ex) {
    const fit = fitPlank(ex, [e.source], e.measure);
    // Noise: the spread of the source's good planks (of the faults' own window for a fault example).
    const nz = spread(e.values),
      nh = spread(e.high);
    if (e.kind === 'good') {
      rows.push({
        rule: `plank hips-sagging (${e.measure})`,
        source: e.source,
        clip: e.clip,
        threshold: fit.sag,
        margin: q(e.values, 0.05) - fit.sag,
        noise: nz,
        note: 'good 5th pct above it',
      });
      rows.push({
        rule: `plank hips-high (${e.measure})`,
        source: e.source,
        clip: e.clip,
        threshold: fit.high,
        margin: fit.high - q(e.high, 0.95),
        noise: nh,
        note: 'good 95th pct below it',
      });
    } else if (e.kind === 'sag') {
      rows.push({
        rule: `plank hips-sagging (${e.measure})`,
        source: e.source,
        clip: e.clip,
        threshold: fit.sag,
        margin: fit.sag - q(e.values, 0.5),
        noise: nz,
        note: 'sag median below it',
      });
    } else {
      rows.push({
        rule: `plank hips-high (${e.measure})`,
        source: e.source,
        clip: e.clip,
        threshold: fit.high,
        margin: q(e.high, 0.5) - fit.high,
        noise: nh,
        note: 'pike median above it',
      });
    }
  }
  return rows;
}

/**
 * Rep counters (fixed thresholds): for each clip with catalogued rep times, the counter's metric at each rep
 * (its extreme within ±0.5 s of the catalogued time) against `enter`, and at the rest between reps (its
 * opposite extreme) against `exit`, on MoveNet Thunder through the engine's own perception and metric.
 */
export function repMargins(model = 'movenet-thunder'): MarginRow[] {
  const list = readClipList();
  const rows: MarginRow[] = [];
  for (const file of readdirSync(fixturesDir).filter((f) => f.endsWith('.expected.json'))) {
    const id = file.replace(/\.expected\.json$/, '');
    const exp = JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as Expected;
    const c: Clip | undefined = list.clips.find((x) => x.id === id);
    if (!c || !c.truth.reps || exp.reps === undefined) continue;
    const def = EXERCISES[exp.exercise as ExerciseId];
    const spec = def.counter;
    const repTh = spec.reps;
    if (!repTh) continue;
    const p = fixturePath(id, model as 'movenet-thunder');
    if (!existsSync(p)) continue;
    const frames = readFixtureFrames(p).frames;
    // The metric each rep counter sees: per side where the exercise counts per side (the extreme of the sides).
    // The metric each rep counter sees. Per-side rows: the working arm (the side that moves through the larger
    // range). Alternating (bicycle): the nearer knee at each touch; its rests are judged per side by the
    // counter's return by the band from the top, so only the tops are tabulated.
    const st = createEngineState(exp.exercise, { model: model as ModelName });
    const per: { t: number; v: number; l: number | null; r: number | null }[] = [];
    for (const f of frames) {
      step(st, f);
      const b = st.per.body;
      const side = spec.kind === 'reps-per-side' || spec.kind === 'alternating';
      const l = side ? (spec.sideMetric?.(b, 'left') ?? null) : null,
        rr = side ? (spec.sideMetric?.(b, 'right') ?? null) : null;
      per.push({ t: f.t / 1000, v: st.metric ?? NaN, l, r: rr });
    }
    const range = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
      return v.length ? Math.max(...v) - Math.min(...v) : 0;
    };
    // The working side, over the catalogued reps only (c15 puts the weight down with the other arm after them).
    const inReps = per.filter((y) => y.t <= Math.max(...(c.truth.reps?.at ?? [Infinity])) + 1);
    const useLeft = range(inReps.map((y) => y.l)) >= range(inReps.map((y) => y.r));
    const series: { t: number; v: number }[] = [];
    for (const x of per) {
      let v = x.v;
      if (spec.kind === 'reps-per-side') v = (useLeft ? x.l : x.r) ?? NaN;
      if (spec.kind === 'alternating')
        v =
          x.l === null
            ? (x.r ?? NaN)
            : x.r === null
              ? x.l
              : forFamily(repTh, modelFamily(model as ModelName)).direction === 'up'
                ? Math.max(x.l, x.r)
                : Math.min(x.l, x.r);
      if (Number.isFinite(v)) series.push({ t: x.t, v });
    }
    const th = forFamily(repTh, modelFamily(model as ModelName));
    const s = th.direction === 'up' ? 1 : -1;
    const at = c.truth.reps.at;
    const tops = at
      .map((t) => {
        const w = series.filter((x) => Math.abs(x.t - t) <= 0.5).map((x) => s * x.v);
        return w.length ? Math.max(...w) : NaN;
      })
      .filter(Number.isFinite);
    const rests: number[] = [];
    for (let i = 1; i < at.length && spec.kind !== 'alternating'; i++) {
      const w = series.filter((x) => x.t > (at[i - 1] as number) + 0.3 && x.t < (at[i] as number) - 0.3).map((x) => s * x.v);
      if (w.length) rests.push(Math.min(...w));
    }
    const nz = jitter(series.map((x) => x.v));
    if (tops.length)
      rows.push({
        rule: `${exp.exercise} top (enter ${th.enter})`,
        source: c.source,
        clip: id,
        threshold: th.enter,
        margin: Math.min(...tops) - s * th.enter,
        noise: nz,
        note: `weakest of ${tops.length} catalogued tops past enter`,
      });
    if (rests.length)
      rows.push({
        rule: `${exp.exercise} rest (exit ${th.exit})`,
        source: c.source,
        clip: id,
        threshold: th.exit,
        margin: s * th.exit - Math.max(...rests),
        noise: nz,
        note: `shallowest of ${rests.length} rests between tops back past exit${' (or ' + Math.abs(th.enter - th.exit) + ' back from the top)'}`,
      });
  }
  return rows;
}
