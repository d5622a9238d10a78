// What this browser keeps for using the app offline (issue 21 item 4): the service worker precaches the app, the
// pose engine (the wasm binaries, the pose worker, the threaded engine's script) and the default model when the
// app is first opened (vite.config.ts), and caches any other model the first time it is used. Settings states
// what is saved and its size from the browser's Cache Storage. Plain TypeScript: the reading takes the caches
// as an argument, the wording is pure.
import type { ModelName } from '../../core/pose';
import { MODEL_FILES, MODEL_NAMES } from '../../core/pose';

export interface CachedFile {
  path: string;
  bytes: number;
}

export interface OfflineCopy {
  /** The app's own files (HTML, scripts, styles, icons), bytes. */
  appBytes: number;
  /** The pose engine: the wasm binaries, the pose worker, the threaded engine's script. */
  engineBytes: number;
  /** Each model whose every file is saved, with the bytes of its files. */
  models: { model: ModelName; bytes: number }[];
  totalBytes: number;
}

const ENGINE = /\.wasm$|tfjs-backend-wasm|poseWorker/;

/** Sorts the cached files into the app, the pose engine and the models that are complete. */
export function summariseOffline(files: readonly CachedFile[]): OfflineCopy {
  const byPath = new Map<string, number>();
  for (const f of files) byPath.set(f.path, f.bytes);
  let appBytes = 0;
  let engineBytes = 0;
  for (const [path, bytes] of byPath) {
    if (path.startsWith('/models/')) continue;
    if (ENGINE.test(path)) engineBytes += bytes;
    else appBytes += bytes;
  }
  const models = MODEL_NAMES.flatMap((model) => {
    const sizes = MODEL_FILES[model].map((f) => byPath.get(`/models/${f}`));
    return sizes.every((b) => b !== undefined) ? [{ model, bytes: sizes.reduce((a, b) => a + (b ?? 0), 0) }] : [];
  });
  const modelFiles = new Set(MODEL_NAMES.flatMap((m) => MODEL_FILES[m].map((f) => `/models/${f}`)));
  const modelBytes = [...byPath].filter(([p]) => modelFiles.has(p)).reduce((a, [, b]) => a + b, 0);
  return { appBytes, engineBytes, models, totalBytes: appBytes + engineBytes + modelBytes };
}

/** "12.6 MB", "850 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** What Settings says; `names` words the models (MODEL_LABELS). */
export function offlineText(c: OfflineCopy | null, nameOf: (m: ModelName) => string): string {
  if (!c) return 'This browser cannot keep Form Coach for offline use: it needs the internet each time.';
  if (c.totalBytes === 0) return 'Not saved for offline use yet: Form Coach saves itself in this browser while it is open the first time.';
  const models = c.models.map((m) => `the ${nameOf(m.model)} model (${formatBytes(m.bytes)})`);
  const parts = [`the app (${formatBytes(c.appBytes)})`, `the pose engine (${formatBytes(c.engineBytes)})`, ...models];
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}` : parts[0]!;
  const noModel = c.models.length === 0 ? ' No pose model is saved yet: connect once to download one.' : '';
  return `Saved in this browser for use offline: ${list}, ${formatBytes(c.totalBytes)} in all.${noModel}`;
}

/** The cached files (path and size) of every cache of this origin, or null where there is no Cache Storage. */
export async function readCachedFiles(storage: CacheStorage | undefined = globalThis.caches): Promise<CachedFile[] | null> {
  if (!storage) return null;
  const out: CachedFile[] = [];
  for (const name of await storage.keys()) {
    const cache = await storage.open(name);
    for (const req of await cache.keys()) {
      const res = await cache.match(req);
      if (!res) continue;
      const len = Number(res.headers.get('content-length') ?? NaN);
      // Without a length header, the body's size (read once, only then).
      const bytes = Number.isFinite(len) && len > 0 ? len : (await res.blob()).size;
      out.push({ path: new URL(req.url).pathname, bytes });
    }
  }
  return out;
}
