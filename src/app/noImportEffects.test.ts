// Importing any module of the app does nothing: no timer, no listener, no read of the browser's state
// (storage, URL, camera, speech). Every browser global is replaced by a watcher, then every module under
// src/app is imported; a touch from our own source at import time fails the test with where it came from.
// (ESLint's no-restricted-syntax rule for src/app keeps module-level let/var and top-level statements out.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WATCHED = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'history',
  'location',
  'indexedDB',
  'speechSynthesis',
  'matchMedia',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'addEventListener',
  'fetch',
  'performance',
] as const;

const modules = import.meta.glob([
  './**/*.ts',
  './**/*.tsx',
  '!./**/*.test.ts',
  '!./exercises/buildDemoData.ts',
  '!./noImportEffects.test.ts',
]);
const ours = `${process.cwd()}/src/`;
const touches: { name: string; where: string }[] = [];
const saved = new Map<string, PropertyDescriptor | undefined>();

/** The first stack frame in our own source (not vitest's, not a dependency's), or null. */
function ourFrame(): string | null {
  const lines = (new Error().stack ?? '').split('\n').slice(2);
  const hit = lines.find((l) => l.includes(ours) && !l.includes('noImportEffects.test'));
  return hit ? hit.trim() : null;
}

describe('importing src/app', () => {
  beforeAll(async () => {
    // Dependencies first, outside the watch: what they do at import is theirs.
    await Promise.all([
      import('react'),
      import('react-dom'),
      import('react-dom/client'),
      import('zustand'),
      import('zustand/vanilla'),
      import('dexie'),
    ]);
    for (const name of WATCHED) {
      const had = Object.getOwnPropertyDescriptor(globalThis, name);
      saved.set(name, had);
      let real: unknown = had && 'value' in had ? had.value : had?.get?.call(globalThis);
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          const where = ourFrame();
          if (where) touches.push({ name, where });
          return real;
        },
        set(v: unknown) {
          real = v;
        },
      });
    }
  });

  afterAll(() => {
    for (const [name, d] of saved) {
      if (d) Object.defineProperty(globalThis, name, d);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  });

  it('touches no browser global and starts nothing', async () => {
    const names = Object.keys(modules);
    expect(names.length).toBeGreaterThan(30);
    for (const n of names) await modules[n]!();
    expect(touches).toEqual([]);
  });
});
