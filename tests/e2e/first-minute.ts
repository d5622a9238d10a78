// Shared by first-minute.spec.ts (clip 03) and first-minute-piked.spec.ts (clip 04).
// The first minute, as a new user meets it (issue 12): a fresh profile, the default settings (MoveNet
// Thunder, the backend chosen automatically), home → the Plank card → the check-in → the framing step with its
// verdicts → a set with a real clip as the webcam → the summary. Speech goes to a recording stand-in
// (tests/e2e/speech.ts), and the test asserts on what was said:
// - the countdown once;
// - no line more than 6 times in any minute;
// - no set-up or environment line while counting works;
// - the summary's held time and its good-form figure are about the same time.
// Clip 03 (CATALOG.md: a steady, good side-on forearm plank) and clip 04 (a straight-arm plank with the hips
// clearly high, cropped from its black bars as test-fixtures/clips.json says): on 04 the hips cue is shown and
// spoken, and nothing praises the set. Each clip is its own spec file (the camera is a launch option).
import type { Page } from '@playwright/test';
import { expect, waitForFrames } from './fixtures';
import { installSpeechStub, spokenSoFar, type Spoken } from './speech';

export const SCREENS = 'test-results/screens';
/** Lines about the room or the camera rather than the exercise (src/app/live/words.ts). */
export const ENVIRONMENT = /more light|move back|step into the camera|camera view|whole body is in view|upper body and hips are in view/i;
export const PRAISE = /well done|well held|keep that control|steady|good reps|great/i;
const COUNTING_WORDS = /^(\d+|Go|Paused|Carry on)$/;

const flowOf = (page: Page) => page.evaluate(() => window.__formCoach?.getFlow() ?? null);

/** No text said more than `max` times within any 60 s. */
export function worstPerMinute(spoken: Spoken[]): { text: string; n: number } {
  let worst = { text: '', n: 0 };
  for (const s of spoken) {
    if (COUNTING_WORDS.test(s.text)) continue;
    const n = spoken.filter((o) => o.text === s.text && o.at >= s.at && o.at - s.at < 60_000).length;
    if (n > worst.n) worst = { text: s.text, n };
  }
  return worst;
}

/**
 * Home → Plank → check-in → framing (verdicts shown) → the set. Returns when counting has run `countSec`
 * seconds, or the set ended by itself; then stops. `startAnywayAfterMs`: a piked plank may never pass as the
 * starting position, and a person would then press "Start now".
 */
export async function firstMinute(
  page: Page,
  name: string,
  o: { countSec: number; startAnywayAfterMs: number },
): Promise<{ spoken: Spoken[]; cues: string[] }> {
  await installSpeechStub(page);
  await page.goto('/#/home');
  await page.getByRole('button', { name: 'Start Plank', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Plank', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();

  const framing = page.getByTestId('framing');
  await expect(framing).toBeVisible();
  await expect(framing.getByRole('listitem')).toHaveCount(4);
  await waitForFrames(page, 3, 120_000);
  await page.screenshot({ path: `${SCREENS}/first-minute-${name}-framing.png` });
  // Either it starts by itself (every need met), or the person starts anyway.
  const started = await expect
    .poll(() => flowOf(page), { timeout: o.startAnywayAfterMs })
    .not.toBe('framing')
    .then(
      () => true,
      () => false,
    );
  if (!started) {
    console.log(`[first-minute ${name}] verdicts: ${JSON.stringify(await framing.getByRole('listitem').allInnerTexts())}; starting anyway`);
    await page.getByRole('button', { name: 'Start now' }).click();
  }
  await expect.poll(() => flowOf(page), { timeout: 15_000 }).toMatch(/counting|paused/);
  const goAt = Date.now();

  // While counting: note every line shown, until the set ends by itself or countSec have passed.
  const cues: string[] = [];
  while (Date.now() - goAt < o.countSec * 1000) {
    const flow = await flowOf(page);
    if (flow !== 'counting' && flow !== 'paused') break;
    const t = await page
      .getByTestId('cue')
      .textContent()
      .catch(() => null);
    if (t && cues[cues.length - 1] !== t) cues.push(t);
    await waitForFrames(page, ((await page.evaluate(() => window.__formCoach?.getStats().frames)) ?? 0) + 1, 30_000);
  }
  await page.screenshot({ path: `${SCREENS}/first-minute-${name}-set.png` });
  // The summary's heading: "Set finished", or, when nothing was counted, not called finished.
  const summaryTitle = page.getByRole('heading', { level: 2, name: /^(Set finished|Stopped before anything was counted)$/ });
  if ((await summaryTitle.count()) === 0) await page.getByRole('button', { name: 'End exercise (Esc)' }).click();
  await expect(summaryTitle).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/first-minute-${name}-summary.png`, fullPage: true });
  const spoken = await spokenSoFar(page);
  console.log(`[first-minute ${name}] spoken: ${JSON.stringify(spoken.map((x) => [Math.round(x.at), x.text]))}`);
  console.log(`[first-minute ${name}] shown while counting: ${JSON.stringify(cues)}`);
  return { spoken, cues };
}

/** The summary's held time and its good-form figure cover the same time ("Held 0:14 / 0:20", "… of the 0:14 held"). */
export async function expectOneStory(page: Page): Promise<void> {
  const set = page.getByTestId('summary').first();
  const counts = (await set.getByTestId('summary-counts').innerText()).replace(/\s+/g, ' ');
  const held = /Held (\d+:\d\d)/.exec(counts)?.[1];
  expect(held, counts).toBeTruthy();
  if (held !== '0:00') await expect(set.getByTestId('good-form')).toContainText(`of ${held} held)`);
  await expect(set).not.toContainText('in position');
  // One exercise from its card: no "Next exercise".
  await expect(page.getByRole('button', { name: /Next exercise/ })).toHaveCount(0);
}
