// The first minute on the home page, as a new user meets it (issue 12, item 6): how it works, the
// equipment, compact cards (the page's height measured at 1280×720), Start a few Tab presses from page
// load, numbers changed where they are shown, and the pain scale on one row from 1024 px up. No camera
// is needed for any of it.
import { test, expect } from './fixtures';

const HOME = '/?voice=off#/home';
const SCREENS = 'test-results/screens';

test('from page load, Tab reaches the first Start within 6 presses (the skip link first)', async ({ page }) => {
  await page.goto(HOME);
  await expect(page.getByRole('heading', { name: 'Your routine' })).toBeVisible();
  const path: string[] = [];
  let presses = 0;
  for (; presses < 30;) {
    await page.keyboard.press('Tab');
    presses += 1;
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    path.push(name);
    if (/^Start\b/.test(name)) break;
  }
  console.log(`[home] Tab presses to the first Start: ${presses} (${path.join(' → ')})`);
  expect(path[path.length - 1]).toMatch(/^Start\b/);
  expect(path[0]).toBe('Skip to main content');
  expect(presses).toBeLessThanOrEqual(6);
  // It is a real button, and Enter on it starts: the routine opens on its first exercise.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/live$/);
  await expect(page.getByRole('heading', { name: 'Prone press-up', level: 2 })).toBeVisible();
});

test('the home page fits in about two screens at 1280×720, and says how it works and what to have ready', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(HOME);
  await expect(page.getByRole('heading', { name: 'How it works' })).toBeAttached();
  const steps = page.locator('.how-steps > li');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText('2–3 m');
  await expect(steps.nth(0)).toContainText(/floor or a chair/);
  await expect(steps.nth(1)).toContainText(/counted/);
  await expect(steps.nth(2)).toContainText(/never recorded or sent/);
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  // The whole routine's equipment, and each card's.
  await expect(page.locator('.routine-facts')).toContainText('You will need a mat, an exercise ball, light dumbbells and a bench.');
  await expect(page.getByTestId('exercise-card-bench-press')).toContainText('You need: Light dumbbells, a bench or an exercise ball');
  await expect(page.getByTestId('exercise-card-plank')).toContainText('You need: A mat');
  await expect(page.getByTestId('exercise-card-plank')).toContainText('Camera: Side-on, whole body in view');
  await expect(page.locator('.exercise-card')).toHaveCount(11);

  await page.evaluate(() => document.fonts.ready);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`[home] page height at 1280×720: ${height} px (${(height / 720).toFixed(2)} screens)`);
  expect(height).toBeLessThanOrEqual(1500);
  // The numbers on the cards are readable: not smaller than the body text, and not the muted grey.
  const amount = page.getByTestId('exercise-card-plank').getByLabel('Plank: sets');
  const look = await amount.evaluate((el) => ({ px: parseFloat(getComputedStyle(el).fontSize), color: getComputedStyle(el).color }));
  const body = await page.evaluate(() => ({
    px: parseFloat(getComputedStyle(document.body).fontSize),
    color: getComputedStyle(document.body).color,
  }));
  expect(look.px).toBeGreaterThanOrEqual(body.px);
  expect(look.color).toBe(body.color);
  await page.screenshot({ path: `${SCREENS}/home-first-screen.png` });
  await page.screenshot({ path: `${SCREENS}/home-full.png`, fullPage: true });
});

