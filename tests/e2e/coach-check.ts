// One plank set, coached the way a new user meets it, checked from the outside: the skeleton is drawn on the
// person, the 3-2-1 runs once, and the hold counter passes 5 s. Used by the specs that start the app with the
// README's commands (npm-start.spec.ts, npm-dev.spec.ts). Clip 03 (CATALOG.md: a steady side-view forearm
// plank, the whole 6.5 s) is the webcam, looping; where the keypoints should be comes from its recorded
// MoveNet Thunder stream (test-fixtures/keypoints/), made in Node from the same video, not from this run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { repoRoot } from './clip';
import { MAIN_JOINTS } from './fixtures';

export const PLANK_CLIP = '03_plank_forearm_side_kaiakol005';

interface FixtureFile {
  keypointNames: string[];
  width: number;
  height: number;
  frames: { keypoints: [number, number, number][] }[];
}

/** Median position of each main joint over the recorded stream (the person holds still for the whole clip). */
function recordedJoints(): { width: number; height: number; at: Record<string, { x: number; y: number }> } {
  const f = JSON.parse(
    readFileSync(join(repoRoot, 'test-fixtures', 'keypoints', `${PLANK_CLIP}.movenet-thunder.json`), 'utf8'),
  ) as FixtureFile;
  const median = (v: number[]) => {
    const s = [...v].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)]!;
  };
  const at: Record<string, { x: number; y: number }> = {};
  for (const name of MAIN_JOINTS) {
    const i = f.keypointNames.indexOf(name);
    const pts = f.frames.map((fr) => fr.keypoints[i]).filter((k): k is [number, number, number] => !!k && k[2] > 0.3);
    at[name] = { x: median(pts.map((k) => k[0])), y: median(pts.map((k) => k[1])) };
  }
  return { width: f.width, height: f.height, at };
}

/** Before the app loads: every change of the big video text and the counter, with its time, into window.__shown. */
export async function watchShownText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: { t: number; text: string; countdown: boolean; counter: string }[] = [];
    (window as unknown as { __shown: typeof log }).__shown = log;
    let last = '';
    setInterval(() => {
      const v = document.querySelector('[data-testid=video-text]');
      const entry = {
        t: performance.now(),
        text: (v?.textContent ?? '').trim(),
        countdown: v?.classList.contains('countdown') ?? false,
        counter: (document.querySelector('[data-testid=counter]')?.textContent ?? '').trim(),
      };
      const key = `${entry.text}|${entry.countdown}|${entry.counter}`;
      if (key !== last) {
        last = key;
        log.push(entry);
      }
    }, 50);
  });
}

