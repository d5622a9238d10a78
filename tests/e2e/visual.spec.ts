// Visual baselines for the screens that show no camera picture (the live screens show the third-party
// clip, which may not be committed, so they are checked by assertions and saved as artifacts only).
// A changed layout, a lost style or a screen that no longer renders fails here; refresh the baselines
// on purpose with `npx playwright test visual --update-snapshots` after looking at the new PNGs.
import { test, expect } from './fixtures';

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
