// Speed of each model in this headless Chromium on wasm, with clip 03 as a 15 fps webcam. A measurement,
// not a test: it asserts nothing about speed and runs only when asked (FORM_COACH_BENCH=1 npx playwright
// test bench). Frames/s is capped by the camera's 15 fps.
import { MODEL_NAMES } from '../../src/core/pose';
import type { Hook } from './fixtures';
import { test, waitForFrames } from './fixtures';

test.skip(!process.env.FORM_COACH_BENCH, 'benchmark: set FORM_COACH_BENCH=1 to run');

// Every model on the main thread, plus MoveNet Lightning with the opt-in pose worker (?worker=1).
const RUNS = [...MODEL_NAMES.map((model) => ({ model, worker: false })), { model: 'movenet-lightning', worker: true }];
for (const { model, worker } of RUNS) {
  test(`speed of ${model} on wasm${worker ? ' (worker)' : ''}`, async ({ page }) => {
    const t0 = Date.now();
    await page.goto(`/?backend=wasm&model=${model}${worker ? '&worker=1' : ''}`);
    await waitForFrames(page, 1);
    const firstFrameMs = Date.now() - t0;
    await waitForFrames(page, 8); // warm-up
    const read = () =>
      page.evaluate(() => {
        const h = (window as unknown as { __formCoach: Hook & { getRecentModelMs(): number[] } }).__formCoach;
        return { ...h.getStats(), at: performance.now(), recent: h.getRecentModelMs() };
      });
    const a = await read();
    // The measuring window: 40 more frames processed.
    await waitForFrames(page, a.frames + 40, 120_000);
    const b = await read();
    const fps = ((b.frames - a.frames) * 1000) / (b.at - a.at);
    const sorted = [...b.recent].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    // The worker row really ran its model in the worker (a measurement of the wrong thing would look alike).
    const poseWorkers = page.workers().filter((w) => /poseWorker/.test(w.url())).length;
    if (poseWorkers !== (worker ? 1 : 0)) throw new Error(`expected ${worker ? 1 : 0} pose worker, found ${poseWorkers}`);
    console.log(
      `[bench] ${model}${worker ? ' (worker)' : ''}: ${fps.toFixed(1)} frames/s, median model ${median.toFixed(1)} ms/frame ` +
        `(${b.recent.length} frames), dropped ${b.dropped - a.dropped} camera frames in ${((b.at - a.at) / 1000).toFixed(1)} s, ` +
        `first frame after ${firstFrameMs} ms, backend ${b.backend}`,
    );
  });
}
