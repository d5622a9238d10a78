// History page in Chromium: sessions seeded straight into the app's IndexedDB (as a crash, an older app
// or a bug could leave them), corrupt rows set aside and reported, progress charts, a session's summary,
// export → delete all → import round trip. Runs everywhere (no video needed).
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { seedRaw } from './seed';

const DAY = 86_400_000;
const base = new Date(2026, 10, 10, 9, 0).getTime();

function rec(i: number, exerciseId: string, dayOffset: number, over: Record<string, unknown> = {}) {
  const startedAt = base + dayOffset * DAY + i * 60_000;
  return {
    id: `seed-${i}`,
    version: 1,
    exerciseId,
    source: 'live',
    startedAt,
    updatedAt: startedAt + 60_000,
    endedAt: startedAt + 60_000,
    reps: { total: 0, left: 0, right: 0 },
    holdSec: { total: 0, left: 0, right: 0 },
    goodFormSec: 40,
    activeSec: 50,
    faults: [],
    metric: { label: 'sideways bend (°, + = to your left)', unit: '°', series: [] as [number, number][], min: null, max: null },
    painBefore: null,
    painAfter: null,
    target: { holdSec: 20 },
    ...over,
  };
}

/** Side bends over four days: range growing, pain falling, one day with pain rising during the set. */
function seedRecords() {
  const out: ReturnType<typeof rec>[] = [];
  const roms = [14, 17, 19, 23];
  const pains: [number, number][] = [
    [5, 5],
    [4, 5],
    [4, 3],
    [3, 2],
  ];
  roms.forEach((r, d) => {
    const series: [number, number][] = Array.from({ length: 80 }, (_, k) => [k / 2, Math.round(r * Math.sin(k / 6) * 10) / 10]);
    out.push(
      rec(d, 'side-bend', d, {
        holdSec: { total: 30 + d * 4, left: 15 + d * 2, right: 15 + d * 2 },
        metric: { label: 'sideways bend (°, + = to your left)', unit: '°', series, min: -r + 2, max: r },
        painBefore: pains[d]![0],
        painAfter: pains[d]![1],
        faults: d === 1 ? [{ id: 'hips-shift', message: 'Keep your hips still', count: 2, atSec: [6.5, 22] }] : [],
      }),
    );
  });
  out.push(
    rec(10, 'plank', 1, {
      holdSec: { total: 28.4, left: 0, right: 0 },
      target: { holdSec: 30 },
      metric: {
        label: 'shoulder–hip–ankle angle (°)',
        unit: '°',
        series: [
          [0, 176],
          [0.5, 175],
          [1, 171],
        ],
        min: 171,
        max: 176,
      },
    }),
  );
  out.push(
    rec(11, 'plank', 3, {
      holdSec: { total: 35, left: 0, right: 0 },
      target: { holdSec: 30 },
      metric: {
        label: 'shoulder–hip–ankle angle (°)',
        unit: '°',
        series: [
          [0, 177],
          [0.5, 178],
        ],
        min: 177,
        max: 178,
      },
    }),
  );
  out.push(
    rec(12, 'bicycle', 0, {
      reps: { total: 9, left: 5, right: 4 },
      target: { reps: 10 },
      metric: {
        label: 'elbow to opposite knee',
        unit: 'torso lengths',
        series: [
          [0, 1.9],
          [0.5, 0.6],
          [1, 2.1],
        ],
        min: 0.6,
        max: 2.1,
      },
    }),
  );
  return out;
}

