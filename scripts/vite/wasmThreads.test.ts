// The threaded-wasm fix against the installed tfjs-backend-wasm: the rewrite finds tfjs's one Blob expression in
// the real backend_wasm.js, and the file the pthread workers load instead is the package's own, untouched factory
// (its typeof guard intact, the one Vite's minifier turned into a ReferenceError in the workers).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteMainScript, threadedFactory, wasmThreadsTransform } from './wasmThreads';

const pkg = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json'));
const backendFile = join(pkg, 'dist', 'backend_wasm.js');

describe('wasm threads plugin', () => {
  it('rewrites the pthread main script of the installed tfjs to the factory file, once', () => {
    const code = readFileSync(backendFile, 'utf8');
    expect(code).toContain('wasmFactoryThreadedSimd.toString()');
    const out = rewriteMainScript(code, '/assets/f.js');
    expect(out).not.toContain('wasmFactoryThreadedSimd.toString()');
    expect(out).toContain('factoryConfig.mainScriptUrlOrBlob = new URL("/assets/f.js", self.location.href).href');
    // Everything else is left as it was.
    const at = code.indexOf('new Blob([`var WasmBackendModuleThreadedSimd');
    expect(out.slice(0, at)).toBe(code.slice(0, at));
    const tail = code.slice(code.indexOf("'text/javascript' })", at) + "'text/javascript' })".length);
    expect(out.endsWith(tail)).toBe(true);
  });

  it('fails the build when the expression is missing or doubled (a tfjs upgrade changed it)', () => {
    expect(() => rewriteMainScript('const x = 1;', '/a.js')).toThrow(/found it 0 times/);
    const code = readFileSync(backendFile, 'utf8');
    const start = code.indexOf('new Blob([`var WasmBackendModuleThreadedSimd');
    const twice = code + code.slice(start, code.indexOf(')', code.indexOf("'text/javascript'")) + 1);
    expect(() => rewriteMainScript(twice, '/a.js')).toThrow(/found it 2 times/);
  });

  it("serves the package file byte for byte, content-hashed, with Emscripten's guard intact", () => {
    const f = threadedFactory();
    expect(f.source.equals(readFileSync(join(pkg, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js')))).toBe(true);
    expect(f.fileName).toMatch(/^assets\/tfjs-backend-wasm-threaded-simd-[0-9a-f]{8}\.js$/);
    const text = f.source.toString('utf8');
    expect(text).toContain('var WasmBackendModuleThreadedSimd = ');
    expect(text).toContain('typeof _scriptDir !== "undefined" && _scriptDir');
  });

  it('the pre-bundling transform touches only backend_wasm.js', () => {
    const t = wasmThreadsTransform('/');
    expect(t.transform('let a = 1;', '/x/node_modules/@tensorflow/tfjs-core/dist/engine.js')).toBeNull();
    const out = t.transform(readFileSync(backendFile, 'utf8'), backendFile);
    expect(out).toContain(`new URL("/${threadedFactory().fileName}"`);
  });
});
