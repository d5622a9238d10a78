// Shared test fixture: every test records each request the page makes and fails if one leaves the app's
// origin (the app must never fetch models, fonts or anything else from another host).
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { COCO17 } from '../../src/core/pose';
import type { DebugHook } from '../../src/app/live/debugHook';

export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const foreign: string[] = [];
      const check = (url: string) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      };
      page.on('request', (r) => check(r.url()));
      page.on('websocket', (ws) => check(ws.url()));
      await use(foreign);
      expect(foreign, 'requests that left the app origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The body's joints without the face: COCO-17 from the shoulders on (one list of names, src/core/pose.ts). */
export const MAIN_JOINTS = COCO17.slice(5);

/** What the page's test hook gives (window.__formCoach, test builds): src/app/live/debugHook.ts's own type. */
export type Hook = Pick<DebugHook, 'getStats'> & {
  getLastFrame(): {
    t: number;
    width: number;
    height: number;
    poses: { keypoints: { name: string; x: number; y: number; score: number }[] }[];
  } | null;
};

/** Waits until the app has processed `n` frames on the model, and returns its stats. */
export async function waitForFrames(page: Page, n: number, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    (k) => {
      const h = (window as unknown as { __formCoach?: Hook }).__formCoach;
      return (h?.getStats().frames ?? 0) >= k;
    },
    n,
    { timeout, polling: 250 },
  );
}

/** Counts canvas pixels that are not fully transparent: > 0 means something was drawn. */
export async function overlayInkPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=overlay]');
    const ctx = c?.getContext('2d');
    if (!c || !ctx || c.width === 0) return 0;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n += 1;
    return n;
  });
}

/** Paths of everything in the page's Cache Storage (what the service worker has cached), e.g. "/models/x.bin". */
export function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const n of await caches.keys()) for (const r of await (await caches.open(n)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
}
