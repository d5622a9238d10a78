// Makes TensorFlow.js's threaded wasm backend start under Vite. Why it hung (measured 2026-12-06, Chromium 156,
// tfjs-backend-wasm 4.22.0, Vite 8.3):
//
// - The threaded backend runs its pthreads in Web Workers. Each worker needs the Emscripten factory
//   `WasmBackendModuleThreadedSimd` again, and tfjs makes it by re-evaluating the factory's own text:
//   `new Blob(['var WasmBackendModuleThreadedSimd = ' + wasmFactoryThreadedSimd.toString()])` (backend_wasm.js),
//   which each worker loads with importScripts(). Two things break that:
//   1. The minifier. Inside the factory, Emscripten guards a variable of the enclosing closure with
//      `typeof _scriptDir !== "undefined" && _scriptDir`. The minifier knows `_scriptDir` is declared in that
//      closure, so it rewrites the guard to `e!==void 0&&e` (renamed, typeof dropped). Correct in place, but
//      the text re-evaluated alone in a worker has no `e`: every pthread worker dies with
//      "ReferenceError: e is not defined", the pthread pool never reports loaded, and Emscripten waits for it
//      for ever: `tf.setBackend('wasm')` never settles (seen in the production build only; the dev server
//      does not minify).
//   2. The CSP. index.html allows scripts from 'self' only; a blob: URL is not 'self', so a pthread worker's
//      importScripts(blob:) fails with "NetworkError: ... failed to load" (seen on the dev server, where the
//      minifier plays no part). Same hang.
// - And one thing made the hang fatal: tfjs-core keeps the hung start as its pending backend start, so every
//   later `tf.ready()` and tensor op waits on it or throws, and the fallback to another backend could not work
//   either (src/pose/backend.ts now resets the engine after a start that timed out).
//
// The fix here: the pthread workers load the factory from the untouched file that ships in the package
// (wasm-out/tfjs-backend-wasm-threaded-simd.js, byte for byte, never minified), served from this origin, so
// neither the minifier nor the CSP is involved. This plugin rewrites tfjs's one `new Blob([...toString()])`
// expression into that file's absolute URL (Emscripten's `mainScriptUrlOrBlob` takes a URL or a Blob) and
// serves the file: emitted into the build's assets/, served by the dev server at the same path. The rewrite
// must match exactly once, or the build fails (a tfjs upgrade that changes the code is noticed at once).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** tfjs's expression that re-evaluates the (minified) factory's text in each pthread worker. */
const BLOB_EXPR =
  /new Blob\(\[\s*`var WasmBackendModuleThreadedSimd = `\s*\+\s*wasmFactoryThreadedSimd\.toString\(\)\s*\],\s*\{\s*type:\s*'text\/javascript'\s*\}\)/g;
/** The module that holds it: tfjs-backend-wasm's ESM build (dist/backend_wasm.js). */
const BACKEND_MODULE = /[\\/]@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;

export interface ThreadedFactory {
  /** Path inside the build (and the dev server), e.g. assets/tfjs-backend-wasm-threaded-simd-1a2b3c4d.js. */
  fileName: string;
  source: Buffer;
}

/** The untouched Emscripten factory of the installed tfjs-backend-wasm, under a content-hashed name. */
export function threadedFactory(): ThreadedFactory {
  const pkg = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  const source = readFileSync(join(pkg, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js'));
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
  return { fileName: `assets/tfjs-backend-wasm-threaded-simd-${hash}.js`, source };
}

/**
 * Rewrites backend_wasm.js's `mainScriptUrlOrBlob` to the factory file's absolute URL. Throws when the
 * expression is not found exactly once. Pure: exported for the unit test.
 */
export function rewriteMainScript(code: string, publicPath: string): string {
  const hits = code.match(BLOB_EXPR)?.length ?? 0;
  if (hits !== 1) {
    throw new Error(
      `form-coach-wasm-threads: expected tfjs-backend-wasm's pthread main-script Blob once in backend_wasm.js, found it ${hits} times. ` +
        'Was @tensorflow/tfjs-backend-wasm upgraded? See scripts/vite/wasmThreads.ts.',
    );
  }
  // Absolute: the pthread workers are blob: workers, which cannot resolve a relative URL.
  return code.replace(BLOB_EXPR, `new URL(${JSON.stringify(publicPath)}, self.location.href).href`);
}

/** The rewrite alone, for the dev server's dependency pre-bundling (optimizeDeps.rolldownOptions.plugins). */
export function wasmThreadsTransform(base = '/'): { name: string; transform(code: string, id: string): string | null } {
  const { fileName } = threadedFactory();
  return {
    name: 'form-coach-wasm-threads-transform',
    transform(code, id) {
      return BACKEND_MODULE.test(id) ? rewriteMainScript(code, `${base}${fileName}`) : null;
    },
  };
}

/** The rewrite, plus the file: served by the dev server, emitted into the build. */
export function wasmThreads(): Plugin {
  const factory = threadedFactory();
  let base = '/';
  return {
    name: 'form-coach-wasm-threads',
    configResolved(config) {
      base = config.base;
    },
    transform(code, id) {
      return BACKEND_MODULE.test(id.split('?')[0] ?? id) ? rewriteMainScript(code, `${base}${factory.fileName}`) : null;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== `${base}${factory.fileName}`) return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.end(factory.source);
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: factory.fileName, source: factory.source });
    },
  };
}
