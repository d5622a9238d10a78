// `npm run dev`, as the README names it, from an empty dependency cache (as after a fresh clone): Vite's dev
// server must coach the same plank set as the production build, on one TensorFlow.js engine. Two things went
// wrong here before (issue 10): React's development mode mounts the camera view twice, and the two overlapping
// start-ups broke the wasm backend (fixed in src/pose/backend.ts); and modules from two dependency bundles could
// each carry a tfjs-core (vite.config.ts pre-bundles the TensorFlow.js packages together). This counts the
// tfjs-core engines among the modules the page loaded.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { chromiumArgs, repoRoot } from './clip';
import { liveClip } from './live-clip';
import { README_URL, startNpmScript } from './npm-script';
import type { RunningScript } from './npm-script';
import { coachPlankSet, expectCoached, PLANK_CLIP, watchShownText } from './coach-check';

const clip = liveClip(PLANK_CLIP);
test.use({
  baseURL: README_URL,
  serviceWorkers: 'block',
  launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs(clip.y4m) },
});

let server: RunningScript | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('npm run dev: a plank set on clip 03 is coached on one tfjs-core, from an empty dependency cache', async ({ page }) => {
  test.skip(clip.skipReason !== null, `needs clip 03: ${clip.skipReason}`);
  test.setTimeout(600_000);
  // Vite's dependency cache, as a fresh clone has none: the first run bundles everything.
  rmSync(join(repoRoot, 'node_modules', '.vite'), { recursive: true, force: true });
  server = await startNpmScript(['run', 'dev'], `${README_URL}/`, 120_000);

  // Every script module the page loads from the dependency bundles: which of them define a tfjs engine.
  const engines = new Set<string>();
  const reads: Promise<void>[] = [];
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).host !== new URL(README_URL).host && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
  });
  page.on('response', (r) => {
    if (!/\/node_modules\//.test(r.url()) || !/javascript/.test(r.headers()['content-type'] ?? '')) return;
    reads.push(
      r.text().then(
        (body) => {
          if (body.includes('function getOrMakeEngine(')) engines.add(r.url());
        },
        () => undefined,
      ),
    );
  });
  await watchShownText(page);
  const r = await coachPlankSet(page, 'test-results/screens/npm-dev-plank.png');
  await Promise.all(reads);
  expectCoached(r);
  expect([...engines], 'modules defining a tfjs-core engine').toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { _tfengine?: { backendName: string } })._tfengine?.backendName)).toBe('wasm');
  expect(foreign, 'requests that left the app origin').toEqual([]);
  expect(server.output()).not.toMatch(/new dependencies optimized|optimized dependencies changed\. reloading/i);
});
