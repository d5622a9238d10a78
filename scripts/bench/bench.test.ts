import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { measureBundle, parseEntryAssets, staticImports } from './bundle';
import { markdownTable, median, percentile, splitLongTasks, verdict } from './stats';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(median(xs)).toBe(5);
    expect(percentile(xs, 90)).toBe(9);
    expect(percentile(xs, 99)).toBe(10);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('splitLongTasks', () => {
  it('counts a long task as inference only when a model call overlaps it', () => {
    const inference = [
      { start: 100, end: 165 },
      { start: 300, end: 365 },
    ];
    const tasks = [
      { start: 98, end: 170 },
      { start: 200, end: 260 },
      { start: 360, end: 420 },
    ];
    expect(splitLongTasks(tasks, inference)).toEqual({ total: 3, inference: 2, other: 1 });
    expect(splitLongTasks([], inference)).toEqual({ total: 0, inference: 0, other: 0 });
  });
});

describe('verdict and table', () => {
  it('compares in the stated direction and leaves missing figures open', () => {
    expect(verdict(1.05, '<=', 1.1)).toBe('pass');
    expect(verdict(1.2, '<=', 1.1)).toBe('FAIL');
    expect(verdict(0.8, '>=', 0.9)).toBe('FAIL');
    expect(verdict(NaN, '>=', 0.9)).toBe('n/a');
  });
  it('pads columns', () => {
    expect(markdownTable(['a', 'bb'], [['ccc', 'd']])).toBe('| a   | bb |\n|-----|----|\n| ccc | d  |');
  });
});

describe('entry assets', () => {
  const html = `<!doctype html><head>
    <script type="module" crossorigin src="/assets/index-A1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-B2.js">
    <link rel="stylesheet" crossorigin href="/assets/index-C3.css">
    <link rel="manifest" href="/manifest.webmanifest"><script id="sw" src="/registerSW.js" defer></script>
    <script src="https://example.invalid/x.js"></script></head>`;
  it('finds scripts, stylesheets and modulepreloads of the same origin', () => {
    expect(parseEntryAssets(html)).toEqual({
      scripts: ['/assets/index-A1.js', '/registerSW.js'],
      styles: ['/assets/index-C3.css'],
      preloads: ['/assets/vendor-B2.js'],
    });
  });
  it('keeps static imports and leaves dynamic ones out', () => {
    const js = 'import{a as b}from"./shared-X.js";import"./side-Y.js";export*from"./re-Z.js";const m=()=>import("./lazy-W.js");';
    expect(staticImports(js).sort()).toEqual(['./re-Z.js', './shared-X.js', './side-Y.js']);
  });
  it('sums gzip sizes over the entry and what it imports statically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
    mkdirSync(join(dir, 'assets'));
    const entry = 'import{x}from"./dep.js";console.log(x);import("./lazy.js");';
    const dep = 'export const x = "' + 'a'.repeat(5000) + '";';
    writeFileSync(
      join(dir, 'index.html'),
      '<script type="module" src="/assets/entry.js"></script><link rel="stylesheet" href="/assets/s.css">',
    );
    writeFileSync(join(dir, 'assets', 'entry.js'), entry);
    writeFileSync(join(dir, 'assets', 'dep.js'), dep);
    writeFileSync(join(dir, 'assets', 'lazy.js'), 'x'.repeat(100_000));
    writeFileSync(join(dir, 'assets', 's.css'), 'body{color:red}');
    const r = measureBundle(dir);
    expect(r.js.map((a) => a.path)).toEqual(['/assets/entry.js', '/assets/dep.js']);
    expect(r.jsGzip).toBe(gzipSync(entry, { level: 9 }).length + gzipSync(dep, { level: 9 }).length);
    expect(r.totalBytes).toBe(entry.length + dep.length + 'body{color:red}'.length + r.html.bytes);
  });
});
