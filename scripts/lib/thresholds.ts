// Thresholds from distributions, and how far each sits from the examples it has to separate, per source.
//
// A source is one person/camera set (test-fixtures/clips.json `source`; the labelled MediaPipe plank set is
// the source 'ngoquocbao'). Two kinds of threshold:
// - FITTED by the routine below (the plank's hip-line bends, plank.SAG_DEG and plank.HIGH_DEG): midway
//   between the good examples' edge (the most extreme 5th/95th percentile over the good sources) and the
//   faults' edge (the least extreme median over the fault sources). `npm run eval` refits it with each
//   source left out and scores that source's clips with the refit values (leave-one-source-out);
// - FIXED by hand from the measurements named beside each constant (rep counters): the eval reports their
//   margin on each source and flags any margin under that source's frame-to-frame noise.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createPerception, perceive } from '../../src/core/perception';
import { createEngineState, step } from '../../src/core/engine';
import { hipBend, inPlank, viewTurn, VIEW_TURN_MAX } from '../../src/core/exercises/plank';
import { EXERCISES } from '../../src/core/exercises';
import type { ExerciseId } from '../../src/core/exercises/types';
import type { PoseFrame } from '../../src/core/pose';
import type { Expected } from '../../src/core/testing/replay';
import { readClipList, fixturePath, fixturesDir, type Clip } from './clips';
import { readFixtureFrames } from './engineRun';
import { plankDatasetDir, rowToPose, type PlankLabel } from './enginePlankDataset';

export type PlankKind = 'good' | 'sag' | 'high';
export interface Examples { source: string; clip: string; kind: PlankKind; values: number[] }

const q = (a: readonly number[], p: number): number => {
  const s = a.filter(Number.isFinite).slice().sort((x, y) => x - y);
  return s.length ? (s[Math.min(s.length - 1, Math.max(0, Math.floor(p * (s.length - 1) + 0.5)))] as number) : NaN;
};
export const percentile = q;

/**
 * Plank windows to learn from (MoveNet Thunder): the catalogued holds, minus 0.5 s around each catalogued fault
 * (good), and the faults: 02's sag, 31's sags where the expected outcome places them (the hips left behind as
 * he pushes up), 04's pike. Only frames the coach would judge: in the plank posture, in a usable view.
 */
const FAULT_WINDOWS: Record<string, [number, number, PlankKind][]> = {
  '02_plank_high_tutorial_yogai': [[16.4, 17.7, 'sag']],
  '31_pushup_incorrect_kaiakol': [[2.8, 4.3, 'sag'], [7.7, 9.0, 'sag']],
  '04_plank_high_hips-high_bassem': [[0, 3.83, 'high']],
};

function judgedBends(frames: readonly PoseFrame[], windows: [number, number][]): number[] {
  const per = createPerception();
  const out: number[] = [];
  for (const f of frames) {
    perceive(per, f, f.t);
    if (!windows.some(([a, z]) => f.t >= a * 1000 && f.t <= z * 1000)) continue;
    const b = per.body;
    const turn = viewTurn(b);
    if (!inPlank(b) || (turn !== null && turn > VIEW_TURN_MAX)) continue;
    const d = hipBend(b);
    if (d !== null) out.push(d);
  }
  return out;
}

