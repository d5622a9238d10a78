// The first minute on a good plank (clip 03 as the webcam): see first-minute.ts for the whole walk and
// what it asserts.
import { test, expect } from './fixtures';
import { chromiumArgs } from './clip';
import { liveClip } from './live-clip';
import { ENVIRONMENT, expectOneStory, firstMinute, worstPerMinute } from './first-minute';

const good = liveClip('03_plank_forearm_side_kaiakol005');

test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs(good.y4m) } });
test.skip(good.skipReason !== null, `needs clip 03: ${good.skipReason}`);

test('framing, one countdown, counting without set-up talk, a summary that agrees with itself', async ({ page }) => {
  test.setTimeout(240_000);
  const { spoken } = await firstMinute(page, '03', { countSec: 40, startAnywayAfterMs: 30_000 });
  const texts = spoken.map((s) => s.text);
  expect(
    texts.filter((x) => x === '3'),
    'countdowns',
  ).toHaveLength(1);
  const go = texts.indexOf('Go');
  expect(texts.slice(go - 3, go + 1)).toEqual(['3', '2', '1', 'Go']);
  expect(worstPerMinute(spoken).n, JSON.stringify(worstPerMinute(spoken))).toBeLessThanOrEqual(6);
  // Counting worked the whole time on this clip: nothing about the room or the camera after "Go".
  expect(texts.slice(go + 1).filter((x) => ENVIRONMENT.test(x))).toEqual([]);
  await expectOneStory(page);
});
