/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import type { ServerResponse } from 'node:http';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { createReadStream, existsSync, statSync, readdirSync, readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { wasmThreads, wasmThreadsTransform } from './scripts/vite/wasmThreads.ts';
import { DEFAULT_MODEL, MODEL_FILES } from './src/core/pose.ts';

const modelsDir = resolve(import.meta.dirname, 'models');

/** What makes the page cross-origin isolated (self.crossOriginIsolated): threads for the wasm backend. */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The default model's files as precache entries, each with its pinned sha256 (models/manifest.json) as its
 * revision: the service worker downloads them when the app is first opened, so the app coaches offline from the
 * first visit (issue 21 item 4), and fetches them again only when a file changes.
 */
function defaultModelPrecache(): { url: string; revision: string }[] {
  const pinned = (JSON.parse(readFileSync(join(modelsDir, 'manifest.json'), 'utf8')) as { files: Record<string, string> }).files;
  return MODEL_FILES[DEFAULT_MODEL].map((f) => {
    const revision = pinned[f];
    if (!revision) throw new Error(`models/manifest.json pins no ${f}`);
    return { url: `models/${f}`, revision };
  });
}

/** Serves models/ at /models/ in dev and preview, and copies it into dist/models/ at build time. */
function serveModels(): Plugin {
  const middleware = (req: { url?: string }, res: ServerResponse, next: () => void) => {
    const url = req.url?.split('?')[0] ?? '';
    const m = /^\/models\/([\w.-]+)$/.exec(url);
    if (!m?.[1]) return next();
    const file = join(modelsDir, m[1]);
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end(`model file ${m[1]} not found: run npm run models`);
      return;
    }
    // The same isolation headers as every other response (this middleware answers before Vite adds them).
    for (const [k, v] of Object.entries(ISOLATION_HEADERS)) res.setHeader(k, v);
    res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(file).size));
    createReadStream(file).pipe(res);
  };
  return {
    name: 'form-coach-models',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    writeBundle(options) {
      const out = join(options.dir ?? resolve(import.meta.dirname, 'dist'), 'models');
      mkdirSync(out, { recursive: true });
      for (const f of readdirSync(modelsDir)) if (/\.(json|bin)$/.test(f)) copyFileSync(join(modelsDir, f), join(out, f));
    },
  };
}

/** Vitest suites under src/ that replay every recorded clip through the engine (the integration project). */
const INTEGRATION = [
  'src/core/regression.test.ts',
  'src/core/pointFaults.test.ts',
  'src/core/faultFinding.test.ts',
  'src/core/reliability.test.ts',
  'src/core/issue11.test.ts',
  'src/core/keypointSpace.test.ts',
  'src/core/engine.fuzz.test.ts',
];