/** Seconds shown by the hold counter ("0:07 / 0:20" → 7). */
async function shownHold(page: Page): Promise<number> {
  const t = (await page.getByTestId('counter').first().textContent()) ?? '';
  const m = /(\d+):(\d\d)/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

export interface PlankSetResult {
  /** The engine the app runs on, as the stage says (data-backend). */
  backend: string | null;
  /** Median distance from where the recorded stream has each main joint to the nearest skeleton ink, as a share of the frame diagonal. */
  jointErrorOfDiagonal: number;
  /** Main joints (where the recorded stream has them) with skeleton ink within 2 % of the frame diagonal. */
  inkedJoints: number;
  countdownDigits: string[];
  countdownMs: number;
  holdSec: number;
}

/**
 * Home → Plank → "Turn on the camera and start" → the set runs until the hold counter shows more than 5 s.
 * Call watchShownText(page) before the first navigation. Leaves a screenshot at `shot`.
 */
export async function coachPlankSet(page: Page, shot: string): Promise<PlankSetResult> {
  await page.goto('/#/home');
  await page.getByRole('button', { name: 'Start Plank', exact: true }).click();
  await page.getByRole('button', { name: 'Turn on the camera and start' }).click();
  await expect.poll(() => shownHold(page), { timeout: 120_000, intervals: [250] }).toBeGreaterThanOrEqual(6);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Where the skeleton is, from the outside (the production build has no test hook): the ink on the overlay
  // canvas (image pixels) against where the recorded stream has each main joint. For each joint, the distance to
  // the nearest drawn pixel; "inked" when that is within 2 % of the frame diagonal.
  const rec = recordedJoints();
  const live = await page.evaluate(
    ({ at, recW, recH }) => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid=overlay]');
      const ctx = c?.getContext('2d');
      const backend = document.querySelector<HTMLElement>('.stage')?.dataset.backend ?? null;
      if (!c || !ctx || c.width === 0) return { width: 0, height: 0, nearest: [] as number[], backend };
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const sx = c.width / recW,
        sy = c.height / recH;
      const reach = Math.ceil(0.1 * Math.hypot(c.width, c.height));
      const nearest = Object.values(at).map(({ x, y }) => {
        const cx = Math.round(x * sx),
          cy = Math.round(y * sy);
        let best = Number.POSITIVE_INFINITY;
        for (let yy = Math.max(0, cy - reach); yy <= Math.min(c.height - 1, cy + reach); yy++) {
          for (let xx = Math.max(0, cx - reach); xx <= Math.min(c.width - 1, cx + reach); xx++) {
            if (d[(yy * c.width + xx) * 4 + 3]! > 0) best = Math.min(best, Math.hypot(xx - cx, yy - cy));
          }
        }
        return best;
      });
      return { width: c.width, height: c.height, nearest, backend };
    },
    { at: rec.at, recW: rec.width, recH: rec.height },
  );
  const errs = [...live.nearest].sort((a, b) => a - b);
  const diagonal = Math.hypot(live.width, live.height);

  const shown = await page.evaluate(
    () => (window as unknown as { __shown: { t: number; text: string; countdown: boolean; counter: string }[] }).__shown,
  );
  const during = shown.filter((s) => s.countdown);
  const digits = during.map((s) => s.text).filter((t, i, a) => /^\d$/.test(t) && t !== a[i - 1]);
  // The first moment after the countdown began that the hold counter (its first figure, not the target) is past 0:00.
  const heldIn = (counter: string) => {
    const m = /(\d+):(\d\d)/.exec(counter);
    return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  };
  const firstCount = during.length ? shown.find((s) => s.t > during[0]!.t && !s.countdown && heldIn(s.counter) >= 1) : undefined;
  await page.screenshot({ path: shot });
  return {
    backend: live.backend,
    jointErrorOfDiagonal: errs.length ? errs[Math.floor(errs.length / 2)]! / diagonal : Number.POSITIVE_INFINITY,
    inkedJoints: live.nearest.filter((n) => n <= 0.02 * diagonal).length,
    countdownDigits: digits,
    countdownMs: during.length && firstCount ? firstCount.t - during[0]!.t : Number.NaN,
    holdSec: await shownHold(page),
  };
}

/** The checks both README commands must pass, with the figures in the failure message. */
export function expectCoached(r: PlankSetResult): void {
  const said = JSON.stringify(r);
  console.log(`[coach-check] ${said}`);
  // The model runs on the fast engine chosen at start-up (wasm here: the GPU is software), not the CPU fallback.
  expect(r.backend, said).toBe('wasm');
  // On the body: the median main joint within 5 % of the frame diagonal of where the recorded stream has it
  // (a skeleton on the wrong person or scaled wrongly is off by far more), and ink on at least 8 of the 12.
  expect(r.jointErrorOfDiagonal, said).toBeLessThan(0.05);
  expect(r.inkedJoints, said).toBeGreaterThanOrEqual(8);
  // The 3-2-1 once, in order, and never again after counting began; in a few seconds, not the 24 s seen on the
  // CPU fallback (the countdown's timer waits behind each model call on the page's thread).
  expect(r.countdownDigits, said).toEqual(['3', '2', '1']);
  expect(r.countdownMs, said).toBeLessThan(10_000);
  expect(r.holdSec, said).toBeGreaterThan(5);
}
