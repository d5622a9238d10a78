// `npm start`, exactly as the README says to run it, in a new process group: it must serve the production
// build (service worker, CSP and headers) at http://127.0.0.1:5173 and coach a real plank set with it.
// Run twice: the second run, with nothing changed, must not build again. See npm-script.ts for how the server
// is stopped, and coach-check.ts for what "coached" means.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { chromiumArgs, repoRoot } from './clip';
import { liveClip } from './live-clip';
import { README_URL, startNpmScript } from './npm-script';
import type { RunningScript } from './npm-script';
import { coachPlankSet, expectCoached, PLANK_CLIP, watchShownText } from './coach-check';

const clip = liveClip(PLANK_CLIP);
test.use({ baseURL: README_URL, launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs(clip.y4m) } });

let server: RunningScript | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('npm start: installs nothing new, builds only when the sources changed, serves the build with its headers', async ({ page }) => {
  test.setTimeout(600_000);
  // First run: builds if this checkout's sources changed since the last build, else reuses it.
  server = await startNpmScript(['start'], `${README_URL}/`, 480_000);
  const first = server.output();
  expect(first).toContain('start: npm packages are installed');
  expect(first).toContain('fetch-models: 10 model files present and verified');
  await server.stop();

  // Second run with nothing changed: no build.
  server = await startNpmScript(['start'], `${README_URL}/`, 120_000);
  const second = server.output();
  expect(second, second).toMatch(
    /start: the build in dist\/ is up to date \(\d+ source files unchanged since it was made\); not rebuilding/,
  );
  expect(second).not.toContain('building client environment for production');

  // What it serves is the production build: hashed bundles, the service worker, the CSP and the headers.
  const html = await (await page.request.get('/')).text();
  expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/main-[\w-]+\.js"><\/script>/);
  expect(html).toContain('http-equiv="Content-Security-Policy"');
  expect(html).toContain('registerSW.js');
  const head = await page.request.get('/');
  expect(head.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  expect(head.headers()['x-content-type-options']).toBe('nosniff');
  expect((await page.request.get('/sw.js')).ok()).toBe(true);
  const icon = await page.request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/icon/);

  // Cross-origin isolated (issue 19): `curl -I` on the page shows both headers, and the page is isolated.
  const curl = execFileSync('curl', ['-sI', `${README_URL}/`], { encoding: 'utf8' });
  expect(curl).toMatch(/^cross-origin-opener-policy: same-origin\r?$/im);
  expect(curl).toMatch(/^cross-origin-embedder-policy: require-corp\r?$/im);

  // Nothing test-only in what it built: no bench page, no test hook anywhere in dist/.
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  const built = files(join(repoRoot, 'dist')).filter((f) => !f.includes(`${join('dist', 'models')}`));
  expect(built.filter((f) => /bench|replay/i.test(f))).toEqual([]);
  expect(built.filter((f) => /\.(js|html|json|webmanifest)$/.test(f) && readFileSync(f, 'utf8').includes('__formCoach'))).toEqual([]);

  // The test hook is only in test and bench builds: the page npm start serves has no window.__formCoach, and
  // ?replay= plays nothing (no recorded stream is asked for).
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto('/?replay=anything#/home');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => '__formCoach' in window)).toBe(false);
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  expect(asked.filter((p) => p.startsWith('/__replay/'))).toEqual([]);
});

test('npm start: a plank set on clip 03 as the webcam is coached (skeleton on the body, 3-2-1 once, hold past 5 s), no 404 on the way', async ({
  page,
}) => {
  test.skip(clip.skipReason !== null, `needs clip 03: ${clip.skipReason}`);
  test.setTimeout(600_000);
  server = await startNpmScript(['start'], `${README_URL}/`, 480_000);
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });
  // The browser's own favicon request is not a page response; a 404 there shows as a console error.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Failed to load resource/.test(m.text())) missing.push(m.text());
  });
  await watchShownText(page);
  const r = await coachPlankSet(page, 'test-results/screens/npm-start-plank.png');
  expectCoached(r);
  expect(missing).toEqual([]);
});
