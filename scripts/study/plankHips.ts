// Plank hip measures side by side, per source, on the judged frames of every labelled plank example (issue 11,
// i11b): our clips (good holds, 02's and 31's sags, 04's pike) and the labelled MediaPipe set, file by file.
// `npx tsx scripts/study/plankHips.ts [--model M] [--csv FILE] [--only a,b]` prints each measure's 5th/50th/95th
// percentiles per source and kind. Pure measurement: no threshold here is used by the coach. Measures: bend
// (plank.hipBend, the sag rule's reading), pike (plank.pikeLine, the hips-high rule's), bendRaw (no view
// correction), bendNear/bendFar/bendLR (each side alone), offT/offL (hip off the shoulder–ankle line, in torso
// lengths / in that line's length), shk (shoulder–hip–knee), knee (hip–knee–ankle), head (nose off the trunk
// line), earBend/noseBend/earKnee (the line from the ears or nose), earNeck (ear–shoulder–hip), trunkF/legF
// (trunk and legs against the floor line), hipUp/shUp (heights above it), shW/hipW/legT (widths and leg length
// over the torso), turn (plank.viewTurn).
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createPerception, perceive } from '../../src/core/perception';
import { hipBend, inPlank, legsImplausible, pikeLine, viewTooTurned, viewTurn } from '../../src/core/exercises/plank';
import { modelFamily, type ModelName, type PoseFrame } from '../../src/core/pose';
import type { Body } from '../../src/core/geometry';
import { readClipList, fixturePath } from '../lib/clips';
import { readFixtureFrames } from '../lib/engineRun';
import { perceivedRows, plankDatasetDir } from '../lib/enginePlankDataset';
import { FAULT_WINDOWS, plankSetSource, percentile as q, type PlankKind } from '../lib/thresholds';

type P = { x: number; y: number };
const mid = (b: Body, i: number): P | null =>
  b.ok[i] === 1 && b.ok[i + 1] === 1
    ? { x: ((b.x[i] as number) + (b.x[i + 1] as number)) / 2, y: ((b.y[i] as number) + (b.y[i + 1] as number)) / 2 }
    : null;
const pt = (b: Body, i: number): P | null => (b.ok[i] === 1 ? { x: b.x[i] as number, y: b.y[i] as number } : null);
const DEG = 180 / Math.PI;
/** Signed bend at h of s–h–a (°), + when h is above the s→a line. */
function bend(s: P, h: P, a: P): number | null {
  const ux = s.x - h.x,
    uy = s.y - h.y,
    vx = a.x - h.x,
    vy = a.y - h.y;
  const n = Math.hypot(ux, uy) * Math.hypot(vx, vy);
  if (!(n > 0)) return null;
  const ang = Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / n)));
  const dx = a.x - s.x,
    dy = a.y - s.y;
  const cross = dx * (h.y - s.y) - dy * (h.x - s.x);
  const above = dx >= 0 ? -cross : cross;
  return (Math.PI - ang) * DEG * (above >= 0 ? 1 : -1);
}
/** Signed offset of p from the line a→c (+ above), in units of `unit`. */
function off(a: P, p: P, c: P, unit: number): number | null {
  const dx = c.x - a.x,
    dy = c.y - a.y,
    l = Math.hypot(dx, dy);
  if (!(l > 0) || !(unit > 0)) return null;
  const cross = (dx * (p.y - a.y) - dy * (p.x - a.x)) / l;
  return (dx >= 0 ? -cross : cross) / unit;
}

