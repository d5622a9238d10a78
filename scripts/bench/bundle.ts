// What a browser must fetch before the first paint: the entry HTML's module scripts, stylesheets and
// modulepreloads, plus everything those scripts import statically (dynamic import() chunks load later).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';

export interface EntryAssets {
  scripts: string[];
  styles: string[];
  preloads: string[];
}

const attr = (tag: string, name: string): string | null => new RegExp(`\\s${name}=["']([^"']+)["']`, 'i').exec(tag)?.[1] ?? null;

/** Same-origin script/stylesheet/modulepreload URLs of an HTML page, in document order. */
export function parseEntryAssets(html: string): EntryAssets {
  const out: EntryAssets = { scripts: [], styles: [], preloads: [] };
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(m[0], 'src');
    if (src && !/^[a-z]+:\/\//i.test(src)) out.scripts.push(src);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(m[0], 'rel')?.toLowerCase();
    const href = attr(m[0], 'href');
    if (!href || /^[a-z]+:\/\//i.test(href)) continue;
    if (rel === 'stylesheet') out.styles.push(href);
    if (rel === 'modulepreload') out.preloads.push(href);
  }
  return out;
}

/**
 * Relative specifiers a built ES module imports statically (`import x from"./a.js"`, `import"./b.js"`,
 * `export * from "./c.js"`). `import("./d.js")` is dynamic and left out: it loads after first paint.
 */
export function staticImports(js: string): string[] {
  const out = new Set<string>();
  for (const m of js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) out.add(m[1]!);
  return [...out];
}

export interface AssetSize {
  path: string;
  bytes: number;
  gzip: number;
}
export interface BundleReport {
  js: AssetSize[];
  css: AssetSize[];
  html: AssetSize;
  jsGzip: number;
  cssGzip: number;
  /** HTML + JS + CSS, gzip (what a compressing server sends before the first paint). */
  totalGzip: number;
  totalBytes: number;
}

const size = (distDir: string, url: string): AssetSize => {
  const buf = readFileSync(join(distDir, url.replace(/^\//, '')));
  return { path: url, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};

export function measureBundle(distDir: string, htmlFile = 'index.html'): BundleReport {
  const html = readFileSync(join(distDir, htmlFile), 'utf8');
  const a = parseEntryAssets(html);
  const seen = new Set<string>();
  const queue = [...a.scripts, ...a.preloads];
  const js: AssetSize[] = [];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    js.push(size(distDir, url));
    if (!url.endsWith('.js') && !url.endsWith('.mjs')) continue;
    const text = readFileSync(join(distDir, url.replace(/^\//, '')), 'utf8');
    for (const spec of staticImports(text)) queue.push(posix.join(posix.dirname(url), spec));
  }
  const css = a.styles.map((u) => size(distDir, u));
  const h: AssetSize = { path: htmlFile, bytes: Buffer.byteLength(html), gzip: gzipSync(html, { level: 9 }).length };
  const sum = (xs: AssetSize[], k: 'bytes' | 'gzip') => xs.reduce((s, x) => s + x[k], 0);
  return {
    js,
    css,
    html: h,
    jsGzip: sum(js, 'gzip'),
    cssGzip: sum(css, 'gzip'),
    totalGzip: sum(js, 'gzip') + sum(css, 'gzip') + h.gzip,
    totalBytes: sum(js, 'bytes') + sum(css, 'bytes') + h.bytes,
  };
}
