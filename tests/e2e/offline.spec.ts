// Issue 5, offline: the installable PWA caches the app shell (precache) and the model in use (cached the
// first time it is fetched, vite.config.ts). Loaded once, then offline and reloaded, it must still start,
// load the model and coach a set. Service workers are blocked for the other tests (playwright.config.ts);
// this file needs them.
import type { Page } from '@playwright/test';
import { test, expect, waitForFrames, cachedPaths } from './fixtures';
import { syntheticReason } from './clip';

test.use({ serviceWorkers: 'allow' });

const APP = '/?backend=wasm&model=movenet-lightning&voice=off#/home';

async function startPlank(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start Plank', exact: true }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
}

test('loaded once, then offline: the app shell and the model load from the cache and a set is coached', async ({ page, context }) => {
  await page.goto(APP);
  // The service worker installs, precaches the shell and activates.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // A page load under the worker's control: using the model now fetches it through the worker, which
  // caches it (the first load may have fetched it before the worker took over).
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/sw\.js$/);
  await startPlank(page);
  await waitForFrames(page, 2, 90_000);
  const cachedUrls = () => cachedPaths(page);
  // The model in use is cached when it is first used; the default one (Thunder) was precached on the first visit.
  await expect
    .poll(async () => (await cachedUrls()).filter((u) => u.startsWith('/models/')).sort(), { timeout: 20_000 })
    .toEqual([
      '/models/movenet-lightning.bin',
      '/models/movenet-lightning.json',
      '/models/movenet-thunder.bin',
      '/models/movenet-thunder.json',
    ]);
  const cached = await cachedUrls();
  expect(cached).toContain('/models/movenet-lightning.json');
  expect(cached).toContain('/models/movenet-lightning.bin');
  expect(cached.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(cached).toContain('/index.html');

  await context.setOffline(true);
  // Nothing reaches the network from here on: a request the cache does not answer fails.
  const failed: string[] = [];
  page.on('requestfailed', (r) =>
    failed.push(`${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''} sw=${String(r.serviceWorker() !== null)}`),
  );
  await page.evaluate(() => {
    (window as unknown as { beforeReload?: boolean }).beforeReload = true;
  });
  await page.reload();
  // A new document, served by the worker with the network gone.
  expect(await page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload ?? false)).toBe(false);
  await expect(page.getByRole('heading', { name: 'Form Coach' })).toBeVisible();
  await page.goto(APP);
  await startPlank(page);
  await waitForFrames(page, 3, 90_000);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  const reason = syntheticReason();
  if (reason !== null) {
    console.log(`[offline] shell and model loaded offline; the counting part is skipped: ${reason}`);
  } else {
    // Clip 03 is a steady side-view forearm plank: the hold counts, offline.
    await expect(page.getByTestId('counter')).toHaveText(/^0:0[2-9]|^0:[1-5]\d/, { timeout: 60_000 });
    await page.getByRole('button', { name: 'End exercise (Esc)' }).click();
    await expect(page.getByRole('heading', { name: 'Set finished' })).toBeVisible();
  }
  // Chromium lists the model files' HEAD checks, answered by the worker from the cache, as aborted; the
  // app got its answer (no error screen above). Any other failure means something was not cached.
  expect(failed.filter((f) => !f.startsWith('HEAD '))).toEqual([]);
  await context.setOffline(false);
});

test('the first visit saves the app, the pose engine and the default model before any set, and Settings shows them with sizes', async ({
  page,
}) => {
  await page.goto('/?voice=off#/home');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Nothing was used: no camera, no model. The precache holds the default model, every wasm binary, the pose
  // worker and the threaded engine's script all the same.
  const cached = await cachedPaths(page);
  expect(cached.filter((u) => u.startsWith('/models/')).sort()).toEqual(['/models/movenet-thunder.bin', '/models/movenet-thunder.json']);
  expect(cached.filter((u) => u.endsWith('.wasm'))).toHaveLength(3);
  expect(cached.some((u) => /\/assets\/poseWorker-[\w-]+\.js$/.test(u))).toBe(true);
  expect(cached.some((u) => /\/assets\/tfjs-backend-wasm-threaded-simd-[0-9a-f]+\.js$/.test(u))).toBe(true);
  await page.goto('/?voice=off#/settings');
  const line = page.getByTestId('offline-copy');
  await expect(line).toHaveText(
    /^Saved in this browser for use offline: the app \([\d.]+ (KB|MB)\), the pose engine \([\d.]+ MB\) and the MoveNet Thunder model \(12\.\d MB\), [\d.]+ MB in all\.$/,
  );
  await page.screenshot({ path: 'test-results/screens/settings-offline.png', fullPage: true });
});
