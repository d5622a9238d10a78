// Per-side hold counting live, on a real clip. Clip b01 (CATALOG.md: seated twist on a chair, filmed from
// the front, one steady hold to her right at ≈3.3–7.0 s and one to her left at ≈10.8–14.2 s of its
// 17.4 s) is the webcam; Chromium's fake camera plays it in a loop. MoveNet Lightning (the eval counts
// b01 right on it too, and it runs ~2.5× faster than Thunder here). A separate file: the camera is a
// launch option.
import type { Locator, Page } from '@playwright/test';
import { test, expect, waitForFrames } from './fixtures';
import { chromiumArgs } from './clip';
import { liveClip } from './live-clip';
import { installSpeechStub, spokenSoFar } from './speech';

const clip = liveClip('b01_seated_twist_chair_front_adaptx');
const SCREENS = 'test-results/screens';

test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs(clip.y4m) } });
// Before any browser starts: without the video there is nothing to test.
test.skip(clip.skipReason !== null, `needs clip b01: ${clip.skipReason}`);

/** One side's line of the per-side counter ("Left 0:03 / 0:20"). */
const sideLine = (page: Page, side: 'Left' | 'Right'): Locator =>
  page
    .getByTestId('counter')
    .locator('.counter.side')
    .filter({ has: page.locator('.side-name', { hasText: side }) });

/** Whole seconds shown on one side's line. */
async function shownSeconds(line: Locator): Promise<number> {
  const m = /(\d+):(\d\d)\s*\//.exec((await line.textContent()) ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

/** Nose x minus the shoulder midpoint's x, in shoulder widths, from the pose drawn last (image pixels). */
async function noseOffset(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const kps = window.__formCoach?.getLastFrame()?.poses[0]?.keypoints ?? [];
    const at = (n: string) => kps.find((k) => k.name === n && k.score >= 0.3);
    const nose = at('nose');
    const ls = at('left_shoulder');
    const rs = at('right_shoulder');
    if (!nose || !ls || !rs) return null;
    const w = Math.hypot(ls.x - rs.x, ls.y - rs.y);
    return w > 0 ? (nose.x - (ls.x + rs.x) / 2) / w : null;
  });
}

