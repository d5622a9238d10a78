// The app in headless Chromium, forced onto the wasm backend, with clip 03 (a side-view forearm plank,
// held still) as the webcam. See clip.ts for how the clip is cut and global-setup.ts for the conversion.
import { test, expect, MAIN_JOINTS, waitForFrames, overlayInkPixels } from './fixtures';
import type { Hook } from './fixtures';
import { syntheticReason } from './clip';

test('starts on wasm, opens the camera, finds the person and draws the skeleton', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await expect(page.getByRole('heading', { name: 'Form Coach' })).toBeVisible();
  // The camera and the model both start; the debug readout names the backend actually running.
  await waitForFrames(page, 5);
  const stats = await page.evaluate(() => (window as unknown as { __formCoach: Hook }).__formCoach.getStats());
  expect(stats.backend).toBe('wasm');
  expect(stats.model).toBe('movenet-thunder');
  await expect(page.getByRole('alert')).toHaveCount(0);

  const reason = syntheticReason();
  test.skip(reason !== null, `no person to find: ${reason}`);

  // A person is found: at least 12 of the 17 keypoints with score > 0.3 on a recent frame.
  await page.waitForFunction(
    (names) => {
      const f = (window as unknown as { __formCoach: Hook }).__formCoach.getLastFrame();
      const kps = f?.poses[0]?.keypoints ?? [];
      return kps.filter((k) => names.includes(k.name) || k.name === 'nose').filter((k) => k.score > 0.3).length >= 12;
    },
    [...MAIN_JOINTS] as string[],
    { timeout: 30_000, polling: 200 },
  );
  expect(await overlayInkPixels(page)).toBeGreaterThan(500);
  // The readout has a frame rate to show (it updates twice a second) before the picture is taken.
  await page.waitForFunction(() => (window as unknown as { __formCoach: Hook }).__formCoach.getStats().fps > 0, undefined, {
    timeout: 30_000,
  });
  await page.screenshot({ path: 'test-results/screens/live-wasm.png' });
});

test('choosing another model in settings reloads it, and the choice survives a reload', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await waitForFrames(page, 2);
  await page.getByLabel('Pose model').selectOption('movenet-lightning');
  await page.waitForFunction(
    () => {
      const s = (window as unknown as { __formCoach: Hook }).__formCoach.getStats();
      return s.model === 'movenet-lightning' && s.phase === 'running' && s.frames >= 3;
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.reload();
  await expect(page.getByLabel('Pose model')).toHaveValue('movenet-lightning');
  await page.evaluate(() => localStorage.clear());
});

test('with Plank chosen, the engine counts the hold on clip 03 and the counter shows it', async ({ page }) => {
  const reason = syntheticReason();
  test.skip(reason !== null, `no person to coach: ${reason}`);
  await page.goto('/?backend=wasm');
  await waitForFrames(page, 2);
  await page.getByLabel('Choose an exercise').selectOption('plank');
  const counter = page.getByTestId('counter');
  // The clip is a steady side-view forearm plank: after set-up clears, the hold timer must run.
  await expect(counter).toHaveText(/^0:0[2-9]|^0:[1-5]\d/, { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/screens/plank-hold.png' });
  await page.evaluate(() => localStorage.clear());
});
