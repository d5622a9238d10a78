// Every error path a person can meet, forced for real in the production build: the camera refused, missing or
// busy; a model file missing or damaged; no pose engine able to start; pose detection throwing in the middle of
// a set; the background thread failing. Each screen must say what happened and what to do in plain words, with
// no raw exception message and no library words in what is visible; the raw message must be in the collapsed
// "Details" (closed until asked) and in the console. The same holds for the start-up notices.
import type { ConsoleMessage, Page, Route } from '@playwright/test';
import { test, expect, waitForFrames } from './fixtures';
import { syntheticReason } from './clip';

/** Words from libraries, exceptions and stacks that a person must never see (as in src/app/errors.test.ts). */
const LIBRARY_WORDS =
  /registry|reading '|undefined|TypeError|Error:|DOMException|tensor|tfjs|TensorFlow|backend|\bwasm\b|webgl|SIMD|getUserMedia|\.js\b|\bat \S+ \(|HTTP \d{3}/i;
const SCREENS = 'test-results/screens';

/**
 * What the error screen and the start-up notices show (innerText: a closed Details shows only its summary).
 * Settings' own option names (Engine: "WebGL (GPU)", …) are choices, not messages, and are not checked here.
 */
async function messagesShown(page: Page): Promise<string> {
  const parts = await page.locator('[role=alert], .notices').allInnerTexts();
  return parts.join('\n');
}

/** Console errors and warnings of the page, as text. */
function consoleLog(page: Page): string[] {
  const lines: string[] = [];
  const take = (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') lines.push(m.text());
  };
  page.on('console', take);
  return lines;
}

/**
 * The error screen: what it says with Details closed holds neither `raw` nor library words; Details is closed,
 * holds `raw` once opened, and the console has it too. Returns the visible text.
 */
async function expectWorded(
  page: Page,
  o: { title: string | RegExp; raw: string | RegExp; inConsole?: RegExp; console: string[]; shot: string },
): Promise<string> {
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText(o.title);
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  const details = alert.locator('details');
  await expect(details).toHaveCount(1);
  expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  const shown = await messagesShown(page);
  expect(shown).not.toMatch(o.raw);
  expect(shown, shown).not.toMatch(LIBRARY_WORDS);
  await page.screenshot({ path: `${SCREENS}/${o.shot}.png` });
  await details.locator('summary').click();
  await expect(details.locator('pre')).toBeVisible();
  await expect(details.locator('pre')).toContainText(o.raw);
  const inConsole = o.inConsole ?? o.raw;
  await expect
    .poll(() => o.console.some((l) => (typeof inConsole === 'string' ? l.includes(inConsole) : inConsole.test(l))), o.console.join('\n'))
    .toBe(true);
  return shown;
}

async function rejectCamera(page: Page, name: string, message: string): Promise<void> {
  await page.addInitScript(
    ([n, m]) => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException(m, n));
    },
    [name, message] as const,
  );
}

test('camera blocked: says the video stays here and how to allow it', async ({ page }) => {
  const log = consoleLog(page);
  await rejectCamera(page, 'NotAllowedError', 'Permission denied by system (test)');
  await page.goto('/?backend=wasm');
  const shown = await expectWorded(page, {
    title: 'Camera access was blocked',
    raw: 'Permission denied by system (test)',
    console: log,
    shot: 'error-camera-denied',
  });
  expect(shown).toContain('never leaves this computer');
  expect(shown).toContain('Allow the camera');
});

test('no camera, and a busy camera, each say what to do', async ({ page }) => {
  const log = consoleLog(page);
  await page.addInitScript(() => {
    const errors = [
      ['NotFoundError', 'Requested device not found (test)'],
      ['NotReadableError', 'Could not start video source (test)'],
    ];
    let call = 0;
    navigator.mediaDevices.getUserMedia = () => {
      const [n, m] = errors[Math.min(call++, 1)]!;
      return Promise.reject(new DOMException(m, n));
    };
  });
  await page.goto('/?backend=wasm');
  expect(
    await expectWorded(page, { title: 'No camera found', raw: 'Requested device not found (test)', console: log, shot: 'error-no-camera' }),
  ).toContain('Connect a webcam');
  await page.getByRole('button', { name: 'Try again' }).click();
  expect(
    await expectWorded(page, {
      title: 'The camera is busy',
      raw: 'Could not start video source (test)',
      console: log,
      shot: 'error-camera-busy',
    }),
  ).toContain('Another app or browser tab');
});

