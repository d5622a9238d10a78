// The first minute on a piked plank (clip 04 as the webcam): the hips cue is shown and said and nothing praises
// the set. See first-minute.ts for the whole walk and what it asserts.
import { test, expect } from './fixtures';
import { chromiumArgs } from './clip';
import { liveClip } from './live-clip';
import { expectOneStory, firstMinute, PRAISE, worstPerMinute } from './first-minute';

const piked = liveClip('04_plank_high_hips-high_bassem');

test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs(piked.y4m) } });
test.skip(piked.skipReason !== null, `needs clip 04: ${piked.skipReason}`);

test('the hips cue is shown and said, nothing praises the set, and the summary agrees with itself', async ({ page }) => {
  test.setTimeout(240_000);
  const { spoken, cues } = await firstMinute(page, '04', { countSec: 45, startAnywayAfterMs: 20_000 });
  const texts = spoken.map((s) => s.text);
  expect(
    cues.some((c) => /hips/i.test(c)),
    'hips cue on screen',
  ).toBe(true);
  expect(
    texts.some((x) => /hips/i.test(x)),
    'hips cue spoken',
  ).toBe(true);
  expect(
    texts.filter((x) => PRAISE.test(x)),
    'praise spoken',
  ).toEqual([]);
  expect(
    cues.filter((x) => PRAISE.test(x)),
    'praise shown',
  ).toEqual([]);
  expect(
    texts.filter((x) => x === '3'),
    'countdowns',
  ).toHaveLength(1);
  expect(worstPerMinute(spoken).n, JSON.stringify(worstPerMinute(spoken))).toBeLessThanOrEqual(6);
  await expectOneStory(page);
  const set = page.getByTestId('summary').first();
  await expect(set).not.toContainText('Well done');
  await expect(set.getByTestId('fault-list')).toContainText(/hips/i);
  // Time held while the hips cue stood is held, not good form. Since the plank reads the pike steadily
  // (ear–hip–ankle), a piked plank may hold nothing at all: then the summary says a form problem kept the
  // count waiting, not that the coach could not see the exercise.
  const counts = (await set.getByTestId('summary-counts').innerText()).replace(/\s+/g, ' ');
  const heldShown = /Held (\d+:\d\d)/.exec(counts)?.[1];
  console.log(`[first-minute 04] ${counts}`);
  if (heldShown === '0:00') {
    await expect(page.getByTestId('nothing-counted')).toContainText('a form problem was seen');
    await expect(set.getByTestId('good-form')).toHaveCount(0);
  } else {
    // Live, at the model's 5 frames a second, three runs under the flickering rule read 12 %, 20 %, 12 %: most
    // of the time held is under the cue, so the bounds are a majority, not a figure.
    const good = await set.getByTestId('good-form').innerText();
    expect(Number(/^(\d+) %/.exec(good)?.[1]), good).toBeLessThanOrEqual(40);
    const faultHeld = await set.getByTestId('fault-held').innerText();
    expect(faultHeld).toMatch(/while told: .*hips/i);
    const [underCue, held] = (/^(\d+:\d\d) of the (\d+:\d\d) held/.exec(faultHeld) ?? [])
      .slice(1)
      .map((c) => c.split(':').reduce((a, b) => a * 60 + Number(b), 0));
    expect(underCue! / held!, faultHeld).toBeGreaterThanOrEqual(0.6);
  }
});
