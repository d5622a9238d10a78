// npm run bench [-- --frames N --warmup N --soak-sec S --models a,b --worker-models a,b --no-webgl --pipeline-only --readme]
// Measures, in one run so the ratios hold on a noisy machine, everything issue 6 asks for: the model alone vs
// the live app per frame in headless Chromium (fake webcam = a real clip), cold start, the engine and the
// analyzer in Node, the first-paint bundle, and a soak. Prints a table and writes bench/results.json.
// Nothing here asserts a speed: it reports figures beside the targets (tests carry no timed assertions).
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ModelName } from '../src/core/pose';
import { DEFAULT_MODEL, MODEL_NAMES, isModelName } from '../src/core/pose';
import { repoRoot, videosDir } from './lib/engineRun';
import type { ColdStart, PipelineRun, SoakRun } from './bench/browser';
import { coldStart, launchChromium, runPair, soak } from './bench/browser';
import { measureBundle } from './bench/bundle';
import type { BundleReport } from './bench/bundle';
import { benchAnalyzer, benchEngine, benchParallelAnalyzer } from './bench/node';
import type { AnalyzerBench, EngineBench, ParallelAnalyzerBench } from './bench/node';
import { defaultWorkers } from './lib/parallelRecord';
import { check, markdownTable, median } from './bench/stats';

const CLIP_ID = '03_plank_forearm_side_kaiakol005';
const CAMERA = { width: 640, height: 360, fps: 30, seconds: 4 };
const work = join(tmpdir(), 'form-coach-bench');

