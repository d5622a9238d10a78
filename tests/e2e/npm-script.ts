// Starts the app the way the README tells a person to (`npm start`, `npm run dev`) and stops it again, for the
// specs that test those commands themselves. The script runs in its own process group, so stopping it ends npm,
// the script it runs and the server under it together; a guard kills the group if the test process exits first.
// Port 5173 is the README's; like every browser test here, these run under the shared e2e lock
// (flock /tmp/form-coach-e2e.lock), so no other server may hold the port: if one does, the test stops and says so.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { repoRoot } from './clip';

export const README_PORT = 5173;
export const README_URL = `http://127.0.0.1:${README_PORT}`;

export interface RunningScript {
  /** Everything the script printed so far (stdout and stderr). */
  output(): string;
  /** Ends the whole process group (SIGTERM, then SIGKILL after 10 s) and waits until the port is free. */
  stop(): Promise<void>;
}

/** True when something accepts connections on 127.0.0.1:port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of running)
    if (c.pid) {
      try {
        process.kill(-c.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
});

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `npm <args>` in the repository, in a new process group, and resolves once `url` answers 200 (or
 * rejects with the script's output when it exits first or `timeoutMs` passes).
 */
export async function startNpmScript(args: string[], url: string, timeoutMs: number): Promise<RunningScript> {
  if (await portOpen(README_PORT)) {
    throw new Error(
      `Port ${README_PORT} is already taken by another server. Stop it first; browser tests here must run under ` +
        '`flock /tmp/form-coach-e2e.lock` so that nothing else serves on 4173 or 5173 meanwhile.',
    );
  }
  let out = '';
  const child = spawn('npm', args, {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  running.add(child);
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  let exited: string | null = null;
  child.on('exit', (code, signal) => {
    exited = `exit code ${code ?? signal}`;
  });
  const pid = child.pid;
  if (!pid) throw new Error(`npm ${args.join(' ')} did not start`);

  const stop = async (): Promise<void> => {
    if (groupAlive(pid)) process.kill(-pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    while (groupAlive(pid)) await new Promise((r) => setTimeout(r, 100));
    running.delete(child);
    const freeBy = Date.now() + 10_000;
    while (await portOpen(README_PORT)) {
      if (Date.now() > freeBy) throw new Error(`Port ${README_PORT} still answers after npm ${args.join(' ')} was stopped`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      running.delete(child);
      throw new Error(`npm ${args.join(' ')} ended (${exited}) before serving ${url}. Its output:\n${out}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`npm ${args.join(' ')} did not serve ${url} within ${timeoutMs / 1000} s. Its output:\n${out}`);
    }
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { output: () => out, stop };
}
