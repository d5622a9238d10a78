// Browser half of `npm run bench`: Debian's Chromium, headless, with a real clip as the fake webcam, driving
// the built app (vite preview) and the baseline page bench-raw.html. Everything is read from in-page hooks
// (window.__formCoach, window.__benchRaw, performance marks) and a small probe injected before any page script.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Interval } from './stats';
import { median, percentile, splitLongTasks } from './stats';

export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(y4m: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${y4m}`,
    ],
  });
}

// Plain JS strings, not functions: tsx may wrap named functions in helpers that do not exist in the page.
/** Long tasks, paint timings, camera frames presented (own rVFC on the page's video), controls on screen. */
const PROBE = `(() => {
  const b = { longTasks: [], paints: {}, presented: 0, controlsAt: null };
  window.__bench = b;
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longTasks.push({ start: e.startTime, end: e.startTime + e.duration }); })
      .observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.paints[e.name] = e.startTime; })
      .observe({ type: 'paint', buffered: true });
  } catch (e) { b.observerError = String(e); }
  const attach = () => {
    const v = document.querySelector('video');
    if (!v || !v.requestVideoFrameCallback) { setTimeout(attach, 20); return; }
    const cb = (now, meta) => { b.presented = meta.presentedFrames; v.requestVideoFrameCallback(cb); };
    v.requestVideoFrameCallback(cb);
  };
  const mo = new MutationObserver(() => {
    if (b.controlsAt === null && document.querySelector('select, button')) { b.controlsAt = performance.now(); mo.disconnect(); }
  });
  mo.observe(document, { childList: true, subtree: true });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', attach); else attach();
})()`;

const SNAPSHOT = `(() => {
  const b = window.__bench, fc = window.__formCoach, raw = window.__benchRaw;
  const c = raw && raw.loop ? raw.loop.counters : null;
  const st = fc ? fc.getStats() : null;
  // TensorFlow.js keeps its engine on the global object; memory() throws until a backend is registered.
  let numTensors = null;
  try { if (window._tfengine && window._tfengine.backendName) numTensors = window._tfengine.memory().numTensors; } catch (e) { numTensors = null; }
  return {
    now: performance.now(),
    frames: st ? st.frames : (c ? c.frames : 0),
    dropped: st ? st.dropped : (c ? c.dropped : 0),
    cameraRate: st ? st.cameraRate : (c ? c.cameraRate : null),
    timings: fc ? fc.getFrameTimings() : (c ? c.timings.slice() : []),
    presented: b.presented,
    longTasks: b.longTasks.slice(),
    numTensors,
    backend: st ? st.backend : (raw ? raw.backend : null),
    threads: st ? st.threads : (raw ? raw.threads : null),
    error: raw ? raw.error : (st && st.phase === 'error' ? (document.querySelector('[role=alert]') || {}).textContent || 'error' : null),
  };
})()`;

interface FrameTiming {
  frameAt: number;
  start: number;
  modelEnd: number;
  end: number;
}
interface Snapshot {
  now: number;
  frames: number;
  dropped: number;
  cameraRate: number | null;
  timings: FrameTiming[];
  presented: number;
  longTasks: Interval[];
  numTensors: number | null;
  backend: string | null;
  threads: number | null;
  error: string | null;
}

const snapshot = (page: Page): Promise<Snapshot> => page.evaluate(SNAPSHOT) as Promise<Snapshot>;

async function waitForFrames(page: Page, n: number, timeoutMs: number): Promise<Snapshot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await snapshot(page);
    if (s.error) throw new Error(`page error: ${s.error}`);
    if (s.frames >= n) return s;
    if (Date.now() > deadline) throw new Error(`only ${s.frames} of ${n} frames processed within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(50);
  }
}

export const SETTINGS_KEY = 'form-coach:settings@1';

