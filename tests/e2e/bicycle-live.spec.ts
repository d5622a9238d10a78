// The bicycle on the live screen (issue 17, failure class 1). Live, a bicycle whose elbows stayed by the head got
// 21 counts, "Good reps, keep that control" and "Set complete. Well done."; a good side-view bicycle as the webcam
// went "Left 61 / 10, Right 0 / 10" and never ended.
// 1. The constructed bicycle without contact (test-fixtures/constructed/bicycle-no-contact_side.movenet-thunder:
//    b09's legs pedalling, the trunk square, the elbows by the head; README there) replayed as camera and model
//    (?replay=, the test build): nothing counted, no praise, no "Well done", the no-contact cue on screen, said, and
//    drawn on the joints.
// 2. The real side-view bicycle b09 as the webcam (MoveNet Lightning, looping): both sides' counters go up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, waitForFrames } from './fixtures';
import { chromiumArgs, repoRoot } from './clip';
import { liveClip } from './live-clip';
import { serveReplay, type FixtureJson } from './replay-feed';
import { installSpeechStub, spokenSoFar } from './speech';

const clip = liveClip('b09_bicycle_crunch_side_slayercampo');
const SCREENS = 'test-results/screens';
const NO_CONTACT = 'Turn so your elbow meets the opposite knee';

test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs(clip.y4m) } });

/** One side's line of the per-side counter ("Left 3 / 10"). */
const sideLine = (page: Page, side: 'Left' | 'Right'): Locator =>
  page
    .getByTestId('counter')
    .locator('.counter.side')
    .filter({ has: page.locator('.side-name', { hasText: side }) });
const shownReps = async (line: Locator): Promise<number> => Number(/(\d+)\s*\//.exec((await line.textContent()) ?? '')?.[1] ?? NaN);

/** Red (the overlay's fault colour) pixels around the named joints of the pose drawn last (as live-faults.spec.ts). */
async function redAround(page: Page, names: string[]): Promise<Record<string, number>> {
  return page.evaluate((want) => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=overlay]');
    const ctx = c?.getContext('2d', { willReadFrequently: true });
    const pose = window.__formCoach?.getLastFrame()?.poses[0];
    const out: Record<string, number> = {};
    if (!c || !ctx || !pose || c.width === 0) return out;
    const s = c.width / (c.clientWidth || c.width);
    const r = Math.ceil(15 * s);
    for (const k of pose.keypoints) {
      if (!want.includes(k.name)) continue;
      const x0 = Math.max(0, Math.round(k.x - r)),
        y0 = Math.max(0, Math.round(k.y - r));
      const w = Math.min(c.width, Math.round(k.x + r)) - x0,
        h = Math.min(c.height, Math.round(k.y + r)) - y0;
      if (w <= 0 || h <= 0) continue;
      const d = ctx.getImageData(x0, y0, w, h).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! > 200 && d[i + 1]! < 110 && d[i + 2]! < 100 && d[i + 3]! > 200) n += 1;
      out[k.name] = n;
    }
    return out;
  }, names);
}

async function startBicycle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start Bicycle crunch', exact: true }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
}

test('bicycle without contact (constructed: the legs pedal, the elbows stay by the head): nothing counted, no praise, no-contact said and marked', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await installSpeechStub(page);
  const fixture = JSON.parse(
    readFileSync(join(repoRoot, 'test-fixtures', 'constructed', 'bicycle-no-contact_side.movenet-thunder.keypoints.json'), 'utf8'),
  ) as FixtureJson;
  await serveReplay(page, 'bikeNoContact', fixture);
  await startBicycle(page, '/?replay=bikeNoContact#/home');
  await waitForFrames(page, 5, 60_000);

  await test.step('the no-contact cue shows, drawn on the elbows and knees', async () => {
    await expect(page.getByTestId('cue')).toHaveText(new RegExp(NO_CONTACT, 'i'), { timeout: 45_000 });
    // The fault's joints stay marked for 2 s after it (REP_FAULT_MS).
    const red = await redAround(page, ['left_elbow', 'right_elbow', 'left_knee', 'right_knee']);
    console.log(`[bicycle-live] red pixels: ${JSON.stringify(red)}`);
    expect(Math.max(red.left_elbow ?? 0, red.right_elbow ?? 0), JSON.stringify(red)).toBeGreaterThan(20);
    expect(Math.max(red.left_knee ?? 0, red.right_knee ?? 0), JSON.stringify(red)).toBeGreaterThan(20);
    await page.screenshot({ path: `${SCREENS}/bicycle-no-contact.png` });
  });

  await test.step('a whole pass of the stream (15 s) and more: no touch counted, nothing praised', async () => {
    await page.waitForTimeout(16_000);
    expect(await shownReps(sideLine(page, 'Left'))).toBe(0);
    expect(await shownReps(sideLine(page, 'Right'))).toBe(0);
    const said = (await spokenSoFar(page)).map((x) => x.text);
    console.log(`[bicycle-live] spoken: ${JSON.stringify(said)}`);
    expect(said).toContain(NO_CONTACT);
    // After the count-in ("3", "2", "1", "Go"): no rep number, no praise.
    expect(said.slice(said.indexOf('Go') + 1).filter((x) => /well done|good reps|^\d+$/i.test(x))).toEqual([]);
  });

  await test.step('ending the set: nothing counted, the summary says why and names the no-contact, no "Well done"', async () => {
    await page.getByRole('button', { name: 'End exercise (Esc)' }).click();
    await expect(page.getByRole('heading', { name: 'Stopped before anything was counted' })).toBeVisible();
    await expect(page.getByText(/a form problem was seen, and the count waits until it is put right/)).toBeVisible();
    await expect(page.getByTestId('summary-counts')).toHaveText(/Left side\s*0 \/ 10\s*Right side\s*0 \/ 10/);
    await expect(page.getByRole('listitem').filter({ hasText: NO_CONTACT })).toBeVisible();
    const said = (await spokenSoFar(page)).map((x) => x.text);
    expect(said.filter((x) => /well done/i.test(x))).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/bicycle-no-contact-summary.png`, fullPage: true });
  });
  await page.evaluate(() => localStorage.clear());
});

test('bicycle, clip b09 as the webcam (side view): both sides are counted, not every touch on one', async ({ page }) => {
  test.skip(clip.skipReason !== null, `needs clip b09: ${clip.skipReason}`);
  test.setTimeout(150_000);
  await startBicycle(page, '/?backend=wasm&model=movenet-lightning&voice=off#/home');
  await waitForFrames(page, 5, 90_000);
  const left = sideLine(page, 'Left'),
    right = sideLine(page, 'Right');
  await expect(left).toHaveText(/0 \/ 10/, { timeout: 60_000 });
  // The clip's first wide shot alone has two touches on each side (1.5–2.6 and 5.0–6.2 s right, 3.1–4.2 s left
  // after the start); one loop is 20 s.
  await expect
    .poll(async () => Math.min(await shownReps(left), await shownReps(right)), { timeout: 60_000, intervals: [500] })
    .toBeGreaterThanOrEqual(2);
  const l = await shownReps(left),
    r = await shownReps(right);
  console.log(`[bicycle-live] b09 as the webcam: left ${l}, right ${r}`);
  expect(Math.abs(l - r)).toBeLessThanOrEqual(2);
  await page.screenshot({ path: `${SCREENS}/bicycle-b09-sides.png` });
});
