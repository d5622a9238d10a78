// The opt-in pose worker (?worker=1): the model runs in a dedicated Web Worker and only keypoints come back
// to the page. Clip 03 (a steady side-view forearm plank) is the webcam, MoveNet Lightning on wasm.
// Checks that a plank set runs on the worker's keypoints, that they match the main-thread path's (the
// approach of parity.spec.ts: median joint positions over a few seconds, within 2 % of the frame diagonal),
// and that the worker's failures reach the same error screens as the main thread's.
import type { Page } from '@playwright/test';
import { syntheticReason } from './clip';
import type { Hook } from './fixtures';
import { expect, MAIN_JOINTS, overlayInkPixels, test, waitForFrames, cachedPaths } from './fixtures';

const Q = 'backend=wasm&model=movenet-lightning&voice=off';
/** As parity.spec.ts: 2 % of the frame diagonal (≈ 15 px at 640×360). */
const TOLERANCE = 0.02;

function needsClip(): void {
  const reason = syntheticReason();
  test.skip(reason !== null, `needs a person on camera: ${reason}`);
}

const stats = (page: Page) => page.evaluate(() => (window as unknown as { __formCoach: Hook }).__formCoach.getStats());

/** Seconds shown by the hold counter ("0:07 / 0:20" → 7). */
async function shownHold(page: Page): Promise<number> {
  const t = (await page.getByTestId('counter').textContent()) ?? '';
  const m = /(\d+):(\d\d)/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

type Frame = NonNullable<ReturnType<Hook['getLastFrame']>>;

/** `n` distinct processed frames, read from the app's hook as they come. */
async function sampleFrames(page: Page, n: number): Promise<Frame[]> {
  const out: Frame[] = [];
  const deadline = Date.now() + 60_000;
  while (out.length < n && Date.now() < deadline) {
    // The next processed frame (a different time stamp from the one taken last).
    const last = out[out.length - 1]?.t ?? null;
    const handle = await page.waitForFunction(
      (prev) => {
        const f = (window as unknown as { __formCoach: Hook }).__formCoach.getLastFrame();
        return f && f.t !== prev ? f : null;
      },
      last,
      { timeout: Math.max(1, deadline - Date.now()), polling: 'raf' },
    );
    out.push((await handle.jsonValue()) as Frame);
  }
  return out;
}

/** Median position of each main joint (score > 0.2), as a share of the frame's width and height. */
function medianPositions(frames: Frame[]): Map<string, { x: number; y: number; n: number }> {
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] ?? NaN;
  };
  const out = new Map<string, { x: number; y: number; n: number }>();
  for (const name of MAIN_JOINTS) {
    const pts = frames.flatMap((f) =>
      (f.poses[0]?.keypoints ?? []).filter((k) => k.name === name && k.score > 0.2).map((k) => ({ x: k.x / f.width, y: k.y / f.height })),
    );
    out.set(name, { x: med(pts.map((p) => p.x)), y: med(pts.map((p) => p.y)), n: pts.length });
  }
  return out;
}

/** Frames where a person was found: at least 12 of the 13 main points (with the nose) scored above 0.3. */
const skeletonFrames = (frames: Frame[]): number =>
  frames.filter(
    (f) =>
      (f.poses[0]?.keypoints ?? []).filter(
        (k) => ((MAIN_JOINTS as readonly string[]).includes(k.name) || k.name === 'nose') && k.score > 0.3,
      ).length >= 12,
  ).length;

