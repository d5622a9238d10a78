// Settings states each model's speed as measured on this device, and makes no claim before there is a figure.
import { test, expect, waitForFrames } from './fixtures';
import type { Hook } from './fixtures';

test('model speed: none claimed before it is measured; then the figure the frame loop measured, remembered after a reload', async ({ page }) => {
  await page.goto('/?backend=wasm&model=movenet-lightning');
  const speed = page.getByTestId('model-speed');
  const select = page.getByLabel('Pose model');
  await expect(speed).toHaveText(/not known yet/);
  for (const o of await select.locator('option').allTextContents()) expect(o).not.toMatch(/\d+ ms/);

  // A whole window (30 model calls) on Lightning, then the figure appears, for Lightning only.
  await waitForFrames(page, 34);
  await expect(speed).toHaveText(/^Measured on this device: about \d+ ms to read each camera picture, so at most about \d+ pictures a second\.$/);
  const shownMs = Number(/about (\d+) ms/.exec((await speed.textContent()) ?? '')?.[1]);
  const appMs = await page.evaluate(() => {
    const s = [...(window as unknown as { __formCoach: Hook & { getRecentModelMs(): number[] } }).__formCoach.getRecentModelMs()].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)]!;
  });
  // The kept figure is the median of a window taken at most a few seconds earlier: within 35 % of the current one.
  expect(Math.abs(shownMs - appMs) / appMs, `shown ${shownMs} ms, app now ${appMs} ms`).toBeLessThan(0.35);
  const options = await select.locator('option').allTextContents();
  expect(options.filter((o) => /ms a picture here/.test(o))).toEqual([`MoveNet Lightning (about ${shownMs} ms a picture here)`]);

  await page.reload();
  await expect(page.getByLabel('Pose model').locator('option', { hasText: 'MoveNet Lightning' })).toHaveText(`MoveNet Lightning (about ${shownMs} ms a picture here)`);
  await page.evaluate(() => localStorage.clear());
});