test('rotation stretch, clip b01 (one twist to each side): the left and the right hold counters both go above 0', async ({ page }) => {
  test.setTimeout(240_000);
  const t0 = Date.now();
  await page.goto('/?backend=wasm&model=movenet-lightning&voice=off#/home');
  await page.getByRole('button', { name: /^Start rotation stretch$/i }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  await waitForFrames(page, 5, 120_000);

  const left = sideLine(page, 'Left');
  const right = sideLine(page, 'Right');
  // Counting has started: both lines are there and start from nothing.
  await expect(left).toHaveText(/0:00 \/ 0:20/, { timeout: 90_000 });
  await expect(right).toHaveText(/0:00 \/ 0:20/);
  const tCounting = Date.now();

  // Whichever twist comes first, the other follows within one loop of the clip (17.4 s). Each time a
  // side's count goes up, where her nose is against her shoulders is noted: facing the camera, her left
  // is image-right (unmirrored keypoints), so a twist to her left puts the nose right of the shoulder
  // midpoint (CATALOG.md: "twist to her LEFT (image-right)").
  let firstSide: string | null = null;
  let tFirst = 0;
  let prev = { l: 0, r: 0 };
  const samples: { side: 'left' | 'right'; noseOff: number }[] = [];
  await expect
    .poll(
      async () => {
        const l = await shownSeconds(left);
        const r = await shownSeconds(right);
        if (l > prev.l || r > prev.r) {
          const off = await noseOffset(page);
          if (off !== null) samples.push({ side: l > prev.l ? 'left' : 'right', noseOff: off });
        }
        prev = { l, r };
        if (firstSide === null && (l > 0 || r > 0)) {
          firstSide = l > 0 ? 'left' : 'right';
          tFirst = Date.now();
          await page.screenshot({ path: `${SCREENS}/live-b01-first-side.png` });
        }
        return Math.min(l, r);
      },
      { timeout: 90_000, intervals: [250] },
    )
    .toBeGreaterThan(0);
  const tBoth = Date.now();
  await page.screenshot({ path: `${SCREENS}/live-b01-both-sides.png` });
  const l = await shownSeconds(left);
  const r = await shownSeconds(right);
  const stats = await page.evaluate(() => window.__formCoach?.getStats());
  console.log(
    `[live-sides] nose offset (shoulder widths) when a side went up: ${JSON.stringify(samples.map((x) => [x.side, Math.round(x.noseOff * 100) / 100]))}`,
  );
  console.log(
    `[live-sides] counting after ${tCounting - t0} ms; first side (${firstSide}) after ${tFirst - tCounting} ms, both after ${tBoth - tCounting} ms of counting; left ${l} s, right ${r} s; stats ${JSON.stringify(stats)}`,
  );
  // The counted side is the side she turns to.
  expect(samples.length, 'count increases seen with a pose').toBeGreaterThan(0);
  for (const x of samples) expect(x.noseOff > 0 ? 'left' : 'right', `nose ${x.noseOff.toFixed(2)} shoulder widths off centre`).toBe(x.side);
});

test('sides that guide, clip b01: the side to do now is named, a side done is said and stops counting, and the switch is spoken', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await installSpeechStub(page);
  // A short per-side hold (the editor's shortest, 5 s), so both sides are done within two loops of the clip.
  await page.addInitScript(() => {
    localStorage.setItem(
      'form-coach:routine@1',
      JSON.stringify({
        id: 'mine',
        name: 'Twist',
        blocks: [{ exerciseId: 'rotation-stretch', sets: 1, holdSec: 5, restSec: 20 }],
      }),
    );
  });
  await page.goto('/?backend=wasm&model=movenet-lightning#/home');
  await page.getByRole('button', { name: /^Start rotation stretch$/i }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  await waitForFrames(page, 5, 120_000);
  const left = sideLine(page, 'Left');
  const right = sideLine(page, 'Right');
  await expect(left).toHaveText(/0:00 \/ 0:05/, { timeout: 90_000 });
  // The side to do now is marked on the counter.
  await expect(page.getByTestId('counter').locator('.counter.side.now')).toHaveCount(1);

  // The first side done: said, shown, and the other side is asked for; its count stops at the target.
  const cue = page.getByTestId('cue');
  await expect(cue).toHaveText(/^(Left|Right) side done\. Now your (right|left) side\.$/, { timeout: 120_000 });
  const switched = (await cue.textContent()) ?? '';
  await page.screenshot({ path: `${SCREENS}/live-b01-side-switch.png` });
  const [, doneSide, nextSide] = /^(Left|Right) side done\. Now your (right|left) side\.$/.exec(switched)!;
  expect(nextSide!.toLowerCase()).not.toBe(doneSide!.toLowerCase());
  const doneLine = doneSide === 'Left' ? left : right;
  const nextLine = doneSide === 'Left' ? right : left;
  await expect(doneLine).toContainText('done');
  await expect(nextLine).toHaveAttribute('aria-current', 'step');
  // While the other side is worked, the side done never counts past its target.
  let maxDone = 0;
  await expect
    .poll(
      async () => {
        const flow = await page.evaluate(() => window.__formCoach?.getFlow());
        if (flow !== 'counting' && flow !== 'paused') return 5;
        maxDone = Math.max(maxDone, await shownSeconds(doneLine));
        return shownSeconds(nextLine);
      },
      { timeout: 120_000, intervals: [250] },
    )
    .toBeGreaterThanOrEqual(5);
  expect(maxDone).toBe(5);
  const spoken = (await spokenSoFar(page)).map((x) => x.text);
  console.log(`[live-sides] spoken: ${JSON.stringify(spoken)}`);
  // Both sides named in the voice, and the switch spoken.
  expect(spoken).toContain(switched);
  expect(spoken.some((t) => /\bleft\b/i.test(t))).toBe(true);
  expect(spoken.some((t) => /\bright\b/i.test(t))).toBe(true);
});
