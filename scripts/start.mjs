#!/usr/bin/env node
// `npm start`: serves the production build (service worker, CSP, lazily loaded TensorFlow.js) at
// http://127.0.0.1:5173, which is what a person should get. On the way it does only what is missing:
//   1. installs the npm packages when node_modules does not match package-lock.json (the postinstall step fetches
//      and verifies the pinned models); otherwise it only re-verifies the model files;
//   2. builds the app when its inputs changed since the last build it made (scripts/lib/build-stamp.mjs);
//   3. serves dist/ with `vite preview` until stopped (Ctrl+C, or a signal, which it passes on).
// Options (for the tests): --port N (default 5173); --mode test builds the same app with the test hooks
// (window.__formCoach and ?replay=, vite.config.ts) into dist-test/ and serves that, so the production build in
// dist/ that `npm start` serves is never swapped under it. Nothing here imports a package: it runs before the install.
import { spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installNeeded } from './lib/install-state.mjs';
import { buildFingerprint, rebuildNeeded, writeStamp } from './lib/build-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => console.log(`start: ${msg}`);
const fail = (msg) => {
  console.error(`start: ${msg}`);
  process.exit(1);
};

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : 5173;
if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`--port needs a port number, got ${args[portAt + 1] ?? 'nothing'}`);
const modeAt = args.indexOf('--mode');
const mode = modeAt >= 0 ? args[modeAt + 1] : null;
if (mode !== null && mode !== 'test') fail(`--mode can only be test, got ${mode ?? 'nothing'}`);
const dist = join(root, mode ? `dist-${mode}` : 'dist');
const outDir = ['--outDir', dist];

const major = Number(process.versions.node.split('.')[0]);
if (major < 20)
  fail(`Form Coach needs Node 20 or newer; this is Node ${process.versions.node}. Install a newer Node, then run npm start again.`);

/** True when something already accepts connections on 127.0.0.1:port. */
function portTaken(p) {
  return new Promise((resolve) => {
    const sock = connect({ host: '127.0.0.1', port: p });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}
if (await portTaken(port)) {
  fail(
    `something is already running at http://127.0.0.1:${port}/. If it is Form Coach, open that address; otherwise stop it, then run npm start again.`,
  );
}

function run(cmd, cmdArgs, what) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.error) fail(`${what} could not run (${r.error.message}).`);
  if (r.status !== 0) fail(`${what} failed (exit code ${r.status ?? r.signal}); see the messages above.`);
}

// 1. Packages and models.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const why = installNeeded(root);
if (why) {
  say(`installing the npm packages and the pose models, because ${why} (npm ci; once)`);
  run(npm, ['ci', '--no-audit', '--no-fund'], 'Installing the npm packages');
} else {
  say('npm packages are installed (node_modules matches package-lock.json)');
  run(process.execPath, [join(root, 'scripts', 'fetch-models.mjs')], 'Checking the pose models');
}

// 2. The build, only when its inputs changed.
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const { fingerprint, files } = buildFingerprint(root);
const rebuild = rebuildNeeded(dist, fingerprint);
if (rebuild) {
  say(`building the app, because ${rebuild}`);
  const t0 = Date.now();
  run(process.execPath, [vite, 'build', ...(mode ? ['--mode', mode, ...outDir, '--emptyOutDir'] : [])], 'Building the app');
  writeStamp(dist, fingerprint);
  say(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} else {
  say(`the build in dist/ is up to date (${files} source files unchanged since it was made); not rebuilding`);
}

// 3. Serve it. The child gets our signals, and we leave when it does.
say(`serving the app at http://127.0.0.1:${port}/ (stop with Ctrl+C)`);
const server = spawn(
  process.execPath,
  [vite, 'preview', ...(mode ? outDir : []), '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { cwd: root, stdio: 'inherit' },
);
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    stopping = true;
    server.kill(sig);
  });
}
server.on('exit', (code, signal) => {
  if (stopping) {
    say('stopped');
    process.exit(0);
  }
  if (code !== 0)
    console.error(
      `start: the server stopped (${signal ?? `exit code ${code}`}). If the port is in use, stop whatever runs on ${port}, then run npm start again.`,
    );
  process.exit(code ?? 1);
});