/** Every labelled plank example, per clip (Thunder) and the MediaPipe set (source 'ngoquocbao'). */
export function plankExamples(model = 'movenet-thunder'): Examples[] {
  const list = readClipList();
  const out: Examples[] = [];
  for (const c of list.clips) {
    const p = fixturePath(c.id, model as 'movenet-thunder');
    if (!existsSync(p)) continue;
    const planted = FAULT_WINDOWS[c.id] ?? [];
    const isPlank = c.exercise === 'plank' || planted.length > 0;
    if (!isPlank) continue;
    const frames = readFixtureFrames(p).frames;
    const bad: [number, number][] = [...planted.map(([a, z]) => [a, z] as [number, number]), ...c.truth.faults.map((f) => [f.start, f.end] as [number, number])];
    if (c.exercise === 'plank' && planted.every(([, , k]) => k !== 'high')) {
      const good: [number, number][] = c.truth.holds.map((h) => [h.start, h.end]);
      // Drop the frames near a fault (the catalogue's times are ±0.3 s).
      const per = createPerception();
      const clean: number[] = [];
      for (const f of frames) {
        perceive(per, f, f.t);
        const inGood = good.some(([a, z]) => f.t >= a * 1000 && f.t <= z * 1000);
        const nearBad = bad.some(([a, z]) => f.t >= (a - 0.5) * 1000 && f.t <= (z + 0.5) * 1000);
        const b = per.body;
        const turn = viewTurn(b);
        if (!inGood || nearBad || !inPlank(b) || (turn !== null && turn > VIEW_TURN_MAX)) continue;
        const d = hipBend(b);
        if (d !== null) clean.push(d);
      }
      if (clean.length) out.push({ source: c.source, clip: c.id, kind: 'good', values: clean });
    }
    for (const [a, z, kind] of planted) {
      const v = judgedBends(frames, [[a, z]]);
      if (v.length) out.push({ source: c.source, clip: c.id, kind, values: v });
    }
  }
  if (existsSync(plankDatasetDir)) {
    const vals: Record<PlankLabel, number[]> = { C: [], L: [], H: [] };
    for (const f of readdirSync(plankDatasetDir).filter((n) => n.endsWith('.csv')).sort()) {
      const lines = readFileSync(join(plankDatasetDir, f), 'utf8').split('\n');
      const header = (lines[0] ?? '').split(',').slice(1);
      for (const line of lines.slice(1)) {
        const parts = line.split(',');
        const label = parts[0]?.trim();
        if (label !== 'C' && label !== 'L' && label !== 'H') continue;
        const per = createPerception();
        perceive(per, { t: 0, width: 1280, height: 720, poses: [rowToPose(parts.slice(1).map(Number), header)] }, 0);
        const d = hipBend(per.body);
        if (d !== null) vals[label].push(d);
      }
    }
    out.push({ source: 'ngoquocbao', clip: 'plank-mediapipe C', kind: 'good', values: vals.C });
    out.push({ source: 'ngoquocbao', clip: 'plank-mediapipe L', kind: 'sag', values: vals.L });
    out.push({ source: 'ngoquocbao', clip: 'plank-mediapipe H', kind: 'high', values: vals.H });
  }
  return out;
}

export interface PlankFit { sag: number; high: number; edges: { goodLow: number; sagEdge: number; goodHigh: number; highEdge: number } }

/** The fitting routine (see the file comment), without the sources in `leaveOut`. */
export function fitPlank(ex: readonly Examples[], leaveOut: readonly string[] = []): PlankFit {
  const use = ex.filter((e) => !leaveOut.includes(e.source));
  const bySource = (kind: PlankKind) => {
    const m = new Map<string, number[]>();
    for (const e of use.filter((x) => x.kind === kind)) m.set(e.source, [...(m.get(e.source) ?? []), ...e.values]);
    return [...m.values()];
  };
  const good = bySource('good'), sag = bySource('sag'), high = bySource('high');
  const goodLow = Math.min(...good.map((v) => q(v, 0.05)));
  const goodHigh = Math.max(...good.map((v) => q(v, 0.95)));
  const sagEdge = sag.length ? Math.max(...sag.map((v) => q(v, 0.5))) : goodLow - 20;
  const highEdge = high.length ? Math.min(...high.map((v) => q(v, 0.5))) : goodHigh + 20;
  return { sag: (goodLow + sagEdge) / 2, high: (goodHigh + highEdge) / 2, edges: { goodLow, sagEdge, goodHigh, highEdge } };
}

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

export interface MarginRow { rule: string; source: string; clip: string; threshold: number; margin: number; noise: number; note: string }

/**
 * The plank's fitted hip rules on every source's examples, with the thresholds refitted without that source:
 * margin = how far the source's good edge (5th/95th percentile) or fault median sits from the threshold on
 * the right side (negative = on the wrong side).
 */
