// The frame loop paces a live camera to the model (src/app/cameraPace.ts): with a model slower than the camera but
// fast enough for 15 a second, the camera's track is asked for fewer pictures, Chromium delivers no more than that, and
// the model goes on reading every picture it gets. Which model runs in that band depends on the machine and its load
// (here, quiet: Thunder on 2 threads 41–45 ms; beside a CPU-bound process: BlazePose full 30–35 ms), so the test
// takes the first of a few that measures in it, and says so when none does.
import type { Page } from '@playwright/test';
import { expect, test, waitForFrames } from './fixtures';
import type { Hook } from './fixtures';

/** Models to try, in order: one whose model time here is well inside the band where a cap pays is used. */
// The last two run in the band only on a loaded machine (CI with a CPU-bound process beside it skipped once without them).
const CANDIDATES = [
  'model=movenet-thunder&threads=2',
  'model=blazepose-full',
  'model=movenet-thunder&threads=1',
  'model=movenet-lightning',
  'model=blazepose-lite',
];
const BAND_MS: [number, number] = [31, 50];
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
  const seen: string[] = [];
  let chosen: string | null = null;
  for (const c of CANDIDATES) {
    await page.goto(`/?backend=wasm&${c}&voice=off#/camera`);
    await waitForFrames(page, 12);
    const ms = (await stats(page)).modelMs;
    seen.push(`${c}: ${ms.toFixed(0)} ms`);
    if (ms >= BAND_MS[0] && ms <= BAND_MS[1]) {
      chosen = c;
      break;
    }
  }
  test.skip(chosen === null, `no model here takes ${BAND_MS[0]}–${BAND_MS[1]} ms a picture (${seen.join(', ')})`);

  // Paced within a few seconds (weighed every 2 s), and the readout says so.
  await expect.poll(async () => (await stats(page)).cameraRate, { timeout: 20_000 }).not.toBeNull();
  const s = await stats(page);
  expect(s.cameraRate!, seen.join(', ')).toBeLessThanOrEqual(24);
  expect(s.cameraRate!).toBeGreaterThanOrEqual(15);
  await expect(page.getByTestId('camera-rate')).toHaveText(`${s.cameraRate}/s, paced to the model`);

  // The cap is in the track, and Chromium delivers no more than it.
  const t = await track(page);
  expect(t.max).toBe(s.cameraRate);
  expect(t.rate!).toBeLessThanOrEqual(s.cameraRate! + 0.5);
  const presented = await presentedPerSecond(page, 3000);
  expect(presented).toBeLessThanOrEqual(s.cameraRate! * 1.15);

  // The model keeps reading pictures, and few arrive while it is busy (unpaced, one or two for every one read).
  const before = await stats(page);
  await waitForFrames(page, before.frames + 15);
  const after = await stats(page);
  expect(after.dropped - before.dropped).toBeLessThanOrEqual((after.frames - before.frames) / 2);
});