const log = (s: string): void => {
  process.stderr.write(`[bench] ${s}\n`);
};

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The fake webcam: the first seconds of clip 03 as raw y4m (Chromium loops it), or a test pattern when the clip is absent. */
function makeCamera(): { y4m: string; source: string } {
  mkdirSync(work, { recursive: true });
  const y4m = join(work, 'camera.y4m');
  const stamp = join(work, 'camera.source.txt');
  const clip = join(videosDir, `${CLIP_ID}.mp4`);
  const vf = `scale=${CAMERA.width}:${CAMERA.height},fps=${CAMERA.fps}`;
  if (existsSync(clip)) {
    const want = `real ${clip} ${statSync(clip).mtimeMs} ${vf} ${CAMERA.seconds}`;
    if (!(existsSync(y4m) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want)) {
      ffmpeg(['-i', clip, '-t', String(CAMERA.seconds), '-vf', vf, '-pix_fmt', 'yuv420p', '-an', y4m]);
      writeFileSync(stamp, want);
    }
    return { y4m, source: `${CLIP_ID}.mp4, first ${CAMERA.seconds} s, ${CAMERA.width}×${CAMERA.height} @ ${CAMERA.fps} fps` };
  }
  ffmpeg(['-f', 'lavfi', '-i', `testsrc=size=${CAMERA.width}x${CAMERA.height}:rate=${CAMERA.fps}`, '-t', '2', '-pix_fmt', 'yuv420p', y4m]);
  writeFileSync(stamp, 'synthetic');
  return { y4m, source: `SYNTHETIC test pattern (${clip} is absent): no person, so the model and engine figures are not representative` };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function startPreview(outDir: string): Promise<{ base: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(
    join(repoRoot, 'node_modules', '.bin', 'vite'),
    ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return { base, proc };
    } catch {
      /* not up yet */
    }
    if (proc.exitCode !== null) throw new Error(`vite preview exited with ${proc.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('vite preview did not answer within 20 s');
}

function pkgVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

const f = (v: number | null | undefined, d = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d));
const kb = (b: number): string => `${(b / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      frames: { type: 'string', default: '60' },
      warmup: { type: 'string', default: '10' },
      'soak-sec': { type: 'string', default: '60' },
      rounds: { type: 'string', default: '3' },
      models: { type: 'string', default: MODEL_NAMES.join(',') },
      'webgl-model': { type: 'string', default: 'movenet-lightning' },
      // Extra rows: the live app with its model in a Web Worker (?worker=1) against the same main-thread raw model.
      'worker-models': { type: 'string', default: 'movenet-lightning' },
      // Extra rows (issue 19): these models with wasm on each asked thread count (?threads=N), right after the row
      // with the app's own plan for this machine (backendStart.ts threadsPlan).
      'threads-models': { type: 'string', default: DEFAULT_MODEL },
      'threads-asked': { type: 'string', default: '1,2' },
      // Only the raw-vs-live rows (no cold start, soak, Node figures): for a quick look at one or two rows.
      'pipeline-only': { type: 'boolean', default: false },
      'no-webgl': { type: 'boolean', default: false },
      'analyzer-sec': { type: 'string', default: '4' },
      // The parallel analyzer (issue 19): a whole clip long enough to cut, with 1 worker thread and with all cores.
      'parallel-clip': { type: 'string', default: '01_plank_forearm_3q_akshathak' },
      'parallel-rounds': { type: 'string', default: '2' },
      readme: { type: 'boolean', default: false },
    },
  });
  const frames = Number(values.frames);
  const warmup = Number(values.warmup);
  const soakSec = Number(values['soak-sec']);
  const rounds = Number(values.rounds);
  const models = values.models.split(',').filter(isModelName);
  const workerModels = values['worker-models'].split(',').filter(isModelName);
  const threadModels = values['threads-models'].split(',').filter(isModelName);
  const askedThreads = values['threads-asked']
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1);
  const pipelineOnly = values['pipeline-only'];
  const webglModel = values['webgl-model'];
  if (!isModelName(webglModel)) throw new Error(`unknown --webgl-model ${webglModel}`);
  const started = Date.now();

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: +(totalmem() / 2 ** 30).toFixed(1),
    loadAvgAtStart: loadavg().map((x) => +x.toFixed(2)),
  };
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, load ${machine.loadAvgAtStart.join(' ')}`);

  const camera = makeCamera();
  log(`camera: ${camera.source}`);

  // Built into a temp folder so the bench never races a test run's vite build over dist/.
  const outDir = join(work, 'dist');
  log('building the app (vite build)…');
  execFileSync(
    join(repoRoot, 'node_modules', '.bin', 'vite'),
    ['build', '--mode', 'bench', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const bundle: BundleReport = measureBundle(outDir);

  const { base, proc } = await startPreview(outDir);
  const browser = await launchChromium(camera.y4m);
  const chromiumVersion = browser.version();
  const runs: PipelineRun[] = [];
  let cold: ColdStart;
  const soaks: SoakRun[] = [];
  try {
    if (!pipelineOnly) {
      log('cold start, default model…');
      cold = await coldStart(browser, base, 90_000);
    }
    const configs: { model: ModelName; backend: string; worker?: boolean; threads?: number }[] = [];
    // Each 1-thread row right after its threaded row, so the two see the same load.
    for (const m of models) {
      configs.push({ model: m, backend: 'wasm' });
      if (threadModels.includes(m)) for (const t of askedThreads) configs.push({ model: m, backend: 'wasm', threads: t });
    }
    if (!values['no-webgl']) configs.push({ model: webglModel, backend: 'webgl' });
    for (const m of workerModels) {
      configs.push({ model: m, backend: 'wasm', worker: true });
      if (threadModels.includes(m)) for (const t of askedThreads) configs.push({ model: m, backend: 'wasm', worker: true, threads: t });
    }
    for (const c of configs) {
      // WebGL here is software (SwiftShader), ~10× slower: fewer frames keep the run short.
      const n = c.backend === 'webgl' ? Math.max(10, Math.round(frames / 3)) : frames;
      const w = c.backend === 'webgl' ? 5 : warmup;
      log(
        `${c.model} ${c.backend}${c.worker ? ' (worker)' : ''}${c.threads ? ` (${c.threads} thread)` : ''}: ${w} warm-up, then ${n} frames each for raw and live in ${rounds} alternating rounds…`,
      );
      const pair = await runPair(browser, base, {
        model: c.model,
        backend: c.backend,
        worker: c.worker ?? false,
        ...(c.threads ? { threads: c.threads } : {}),
        frames: n,
        warmup: w,
        rounds,
        timeoutMs: 180_000,
      });
      runs.push(pair.raw, pair.live);
    }
    const fixture = join(repoRoot, 'test-fixtures', 'keypoints', `${CLIP_ID}.movenet-thunder.json`);
    for (const kind of pipelineOnly ? [] : (['replay', 'model'] as const)) {
      log(`soak (${kind}) for ${soakSec} s…`);
      soaks.push(await soak(browser, base, { kind, seconds: soakSec, fixture, everySec: Math.max(5, soakSec / 12) }));
    }
  } finally {
    await browser.close();
    proc.kill();
  }

  if (pipelineOnly) {
    // Just the rows asked for; bench/results.json (the full run's record) is left as it is.
    process.stdout.write(
      `Machine: ${machine.cpu}, ${machine.cores} cores, load average ${machine.loadAvgAtStart.join(' ')} at start\nCamera: ${camera.source}\n\n${pipelineReport(runs).table}\n`,
    );
    log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s (pipeline rows only)`);
    return;
  }

  log('engine over the recorded fixtures…');
  const engine: EngineBench = benchEngine();
  let analyzer: AnalyzerBench | null = null;
  const clipPath = join(videosDir, `${CLIP_ID}.mp4`);
  if (existsSync(clipPath)) {
    log('analyzer vs raw model in Node…');
    analyzer = await benchAnalyzer({
      video: clipPath,
      clipId: CLIP_ID,
      exercise: 'plank',
      model: 'movenet-thunder',
      seconds: Number(values['analyzer-sec']),
      repoRoot,
    });
  } else {
    log(`analyzer skipped: ${clipPath} is absent`);
  }
  let parallel: ParallelAnalyzerBench | null = null;
  const parallelPath = join(videosDir, `${values['parallel-clip']}.mp4`);
  if (existsSync(parallelPath)) {
    log(`parallel analyzer: ${values['parallel-clip']} whole, 1 worker vs ${defaultWorkers()}, ${values['parallel-rounds']} rounds…`);
    parallel = await benchParallelAnalyzer({
      video: parallelPath,
      clipId: values['parallel-clip'],
      exercise: 'plank',
      model: 'movenet-thunder',
      workers: defaultWorkers(),
      rounds: Number(values['parallel-rounds']),
      repoRoot,
    });
  } else {
    log(`parallel analyzer skipped: ${parallelPath} is absent`);
  }

  // ---- report ----
  const { pairs: allPairs, table: pipelineTable } = pipelineReport(runs);
  // The targets judge the app as it runs by default (model on the main thread); worker rows are listed beside.
  const pairs = allPairs.filter((p) => !p.live.worker);
  const workerPairs = allPairs.filter((p) => p.live.worker);
  const coldTable = markdownTable(
    [
      'first paint',
      'controls shown',
      'camera ready',
      'model ready',
      'first skeleton',
      'skeleton after camera',
      'requests before paint',
      'tfjs/wasm/model before paint',
    ],
    [
      [
        `${f(cold!.firstContentfulPaintMs, 0)} ms`,
        `${f(cold!.controlsMs, 0)} ms`,
        `${f(cold!.cameraReadyMs, 0)} ms`,
        `${f(cold!.modelReadyMs, 0)} ms`,
        `${f(cold!.firstSkeletonMs, 0)} ms`,
        `${f(cold!.firstSkeletonAfterCameraMs, 0)} ms`,
        `${cold!.requestsBeforeFirstPaint.length} (${kb(cold!.bytesBeforeFirstPaint)})`,
        cold!.heavyBeforeFirstPaint.length
          ? cold!.heavyBeforeFirstPaint.join(' ')
          : `none (${cold!.lazyAfterFirstPaint.length} load after)`,
      ],
    ],
  );
  const soakTable = markdownTable(
    ['soak', 'duration', 'heap MB start→end', 'tensors start→end', 'fps first/median/last interval'],
    soaks.map((s) => {
      const a = s.samples[0]!;
      const z = s.samples[s.samples.length - 1]!;
      const fps = s.samples.slice(1).map((x) => x.fps);
      return [
        s.kind === 'replay' ? 'replayed stream, engine + drawing' : `live app, ${s.model}`,
        `${f(z.atSec, 0)} s`,
        `${f(a.heapMB, 1)} → ${f(z.heapMB, 1)}`,
        a.numTensors === null ? 'no tfjs' : `${a.numTensors} → ${z.numTensors}`,
        `${f(fps[0])}/${f(median(fps))}/${f(fps[fps.length - 1])}`,
      ];
    }),
  );
  const worstRatio = Math.max(...pairs.filter((p) => p.live.backend === 'wasm').map((p) => p.ratio));
  // The default model live, threaded against one thread: same run, adjacent rows. Threaded is the app's own plan
  // when it plans threads on this machine, else the most threads asked for.
  const defRows = pairs.filter((p) => p.live.model === DEFAULT_MODEL && p.live.backend === 'wasm');
  const defThreaded =
    defRows.find((p) => !p.live.threadsAsked && (p.live.threads ?? 1) > 1) ??
    [...defRows]
      .filter((p) => p.live.threadsAsked && (p.live.threads ?? 1) > 1)
      .sort((a, b) => (b.live.threads ?? 0) - (a.live.threads ?? 0))[0];
  const defSingle = defRows.find((p) => p.live.threadsAsked && p.live.threads === 1);
  const threadRatio =
    defThreaded && defSingle && (defThreaded.live.threads ?? 1) > 1 ? defThreaded.live.msPerFrame / defSingle.live.msPerFrame : NaN;
  const targets = [
    {
      ...check('liveOverRaw', worstRatio),
      figure: `worst wasm model ${f(worstRatio, 2)} (${pairs.map((p) => `${p.live.model.replace('movenet-', '').replace('blazepose-', 'bp-')}${p.live.backend === 'webgl' ? '/webgl' : ''} ${f(p.ratio, 2)}`).join(', ')})${workerPairs.length ? `; opt-in worker: ${workerPairs.map((p) => `${p.live.model.replace('movenet-', '').replace('blazepose-', 'bp-')} ${f(p.ratio, 2)}`).join(', ')}` : ''}`,
    },
    {
      ...check('backlog', Math.max(...pairs.map((p) => p.live.backlog))),
      figure: `max ${Math.max(...pairs.map((p) => p.live.backlog))} frames`,
    },
    {
      ...check(
        'otherLongTasks',
        pairs.reduce((s, p) => s + p.live.longTasksOther, 0),
      ),
      figure: `${pairs.reduce((s, p) => s + p.live.longTasksOther, 0)} long tasks without inference; ours ≤ ${f(Math.max(...pairs.map((p) => p.live.ourMsMax)), 1)} ms per frame`,
    },
    {
      ...check('firstSkeletonMs', cold!.firstSkeletonAfterCameraMs),
      figure: `${f(cold!.firstSkeletonAfterCameraMs, 0)} ms after camera (${f(cold!.firstSkeletonMs, 0)} ms after navigation)`,
    },
    { ...check('engineMedianUs', engine.medianUs), figure: `${f(engine.medianUs, 1)} µs over ${engine.frames} frames` },
    { ...check('engineP99Us', engine.p99Us), figure: `${f(engine.p99Us, 1)} µs` },
    {
      ...check('analyzerOverRaw', analyzer?.ratio ?? NaN),
      figure: analyzer ? `${f(analyzer.ratio, 2)} (${f(analyzer.analyzerFps)} vs ${f(analyzer.rawFps)} fps)` : 'clip absent',
    },
    {
      ...check('analyzerParallelGain', parallel?.ratio ?? NaN),
      figure: parallel
        ? `${f(parallel.ratio, 2)} (${f(parallel.manyFps)} fps on ${parallel.workers} workers vs ${f(parallel.oneFps)} on 1; keypoints ${parallel.identical ? 'identical' : 'DIFFERENT'})`
        : 'clip absent',
    },
    { ...check('initialJsGzipKB', bundle.jsGzip / 1024), figure: kb(bundle.jsGzip) },
    {
      ...check('threadedOverSingle', threadRatio),
      figure:
        defThreaded && defSingle
          ? `${f(threadRatio, 2)} (${DEFAULT_MODEL} live ${f(defThreaded.live.msPerFrame)} ms on ${defThreaded.live.threads ?? '?'} threads vs ${f(defSingle.live.msPerFrame)} ms on 1)`
          : 'no 1-thread row',
    },
    {
      ...check('threadedLatencyP95Ms', defThreaded && (defThreaded.live.threads ?? 1) > 1 ? defThreaded.live.latencyP95Ms : NaN),
      figure: defThreaded
        ? `${f(defThreaded.live.latencyP95Ms, 0)} ms (median ${f(defThreaded.live.latencyMedianMs, 0)} ms, ${defThreaded.live.threads ?? '?'} threads)`
        : 'no row',
    },
  ];
  const targetTable = markdownTable(
    ['target', 'figure', 'verdict'],
    targets.map((t) => [t.target, t.figure, t.verdict]),
  );
  const nodeTable = markdownTable(
    ['Node', 'figure'],
    [
      [
        'engine step() per frame',
        `median ${f(engine.medianUs, 1)} µs, p99 ${f(engine.p99Us, 1)} µs, max ${f(engine.maxUs, 0)} µs (${engine.files} fixtures, ${engine.frames} frames)`,
      ],
      [
        'analyzer, 1 worker vs all cores',
        parallel
          ? `${parallel.model}, ${parallel.clip} whole (${parallel.frames} frames), wall clock with start-up: ${f(parallel.oneFps)} fps on 1 worker, ${f(parallel.manyFps)} fps on ${parallel.workers} (×${f(parallel.ratio, 2)}), median of ${parallel.rounds} alternating rounds; keypoints ${parallel.identical ? 'identical' : 'DIFFERENT'}`
          : 'skipped: clip absent',
      ],
      [
        'analyzer vs raw model',
        analyzer
          ? `${analyzer.model}, ${analyzer.clip} ${analyzer.frames} frames ${analyzer.width}×${analyzer.height}: raw ${f(analyzer.rawMsPerFrame)} ms/frame = ${f(analyzer.rawFps)} fps; analyzer ${f(analyzer.analyzerFps)} fps (${f(analyzer.analyzerFpsWithStartup)} fps with start-up)`
          : 'skipped: clip absent',
      ],
    ],
  );
  const bundleTable = markdownTable(
    ['before first paint', 'raw', 'gzip'],
    [
      ...bundle.js.map((a) => [a.path, kb(a.bytes), kb(a.gzip)]),
      ...bundle.css.map((a) => [a.path, kb(a.bytes), kb(a.gzip)]),
      ['index.html', kb(bundle.html.bytes), kb(bundle.html.gzip)],
      ['total', kb(bundle.totalBytes), kb(bundle.totalGzip)],
    ],
  );
  const date = new Date().toISOString();
  const versions = Object.fromEntries(
    [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow-models/pose-detection',
      'react',
      'vite',
      '@playwright/test',
    ].map((p) => [p, pkgVersion(p)]),
  );
  const machineLine = `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM, no GPU use (headless, --disable-gpu); Chromium ${chromiumVersion}; Node ${process.version}; load average ${machine.loadAvgAtStart.join(' ')} at start; ${date.slice(0, 16).replace('T', ' ')} UTC`;
  const report = [
    `Machine: ${machineLine}`,
    `Camera: ${camera.source}. ${frames} frames after ${warmup} warm-up for raw and for live (webgl fewer), in ${rounds} alternating rounds; raw = bench-raw.html, the model alone on the app's frame loop; live = the app with the plank coach on. ms = median per processed frame; ours = engine + drawing + store; camera /s = pictures a second the frame loop asked the camera for to match the model (own = no cap); latency = camera capture → skeleton drawn and cue set; picture age = camera capture → model started on it.`,
    '',
    pipelineTable,
    '',
    coldTable,
    '',
    nodeTable,
    '',
    bundleTable,
    '',
    soakTable,
    '',
    targetTable,
  ].join('\n');
  process.stdout.write(report + '\n');
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  mkdirSync(join(repoRoot, 'bench'), { recursive: true });
  writeFileSync(
    join(repoRoot, 'bench', 'results.json'),
    JSON.stringify(
      {
        date,
        machine: { ...machine, loadAvgAtEnd: loadavg().map((x) => +x.toFixed(2)) },
        chromium: chromiumVersion,
        node: process.version,
        versions,
        camera: camera.source,
        options: { frames, warmup, soakSec },
        pipeline: runs,
        coldStart: cold!,
        engine,
        analyzer,
        parallelAnalyzer: parallel,
        bundle,
        soak: soaks,
        targets,
        durationSec: (Date.now() - started) / 1000,
      },
      null,
      2,
    ) + '\n',
  );
  if (values.readme) updateReadmes(report);
}

