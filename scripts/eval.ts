// npm run eval [--video [--workers N]] [--readme] [--quick]
// The accuracy report. Per clip with an expected outcome (test-fixtures/<clip>.expected.json): expected vs got
// for reps, hold seconds, faults, set-up and cues, per model with recorded fixtures, plus totals; whether the
// coach was ever silent; figures per source (person and camera set) with each source left out in turn; each
// rule's margin per source (scripts/lib/margins.ts); the labelled MediaPipe plank set through the rules alone
// and through the engine as the app runs it.
// --video re-runs the model on the clips in ../shared/fixtures/videos instead of reading the recorded keypoints
// (slow). --readme also writes the report between the eval markers of README.md. --quick samples every 10th
// row of the plank set (for a fast look; the README is always written from the whole set).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { summarize, type Summary } from '../src/core/summary';
import { compare, type Verdict } from '../tests/kit/compare';
import type { Expected } from '../tests/kit/replay';
import type { PoseFrame } from '../src/core/pose';
import { DEFAULT_MODEL, isModelName } from '../src/core/pose';
import type { EngineView } from '../src/core/engine';
import { fixturePath, fixturesDir, readFixtureFrames, recordedModels, repoRoot, videosDir } from './lib/engineRun';
import { plankDatasetAccuracy, plankDatasetDir, plankDatasetThroughEngine, type EngineDatasetResult } from './lib/enginePlankDataset';
import { readClipList } from './lib/clips';
import { leftOutTuning, marginLines, perSourceLines } from './lib/leftOut';
import { plankExamples, plankSetSource, type Examples } from './lib/thresholds';
import { COACH_WORDS } from '../src/words/coachWords';
import { parseWorkers } from './lib/parallelRecord';
import { faultTableRows, MIN_EXAMPLES_FOR_RATE } from './lib/faultTable';
import { DEGRADATIONS } from '../tests/kit/degrade';

function fail(msg: string): never {
  process.stderr.write(`eval: ${msg}\n`);
  process.exit(2);
}

async function framesFromVideo(clip: string, model: string, workers: number | undefined): Promise<PoseFrame[] | null> {
  if (!isModelName(model)) return null;
  const { readClipList: read, clipCrop, clipVideoPath } = await import('./lib/clips');
  const { recordVideo } = await import('./lib/recorder');
  const list = read();
  const c = list.clips.find((x) => x.id === clip);
  if (!c || !existsSync(clipVideoPath(c))) return null;
  const r = await recordVideo({ video: clipVideoPath(c), model, fps: list.fps, crop: clipCrop(c), repoRoot, workers });
  return r.frames;
}

const fmt = (v: number | undefined | null) => (v === undefined || v === null ? '–' : String(Math.round(v * 10) / 10));
const mark = (ok: boolean | undefined) => (ok === undefined ? ' ' : ok ? '✓' : '✗');
const pct = (a: number, n: number) => (n ? `${Math.round((100 * a) / n)} %` : '–');

/**
 * A stretch where a person is in view, nothing is being counted (no hold running, no rep in the last
 * REP_QUIET_MS) and no cue is on screen. The coach should never leave a person there for long.
 */
export const REP_QUIET_MS = 4000;
export const SILENT_STRETCH_SEC = 3;

/** Longest silent stretch (s) of a run, from its per-frame views. */
export function silentStretchTracker(): { see: (t: number, v: EngineView) => void; longest: () => number } {
  let lastHold = 0,
    lastReps = 0,
    lastRepT = -Infinity,
    since = -1,
    longest = 0;
  return {
    see(t, v) {
      const holding = v.holdSec.total > lastHold;
      if (v.reps.total !== lastReps) lastRepT = t;
      lastHold = v.holdSec.total;
      lastReps = v.reps.total;
      const counting = holding || t - lastRepT < REP_QUIET_MS;
      const silent = v.smoothedPose !== null && !counting && v.cue === null;
      if (silent) {
        if (since < 0) since = t;
        longest = Math.max(longest, (t - since) / 1000);
      } else since = -1;
    },
    longest: () => longest,
  };
}