async function newPage(browser: Browser, opts: { exercise?: string; fixture?: string } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  // A fresh context each time: cold HTTP cache, no service worker (the PWA's would serve from its cache).
  // bypassCSP: the bench drives the page with string predicates (page.waitForFunction), which the app's
  // CSP (script-src without 'unsafe-eval') would refuse; the app's own code is unaffected.
  const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 720 }, bypassCSP: true });
  await ctx.addInitScript(PROBE);
  if (opts.exercise) {
    await ctx.addInitScript(
      `localStorage.setItem(${JSON.stringify(SETTINGS_KEY)}, ${JSON.stringify(JSON.stringify({ exerciseId: opts.exercise, showDebug: true }))})`,
    );
  }
  if (opts.fixture) {
    const body = readFileSync(opts.fixture, 'utf8');
    await ctx.route('**/__bench/fixture.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  }
  const page = await ctx.newPage();
  return { ctx, page };
}

export interface PipelineRun {
  kind: 'raw' | 'live';
  model: string;
  backend: string;
  /** The live app ran its model in a Web Worker (?worker=1); raw is always the main-thread model. */
  worker: boolean;
  /** Threads wasm ran on in this page (as the page reported it), null when not known. */
  threads: number | null;
  /** The thread count was asked for (?threads=N), else the app's own plan. */
  threadsAsked: boolean;
  frames: number;
  seconds: number;
  /** Median ms per frame: model only (raw) or model + engine + drawing + store (live). */
  msPerFrame: number;
  /** Median of the model call alone in this page. */
  modelMs: number;
  /** Engine + drawing + store, median and max ms per frame (0 on the raw page). */
  ourMsMedian: number;
  ourMsMax: number;
  processedFps: number;
  delivered: number;
  processed: number;
  dropped: number;
  /** Camera frames neither processed nor dropped: waiting in a queue. */
  backlog: number;
  /** Pictures a second the page's frame loop asked the camera for at the end (src/app/cameraPace.ts); null: its own rate. */
  cameraRate: number | null;
  latencyMedianMs: number;
  latencyP95Ms: number;
  /** How old the camera picture was when the model started on it (ms), median and 95th percentile: part of the latency. */
  ageMedianMs: number;
  ageP95Ms: number;
  longTasks: number;
  longTasksPerMin: number;
  longTasksInference: number;
  longTasksOther: number;
}

/** Figures over the measured windows (pairs of snapshots) of one page. */
function summariseWindows(
  kind: 'raw' | 'live',
  model: string,
  backend: string,
  worker: boolean,
  threads: { n: number | null; asked: boolean },
  wins: [Snapshot, Snapshot][],
): PipelineRun {
  const win: FrameTiming[] = [];
  const tasks: Interval[] = [];
  let seconds = 0;
  let processed = 0;
  let dropped = 0;
  let delivered = 0;
  let backlog = 0;
  for (const [a, b] of wins) {
    win.push(...b.timings.filter((t) => t.start > a.now && t.end <= b.now));
    tasks.push(...b.longTasks.filter((t) => t.start >= a.now && t.start < b.now));
    seconds += (b.now - a.now) / 1000;
    const p = b.frames - a.frames;
    const d = b.dropped - a.dropped;
    const dl = b.presented - a.presented;
    processed += p;
    dropped += d;
    delivered += dl;
    // ±1 per window: a frame may be in flight at either snapshot.
    backlog += Math.max(0, Math.abs(dl - p - d) - 1);
  }
  const split = splitLongTasks(
    tasks,
    win.map((t) => ({ start: t.start, end: t.modelEnd })),
  );
  const our = win.map((t) => t.end - t.modelEnd);
  const lat = win.map((t) => t.end - t.frameAt);
  const age = win.map((t) => t.start - t.frameAt);
  return {
    kind,
    model,
    backend,
    worker,
    threads: threads.n,
    threadsAsked: threads.asked,
    frames: win.length,
    seconds,
    msPerFrame: median(win.map((t) => t.end - t.start)),
    modelMs: median(win.map((t) => t.modelEnd - t.start)),
    ourMsMedian: median(our),
    ourMsMax: Math.max(...our),
    processedFps: processed / seconds,
    delivered,
    processed,
    dropped,
    backlog,
    cameraRate: wins.at(-1)?.[1].cameraRate ?? null,
    latencyMedianMs: median(lat),
    latencyP95Ms: percentile(lat, 95),
    ageMedianMs: median(age),
    ageP95Ms: percentile(age, 95),
    longTasks: split.total,
    longTasksPerMin: split.total / (seconds / 60),
    longTasksInference: split.inference,
    longTasksOther: split.other,
  };
}

/**
 * Waits until the page's frame loop has paced the camera to its model (src/app/cameraPace.ts weighs it every 2 s):
 * at least `minMs` after warm-up and no change of pace for `quietMs`, at most `maxMs`. A person's set lasts minutes;
 * the warm-up alone is shorter than the first decision.
 */
async function settlePace(page: Page, minMs = 3000, quietMs = 2500, maxMs = 20_000): Promise<void> {
  const t0 = Date.now();
  let rate = (await snapshot(page)).cameraRate;
  let changedAt = t0;
  for (;;) {
    await page.waitForTimeout(250);
    const s = await snapshot(page);
    if (s.error) throw new Error(`page error: ${s.error}`);
    const now = Date.now();
    if (s.cameraRate !== rate) {
      rate = s.cameraRate;
      changedAt = now;
    }
    if ((now - t0 >= minMs && now - changedAt >= quietMs) || now - t0 >= maxMs) return;
  }
}

const setPlaying = (page: Page, on: boolean): Promise<unknown> =>
  page.evaluate(on ? `document.querySelector('video').play()` : `document.querySelector('video').pause()`);

/**
 * The model alone (bench-raw.html) and the live app, both open and warmed up, measured in alternating
 * windows of frames/rounds frames each while the other page's video is paused (its loop then idles): a
 * load spike from elsewhere on the machine hits both sides alike, so the ratio holds on a busy machine.
 */
export async function runPair(
  browser: Browser,
  base: string,
  o: {
    model: string;
    backend: string;
    worker?: boolean;
    threads?: number;
    frames: number;
    warmup: number;
    rounds: number;
    timeoutMs: number;
  },
): Promise<{ raw: PipelineRun; live: PipelineRun }> {
  const worker = o.worker ?? false;
  const t = o.threads !== undefined ? `&threads=${o.threads}` : '';
  const seen: Record<'raw' | 'live', number | null> = { raw: null, live: null };
  const raw = await newPage(browser);
  const live = await newPage(browser, { exercise: 'plank' });
  try {
    const pages = { raw: raw.page, live: live.page };
    const check = async (kind: 'raw' | 'live'): Promise<void> => {
      const s = await snapshot(pages[kind]);
      if (s.backend !== o.backend) throw new Error(`asked for ${o.backend}, got ${s.backend}`);
      if (o.threads !== undefined && s.threads !== o.threads) throw new Error(`asked for ${o.threads} threads, got ${s.threads}`);
      seen[kind] = s.threads;
    };
    await pages.raw.goto(`${base}/bench-raw.html?mode=raw&model=${o.model}&backend=${o.backend}${t}`);
    await waitForFrames(pages.raw, o.warmup, o.timeoutMs);
    await settlePace(pages.raw);
    await check('raw');
    await setPlaying(pages.raw, false);
    await pages.live.goto(`${base}/?model=${o.model}&backend=${o.backend}${worker ? '&worker=1' : ''}${t}`);
    await waitForFrames(pages.live, o.warmup, o.timeoutMs);
    await settlePace(pages.live);
    await check('live');
    await setPlaying(pages.live, false);
    const wins: Record<'raw' | 'live', [Snapshot, Snapshot][]> = { raw: [], live: [] };
    const per = Math.max(1, Math.round(o.frames / o.rounds));
    for (let r = 0; r < o.rounds; r++) {
      for (const kind of ['raw', 'live'] as const) {
        const page = pages[kind];
        await setPlaying(page, true);
        const s0 = await snapshot(page);
        // Two frames to get going again after the pause, then the measured window.
        const a = await waitForFrames(page, s0.frames + 2, o.timeoutMs);
        const b = await waitForFrames(page, a.frames + per, o.timeoutMs);
        await setPlaying(page, false);
        wins[kind].push([a, b]);
      }
    }
    return {
      raw: summariseWindows('raw', o.model, o.backend, worker, { n: seen.raw, asked: o.threads !== undefined }, wins.raw),
      live: summariseWindows('live', o.model, o.backend, worker, { n: seen.live, asked: o.threads !== undefined }, wins.live),
    };
  } finally {
    await raw.ctx.close();
    await live.ctx.close();
  }
}

export interface ColdStart {
  url: string;
  firstPaintMs: number;
  firstContentfulPaintMs: number;
  controlsMs: number | null;
  cameraReadyMs: number;
  modelReadyMs: number;
  firstSkeletonMs: number;
  firstSkeletonAfterCameraMs: number;
  requestsBeforeFirstPaint: string[];
  bytesBeforeFirstPaint: number;
  /** Resources (tfjs chunks, wasm, model files) that started only after the first paint. */
  lazyAfterFirstPaint: string[];
  heavyBeforeFirstPaint: string[];
}

/** Page load → first paint → controls → camera → model → first drawn skeleton, default model and backend. */
export async function coldStart(browser: Browser, base: string, timeoutMs: number): Promise<ColdStart> {
  const { ctx, page } = await newPage(browser);
  try {
    // The camera view: `/` is the home screen now, which opens no camera.
    await page.goto(`${base}/#/camera`);
    await page.waitForFunction(`performance.getEntriesByName('fc:first-skeleton').length > 0`, undefined, {
      timeout: timeoutMs,
      polling: 50,
    });
    const r = (await page.evaluate(`(() => {
      const mark = (n) => { const e = performance.getEntriesByName(n)[0]; return e ? e.startTime : NaN; };
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        paints: window.__bench.paints, controlsAt: window.__bench.controlsAt,
        camera: mark('fc:camera-ready'), model: mark('fc:model-ready'), skeleton: mark('fc:first-skeleton'),
        navBytes: nav ? nav.encodedBodySize : 0,
        resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize })),
      };
    })()`)) as {
      paints: Record<string, number>;
      controlsAt: number | null;
      camera: number;
      model: number;
      skeleton: number;
      navBytes: number;
      resources: { name: string; start: number; end: number; bytes: number }[];
    };
    const fcp = r.paints['first-contentful-paint'] ?? NaN;
    const path = (u: string) => new URL(u).pathname;
    const before = r.resources.filter((x) => x.start < fcp);
    const heavy = /\.wasm$|\/models\/|createPoseSource|tfjs/i;
    return {
      url: '/#/camera',
      firstPaintMs: r.paints['first-paint'] ?? NaN,
      firstContentfulPaintMs: fcp,
      controlsMs: r.controlsAt,
      cameraReadyMs: r.camera,
      modelReadyMs: r.model,
      firstSkeletonMs: r.skeleton,
      firstSkeletonAfterCameraMs: r.skeleton - r.camera,
      requestsBeforeFirstPaint: before.map((x) => path(x.name)),
      bytesBeforeFirstPaint: r.navBytes + before.filter((x) => x.end <= fcp).reduce((s, x) => s + x.bytes, 0),
      lazyAfterFirstPaint: r.resources.filter((x) => x.start >= fcp && heavy.test(x.name)).map((x) => path(x.name)),
      heavyBeforeFirstPaint: before.filter((x) => heavy.test(x.name)).map((x) => path(x.name)),
    };
  } finally {
    await ctx.close();
  }
}

export interface SoakSample {
  atSec: number;
  heapMB: number;
  numTensors: number | null;
  fps: number;
  frames: number;
}
export interface SoakRun {
  kind: 'replay' | 'model';
  model: string;
  seconds: number;
  samples: SoakSample[];
}

/**
 * A long session: sampled every `everySec`, after a forced garbage collection (CDP), the JS heap in use,
 * TensorFlow.js's live tensor count and the processed frame rate since the previous sample.
 */
export async function soak(
  browser: Browser,
  base: string,
  o: { kind: 'replay' | 'model'; seconds: number; fixture: string; everySec: number },
): Promise<SoakRun> {
  const { ctx, page } = await newPage(browser, o.kind === 'replay' ? { fixture: o.fixture } : { exercise: 'plank' });
  try {
    const url = o.kind === 'replay' ? `${base}/bench-raw.html?mode=replay&exercise=plank` : `${base}/?backend=wasm`;
    await page.goto(url);
    await waitForFrames(page, 10, 90_000);
    const cdp = await ctx.newCDPSession(page);
    const samples: SoakSample[] = [];
    const t0 = Date.now();
    let prev: Snapshot | null = null;
    for (;;) {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const s = await snapshot(page);
      if (s.error) throw new Error(`page error: ${s.error}`);
      const atSec = (Date.now() - t0) / 1000;
      samples.push({
        atSec,
        heapMB: heap.usedSize / 2 ** 20,
        numTensors: s.numTensors,
        frames: s.frames,
        fps: prev ? ((s.frames - prev.frames) * 1000) / (s.now - prev.now) : NaN,
      });
      prev = s;
      if (atSec >= o.seconds - 0.5) break;
      await page.waitForTimeout(Math.min(o.everySec, o.seconds - atSec) * 1000);
    }
    const model = o.kind === 'replay' ? 'replay (no model)' : ((await page.evaluate(`window.__formCoach.getStats().model`)) as string);
    return { kind: o.kind, model, seconds: o.seconds, samples };
  } finally {
    await ctx.close();
  }
}
