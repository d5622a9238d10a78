import { describe, expect, it } from 'vitest';
import type { ModelName } from '../../core/pose';
import { formatBytes, offlineText, readCachedFiles, summariseOffline } from './offlineCopy';

const NAMES = (m: ModelName): string =>
  ({
    'movenet-thunder': 'MoveNet Thunder',
    'movenet-lightning': 'MoveNet Lightning',
    'blazepose-lite': 'BlazePose Lite',
    'blazepose-full': 'BlazePose Full',
  })[m];
const MB = 1024 * 1024;

// What a first visit leaves in the precache (sizes as built on 2026-12-06), and a half-cached second model.
const firstVisit = [
  { path: '/index.html', bytes: 2_000 },
  { path: '/assets/main-x.js', bytes: 380_000 },
  { path: '/assets/createPoseSource-x.js', bytes: 480_000 },
  { path: '/assets/tfjs-backend-wasm-simd-x.wasm', bytes: 424_594 },
  { path: '/assets/tfjs-backend-wasm-threaded-simd-x.wasm', bytes: 435_643 },
  { path: '/assets/tfjs-backend-wasm-threaded-simd-d79fba6f.js', bytes: 54_834 },
  { path: '/assets/poseWorker-x.js', bytes: 763_000 },
  { path: '/models/movenet-thunder.json', bytes: 161_923 },
  { path: '/models/movenet-thunder.bin', bytes: 12_477_112 },
  { path: '/models/blazepose-detector.json', bytes: 134_678 },
];

describe('what is saved for offline use', () => {
  it('sorts the files into the app, the pose engine and the complete models', () => {
    const c = summariseOffline(firstVisit);
    expect(c.appBytes).toBe(862_000);
    expect(c.engineBytes).toBe(424_594 + 435_643 + 54_834 + 763_000);
    // BlazePose has only one of its four files: not listed as saved, its bytes still in the total.
    expect(c.models).toEqual([{ model: 'movenet-thunder', bytes: 161_923 + 12_477_112 }]);
    expect(c.totalBytes).toBe(firstVisit.reduce((a, f) => a + f.bytes, 0));
  });

  it('says it in a sentence with sizes; no cache at all, and an empty one, say so', () => {
    expect(offlineText(summariseOffline(firstVisit), NAMES)).toBe(
      'Saved in this browser for use offline: the app (842 KB), the pose engine (1.6 MB) and the MoveNet Thunder model (12.1 MB), 14.6 MB in all.',
    );
    expect(offlineText(summariseOffline(firstVisit.filter((f) => !f.path.startsWith('/models/'))), NAMES)).toMatch(
      /No pose model is saved yet: connect once/,
    );
    expect(offlineText(summariseOffline([]), NAMES)).toMatch(/^Not saved for offline use yet/);
    expect(offlineText(null, NAMES)).toMatch(/cannot keep Form Coach for offline use/);
    expect(formatBytes(12.5 * MB)).toBe('12.5 MB');
    expect(formatBytes(300)).toBe('1 KB');
  });

  it('reads every cache: the length header, else the body', async () => {
    const res = (body: string, len?: number) => new Response(body, { headers: len === undefined ? {} : { 'content-length': String(len) } });
    const caches = {
      keys: () => Promise.resolve(['precache', 'models']),
      open: (name: string) =>
        Promise.resolve({
          keys: () =>
            Promise.resolve(
              name === 'precache'
                ? [
                    new Request('http://x/index.html?__WB_REVISION__=1'),
                    new Request('http://x/models/movenet-thunder.bin?__WB_REVISION__=a'),
                  ]
                : [new Request('http://x/models/movenet-lightning.json')],
            ),
          match: (r: Request) =>
            Promise.resolve(
              r.url.includes('index') ? res('<html>', 6) : r.url.includes('thunder') ? res('x'.repeat(10), 10) : res('{"a":1}'),
            ),
        }),
    } as unknown as CacheStorage;
    expect(await readCachedFiles(caches)).toEqual([
      { path: '/index.html', bytes: 6 },
      { path: '/models/movenet-thunder.bin', bytes: 10 },
      { path: '/models/movenet-lightning.json', bytes: 7 },
    ]);
    expect(await readCachedFiles(undefined)).toBeNull();
  });
});