test('history: seeded sessions and corrupt rows, progress charts, a summary, export → delete all → import', async ({ page }, info) => {
  await page.goto('/#/history');
  await expect(page.getByTestId('history-empty')).toBeVisible({ timeout: 10_000 });
  // Wait until the app has created its database, then seed good rows and two that cannot be read.
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'form-coach'));
  await seedRaw(page, [
    ...seedRecords(),
    { id: 'from-the-future', version: 9, exerciseId: 'plank' },
    { id: 'garbled', version: 1, reps: 'many' },
  ]);
  await page.reload();

  await expect(page.getByText('2 saved sessions could not be read and were set aside')).toBeVisible();
  await expect(page.getByTestId('session-row')).toHaveCount(7);
  // Progress opens on the exercise done last (the plank); side bend has four days: two uPlot charts drawn.
  await expect(page.getByTestId('progress')).toContainText('2 days with this exercise');
  await page.getByTestId('progress').getByLabel('Exercise').selectOption('side-bend');
  await expect(page.getByTestId('progress')).toContainText('4 days with this exercise');
  await expect(page.getByTestId('progress-rom').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('progress-work').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('progress-rom')).toContainText('Range of motion by day');
  await page.screenshot({ path: 'test-results/screens/history.png', fullPage: true });
  // An exercise with a single day and reps instead of holds still charts.
  await page.getByTestId('progress').getByLabel('Exercise').selectOption('bicycle');
  await expect(page.getByTestId('progress')).toContainText('1 day with this exercise');
  await expect(page.getByTestId('progress-work')).toContainText('Reps by day');
  await expect(page.getByTestId('progress-rom')).toContainText('Good form by day');
  await expect(page.getByTestId('progress-work').locator('canvas')).toHaveCount(1);
  await page.getByTestId('progress').screenshot({ path: 'test-results/screens/history-progress-one-day.png' });
  await page.getByTestId('progress').getByLabel('Exercise').selectOption('side-bend');

  // A session's summary: per-side holds against the target, range of motion, faults with times, chart.
  // Pain is said once per session, on the session's heading: the day-1 session rose by 1 (a gentle note, no ▲).
  await expect(page.getByTestId('session-group').filter({ hasText: '4 → 5, up 1' })).toHaveCount(1);
  await expect(page.getByTestId('session-group').filter({ hasText: '▲' })).toHaveCount(0);
  await page.getByTestId('session-row').filter({ hasText: 'L 0:17' }).getByRole('button', { name: 'Side bend', exact: true }).click();
  const summary = page.getByTestId('summary');
  await expect(summary.getByTestId('summary-counts')).toContainText('Held, left side');
  await expect(summary.getByTestId('summary-counts')).toContainText('0:17 / 0:20');
  await expect(summary.getByTestId('rom')).toHaveText('17° to your left, 15° to your right');
  await expect(summary.getByTestId('fault-list')).toContainText('Keep your hips still — 2 times at 0:07, 0:22');
  await expect(summary.getByTestId('good-form')).toContainText('80 %');
  await expect(summary.getByTestId('pain')).toHaveText('Pain this session (0–10), before → after: 4 → 5, up 1');
  await expect(summary.getByTestId('summary-chart').locator('canvas')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/summary.png', fullPage: true });
  await page.getByRole('button', { name: '← Back to history' }).click();

  // Export, delete everything (with confirmation), import the file back: the same six sessions.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Backup (JSON)' }).click()]);
  const file = info.outputPath('export.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; sessions: { id: string }[] };
  expect(exported.format).toBe('form-coach/history@1');
  expect(exported.sessions.map((s) => s.id).sort()).toEqual(['seed-0', 'seed-1', 'seed-10', 'seed-11', 'seed-12', 'seed-2', 'seed-3']);

  // Delete one (with confirmation): it is gone, also after a reload.
  const bicycleRow = page.getByTestId('session-row').filter({ hasText: 'Bicycle crunch' });
  await bicycleRow.getByRole('button', { name: /^Delete the Bicycle crunch set/ }).click();
  await bicycleRow.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByTestId('session-row')).toHaveCount(6);
  await page.reload();
  await expect(page.getByTestId('session-row')).toHaveCount(6);

  await page.getByRole('button', { name: 'Delete all…' }).click();
  await page.getByRole('button', { name: 'Yes, delete all' }).click();
  await expect(page.getByTestId('history-empty')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('history-empty')).toBeVisible();

  exported.sessions.push({ id: 'junk' });
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await expect(page.getByTestId('import-report')).toContainText('Imported 7 sessions. 1 could not be read and was skipped');
  await expect(page.getByTestId('session-row')).toHaveCount(7);
  await page.reload();
  await expect(page.getByTestId('session-row')).toHaveCount(7);
});