test('a plank set runs on keypoints from the worker: skeletons arrive and the hold counts past 0:02', async ({ page }) => {
  needsClip();
  await page.goto(`/?${Q}&worker=1#/home`);
  await page.getByRole('button', { name: 'Start Plank', exact: true }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  await waitForFrames(page, 5);
  const s = await stats(page);
  expect(s.backend).toBe('wasm');
  expect(s.model).toBe('movenet-lightning');
  // The model really is in a worker: the worker exists, and TensorFlow.js never loaded on the page itself.
  expect(
    page
      .workers()
      .map((w) => w.url())
      .filter((u) => /poseWorker/.test(u)),
  ).toHaveLength(1);
  expect(await page.evaluate(() => '_tfengine' in globalThis)).toBe(false);

  const frames = await sampleFrames(page, 15);
  expect(skeletonFrames(frames), 'frames with the person found').toBeGreaterThanOrEqual(12);
  expect(await overlayInkPixels(page)).toBeGreaterThan(500);
  await expect.poll(() => shownHold(page), { timeout: 60_000, intervals: [250] }).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const after = await stats(page);
  console.log(
    `[worker] ${after.frames} frames, ${after.fps.toFixed(1)} frames/s, model ${after.modelMs.toFixed(1)} ms/frame (frame copy + worker), dropped ${after.dropped}`,
  );
  await page.screenshot({ path: 'test-results/screens/worker-plank.png' });
});

test('keypoints from the worker match the main thread on the same clip (within 2 % of the diagonal)', async ({ page }) => {
  needsClip();
  const run = async (worker: boolean): Promise<{ frames: Frame[]; workers: number }> => {
    await page.goto(`/?${Q}&worker=${worker ? 1 : 0}`);
    await waitForFrames(page, 5);
    const frames = await sampleFrames(page, 20);
    return { frames, workers: page.workers().filter((w) => /poseWorker/.test(w.url())).length };
  };
  const w = await run(true);
  const m = await run(false);
  expect(w.workers).toBe(1);
  expect(m.workers).toBe(0);
  expect(w.frames.length).toBeGreaterThanOrEqual(15);
  expect(m.frames.length).toBeGreaterThanOrEqual(15);
  const first = w.frames[0]!;
  const diag = Math.hypot(first.width, first.height);
  const pw = medianPositions(w.frames);
  const pm = medianPositions(m.frames);
  const report: string[] = [];
  for (const name of MAIN_JOINTS) {
    const a = pw.get(name)!;
    const b = pm.get(name)!;
    expect.soft(a.n, `${name}: seen in worker frames`).toBeGreaterThanOrEqual(10);
    const d = Math.hypot((a.x - b.x) * first.width, (a.y - b.y) * first.height) / diag;
    report.push(`${name} ${(d * 100).toFixed(2)}%`);
    expect.soft(d, `${name}: worker vs main-thread median position`).toBeLessThan(TOLERANCE);
  }
  console.log(
    `[worker parity] ${first.width}×${first.height}, worker ${w.frames.length} frames, main ${m.frames.length} frames; ${report.join(', ')}`,
  );
});

test('a damaged model file loaded in the worker gives the model-load screen', async ({ page }) => {
  // Served and non-empty (so the page-side file check passes), but not the weights the model describes:
  // the load fails inside the worker, and the page must still say which model and what to do.
  await page
    .context()
    .route('**/models/movenet-lightning.bin', (route) =>
      route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.alloc(4096, 7) }),
    );
  await page.goto(`/?${Q}&worker=1`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The pose model could not be loaded');
  await expect(alert).toContainText('movenet-lightning');
  await expect(alert).toContainText('npm run models');
});

test('a missing model file is named, as on the main thread', async ({ page }) => {
  await page.context().route('**/models/movenet-lightning.bin', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`/?${Q}&worker=1`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('A model file is missing or damaged');
  await expect(alert).toContainText('movenet-lightning.bin');
});

test('a worker that cannot start gives the engine screen', async ({ page }) => {
  await page.context().route(/\/assets\/poseWorker-[\w-]+\.js$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`/?${Q}&worker=1`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The pose engine could not start');
  await expect(alert).toContainText('background thread');
});

test('the Settings switch moves the model into a worker and back, and is remembered', async ({ page }) => {
  await page.goto(`/?${Q}#/settings`);
  // Under Settings › Advanced (open by itself here: the address forces the engine).
  await expect(page.locator('details.advanced')).toHaveAttribute('open');
  const box = page.getByLabel('Run the pose model in a background thread');
  // Opt-in and shown with the speed readout only; off by default.
  await expect(box).toHaveCount(0);
  await page.getByLabel('Show speed readout').check();
  await expect(box).not.toBeChecked();
  await box.check();
  await page.getByRole('link', { name: 'Camera check' }).click();
  await waitForFrames(page, 3);
  expect(page.workers().filter((w) => /poseWorker/.test(w.url()))).toHaveLength(1);
  expect(await page.evaluate(() => '_tfengine' in globalThis)).toBe(false);
  await page.reload();
  await waitForFrames(page, 3);
  expect(page.workers().filter((w) => /poseWorker/.test(w.url()))).toHaveLength(1);
  // Off again: the worker goes, the model runs on the page.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Run the pose model in a background thread').uncheck();
  await page.getByRole('link', { name: 'Camera check' }).click();
  await expect.poll(() => page.evaluate(() => '_tfengine' in globalThis), { timeout: 60_000 }).toBe(true);
  await expect.poll(() => page.workers().filter((w) => /poseWorker/.test(w.url())).length).toBe(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.evaluate(() => localStorage.clear());
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('loaded once, then offline: the worker script, its chunks, wasm and the model come from the cache', async ({ page, context }) => {
    const url = `/?${Q}&worker=1`;
    await page.goto(url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Under the service worker's control, the worker's own fetches (model, wasm) go through it and are cached.
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/sw\.js$/);
    await waitForFrames(page, 2, 90_000);
    const cachedUrls = () => cachedPaths(page);
    // Lightning, used here, cached on its first use; Thunder, the default, precached on the first visit.
    await expect
      .poll(async () => (await cachedUrls()).filter((u) => u.startsWith('/models/')).sort(), { timeout: 20_000 })
      .toEqual([
        '/models/movenet-lightning.bin',
        '/models/movenet-lightning.json',
        '/models/movenet-thunder.bin',
        '/models/movenet-thunder.json',
      ]);
    expect((await cachedUrls()).filter((u) => /\/assets\/poseWorker-[\w-]+\.js$/.test(u))).toHaveLength(1);

    await context.setOffline(true);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
    await page.reload();
    await waitForFrames(page, 3, 90_000);
    expect(page.workers().filter((w) => /poseWorker/.test(w.url()))).toHaveLength(1);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // HEAD checks of the model files are answered from the cache but listed as aborted (see offline.spec.ts).
    expect(failed.filter((f) => !f.startsWith('HEAD '))).toEqual([]);
    await context.setOffline(false);
  });
});
