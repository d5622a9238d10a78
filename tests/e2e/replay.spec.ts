// The whole live flow in the browser on a recorded keypoint stream, with no model and no camera picture:
// the test build's ?replay= (src/app/boot.ts) makes clip 03's recorded keypoints (a steady side-on forearm
// plank, MoveNet Thunder) the LiveSession's camera and pose source. Runs everywhere: no video is needed.
// A two-set routine of 5 s holds: check-in → framing (every verdict ticked) → countdown → counting → rest →
// framing → countdown → counting → summary, with speech recorded by the stand-in.
import { test, expect } from './fixtures';
import { readFixture, serveReplay } from './replay-feed';
import { installSpeechStub, spokenSoFar } from './speech';

test('replayed stream, no model: a two-set routine runs from the check-in to the summary', async ({ page }) => {
  test.setTimeout(120_000);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await installSpeechStub(page);
  await serveReplay(page, 'plank03', readFixture('03_plank_forearm_side_kaiakol005'));
  await page.addInitScript(() => {
    localStorage.setItem(
      'form-coach:routine@1',
      JSON.stringify({
        id: 'mine',
        name: 'Two short planks',
        blocks: [{ exerciseId: 'plank', sets: 2, holdSec: 5, restSec: 5 }],
      }),
    );
  });
  await page.goto('/?replay=plank03#/home');
  await page.getByRole('button', { name: 'Start routine' }).click();
  await expect(page.getByText('Exercise 1 of 1 · set 1 of 2')).toBeVisible();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();

  await test.step('framing: a verdict per need, all ticked for a good side-on plank', async () => {
    const framing = page.getByTestId('framing');
    await expect(framing).toBeVisible();
    for (const need of ['in-view', 'light', 'view', 'posture']) {
      await expect(framing.getByTestId(`verdict-${need}`)).toHaveAttribute('data-verdict', 'ok', { timeout: 10_000 });
    }
  });

  await test.step('it starts by itself: 3-2-1 beside the body, then the hold counts', async () => {
    await expect(page.getByTestId('video-text')).toHaveText(/^[123]$/, { timeout: 10_000 });
    // The countdown covers none of the joints: each drawn joint's place on screen is outside its box.
    const inside = await page.evaluate(() => {
      const text = document.querySelector('[data-testid=video-text]')?.getBoundingClientRect();
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=overlay]');
      const frame = window.__formCoach?.getLastFrame();
      if (!text || !canvas || !frame?.poses[0]) return null;
      const r = canvas.getBoundingClientRect();
      const mirrored = getComputedStyle(canvas.parentElement!).transform !== 'none';
      return frame.poses[0].keypoints
        .filter((k) => k.score >= 0.3)
        .map((k) => {
          const x = r.left + (mirrored ? 1 - k.x / frame.width : k.x / frame.width) * r.width;
          const y = r.top + (k.y / frame.height) * r.height;
          return { name: k.name, inside: x >= text.left && x <= text.right && y >= text.top && y <= text.bottom };
        })
        .filter((j) => j.inside)
        .map((j) => j.name);
    });
    expect(inside, 'joints under the countdown').toEqual([]);
    await expect(page.getByTestId('counter')).toHaveText(/0:0[1-5] \/ 0:05/, { timeout: 15_000 });
    await expect(page.getByTestId('hold-left')).toContainText('to go');
  });

  await test.step('rest, then the second set frames and counts down again', async () => {
    await expect(page.getByTestId('rest-time')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Exercise 1 of 1 · set 2 of 2')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('video-text')).toHaveText(/^[123]$/, { timeout: 15_000 });
  });

  await test.step('the summary tells one story', async () => {
    await expect(page.getByRole('heading', { name: 'Routine finished: Two short planks' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Routine finished: Two short planks' })).toBeFocused();
    const sets = page.getByTestId('summary');
    await expect(sets).toHaveCount(2);
    for (const s of await sets.all()) {
      const held = /Held(\d+:\d\d)/.exec((await s.getByTestId('summary-counts').innerText()).replace(/\s+/g, ''))?.[1];
      expect(held).toBeTruthy();
      // The form figure is about the time held, not another time.
      await expect(s.getByTestId('good-form')).toContainText(`of ${held} held)`);
      await expect(s).not.toContainText('in position');
    }
    // Finished inside the routine with nothing after it: no "Next exercise".
    await expect(page.getByRole('button', { name: /Next exercise/ })).toHaveCount(0);
  });

  const texts = (await spokenSoFar(page)).map((x) => x.text);
  // The countdown once per set, whole.
  expect(texts.filter((x) => x === '3')).toHaveLength(2);
  expect(texts.filter((x) => x === 'Go')).toHaveLength(2);
  // No model, no TensorFlow.js, no camera: nothing of them was fetched.
  expect(requested.filter((p) => /\/models\/|tfjs|\.wasm$/.test(p))).toEqual([]);
});

test("a card's numbers are the set that runs: sets edited to 2 on the card, Start, two sets with the card's rest between", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await installSpeechStub(page);
  await serveReplay(page, 'plank03', readFixture('03_plank_forearm_side_kaiakol005'));
  await page.goto('/?replay=plank03#/home');
  const card = page.getByTestId('exercise-card-plank');
  await card.getByLabel('Plank: sets').fill('2');
  await card.getByLabel('Plank: sets').press('Tab');
  await card.getByLabel('Plank: hold seconds').fill('5');
  await card.getByLabel('Plank: hold seconds').press('Enter');
  await expect(page.locator('.routine-list')).toContainText('Plank: 2 × 5 s hold');
  await card.getByRole('button', { name: 'Start Plank' }).click();
  await expect(page.getByText('Set 1 of 2')).toBeVisible();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  await expect(page.getByTestId('counter')).toHaveText(/0:0[1-5] \/ 0:05/, { timeout: 30_000 });

  await test.step("the first set ends at the card's 5 s and the rest begins (the routine's 45 s for the plank)", async () => {
    await expect(page.getByTestId('rest-time')).toBeVisible({ timeout: 20_000 });
    const left = await page.getByTestId('rest-time').innerText();
    const sec = left.split(':').reduce((a, b) => a * 60 + Number(b), 0);
    expect(sec, `rest shown: ${left}`).toBeGreaterThan(30);
    expect(sec).toBeLessThanOrEqual(45);
    // A card is not a routine: no "Skip to next exercise".
    await expect(page.getByRole('button', { name: 'Skip to next exercise' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Skip rest' }).click();
  });

  await test.step('the second set frames, counts down and counts, then the summary has both sets', async () => {
    await expect(page.getByText('Set 2 of 2')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('video-text')).toHaveText(/^[123]$/, { timeout: 15_000 });
    await expect(page.getByRole('heading', { name: '2 sets finished' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: '2 sets finished' })).toBeFocused();
    await expect(page.getByTestId('summary')).toHaveCount(2);
    for (const s of await page.getByTestId('summary').all()) await expect(s.getByTestId('summary-counts')).toContainText('/ 0:05');
    await expect(page.getByRole('button', { name: /Next exercise/ })).toHaveCount(0);
  });
  const texts = (await spokenSoFar(page)).map((x) => x.text);
  expect(texts.filter((x) => x === 'Go')).toHaveLength(2);
  await page.evaluate(() => localStorage.clear());
});

test('each counted rep is acknowledged: its number is said and the counter pulses; Stop puts the focus on the summary (floor crunches, clip 14 replayed)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await installSpeechStub(page);
  await serveReplay(page, 'crunch14', readFixture('14_crunch_klarfit'));
  // Every pulse the counter shows (the block is mounted again with a new data-pulse on each counted rep).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __pulses: string[] }).__pulses = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-pulse]')) {
        const v = el.getAttribute('data-pulse')!;
        if (seen[seen.length - 1] !== v) seen.push(v);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-pulse'] });
  });
  await page.goto('/?replay=crunch14#/home');
  const card = page.getByTestId('exercise-card-ab-crunch');
  await card.getByLabel('Abdominal crunch: sets').fill('1');
  await card.getByLabel('Abdominal crunch: sets').press('Tab');
  await card.getByLabel('Abdominal crunch: reps').fill('10');
  await card.getByLabel('Abdominal crunch: reps').press('Enter');
  await card.getByRole('button', { name: 'Start Abdominal crunch' }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  await expect(page.getByTestId('counter')).toHaveText(/^3 \/ 10/, { timeout: 90_000 });
  await page.getByRole('button', { name: 'End exercise (Esc)' }).click();
  await expect(page.getByRole('heading', { name: 'Set finished' })).toBeFocused();
  const reps = Number(
    /^(\d+) \/ 10/.exec(
      await page
        .getByTestId('summary-counts')
        .innerText()
        .then((t) => t.replace(/^\D*/, '')),
    )?.[1],
  );
  expect(reps).toBeGreaterThanOrEqual(3);
  const texts = (await spokenSoFar(page)).map((x) => x.text);
  const afterGo = texts.slice(texts.indexOf('Go') + 1);
  const said = Array.from({ length: reps }, (_, i) => String(i + 1));
  expect(
    afterGo.filter((x) => /^\d+$/.test(x)),
    JSON.stringify(texts),
  ).toEqual(said);
  const pulses = await page.evaluate(() => (window as unknown as { __pulses: string[] }).__pulses);
  expect(
    pulses.filter((p) => p !== '0'),
    JSON.stringify(pulses),
  ).toEqual(said);
  await page.evaluate(() => localStorage.clear());
});