export default defineConfig(({ mode }) => {
  // window.__formCoach (what the e2e tests and the bench read), ?replay=, ?threads= and bench-raw.html exist
  // only in test and bench builds: `vite build --mode test` / `--mode bench`. Vitest runs in mode 'test' too.
  const hooks = mode === 'test' || mode === 'bench';
  return {
    define: { __FORM_COACH_HOOKS__: JSON.stringify(hooks) },
    plugins: [
      react(),
      serveModels(),
      // Threaded wasm: the pthread workers load tfjs's factory from an untouched file (why: scripts/vite/wasmThreads.ts).
      wasmThreads(),
      // Installable, offline from the first visit: the app shell (JS, CSS, the wasm binaries, the pose worker and
      // the threaded engine's script) and the default model are precached when the app is first opened; another
      // model is cached the first time it is fetched (so the model in use works offline), never all at once
      // (38 MB for the five). Settings shows what is saved and its size (src/app/offline/).
      VitePWA({
        registerType: 'autoUpdate',
        injectRegister: 'script-defer',
        manifest: {
          name: 'Form Coach',
          short_name: 'Form Coach',
          description: 'Checks your form on back-pain exercises through your webcam. Everything stays on this device.',
          theme_color: '#0f172a',
          background_color: '#0f172a',
          display: 'standalone',
          icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
        },
        workbox: {
          globPatterns: ['**/*.{js,css,html,wasm,svg,ico}'],
          globIgnores: ['models/**'],
          additionalManifestEntries: defaultModelPrecache(),
          maximumFileSizeToCacheInBytes: 12 * 1024 * 1024,
          navigateFallback: 'index.html',
          // Take over the open page as soon as the worker is active, so a model chosen on the first visit is
          // already fetched through it (and cached), not only from the next visit on.
          clientsClaim: true,
          runtimeCaching: [
            {
              urlPattern: ({ url }) => url.pathname.startsWith('/models/'),
              handler: 'CacheFirst',
              options: { cacheName: 'form-coach-models', expiration: { maxEntries: 20 } },
            },
            {
              // The app checks each model file with a HEAD request before loading it (browserLoader.ts). The
              // cache holds GETs only, so offline a HEAD is answered from the cached GET's headers.
              urlPattern: ({ url }) => url.pathname.startsWith('/models/'),
              method: 'HEAD',
              handler: async ({ request }) => {
                // In any cache: the default model is in the precache, whose keys carry a revision parameter.
                const hit = await caches.match(request.url, { ignoreSearch: true });
                if (hit) return new Response(null, { status: hit.status, statusText: hit.statusText, headers: hit.headers });
                return fetch(request);
              },
            },
          ],
        },
      }),
    ],
    resolve: {
      alias: { '@mediapipe/pose': resolve(import.meta.dirname, 'src/pose/shims/mediapipe-pose.ts') },
    },
    // Cross-origin isolation (COOP + COEP), for SharedArrayBuffer and so the threaded wasm backend
    // (src/pose/backendStart.ts). require-corp rather than credentialless: the app loads nothing from another
    // origin, so the two behave the same here, and require-corp is the one every isolating browser knows.
    server: { fs: { allow: ['.'] }, headers: ISOLATION_HEADERS },
    // The dev server pre-bundles the TensorFlow.js packages and pose-detection together, up front. The app reaches
    // them only through dynamic imports (they load after the first paint), so without this Vite may find them
    // while the page runs and re-bundle: the page then holds modules from two bundling runs. Listed together, they
    // share one tfjs-core (tests/e2e/dev.spec.ts counts the engines the page loaded).
    optimizeDeps: {
      // The same rewrite as the build's for the pre-bundled tfjs-backend-wasm (the dev server does not minify, but
      // its CSP refuses the pthread workers' blob: script all the same).
      rolldownOptions: { plugins: [wasmThreadsTransform()] },
      include: [
        '@tensorflow/tfjs-core',
        '@tensorflow/tfjs-converter',
        '@tensorflow/tfjs-backend-cpu',
        '@tensorflow/tfjs-backend-wasm',
        '@tensorflow/tfjs-backend-webgl',
        '@tensorflow-models/pose-detection',
      ],
    },
    // What `npm start` serves (vite preview over dist/): the CSP itself is in index.html's meta tag (it travels with
    // the build); these are the ones a meta tag cannot carry. Only this origin may frame the app, may use the camera.
    preview: {
      headers: {
        ...ISOLATION_HEADERS,
        'Content-Security-Policy': "frame-ancestors 'none'",
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
      },
    },
    // The opt-in pose worker (src/pose/worker/poseWorker.ts) is a module worker: ES output lets it load
    // TensorFlow.js lazily like the page does (an IIFE worker cannot split chunks).
    worker: { format: 'es', plugins: () => [wasmThreadsTransform()] },
    // bench-raw.html (the model alone on the camera, the baseline `npm run bench` compares the app against) is
    // built only in test and bench builds: a production build has index.html alone.
    build: {
      rollupOptions: {
        input: hooks ? ({ main: 'index.html', benchRaw: 'bench-raw.html' } as Record<string, string>) : { main: 'index.html' },
      },
    },
    test: {
      environment: 'node',
      reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
      testTimeout: 120_000,
      hookTimeout: 120_000,
      // Two projects: `unit` is the inner loop (pure logic and each exercise's replays, seconds); `integration` runs
      // the engine over every recorded clip and model, the real model, the CLIs and the video tools (minutes).
      // `vitest run` (npm test) runs both; `npm run test:unit` / `test:integration` one.
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts', 'tests/kit/**/*.test.ts', 'tests/sketch/**/*.test.ts'],
            exclude: INTEGRATION,
          },
        },
        { extends: true, test: { name: 'integration', include: ['tests/node/**/*.test.ts', 'scripts/**/*.test.ts', ...INTEGRATION] } },
      ],
    },
  };
});