test("a card's numbers are changed on the card: the routine follows, a reload keeps them, bad numbers are refused in words", async ({
  page,
}) => {
  await page.goto(HOME);
  const card = page.getByTestId('exercise-card-plank');
  const hold = card.getByLabel('Plank: hold seconds');
  await expect(hold).toHaveValue('20');
  await expect(page.locator('.routine-list')).toContainText('Plank: 2 × 20 s hold');

  await hold.fill('25');
  await hold.press('Enter');
  await card.getByLabel('Plank: sets').fill('3');
  await card.getByLabel('Plank: sets').press('Tab');
  await expect(page.locator('.routine-list')).toContainText('Plank: 3 × 25 s hold');
  await page.reload();
  await expect(page.getByTestId('exercise-card-plank').getByLabel('Plank: hold seconds')).toHaveValue('25');
  await expect(page.locator('.routine-list')).toContainText('Plank: 3 × 25 s hold');

  // Out of range: a message in plain words, the field marked, nothing changed.
  const reps = page.getByTestId('exercise-card-bicycle').getByLabel('Bicycle crunch: reps each side');
  await reps.fill('0');
  await reps.press('Enter');
  await expect(page.getByTestId('exercise-card-bicycle').getByRole('alert')).toHaveText(
    'Not changed: reps must be a whole number from 1 to 100.',
  );
  await expect(reps).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.routine-list')).toContainText('Bicycle crunch: 2 × 10 reps');
  await reps.fill('12');
  await reps.press('Enter');
  await expect(page.getByTestId('exercise-card-bicycle').getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.routine-list')).toContainText('Bicycle crunch: 2 × 12 reps');
  await page.evaluate(() => localStorage.clear());
});

test('exercise cards: a moving figure that pauses when pressed, and the steps folded out on request', async ({ page }) => {
  await page.goto(HOME);
  const card = page.getByTestId('exercise-card-side-bend');
  await expect(card).toContainText('Camera: Facing it');
  const fig = card.getByTestId('demo-figure');
  await fig.scrollIntoViewIfNeeded();
  // The figure is drawn and moves: two snapshots of the canvas a few frames apart differ.
  const snap = () => fig.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await expect.poll(async () => (await snap()).length).toBeGreaterThan(1000);
  const a = await snap();
  await expect.poll(async () => (await snap()) !== a, { timeout: 5000 }).toBe(true);
  await card.getByRole('button', { name: /^Pause the .+ demo$/ }).click();
  await expect(card.getByRole('button', { name: /^Play the .+ demo$/ })).toBeVisible();
  const b = await snap();
  // Twenty painted frames later (a running figure changes within a few).
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let n = 0;
        const f = () => {
          if (++n >= 20) resolve();
          else requestAnimationFrame(f);
        };
        requestAnimationFrame(f);
      }),
  );
  expect((await snap()) === b, 'a paused figure stays still').toBe(true);

  const steps = card.getByRole('list').filter({ hasText: 'Clasp your hands' });
  await expect(steps).toBeHidden();
  await card.getByRole('button', { name: /^How to do it: / }).click();
  await expect(steps).toBeVisible();
  await expect(card.getByRole('button', { name: /^How to do it: / })).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: `${SCREENS}/exercise-cards.png` });
});

test('the pain scale is one row at 1024 px, and wraps only on narrower screens', async ({ page }) => {
  const tops = async () => page.getByRole('radio').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  for (const width of [1024, 1280]) {
    await page.setViewportSize({ width, height: 768 });
    await page.goto(HOME);
    await page.getByRole('button', { name: 'Start Plank' }).click();
    await expect(page.getByRole('radiogroup')).toBeVisible();
    const t = await tops();
    expect(t, `${width} px`).toHaveLength(11);
    expect(new Set(t).size, `${width} px: rows of the pain scale (tops ${t.join(', ')})`).toBe(1);
    // Still a comfortable target.
    const box = await page.getByRole('radio', { name: '10' }).boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(32);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    if (width === 1024) await page.screenshot({ path: `${SCREENS}/pain-scale-1024.png` });
  }
  await page.setViewportSize({ width: 600, height: 800 });
  await page.goto(HOME);
  await page.getByRole('button', { name: 'Start Plank' }).click();
  expect(new Set(await tops()).size).toBeGreaterThan(1);
});

test('keyboard: the skip link moves the focus past the menu, and "Strengthening" in the jump list reaches Start Plank in a few presses', async ({
  page,
}) => {
  await page.goto(HOME);
  // The page is drawn before the first key (React renders after the load event; on a busy machine, well after it:
  // a Tab pressed before that lands nowhere, as it would for a person).
  await expect(page.getByRole('button', { name: 'Start Plank' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/home$/);
  // The jump list: Strengthening, then Tab to the plank's Start.
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Strengthening' }).focus();
  await page.keyboard.press('Enter');
  let presses = 0;
  for (; presses < 40; presses++) {
    if (await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Start Plank')) break;
    await page.keyboard.press('Tab');
  }
  console.log(`[home] Tab presses from "Strengthening" to Start Plank: ${presses}`);
  expect(presses).toBeLessThanOrEqual(20);
});