export type Row = Record<string, number | null>;
/** Every candidate measure on one body. */
export function measures(b: Body): Row {
  const S = mid(b, 5),
    H = mid(b, 11),
    A = mid(b, 15),
    K = mid(b, 13),
    N = pt(b, 0),
    W = mid(b, 9),
    E = mid(b, 7);
  const r: Row = {};
  r.bend = hipBend(b);
  r.turn = viewTurn(b);
  r.bendRaw = S && H && A ? bend(S, H, A) : null;
  const side = (o: number) => {
    const s = pt(b, 5 + o),
      h = pt(b, 11 + o),
      a = pt(b, 15 + o);
    return s && h && a ? bend(s, h, a) : null;
  };
  const l = side(0),
    rr = side(1);
  const ls = (b.score[5] as number) + (b.score[11] as number) + (b.score[15] as number),
    rs = (b.score[6] as number) + (b.score[12] as number) + (b.score[16] as number);
  r.bendNear = ls >= rs ? l : rr;
  r.bendFar = ls >= rs ? rr : l;
  r.bendLR = l !== null && rr !== null ? l - rr : null;
  const T = b.torso;
  r.offT = S && H && A ? off(S, H, A, T) : null;
  r.offL = S && H && A ? off(S, H, A, Math.hypot(A.x - S.x, A.y - S.y)) : null;
  r.shk = S && H && K ? bend(S, H, K) : null;
  r.knee = H && K && A ? bend(H, K, A) : null;
  // Head: the nose's offset from the hip→shoulder line, torso lengths (+ above, − dropped).
  r.head = H && S && N ? off(H, N, S, T) : null;
  // The nose along the trunk beyond the shoulders (how far forward the head reaches), torso lengths.
  if (H && S && N) {
    const ux = S.x - H.x,
      uy = S.y - H.y,
      l2 = Math.hypot(ux, uy);
    r.headAlong = ((N.x - S.x) * ux + (N.y - S.y) * uy) / l2 / T;
  } else r.headAlong = null;
  const sup = W ?? E;
  // Floor line: the supporting hands (or elbows) to the ankles. Trunk and leg slopes against it.
  if (sup && A && S && H) {
    const dir = Math.sign(sup.x - A.x) || 1;
    const signed = (p: P, q: P) => Math.atan2(p.y - q.y, (q.x - p.x) * dir) * DEG;
    r.trunkF = signed(H, S) - signed(A, sup);
    r.legF = signed(A, H) - signed(A, sup);
    r.hipUp = off(sup, H, A, T);
    r.shUp = off(sup, S, A, T);
  } else {
    r.trunkF = r.legF = r.hipUp = r.shUp = null;
  }
  r.shW =
    b.ok[5] === 1 && b.ok[6] === 1 && T > 0
      ? Math.hypot((b.x[6] as number) - (b.x[5] as number), (b.y[6] as number) - (b.y[5] as number)) / T
      : null;
  r.hipW =
    b.ok[11] === 1 && b.ok[12] === 1 && T > 0
      ? Math.hypot((b.x[12] as number) - (b.x[11] as number), (b.y[12] as number) - (b.y[11] as number)) / T
      : null;
  r.legT = H && A && T > 0 ? Math.hypot(A.x - H.x, A.y - H.y) / T : null;
  // The head in the line: ears (their midpoint, else the one seen) and the nose in place of the shoulders.
  const Ear = mid(b, 3) ?? pt(b, b.score[3]! >= b.score[4]! ? 3 : 4) ?? pt(b, 4);
  r.earBend = Ear && H && A ? bend(Ear, H, A) : null;
  r.noseBend = N && H && A ? bend(N, H, A) : null;
  r.ear = H && S && Ear ? off(H, Ear, S, T) : null;
  r.earNeck = Ear && S && H ? bend(Ear, S, H) : null;
  r.earKnee = Ear && H && K ? bend(Ear, H, K) : null;
  r.noseKnee = N && H && K ? bend(N, H, K) : null;
  // As the hips-high rule reads it (plank.pikeLine: from the head, corrected for the view).
  r.pike = pikeLine(b);
  return r;
}

export interface Group {
  source: string;
  clip: string;
  kind: PlankKind;
  rows: Row[];
}