/** Raw vs live per configuration; worker rows are labelled "(worker)". */
function pipelineReport(runs: PipelineRun[]): { pairs: { raw: PipelineRun; live: PipelineRun; ratio: number }[]; table: string } {
  const key = (r: PipelineRun): string => `${r.model}/${r.backend}/${r.worker ? 'worker' : 'main'}/${r.threadsAsked ? r.threads : 'plan'}`;
  const pairs = [...new Set(runs.map(key))].map((k) => {
    const raw = runs.find((r) => r.kind === 'raw' && key(r) === k)!;
    const live = runs.find((r) => r.kind === 'live' && key(r) === k)!;
    return { raw, live, ratio: live.msPerFrame / raw.msPerFrame };
  });
  const table = markdownTable(
    [
      'model',
      'backend',
      'threads',
      'raw ms',
      'live ms',
      'live/raw',
      'model ms in app',
      'ours ms med/max',
      'fps',
      'camera /s raw/live',
      'delivered/processed/dropped/backlog',
      'long tasks/min (inference/ours)',
      'latency ms med/p95',
      'picture age at start ms med/p95',
    ],
    pairs.map(({ raw, live, ratio }) => [
      `${live.model}${live.worker ? ' (worker)' : ''}`,
      live.backend === 'webgl' ? 'webgl (software)' : live.backend,
      live.backend === 'wasm' ? `${live.threads ?? '?'}${live.threadsAsked ? ' (asked)' : ''}` : '–',
      f(raw.msPerFrame),
      f(live.msPerFrame),
      `${f(ratio, 2)} ${check('liveOverRaw', ratio).verdict}`,
      f(live.modelMs),
      `${f(live.ourMsMedian, 2)}/${f(live.ourMsMax, 1)}`,
      f(live.processedFps),
      `${raw.cameraRate ?? 'own'}/${live.cameraRate ?? 'own'}`,
      `${live.delivered}/${live.processed}/${live.dropped}/${live.backlog}`,
      `${f(live.longTasksPerMin, 0)} (${live.longTasksInference}/${live.longTasksOther})`,
      `${f(live.latencyMedianMs, 0)}/${f(live.latencyP95Ms, 0)}`,
      `${f(live.ageMedianMs, 0)}/${f(live.ageP95Ms, 0)}`,
    ]),
  );
  return { pairs, table };
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
/** Replaces the text between the bench markers (appends them when absent) in README.md and bench/README.md, when they exist. */
function updateReadmes(report: string): void {
  const section = `${START}\nMeasured by \`npm run bench\` (bench/README.md says what each figure means).\n\n${report}\n${END}`;
  for (const file of [join(repoRoot, 'README.md'), join(repoRoot, 'bench', 'README.md')]) {
    if (!existsSync(file)) {
      log(`${file} absent: not written`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const i = text.indexOf(START);
    const j = text.indexOf(END);
    const next = i >= 0 && j > i ? text.slice(0, i) + section + text.slice(j + END.length) : `${text.trimEnd()}\n\n${section}\n`;
    writeFileSync(file, next);
    log(`updated ${file}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
