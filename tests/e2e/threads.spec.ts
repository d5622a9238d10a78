// Issue 19: threaded wasm wherever the page is cross-origin isolated. The server `npm start` runs (here on 4173,
// playwright.config.ts) sends COOP and COEP; the page is then isolated and the wasm backend can start threaded.
// How many threads it plans depends on the cores (backendStart.ts threadsPlan: one core is left to the page, so
// a 2-core machine like this one runs one thread, which measured faster there); ?threads=2 (test builds) asks
// for two, so the threaded start itself is tested on any machine. Also checked: the same after a reload served
// by the service worker with the network off, the single-thread fallback when the page is not isolated (headers
// stripped), and the start-up timeout's fallback when the threaded start hangs (the pthread workers' script
// withheld, which hung like the minifier's bug did).
import type { Page } from '@playwright/test';
import { expect, test, waitForFrames } from './fixtures';

const APP = '/?backend=wasm&model=movenet-lightning&voice=off';
/** Two threads asked for. */
const TWO = `${APP}&threads=2`;

interface Stats {
  frames: number;
  backend: string | null;
  threads: number | null;
}
const stats = (page: Page): Promise<Stats> =>
  page.evaluate(() => (window as unknown as { __formCoach: { getStats(): Stats } }).__formCoach.getStats());
const isolated = (page: Page): Promise<boolean> => page.evaluate(() => self.crossOriginIsolated);

/** Opens the camera check (the model starts there) and waits for a few frames on the model. */
async function cameraCheck(page: Page, query = APP): Promise<Stats> {
  await page.goto(`${query}#/camera`);
  await waitForFrames(page, 3);
  return stats(page);
}

/** The engine line of the settings beside the camera check (the same fields as Settings' Advanced part). */
async function engineLine(page: Page): Promise<string> {
  const line = page.getByTestId('engine-threads');
  await expect(line).toBeVisible();
  return (await line.textContent()) ?? '';
}

test('the served page carries COOP and COEP, is cross-origin isolated, and wasm runs threaded', async ({ page, request }) => {
  const res = await request.get('/');
  expect(res.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(res.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  // Every kind of file the app loads is served under the same policy (a worker needs its own COEP).
  const html = await res.text();
  const script = /src="(\/assets\/main-[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  for (const path of [script!, '/sw.js', '/models/movenet-lightning.json']) {
    expect((await request.get(path)).headers()['cross-origin-embedder-policy'], path).toBe('require-corp');
  }

  // The app's own plan for this machine: the cores less one, at most 4; one thread on 2 cores, and Settings says why.
  const s = await cameraCheck(page);
  expect(await isolated(page)).toBe(true);
  expect(s.backend).toBe('wasm');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const planned = cores <= 2 ? 1 : Math.min(cores - 1, 4);
  expect(s.threads).toBe(planned);
  expect(await engineLine(page)).toBe(
    planned > 1
      ? `Running on wasm with SIMD, on ${planned} threads.`
      : 'Running on wasm with SIMD, on one thread: with two processor cores or fewer, one thread measured faster than two, as the page needs a core of its own.',
  );

  // Two threads asked for: the threaded binary starts and runs (its pthread workers load under the CSP and COEP).
  const two = await cameraCheck(page, TWO);
  expect(two.threads).toBe(2);
  await waitForFrames(page, two.frames + 5);
  expect(await engineLine(page)).toBe('Running on wasm with SIMD, on 2 threads.');
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after an offline reload served by the service worker, the page is still isolated and wasm still threaded', async ({
    page,
    context,
  }) => {
    await page.goto(`${TWO}#/home`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/sw\.js$/);
    // The model in use is cached the first time it is fetched through the worker.
    const online = await cameraCheck(page, TWO);
    expect(online.threads).toBe(2);

    await context.setOffline(true);
    try {
      await page.goto(`${TWO}#/home`);
      await page.reload();
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      expect(await isolated(page)).toBe(true);
      const offline = await cameraCheck(page, TWO);
      expect(offline.backend).toBe('wasm');
      expect(offline.threads).toBe(2);
    } finally {
      await context.setOffline(false);
    }
  });
});

test('without the isolation headers the page is not isolated and wasm runs on one thread (two asked for), and says why', async ({
  page,
}) => {
  // The same app from a server that does not isolate: the headers are taken off every response.
  await page.route('**/*', async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response: res, headers });
  });
  const s = await cameraCheck(page, TWO);
  expect(await isolated(page)).toBe(false);
  expect(s.backend).toBe('wasm');
  expect(s.threads).toBe(1);
  // The model runs on (more frames come), on the single-thread binary.
  await waitForFrames(page, s.frames + 5);
  expect(await engineLine(page)).toBe(
    'Running on wasm with SIMD, on one thread: this page was served without the isolation headers that let it share memory between threads.',
  );
});

test('a threaded start that hangs falls back to one thread after the start-up timeout', async ({ page }) => {
  // Withholding the pthread workers' script leaves them unable to start, and Emscripten waits for them for ever:
  // the hang the minifier once caused. The app gives the threaded start 5 s, then starts single-thread wasm.
  let withheld = 0;
  await page.route(/\/assets\/tfjs-backend-wasm-threaded-simd-[0-9a-f]+\.js$/, (route) => {
    withheld += 1;
    return route.fulfill({ status: 404, body: 'withheld by the test' });
  });
  const s = await cameraCheck(page, TWO);
  expect(withheld).toBeGreaterThan(0);
  expect(await isolated(page)).toBe(true);
  expect(s.backend).toBe('wasm');
  expect(s.threads).toBe(1);
  await waitForFrames(page, s.frames + 5);
  expect(await engineLine(page)).toMatch(
    /^Running on wasm with SIMD, on one thread: the faster multi-threaded start did not finish in time/,
  );
});