function judged(frames: readonly PoseFrame[], model: string, keep: (t: number) => boolean): Row[] {
  const per = createPerception(modelFamily(model as ModelName));
  const out: Row[] = [];
  for (const f of frames) {
    perceive(per, f, f.t);
    if (!keep(f.t)) continue;
    const b = per.body;
    if (!inPlank(b) || viewTooTurned(b) === true || legsImplausible(b)) continue;
    out.push({ t: f.t / 1000, ...measures(b) });
  }
  return out;
}

export function groups(model = 'movenet-thunder', withSet = true): Group[] {
  const out: Group[] = [];
  for (const c of readClipList().clips) {
    const p = fixturePath(c.id, model as 'movenet-thunder');
    if (!p || !existsSync(p)) continue;
    const planted = FAULT_WINDOWS[c.id] ?? [];
    if (c.exercise !== 'plank' && !planted.length) continue;
    const frames = readFixtureFrames(p).frames;
    const bad: [number, number][] = [
      ...planted.map(([a, z]) => [a, z] as [number, number]),
      ...c.truth.faults.map((f) => [f.start, f.end] as [number, number]),
    ];
    if (c.exercise === 'plank' && planted.every(([, , k]) => k !== 'high')) {
      const good = c.truth.holds.map((h) => [h.start, h.end]);
      const keep = (t: number) =>
        good.some(([a, z]) => t >= a! * 1000 && t <= z! * 1000) && !bad.some(([a, z]) => t >= (a - 0.5) * 1000 && t <= (z + 0.5) * 1000);
      out.push({ source: c.source, clip: c.id.slice(0, 3), kind: 'good', rows: judged(frames, model, keep) });
    }
    for (const [a, z, kind] of planted)
      out.push({ source: c.source, clip: c.id.slice(0, 3), kind, rows: judged(frames, model, (t) => t >= a * 1000 && t <= z * 1000) });
  }
  if (withSet && existsSync(plankDatasetDir)) {
    const fam = modelFamily(model as ModelName);
    const by = new Map<string, Row[]>();
    for (const { file, label, body } of perceivedRows(fam)) {
      if (legsImplausible(body)) continue;
      const key = `${plankSetSource(file)}\t${label}`;
      by.set(key, [...(by.get(key) ?? []), measures(body)]);
    }
    const kindOf = { C: 'good', L: 'sag', H: 'high' } as const;
    for (const [k, rows] of [...by.entries()].sort()) {
      const [source, label] = k.split('\t') as [string, 'C' | 'L' | 'H'];
      out.push({ source, clip: `mp ${label}`, kind: kindOf[label], rows });
    }
  }
  return out;
}

const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(Math.abs(v) < 2 ? 2 : 1) : '–');

if (process.argv[1]?.endsWith('plankHips.ts')) {
  const { values } = parseArgs({ options: { model: { type: 'string' }, csv: { type: 'string' }, only: { type: 'string' } } });
  const model = values.model ?? 'movenet-thunder';
  const gs = groups(model);
  const names = values.only ? values.only.split(',') : Object.keys(gs.find((g) => g.rows.length)?.rows[0] ?? {}).filter((k) => k !== 't');
  const lines = [['source', 'clip', 'kind', 'n', ...names].join('\t')];
  for (const g of gs) {
    if (!g.rows.length) continue;
    lines.push(
      [
        g.source,
        g.clip,
        g.kind,
        String(g.rows.length),
        ...names.map((m) => {
          const v = g.rows.map((r) => r[m]).filter((x): x is number => x !== null && x !== undefined && Number.isFinite(x));
          return v.length ? `${f1(q(v, 0.05))}/${f1(q(v, 0.5))}/${f1(q(v, 0.95))}` : '–';
        }),
      ].join('\t'),
    );
  }
  process.stdout.on('error', () => process.exit(0));
  process.stdout.write(lines.join('\n') + '\n');
  if (values.csv) {
    const all = gs.flatMap((g) => g.rows.map((r) => [g.source, g.clip, g.kind, ...names.map((m) => r[m] ?? '')].join(',')));
    writeFileSync(values.csv, ['source,clip,kind,' + names.join(','), ...all].join('\n') + '\n');
  }
}
