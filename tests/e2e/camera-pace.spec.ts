// The frame loop paces a live camera to the model (src/app/cameraPace.ts): with a model slower than the camera, the
// camera's track is asked for fewer pictures a second, Chromium delivers no more than that, and the model goes on
// reading every picture it gets. Thunder on one thread (?threads=1, test builds) takes 60–70 ms a picture here, so the
// camera (30 a second, the fake device's clip) is asked for 12; the run reads the figures and checks they agree.
import type { Page } from '@playwright/test';
import { expect, test, waitForFrames } from './fixtures';
import type { Hook } from './fixtures';

const SLOW = '/?backend=wasm&model=movenet-thunder&threads=1&voice=off';
const stats = (page: Page) => page.evaluate(() => (window as unknown as { __formCoach: Hook }).__formCoach.getStats());

/** The camera track as the page holds it: the cap asked and the rate Chromium reports. */
const track = (page: Page) =>
  page.evaluate(() => {
    const s = document.querySelector('video')?.srcObject as MediaStream | null;
    const t = s?.getVideoTracks()[0];
    const c = t?.getConstraints().frameRate;
    return { max: typeof c === 'object' ? (c.max ?? null) : null, rate: t?.getSettings().frameRate ?? null };
  });

/** Pictures the page's video was handed over `ms` (its own frame callbacks), per second. */
const presentedPerSecond = (page: Page, ms: number) =>
  page.evaluate(
    (ms) =>
      new Promise<number>((resolve) => {
        const v = document.querySelector('video')!;
        let first: number | null = null;
        let last = 0;
        const t0 = performance.now();
        const cb = (_now: number, meta: VideoFrameCallbackMetadata) => {
          first ??= meta.presentedFrames;
          last = meta.presentedFrames;
          if (performance.now() - t0 < ms) v.requestVideoFrameCallback(cb);
          else resolve(((last - first) * 1000) / (performance.now() - t0));
        };
        v.requestVideoFrameCallback(cb);
      }),
    ms,
  );

test('a camera faster than the model is asked for fewer pictures, gets them, and every one is read', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('form-coach:settings@1', JSON.stringify({ showDebug: true })));
  await page.goto(`${SLOW}#/camera`);
  await waitForFrames(page, 10);
  const first = await stats(page);
  test.skip(first.modelMs < 25, `the model takes ${first.modelMs.toFixed(0)} ms here: it keeps up with the camera`);

  // Paced within a few seconds (weighed every 2 s), and the readout says so.
  await expect.poll(async () => (await stats(page)).cameraRate, { timeout: 20_000 }).not.toBeNull();
  const s = await stats(page);
  expect(s.cameraRate!).toBeLessThanOrEqual(15);
  expect(s.cameraRate!).toBeGreaterThanOrEqual(10);
  await expect(page.getByTestId('camera-rate')).toHaveText(`${s.cameraRate}/s, paced to the model`);

  // The cap is in the track (with the size the app asked for kept), and Chromium delivers no more than it.
  const t = await track(page);
  expect(t.max).toBe(s.cameraRate);
  expect(t.rate!).toBeLessThanOrEqual(s.cameraRate! + 0.5);
  const presented = await presentedPerSecond(page, 3000);
  expect(presented).toBeLessThanOrEqual(s.cameraRate! * 1.15);
  const size = await page.evaluate(() => {
    const v = document.querySelector('video')!;
    return `${v.videoWidth}×${v.videoHeight}`;
  });
  expect(size).not.toBe('0×0');

  // The model keeps reading pictures, and few arrive while it is busy (unpaced, one or two for every one read).
  const before = await stats(page);
  await waitForFrames(page, before.frames + 15);
  const after = await stats(page);
  expect(after.dropped - before.dropped).toBeLessThanOrEqual((after.frames - before.frames) / 2);
});