test('a model file missing: whom to ask in words; the file and the command only in Details', async ({ page }) => {
  const log = consoleLog(page);
  await page.route('**/models/movenet-thunder.bin', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/?backend=wasm');
  const shown = await expectWorded(page, {
    title: 'A model file is missing or damaged',
    raw: /movenet-thunder\.bin: .*is missing/,
    inConsole: /movenet-thunder\.bin is missing/,
    console: log,
    shot: 'error-model-missing',
  });
  expect(shown).not.toContain('npm run models');
  expect(shown).toContain('Try again');
  expect(shown).not.toContain('movenet-thunder.bin');
  await expect(page.getByRole('alert').locator('details pre')).toContainText('npm run models');
});

test('a model file damaged: the description (json) and the weights (bin)', async ({ page }) => {
  const log = consoleLog(page);
  await page.route('**/models/movenet-thunder.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"truncated": ' }),
  );
  await page.goto('/?backend=wasm');
  await expectWorded(page, {
    title: 'A model file is missing or damaged',
    raw: /movenet-thunder\.json: .*is corrupt/,
    inConsole: /movenet-thunder\.json is corrupt/,
    console: log,
    shot: 'error-model-json',
  });

  // Weights of the right size check but wrong bytes get past the file check: tfjs itself fails on them.
  await page.unroute('**/models/movenet-thunder.json');
  await page.route('**/models/movenet-thunder.bin', (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.alloc(4096, 7) }),
  );
  await page.reload();
  await expectWorded(page, {
    title: 'The pose model could not be loaded',
    raw: /ModelLoadError: The movenet-thunder model could not be loaded: .+/,
    console: log,
    shot: 'error-model-bin',
  });
});

/**
 * Makes every pose engine fail: the wasm binaries 404, WebGL is absent, and the chunk that registers the CPU
 * engine throws when loaded (found by its registration call in the build). Returns how many chunks were broken.
 */
async function breakEngines(page: Page, keepCpu: boolean): Promise<{ broken: number }> {
  const counter = { broken: 0 };
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (/webgl/.test(type)) return null;
      return (get as (this: HTMLCanvasElement, t: string, ...r: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof HTMLCanvasElement.prototype.getContext;
  });
  if (!keepCpu) {
    await page.route(/\/assets\/[\w-]+\.js$/, async (route: Route) => {
      const res = await route.fetch();
      const body = await res.text();
      // The minified registration: registerBackend(`cpu`, () => new MathBackendCPU(), 1).
      if (/\(`cpu`,\(\)=>new \w+,1\)/.test(body)) {
        counter.broken += 1;
        await route.fulfill({ response: res, body: 'throw new Error("the CPU engine chunk was broken by the test");' });
      } else {
        await route.fulfill({ response: res, body });
      }
    });
  }
  return counter;
}

test("no pose engine can start: plain words, the engines' own errors in Details", async ({ page }) => {
  const log = consoleLog(page);
  const chunks = await breakEngines(page, false);
  await page.goto('/?backend=wasm');
  const shown = await expectWorded(page, {
    title: 'The pose engine could not start',
    raw: /No TensorFlow\.js backend could start\. wasm: .+ cpu: .*the CPU engine chunk was broken by the test/,
    console: log,
    shot: 'error-engine',
  });
  expect(chunks.broken).toBe(1);
  expect(shown).toContain('Reload the page');
});

test('the fast engine failing: the fallback notice is in plain words, its cause in the console', async ({ page }) => {
  const log = consoleLog(page);
  await breakEngines(page, true);
  // Lightning: on the CPU engine Thunder takes about 2 s a frame here.
  await page.goto('/?backend=wasm&model=movenet-lightning');
  await waitForFrames(page, 2);
  const notice = page.getByRole('status').filter({ hasText: 'slowest mode' });
  await expect(notice).toBeVisible();
  const shown = await messagesShown(page);
  expect(shown, shown).not.toMatch(LIBRARY_WORDS);
  expect(
    log.some((l) => /wasm backend: .+; trying the next backend/.test(l)),
    log.join('\n'),
  ).toBe(true);
  await page.screenshot({ path: `${SCREENS}/notice-slow-engine.png` });
});

