// Visual baselines for the screens that show no camera picture (the live screens with the third-party clip
// may not be committed, so they are checked by assertions and saved as artifacts only; the framing step and
// the summary are baselined on a replayed keypoint stream, which has no picture).
// A changed layout, a lost style or a screen that no longer renders fails here; refresh the baselines
// on purpose with `npx playwright test visual --update-snapshots` after looking at the new PNGs.
import { test, expect } from './fixtures';
import { readFixture, serveReplay, still } from './replay-feed';

// Motion off: the demo figures stand still, so two runs of the same build draw the same pixels.
test.use({ reducedMotion: 'reduce', viewport: { width: 1280, height: 720 } });

const SCREENS: { name: string; hash: string; heading: RegExp }[] = [
  { name: 'home', hash: '#/home', heading: /exercises|stretches/i },
  { name: 'settings', hash: '#/settings', heading: /settings/i },
  { name: 'history-empty', hash: '#/history', heading: /history/i },
  { name: 'analyze', hash: '#/analyze', heading: /analyse a recording/i },
];

for (const s of SCREENS) {
  test(`visual baseline: ${s.name}`, async ({ page }) => {
    await page.goto(`/?voice=off${s.hash}`);
    await expect(page.getByRole('heading', { name: s.heading }).first()).toBeVisible();
    // Fonts and lazily loaded pieces (demo data, charts) settle before the picture is taken.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState('networkidle');
    await expect(page).toHaveScreenshot(`${s.name}.png`, { fullPage: true, animations: 'disabled', maxDiffPixelRatio: 0.01 });
  });
}

// The live screens, without any camera picture: a recorded keypoint stream standing perfectly still (one
// frame of a committed fixture, repeated) is the camera and the model (the test build's ?replay=), so the
// skeleton is drawn on black and every run draws the same pixels.

test('visual baseline: the framing step (a person seated on a chair, for a plank: starting position not met)', async ({ page }) => {
  await serveReplay(page, 'still-b01', still(readFixture('b01_seated_twist_chair_front_adaptx'), 30, 60));
  await page.goto('/?voice=off&replay=still-b01#/home');
  await page.getByRole('button', { name: 'Start Plank', exact: true }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  await expect(page.getByTestId('verdict-posture')).toHaveAttribute('data-verdict', 'no');
  await expect(page.getByTestId('verdict-in-view')).toHaveAttribute('data-verdict', 'ok');
  await expect(page.getByTestId('video-text')).toBeVisible();
  await expect(page).toHaveScreenshot('framing.png', { animations: 'disabled', maxDiffPixelRatio: 0.01 });
});

test('visual baseline: the summary of a hold (replayed still plank, 5 s routine)', async ({ page }) => {
  test.setTimeout(90_000);
  await serveReplay(page, 'still-03', still(readFixture('03_plank_forearm_side_kaiakol005'), 40, 60));
  await page.addInitScript(() => {
    localStorage.setItem(
      'form-coach:routine@1',
      JSON.stringify({ id: 'v', name: 'One short plank', blocks: [{ exerciseId: 'plank', sets: 1, holdSec: 5, restSec: 0 }] }),
    );
  });
  await page.goto('/?voice=off&replay=still-03#/home');
  await page.getByRole('button', { name: 'Start routine' }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  await expect(page.getByRole('heading', { name: /Routine finished/ })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('summary-chart').locator('canvas')).toHaveCount(1);
  await page.evaluate(() => document.fonts.ready);
  // The date and time of the set change every run.
  await expect(page).toHaveScreenshot('summary-hold.png', {
    fullPage: true,
    animations: 'disabled',
    maxDiffPixelRatio: 0.01,
    mask: [page.locator('.summary-head .hint')],
  });
});