export function plankMargins(ex: readonly Examples[]): MarginRow[] {
  const rows: MarginRow[] = [];
  for (const e of ex) {
    const fit = fitPlank(ex, [e.source]);
    // Noise: the spread of the source's good planks (of the faults' own window for a fault example).
    const nz = spread(e.values);
    if (e.kind === 'good') {
      rows.push({ rule: 'plank hips-sagging', source: e.source, clip: e.clip, threshold: fit.sag, margin: q(e.values, 0.05) - fit.sag, noise: nz, note: 'good 5th pct above it' });
      rows.push({ rule: 'plank hips-high', source: e.source, clip: e.clip, threshold: fit.high, margin: fit.high - q(e.values, 0.95), noise: nz, note: 'good 95th pct below it' });
    } else if (e.kind === 'sag') {
      rows.push({ rule: 'plank hips-sagging', source: e.source, clip: e.clip, threshold: fit.sag, margin: fit.sag - q(e.values, 0.5), noise: nz, note: 'sag median below it' });
    } else {
      rows.push({ rule: 'plank hips-high', source: e.source, clip: e.clip, threshold: fit.high, margin: q(e.values, 0.5) - fit.high, noise: nz, note: 'pike median above it' });
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
    if (!('reps' in spec)) continue;
    const p = fixturePath(id, model as 'movenet-thunder');
    if (!existsSync(p)) continue;
    const frames = readFixtureFrames(p).frames;
    // The metric each rep counter sees: per side where the exercise counts per side (the extreme of the sides).
    // The metric each rep counter sees. Per-side rows: the working arm (the side that moves through the larger
    // range). Alternating (bicycle): the nearer knee at each touch; its rests are judged per side by the
    // counter's backFromPeak, so only the tops are tabulated.
    const st = createEngineState(exp.exercise);
    const per: { t: number; v: number; l: number | null; r: number | null }[] = [];
    for (const f of frames) {
      step(st, f);
      const b = st.per.body;
      const side = spec.kind === 'reps-per-side' || spec.kind === 'alternating';
      const l = side ? spec.sideMetric(b, 'left') : null, rr = side ? spec.sideMetric(b, 'right') : null;
      per.push({ t: f.t / 1000, v: st.metric ?? NaN, l, r: rr });
    }
    const range = (xs: (number | null)[]) => { const v = xs.filter((x): x is number => x !== null && Number.isFinite(x)); return v.length ? Math.max(...v) - Math.min(...v) : 0; };
    // The working side, over the catalogued reps only (c15 puts the weight down with the other arm after them).
    const inReps = per.filter((y) => y.t <= Math.max(...(c.truth.reps?.at ?? [Infinity])) + 1);
    const useLeft = range(inReps.map((y) => y.l)) >= range(inReps.map((y) => y.r));
    const series: { t: number; v: number }[] = [];
    for (const x of per) {
      let v = x.v;
      if (spec.kind === 'reps-per-side') v = (useLeft ? x.l : x.r) ?? NaN;
      if (spec.kind === 'alternating') v = x.l === null ? (x.r ?? NaN) : x.r === null ? x.l : spec.reps.direction === 'up' ? Math.max(x.l, x.r) : Math.min(x.l, x.r);
      if (Number.isFinite(v)) series.push({ t: x.t, v });
    }
    const th = spec.reps;
    const s = th.direction === 'up' ? 1 : -1;
    const at = c.truth.reps.at;
    const tops = at.map((t) => {
      const w = series.filter((x) => Math.abs(x.t - t) <= 0.5).map((x) => s * x.v);
      return w.length ? Math.max(...w) : NaN;
    }).filter(Number.isFinite);
    const rests: number[] = [];
    for (let i = 1; i < at.length && spec.kind !== 'alternating'; i++) {
      const w = series.filter((x) => x.t > (at[i - 1] as number) + 0.3 && x.t < (at[i] as number) - 0.3).map((x) => s * x.v);
      if (w.length) rests.push(Math.min(...w));
    }
    const nz = jitter(series.map((x) => x.v));
    if (tops.length) rows.push({ rule: `${exp.exercise} top (enter ${th.enter})`, source: c.source, clip: id, threshold: th.enter, margin: Math.min(...tops) - s * th.enter, noise: nz, note: `weakest of ${tops.length} catalogued tops past enter` });
    if (rests.length) rows.push({ rule: `${exp.exercise} rest (exit ${th.exit})`, source: c.source, clip: id, threshold: th.exit, margin: s * th.exit - Math.max(...rests), noise: nz, note: `shallowest of ${rests.length} rests between tops back past exit${th.backFromPeak !== undefined ? ' (or ' + th.backFromPeak + ' back from the top)' : ''}` });
  }
  return rows;
}
