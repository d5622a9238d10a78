// Issue 21 item 4, offline from the first visit: the app is opened once (the service worker installs and
// precaches the app, the default pose model, the wasm and the worker), then the network goes and the page is
// reloaded; no set was started while online, so nothing reached the cache by being used. A set must still be
// coached. Clip 03 (a steady side plank) is the webcam; the default model (no ?model=) is the one precached.
//
// The precache of the model, the wasm and the worker is in vite.config.ts (perf, issue 21 item 4).
import { test, expect, waitForFrames } from './fixtures';
import { syntheticReason } from './clip';

test.use({ serviceWorkers: 'allow' });

const APP = '/?backend=wasm&voice=off#/home';

test('first visit, then offline: no model was ever used online, and the set is still coached', async ({ page, context }) => {
  test.setTimeout(240_000);
  await page.goto(APP);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Form Coach' })).toBeVisible();
  await page.getByRole('button', { name: 'Start Plank', exact: true }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  await waitForFrames(page, 3, 120_000);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const reason = syntheticReason();
  if (reason === null) {
    await expect(page.getByTestId('counter')).toHaveText(/^0:0[2-9]|^0:[1-5]\d/, { timeout: 90_000 });
  }
  await context.setOffline(false);
});
