// End-to-end tests in Debian's Chromium (never a downloaded browser), with a real clip as the webcam.
import { defineConfig } from '@playwright/test';
import { chromiumArgs, y4mPath } from './tests/e2e/clip';

const PORT = 4173;

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // One worker: two cores are shared between the browser's model and the Node comparison.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    // The PWA service worker would sit between the page and page.route(); tests talk to the server directly.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs(y4mPath),
    },
  },
  // The production build is what the tests exercise (service worker, CSP, lazy chunks), served by the very script
  // `npm start` runs (scripts/start.mjs: it builds when the sources changed since the last build, then `vite
  // preview`), here on port 4173, with `--mode test`: the same build plus the test hooks (window.__formCoach,
  // ?replay=), in dist-test/ so `npm start`'s own dist/ (npm-start.spec.ts) is never swapped under this server.
  webServer: {
    command: `node scripts/start.mjs --port ${PORT} --mode test`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