test('asking for the graphics card on a software renderer says so, in plain words', async ({ page }) => {
  // Headless Chromium with --disable-gpu renders WebGL with SwiftShader: the app must warn that it is slow.
  const log = consoleLog(page);
  await page.goto('/?backend=webgl');
  await expect(page.getByRole('status').filter({ hasText: 'no real graphics card' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Running on (webgl|wasm)/)).toBeVisible({ timeout: 30_000 });
  expect(await messagesShown(page)).not.toMatch(LIBRARY_WORDS);
  expect(
    log.some((l) => /WebGL renderer is software: .*SwiftShader/i.test(l)),
    log.join('\n'),
  ).toBe(true);
});

test('pose detection throwing mid-set: plain words, the count is kept, Try again carries on', async ({ page }) => {
  const reason = syntheticReason();
  test.skip(reason !== null, `needs a person on camera: ${reason}`);
  const log = consoleLog(page);
  // The model reads each camera picture through a 2D canvas; from the moment the test says so, that read throws
  // the very message seen in issue 10.
  await page.addInitScript(() => {
    const w = window as unknown as { __breakPixels: boolean };
    w.__breakPixels = false;
    for (const proto of [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype]) {
      const get = proto.getImageData;
      proto.getImageData = function (this: CanvasRenderingContext2D, ...a: Parameters<CanvasRenderingContext2D['getImageData']>) {
        if (w.__breakPixels) throw new TypeError("Cannot read properties of undefined (reading 'get')");
        return get.apply(this, a);
      } as typeof proto.getImageData;
    }
  });
  await page.goto('/?backend=wasm&model=movenet-lightning&voice=off#/home');
  await page.getByRole('button', { name: 'Start Plank', exact: true }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  const held = async () => {
    const m = /(\d+):(\d\d)/.exec((await page.getByTestId('counter').first().textContent()) ?? '');
    return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  };
  await expect.poll(held, { timeout: 90_000, intervals: [250] }).toBeGreaterThanOrEqual(2);
  await page.evaluate(() => {
    (window as unknown as { __breakPixels: boolean }).__breakPixels = true;
  });
  const shown = await expectWorded(page, {
    title: 'Pose detection stopped',
    raw: "TypeError: Cannot read properties of undefined (reading 'get')",
    console: log,
    shot: 'error-detection-stopped',
  });
  expect(shown).toContain('What was counted so far is kept');
  const before = await held();
  expect(before).toBeGreaterThanOrEqual(2);
  await page.evaluate(() => {
    (window as unknown as { __breakPixels: boolean }).__breakPixels = false;
  });
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(held, { timeout: 60_000, intervals: [250] }).toBeGreaterThan(before);
});

test('the background thread failing to start: plain words that point to its switch', async ({ page }) => {
  const log = consoleLog(page);
  await page.context().route(/\/assets\/poseWorker-[\w-]+\.js$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/?backend=wasm&model=movenet-lightning&worker=1');
  const shown = await expectWorded(page, {
    title: 'The pose engine could not start',
    raw: /Pose detection could not start in a background thread \(worker backend failed: .+\)/,
    console: log,
    shot: 'error-worker',
  });
  expect(shown).toContain('background thread');
});

test('an error replaces the framing step: no banner over it, no verdicts, Start disabled', async ({ page }) => {
  await page.route('**/models/movenet-thunder.bin', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/?backend=wasm#/home');
  await page.getByRole('button', { name: 'Start Plank', exact: true }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  await expect(page.getByRole('alert').getByRole('heading')).toHaveText('A model file is missing or damaged');
  await expect(page.getByTestId('framing-blocked')).toBeVisible();
  await expect(page.getByTestId('framing').getByRole('listitem')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start now' })).toBeDisabled();
  await expect(page.getByTestId('video-text')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/error-replaces-framing.png` });
});

test("offline with the pose model not downloaded: a person's words (connect once), no command", async ({ page }) => {
  // The browser says it is offline, and the model file is in no cache: its fetch fails. (The engine's own files
  // still load here, so what is checked is the model's words; the service worker's cache is perf's offline spec.)
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false }));
  await page.route('**/models/**', (route) => route.abort('internetdisconnected'));
  await page.goto('/?backend=wasm#/home');
  await page.getByRole('button', { name: 'Start Plank', exact: true }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The pose model is not downloaded yet');
  const shown = await messagesShown(page);
  expect(shown).toContain('You\u2019re offline and the pose model isn\u2019t downloaded yet: connect');
  expect(shown).not.toMatch(/npm|`/);
  await expect(page.getByRole('button', { name: 'Start now' })).toBeDisabled();
});