interface Row {
  clip: string;
  source: string;
  exercise: string;
  model: string;
  v: Verdict;
  s: Summary;
  quiet: number;
  exp: Expected;
}

async function main(): Promise<void> {
  let video = false,
    readme = false,
    quick = false;
  // --workers N (with --video): the model's worker threads (scripts/lib/parallelRecord.ts); 1 = one thread.
  let workers: number | undefined;
  try {
    const { values } = parseArgs({
      options: { video: { type: 'boolean' }, readme: { type: 'boolean' }, quick: { type: 'boolean' }, workers: { type: 'string' } },
    });
    workers = parseWorkers(values.workers);
    video = Boolean(values.video);
    readme = Boolean(values.readme);
    quick = Boolean(values.quick) && !readme;
  } catch (e) {
    fail((e as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  if (video && !existsSync(videosDir)) fail(`--video needs the clips in ${videosDir}`);
  const sourceOf = new Map(readClipList().clips.map((c) => [c.id, c.source]));
  const expected = readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort();
  const models = video ? ['movenet-thunder'] : recordedModels();
  const rows: Row[] = [];
  /** Every real model's clips again, each scored with the thresholds refitted without its own source. */
  const looRows: Row[] = [];
  /** Every real clip of the compared models again, degraded each way (tests/kit/degrade.ts), left out. */
  const degradedRows: { label: string; row: Row }[] = [];
  const missing = new Map<string, number>();
  /** The plank's labelled examples in each model's keypoint space (scripts/lib/thresholds.ts). */
  const examplesOf = new Map<string, Examples[]>();
  const examples = (model: string): Examples[] => {
    let e = examplesOf.get(model);
    if (!e) {
      e = plankExamples(model);
      examplesOf.set(model, e);
    }
    return e;
  };

  for (const model of models) {
    for (const file of expected) {
      const clip = file.replace(/\.expected\.json$/, '');
      const exp = JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as Expected;
      let frames: PoseFrame[] | null = null;
      if (video) frames = await framesFromVideo(clip, model, workers);
      else {
        const p = fixturePath(clip, model);
        frames = p ? readFixtureFrames(p).frames : null;
      }
      if (!frames) {
        missing.set(model, (missing.get(model) ?? 0) + 1);
        continue;
      }
      const source = sourceOf.get(clip) ?? 'unknown';
      rows.push(judgeFrames(clip, exp, frames, model, source));
      looRows.push(judgeFrames(clip, exp, frames, model, source, leftOutTuning(examples(model), source)));
      // The same stream as a worse computer, camera or room would give it (tests/kit/degrade.ts), left out.
      if (model === 'movenet-thunder' || model === 'blazepose-full')
        for (const d of DEGRADATIONS)
          degradedRows.push({
            label: d.label,
            row: judgeFrames(clip, exp, d.apply(frames, clip), model, source, leftOutTuning(examples(model), source)),
          });
    }
  }
  // Constructed streams (no real clip shows these exercises; see test-fixtures/README.md): model-free,
  // so one row each whatever the model, labelled as constructed.
  const cons = join(fixturesDir, 'constructed');
  if (!video && existsSync(cons)) {
    for (const file of readdirSync(cons)
      .filter((f) => f.endsWith('.expected.json'))
      .sort()) {
      const name = file.replace(/\.expected\.json$/, '');
      const exp = JSON.parse(readFileSync(join(cons, file), 'utf8')) as Expected;
      const p = join(cons, `${name}.keypoints.json`);
      if (!existsSync(p)) {
        missing.set('constructed', (missing.get('constructed') ?? 0) + 1);
        continue;
      }
      rows.push(judgeFrames(name, exp, readFixtureFrames(p).frames, 'constructed', 'constructed'));
    }
  }

  function judgeFrames(
    clip: string,
    exp: Expected,
    frames: PoseFrame[],
    model: string,
    source: string,
    tuning?: Record<string, number>,
  ): Row {
    const q = silentStretchTracker();
    let i = 0;
    const opts = { ...(tuning ? { tuning } : {}), ...(isModelName(model) ? { model } : {}) };
    const s = summarize(
      exp.exercise,
      frames,
      clip,
      opts,
      (v) => {
        q.see(frames[i]?.t ?? 0, v);
        i++;
      },
      COACH_WORDS,
    );
    return { clip, source, exercise: exp.exercise, model, v: compare(s, exp), s, quiet: q.longest(), exp };
  }

  const realModels = models.filter(isModelName);
  /** The two the README sets side by side: the default and the other of the pair compared in issue 11. */
  const shown = (['movenet-thunder', 'blazepose-full'] as const).filter((m) => realModels.includes(m));

  // The labelled MediaPipe plank set through the engine, in each family's space, fitted and left out.
  const planks = new Map<string, { fitted: EngineDatasetResult; out: EngineDatasetResult }>();
  if (existsSync(plankDatasetDir)) {
    for (const model of shown) {
      const ex = examples(model);
      const fitted = plankDatasetThroughEngine(plankDatasetDir, quick ? 10 : 1, { model });
      // Each file is a source (dataset3 and dataset4 one: the same recordings), left out in turn.
      const out = plankDatasetThroughEngine(plankDatasetDir, quick ? 10 : 1, (file) => ({
        model,
        tuning: leftOutTuning(ex, plankSetSource(file)),
      }));
      planks.set(model, { fitted, out });
    }
  }

  const out: string[] = [];
  // 1. The models compared.
  const speed = modelSpeeds();
  out.push(
    `Models compared (fitted: thresholds fitted on every source; left out: each clip scored with the thresholds fitted without its own source; ms per frame: ${speed.note})`,
  );
  out.push(
    ...markdownTable(
      compareTable(
        realModels.filter((m) => shown.includes(m as (typeof shown)[number])),
        rows,
        looRows,
        planks,
        speed,
      ),
    ),
    '',
  );

  // 1b. What a worse computer, camera or room costs: the left-out figures on the streams degraded.
  out.push(
    `Robustness (left out): each real clip's stream (recorded at ${readClipList().fps} fps, 640 px on its long side) read again as a worse computer, camera or room would give it (tests/kit/degrade.ts): a model keeping up with fewer pictures a second (the live loop takes the newest picture when the model is free), a camera of half the resolution, a model finding nobody on some frames at random, every point jittered at random. Thunder, the default, runs at 13–17 pictures a second on this 2-core box (npm run bench); the app offers the faster model when it reads under 12.`,
  );
  out.push(...markdownTable(robustTable(shown, looRows, degradedRows)), '');

  // 2. Per fault id: real faulty examples found and false faults on good clips, each clip's source left out.
  out.push(
    `Real faults by fault id (left out: each clip scored with the thresholds fitted without its own source). Recall counts the windows a person labelled on real recordings (found = raised overlapping the window, and standing over the share of it the clip asks); from fewer than ${MIN_EXAMPLES_FOR_RATE} faulty clips it is a count, not a rate. Planted and constructed faults are unit tests and are not counted here. "False" counts good-form clips (and good spans) where the fault stood over 1 s. "Unsure" is the share of the time the exercise's rules ran, on its real clips, that this rule could not judge (the view hid what it reads, its joints were unseen, or its reading sat in the band of doubt).`,
  );
  out.push(...markdownTable(faultTableRows(shown.map((m) => ({ label: short(m), rows: looRows.filter((r) => r.model === m) })))), '');

  // 3. Clip by clip, the two compared models side by side.
  const byClip = (model: string, clip: string, rs: Row[]) => rs.find((r) => r.model === model && r.clip === clip);
  const side = [
    ['clip', 'source', 'exercise', 'expected', ...shown.flatMap((m) => [`${short(m)} got`, `${short(m)} fitted`, `${short(m)} left out`])],
  ];
  for (const clip of [...new Set(rows.filter((r) => r.model !== 'constructed').map((r) => r.clip))]) {
    const any = rows.find((r) => r.clip === clip)!;
    side.push([
      clip,
      any.source,
      any.exercise,
      expectedCell(any),
      ...shown.flatMap((m) => {
        const r = byClip(m, clip, rows),
          l = byClip(m, clip, looRows);
        return r ? [gotCell(r), r.v.pass ? 'pass' : 'MISS', l ? (l.v.pass ? 'pass' : 'MISS') : '–'] : ['–', '–', '–'];
      }),
    ]);
  }
  for (const r of rows.filter((x) => x.model === 'constructed'))
    side.push([r.clip, 'constructed', r.exercise, expectedCell(r), ...shown.flatMap(() => [gotCell(r), r.v.pass ? 'pass' : 'MISS', '–'])]);
  const sideTable = markdownTable(side);

  // 4. Every model, every clip (stdout only).
  const head = [
    'clip',
    'source',
    'exercise',
    'model',
    'reps exp/got',
    'hold s exp/got',
    'faults found',
    'false >1s',
    'set-up/cues',
    'quiet s',
    'pass',
    'left out',
  ];
  const looPass = (r: Row) => {
    const l = byClip(r.model, r.clip, looRows);
    return l ? (l.v.pass ? 'pass' : 'MISS') : '–';
  };
  const cells = (r: Row): string[] => {
    const v = r.v;
    const sc =
      [
        v.lateSetup.length ? `late set-up ${v.lateSetup[0]!.id.slice(6)}@${v.lateSetup[0]!.tSec}` : '',
        v.missingCues.length ? `no ${v.missingCues.join(',')}` : '',
        v.wrongSides ? `${v.wrongSides} wrong-side` : '',
        v.silent ? 'SILENT' : '',
      ]
        .filter(Boolean)
        .join('; ') || 'ok';
    return [
      r.clip,
      r.source,
      r.exercise,
      r.model.replace('movenet-', ''),
      v.reps ? `${v.reps.expected}/${v.reps.got} ${mark(v.reps.ok)}` : '–',
      v.hold
        ? `${fmt(v.hold.expected)}/${fmt(v.hold.got)} ${mark(v.hold.ok)}`
        : v.holds
          ? `sides ${v.holds.matched}/${v.holds.expected} ${mark(v.holds.ok)}`
          : '–',
      `${v.faults.found}/${v.faults.expected}` +
        (v.faultHits.some((h) => h.cover < 1 && h.found) || v.faultHits.some((h) => !h.found && h.cover > 0)
          ? ` (cover ${v.faultHits.map((h) => Math.round(h.cover * 100)).join('/')} %)`
          : ''),
      String(v.falseFaults.length) + (v.cleanReps && !v.cleanReps.ok ? `; ${v.cleanReps.got} clean reps (max ${v.cleanReps.max})` : ''),
      sc,
      fmt(r.quiet),
      v.pass ? 'pass' : 'MISS',
      looPass(r),
    ];
  };
  const full = markdownTable([head, ...rows.map(cells)]);

  const rest: string[] = [];
  rest.push('Totals (fitted)');
  const groups = [...new Set(rows.map((r) => r.model))];
  for (const model of groups)
    rest.push(
      `  ${model}: ${totalsLine(rows.filter((r) => r.model === model))}${missing.get(model) ? `; ${missing.get(model)} clips not recorded` : ''}`,
    );
  rest.push('', 'Totals (each source left out)');
  for (const model of realModels) rest.push(`  ${model}: ${totalsLine(looRows.filter((r) => r.model === model))}`);

  const misses = rows.filter((r) => !r.v.pass);
  if (misses.length)
    rest.push(
      '',
      'Misses (fitted)',
      ...misses.map((r) => `  ${r.model} ${r.clip}: ${explain(r.v)}${knownMiss(r) ? ` (known: ${knownMiss(r)})` : ''}`),
    );
  const changed = looRows.filter((r) => {
    const f = byClip(r.model, r.clip, rows);
    return f && f.v.pass !== r.v.pass;
  });
  if (changed.length)
    rest.push(
      '',
      "Changes when the clip's own source is left out",
      ...changed.map((r) => `  ${r.model} ${r.clip} (${r.source}) ${r.v.pass ? 'passes' : `misses: ${explain(r.v)}`}`),
    );
  for (const model of shown)
    rest.push(
      '',
      ...perSourceLines(
        looRows.filter((r) => r.model === model).map((r) => ({ clip: r.clip, source: r.source, exercise: r.exercise, pass: r.v.pass })),
        `Per source, left out (${model})`,
      ),
    );

  for (const model of shown) {
    const m = marginLines(examples(model), model);
    rest.push(
      '',
      `Margins of each rule on each source, ${model} (threshold refitted without the source for the plank hip rules; margin > 0 = on the right side; noise = half the 5–95 % spread of a steady hold, or the 90th percentile of the frame-to-frame change for rep metrics)`,
    );
    rest.push(...markdownTable(m.lines.map((l) => l.split('\t'))));
    if (m.flagged.length)
      rest.push(
        `  under the noise: ${m.flagged.map((r) => `${r.rule} on ${r.source} (${r.clip.split('_')[0]}: ${Math.round(r.margin * 100) / 100} vs ${Math.round(r.noise * 100) / 100})`).join('; ')}`,
      );
  }

  if (existsSync(plankDatasetDir)) {
    const acc = plankDatasetAccuracy();
    rest.push(
      '',
      `Plank rules alone on the labelled MediaPipe dataset, MoveNet thresholds (${acc.total} frames, per class: right = the matching hip fault, or none for C):`,
    );
    for (const [label, r] of Object.entries(acc.perClass))
      rest.push(`  ${label}: ${r.correct}/${r.n} = ${((100 * r.correct) / Math.max(1, r.n)).toFixed(1)} %`);
    rest.push(
      '',
      `Plank set through the engine as the app runs it (each labelled frame a constant 5 s stream at 15 fps${quick ? ', every 10th row' : ''}; right = C: good-form hold credited, no hip fault; L/H: that hip cue shown within 2 s, no praise; silent = nothing counted, nothing said). MoveNet's thresholds include the set as one source, left out whole; BlazePose reads it in 2D (it has no world points), fitted on its files, each left out in turn:`,
    );
    const t = [['model', 'thresholds', 'class', 'frames', 'right', 'wrong', 'silent', 'sequences', 'right', 'wrong', 'silent']];
    for (const [model, e2] of planks) {
      for (const [lab, e] of [
        ['fitted on all', e2.fitted],
        ['left out', e2.out],
      ] as const) {
        for (const k of ['C', 'L', 'H'] as const) {
          const f = e.frames[k],
            q = e.sequences[k];
          t.push([
            short(model),
            lab,
            k,
            String(f.n),
            `${f.right} (${pct(f.right, f.n)})`,
            String(f.wrong),
            String(f.silent),
            String(q.n),
            `${q.right} (${pct(q.right, q.n)})`,
            String(q.wrong),
            String(q.silent),
          ]);
        }
      }
    }
    rest.push(...markdownTable(t));
    for (const [model, e2] of planks) {
      for (const k of ['C', 'L', 'H'] as const) {
        const w = e2.fitted.wrongWhy[k].slice(0, 3);
        if (w.length) rest.push(`  ${short(model)} ${k} not right: ${w.map(([why, n]) => `${n}× ${why}`).join('; ')}`);
      }
    }
  }
  process.stdout.write([...out, ...sideTable, '', ...full, '', ...rest].join('\n') + '\n');
  if (readme) writeReadme([...out, ...sideTable, '', ...rest], video);
}

const knownMiss = (r: Row): string | undefined => (isModelName(r.model) ? r.exp.knownMiss?.[r.model] : undefined);

const short = (m: string): string =>
  (
    ({
      'movenet-thunder': 'Thunder',
      'movenet-lightning': 'Lightning',
      'blazepose-full': 'BlazePose full',
      'blazepose-lite': 'BlazePose lite',
    }) as Record<string, string>
  )[m] ?? m;

function expectedCell(r: Row): string {
  const e = r.exp,
    parts: string[] = [];
  if (e.reps !== undefined) parts.push(`${e.reps} reps`);
  if (r.v.hold) parts.push(`${fmt(r.v.hold.expected)} s`);
  if (r.v.holds) parts.push(`${r.v.holds.expected} sides`);
  if (r.v.faults.expected) parts.push(`${r.v.faults.expected} faults`);
  return parts.join(', ') || 'set-up, cues';
}

function gotCell(r: Row): string {
  const v = r.v,
    parts: string[] = [];
  if (v.reps) parts.push(`${v.reps.got} reps`);
  if (v.hold) parts.push(`${fmt(v.hold.got)} s`);
  if (v.holds) parts.push(`${v.holds.matched} sides`);
  if (v.faults.expected) parts.push(`${v.faults.found} found`);
  if (v.falseFaults.length) parts.push(`${v.falseFaults.length} false`);
  if (v.missingCues.length || v.lateSetup.length) parts.push('cue ✗');
  return parts.join(', ') || 'ok';
}

interface Speeds {
  note: string;
  wasm: Map<string, number>;
  node: Map<string, number>;
}

/**
 * Time per frame beside the figures: Chromium wasm (raw model, the README's latest `npm run bench` table) and
 * Node wasm (docs/model-study-speed.json, `npx tsx scripts/study/speed.ts`). Measured elsewhere, read here.
 */
function modelSpeeds(): Speeds {
  const wasm = new Map<string, number>(),
    node = new Map<string, number>();
  try {
    const text = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const bench = text.slice(text.indexOf('<!-- bench:start -->'), text.indexOf('<!-- bench:end -->'));
    // Columns by their names: the table gained a threads column (issue 19). One thread, the first such row per model.
    let rawCol = -1,
      threadsCol = -1;
    for (const line of bench.split('\n')) {
      const c = line.split('|').map((x) => x.trim());
      if (c[1] === 'model') {
        rawCol = c.indexOf('raw ms');
        threadsCol = c.indexOf('threads');
        continue;
      }
      const raw = Number(c[rawCol]);
      const oneThread = threadsCol < 0 || c[threadsCol] === '1';
      if (rawCol > 0 && isModelName(c[1] ?? '') && c[2] === 'wasm' && oneThread && Number.isFinite(raw) && !wasm.has(c[1]!))
        wasm.set(c[1]!, raw);
    }
  } catch {
    /* no figures */
  }
  try {
    const j = JSON.parse(readFileSync(join(repoRoot, 'docs', 'model-study-speed.json'), 'utf8')) as {
      rows: { model: string; medianMs: number }[];
    };
    for (const r of j.rows) node.set(r.model, Math.round(r.medianMs));
  } catch {
    /* no figures */
  }
  return {
    note: "Chromium wasm, the raw model, from the README's `npm run bench`; Node wasm from docs/model-study-speed.json (a shared, loaded machine: compare within a column)",
    wasm,
    node,
  };
}

function compareTable(
  models: readonly string[],
  rows: readonly Row[],
  looRows: readonly Row[],
  planks: Map<string, { fitted: EngineDatasetResult; out: EngineDatasetResult }>,
  speed: Speeds,
): string[][] {
  const t = [['model', 'thresholds', ...TALLY_HEAD, 'plank set C / L / H right', 'ms per frame (Chromium / Node)']];
  for (const m of models) {
    for (const [lab, rs] of [
      ['fitted', rows],
      ['left out', looRows],
    ] as const) {
      const x = tally(rs.filter((r) => r.model === m));
      const p = planks.get(m);
      const ps = p ? (lab === 'fitted' ? p.fitted : p.out) : null;
      const setCell = ps ? (['C', 'L', 'H'] as const).map((k) => pct(ps.frames[k].right, ps.frames[k].n)).join(' / ') : '–';
      t.push([
        short(m),
        lab,
        ...tallyCells(x),
        setCell,
        lab === 'fitted' ? `${speed.wasm.get(m) ?? '–'} / ${speed.node.get(m) ?? '–'}` : '',
      ]);
    }
  }
  return t;
}

/** The figures both model tables give, and their cells. */
const TALLY_HEAD = [
  'clips pass',
  'reps exact',
  'reps within one',
  'holds within 1 s',
  'real faults found',
  'false faults >1 s',
  'silent clips',
] as const;
function tallyCells(x: ReturnType<typeof tally>): string[] {
  return [
    `${x.pass}/${x.n}`,
    `${x.exact}/${x.reps}`,
    `${x.one}/${x.reps}`,
    `${x.holdsOk}/${x.holds}`,
    `${x.found}/${x.faults}`,
    String(x.falseF),
    String(x.silent),
  ];
}

/** The left-out figures per model as recorded and degraded each way. */
function robustTable(models: readonly string[], looRows: readonly Row[], degradedRows: readonly { label: string; row: Row }[]): string[][] {
  const t = [['model', 'stream', ...TALLY_HEAD]];
  for (const m of models) {
    t.push([short(m), 'as recorded', ...tallyCells(tally(looRows.filter((r) => r.model === m)))]);
    for (const d of DEGRADATIONS)
      t.push([
        short(m),
        d.label,
        ...tallyCells(tally(degradedRows.filter((x) => x.label === d.label && x.row.model === m).map((x) => x.row))),
      ]);
  }
  return t;
}

export function markdownTable(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
  return [line(rows[0]!), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)];
}

export function tally(rs: readonly Row[]) {
  let reps = 0,
    repsOk = 0,
    exact = 0,
    one = 0,
    holds = 0,
    holdsOk = 0,
    faults = 0,
    found = 0,
    falseF = 0,
    silent = 0,
    quiet = 0,
    setup = 0,
    setupOk = 0;
  for (const r of rs) {
    const v = r.v;
    if (v.reps) {
      reps++;
      if (v.reps.ok) repsOk++;
      if (v.reps.got === v.reps.expected) exact++;
      if (Math.abs(v.reps.got - v.reps.expected) <= 1) one++;
    }
    if (v.hold) {
      holds++;
      if (v.hold.ok) holdsOk++;
    }
    faults += v.faults.expected;
    found += v.faults.found;
    falseF += v.falseFaults.length;
    if (v.silent) silent++;
    if (r.quiet > SILENT_STRETCH_SEC) quiet++;
    if (r.exp.setupOkAfterSec !== undefined || r.exp.cues || r.exp.sidesOnly) {
      setup++;
      if (!v.lateSetup.length && !v.missingCues.length && !v.wrongSides) setupOk++;
    }
  }
  return {
    n: rs.length,
    pass: rs.filter((r) => r.v.pass).length,
    reps,
    repsOk,
    exact,
    one,
    holds,
    holdsOk,
    faults,
    found,
    falseF,
    silent,
    quiet,
    setup,
    setupOk,
  };
}

export function totalsLine(rs: readonly Row[]): string {
  const { n, pass, reps, repsOk, exact, one, holds, holdsOk, faults, found, falseF, silent, quiet, setup, setupOk } = tally(rs);
  return (
    `${pass}/${n} clips pass; reps exact ${exact}/${reps} (${pct(exact, reps)}), within one ${one}/${reps}, within the clip's tolerance ${repsOk}/${reps}; ` +
    `holds within 1 s ${holdsOk}/${holds} (${pct(holdsOk, holds)}); real faults found ${found}/${faults}; false faults >1 s on good-form clips ${falseF}; ` +
    `set-up and cue checks ${setupOk}/${setup}; silent clips ${silent}; clips with a silent stretch over ${SILENT_STRETCH_SEC} s ${quiet}`
  );
}

/** Replaces what sits between <!-- eval:start --> and <!-- eval:end --> in README.md. */
function writeReadme(out: string[], video: boolean): void {
  const path = join(repoRoot, 'README.md');
  const text = readFileSync(path, 'utf8');
  const a = text.indexOf('<!-- eval:start -->'),
    b = text.indexOf('<!-- eval:end -->');
  if (a < 0 || b < a) fail('README.md has no <!-- eval:start --> / <!-- eval:end --> markers');
  const head = `Measured by \`npm run eval${video ? ' --video' : ''}\` on ${new Date().toISOString().slice(0, 10)}: each recorded clip with an expected outcome (test-fixtures/<clip>.expected.json, from ../shared/fixtures/CATALOG.md) replayed through the engine, once per model with recorded streams, the engine reading each model's own thresholds (MoveNet and BlazePose place the body's points differently). Reps must match within the clip's stated tolerance, holds within 1 s, planted faults found in their window, no fault over 1 s on good-form clips, set-up accepted where the clip's set-up is right, the expected cues given, and never silent. "Left out" scores each clip with the thresholds fitted without its own source (person and camera). The default model is ${DEFAULT_MODEL}. The clip table sets MoveNet Thunder and BlazePose full side by side; the other models are summed up under Totals and Misses. Rep-level faults (tempo, range) are point events.`;
  const body = [
    '',
    head,
    '',
    ...out.map((l) => (l.startsWith('|') ? l : l === '' ? '' : l.startsWith('  ') ? `- ${l.trim()}` : `**${l}**`)),
    '',
  ].join('\n');
  writeFileSync(path, text.slice(0, a + '<!-- eval:start -->'.length) + body + text.slice(b));
}

function explain(v: Verdict): string {
  const parts: string[] = [];
  if (v.reps && !v.reps.ok) parts.push(`reps ${v.reps.got} (expected ${v.reps.expected})`);
  if (v.hold && !v.hold.ok) parts.push(`hold ${v.hold.got} s (expected ${v.hold.expected})`);
  if (v.holds && !v.holds.ok) parts.push(`held sides ${v.holds.matched}/${v.holds.expected}`);
  if (!v.faults.ok)
    parts.push(
      `faults found ${v.faults.found}/${v.faults.expected} (${v.faultHits.map((h) => `${h.id} ${h.found ? 'found' : 'missed'}, covering ${Math.round(h.cover * 100)} %`).join('; ')})`,
    );
  if (v.cleanReps && !v.cleanReps.ok) parts.push(`${v.cleanReps.got} reps counted clean (at most ${v.cleanReps.max})`);
  if (v.falseFaults.length) parts.push(`false faults ${v.falseFaults.map((f) => `${f.id} ${f.startSec}–${f.endSec}`).join(', ')}`);
  if (v.lateSetup.length)
    parts.push(
      `set-up cue after the set-up was right: ${v.lateSetup
        .map((c) => `${c.id} at ${c.tSec} s`)
        .slice(0, 3)
        .join(', ')}`,
    );
  if (v.missingCues.length) parts.push(`cue not given: ${v.missingCues.join(', ')}`);
  if (v.wrongSides) parts.push(`${v.wrongSides} holds on the wrong side`);
  if (v.silent) parts.push('silent: nothing counted and nothing said');
  return parts.join('; ');
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.message.split('\n')[0] ?? 'failed') : 'failed'));
