// A cheap fingerprint of everything the production build is made from, so `npm start` rebuilds only when one
// of them changed: the app's sources and static files (not its tests), the HTML entry points, the build and
// TypeScript configs, package.json and package-lock.json (they stand for node_modules), and the model files
// that the build copies into dist/models (by size and modification time: they are large, and
// scripts/fetch-models.mjs checks their hashes). Content hashes for the rest, so a checkout or a touch that
// changes no byte does not force a rebuild. Plain Node, no package imported.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const FILES = ['index.html', 'bench-raw.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
const DIRS = ['src', 'public'];
const TEST_FILE = /\.test\.tsx?$/;

/** Where a build made by `npm start` records what it was made from (inside dist/: `vite build` empties it). */
export const STAMP_FILE = '.form-coach-build.json';

function walk(dir, out) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && !TEST_FILE.test(e.name)) out.push(p);
  }
}

/** sha256 over the build's inputs under `root`, with the number of files read. */
export function buildFingerprint(root) {
  const files = [];
  for (const d of DIRS) walk(join(root, d), files);
  for (const f of FILES) if (existsSync(join(root, f))) files.push(join(root, f));
  const rel = (p) => relative(root, p).split(sep).join('/');
  files.sort((a, b) => (rel(a) < rel(b) ? -1 : 1));
  const h = createHash('sha256');
  for (const f of files) {
    h.update(`${rel(f)}\0`);
    h.update(readFileSync(f));
    h.update('\0');
  }
  const models = join(root, 'models');
  if (existsSync(models)) {
    for (const name of readdirSync(models)
      .filter((n) => /\.(json|bin)$/.test(n))
      .sort()) {
      const s = statSync(join(models, name));
      h.update(`models/${name}\0${s.size}\0${Math.round(s.mtimeMs)}\0`);
    }
  }
  return { fingerprint: h.digest('hex'), files: files.length };
}

/** The stamp of the build in `distDir`, or null when there is none (or it is unreadable). */
export function readStamp(distDir) {
  try {
    const s = JSON.parse(readFileSync(join(distDir, STAMP_FILE), 'utf8'));
    return typeof s.fingerprint === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function writeStamp(distDir, fingerprint) {
  writeFileSync(join(distDir, STAMP_FILE), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`);
}

/** Null when the build in `distDir` was made from exactly these inputs; otherwise why it must be rebuilt. */
export function rebuildNeeded(distDir, fingerprint) {
  if (!existsSync(join(distDir, 'index.html'))) return 'there is no build yet';
  const stamp = readStamp(distDir);
  if (!stamp) return 'the build in dist/ was not made by npm start';
  if (stamp.fingerprint !== fingerprint) return 'the sources changed since the last build';
  return null;
}
