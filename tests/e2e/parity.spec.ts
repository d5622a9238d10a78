// The browser's keypoints against the Node recorder's on the same clip. Clip 03 is a steady forearm plank
// filmed side-on (CATALOG.md), so timing does not need to line up: we compare each main joint's median
// position over a few seconds. Both sides run MoveNet Thunder on wasm over the same 640×360 y4m; the browser
// also has the model's temporal smoothing on and sees frames at whatever moments its loop catches them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFixture } from '../../src/core/fixture';
import type { KeypointFixture } from '../../src/core/fixture';
import { e2eDir, repoRoot, syntheticReason, y4mPath } from './clip';
import { expect, MAIN_JOINTS, test, waitForFrames } from './fixtures';

/** Tolerance: 2 % of the frame diagonal (≈ 15 px at 640×360). Measured: 0.0–0.2 % on every joint. */
const TOLERANCE = 0.02;

function medianPositions(f: KeypointFixture): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] ?? NaN;
  };
  for (const name of MAIN_JOINTS) {
    const i = f.keypointNames.indexOf(name);
    const pts = f.frames.map((fr) => fr.keypoints[i]).filter((k): k is [number, number, number] => !!k && k[2] > 0.2);
    out.set(name, { x: med(pts.map((k) => k[0] / f.width)), y: med(pts.map((k) => k[1] / f.height)) });
  }
  return out;
}

test('browser keypoints match the Node recorder on the same clip (within 2 % of the diagonal)', async ({ page }) => {
  const reason = syntheticReason();
  test.skip(reason !== null, `no real clip: ${reason}`);

  await page.goto('/?backend=wasm');
  await waitForFrames(page, 3);
  // Record through the app's own control and take the file it offers, as a user would.
  await page.getByRole('button', { name: /Record keypoints/ }).click();
  await expect(page.getByText(/\b(1[5-9]|[2-9]\d|\d{3,}) frames recorded/)).toBeVisible({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save' }).click();
  const file = await (await download).path();
  const browser = parseFixture(JSON.parse(readFileSync(file, 'utf8')));
  expect(browser.model).toBe('movenet-thunder');
  expect(browser.frames.length).toBeGreaterThanOrEqual(15);
  // Keypoints only: the file has no image data, just numbers.
  expect(Object.keys(browser).sort()).toEqual(['format', 'fps', 'frames', 'height', 'keypointNames', 'model', 'source', 'width']);

  const nodeOut = join(e2eDir, 'node-keypoints.json');
  execFileSync(
    'npx',
    ['tsx', 'scripts/record.ts', '--video', y4mPath, '--model', 'movenet-thunder', '--fps', '5', '--out', nodeOut, '--quiet'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 120_000,
    },
  );
  const node = parseFixture(JSON.parse(readFileSync(nodeOut, 'utf8')));
  expect(node.frames.length).toBeGreaterThanOrEqual(15);

  const b = medianPositions(browser);
  const n = medianPositions(node);
  // Distances in pixels of the browser's frame, as a share of its diagonal.
  const diag = Math.hypot(browser.width, browser.height);
  const report: string[] = [];
  for (const name of MAIN_JOINTS) {
    const pb = b.get(name)!;
    const pn = n.get(name)!;
    const d = Math.hypot((pb.x - pn.x) * browser.width, (pb.y - pn.y) * browser.height) / diag;
    report.push(`${name} ${(d * 100).toFixed(1)}%`);
    expect.soft(d, `${name}: browser vs Node median position`).toBeLessThan(TOLERANCE);
  }
  console.log(
    `[parity] browser ${browser.width}×${browser.height}, ${browser.frames.length} frames; node ${node.frames.length} frames; ${report.join(', ')}`,
  );
});
