import { describe, expect, it, vi } from 'vitest';
import { onBackendLost, resetWebglLost, watchContextLoss, webglWasLost, type BackendName, type BackendNotice } from './backend';
import {
  backendOrder,
  isSoftwareRenderer,
  startFirstBackend,
  oneAtATime,
  startAttempts,
  threadsPlan,
  withLogicalCores,
  foldThreads,
  BackendStartError,
  MAX_WASM_THREADS,
  type BackendDriver,
  type StartAttempt,
} from './backendStart';

describe('isSoftwareRenderer', () => {
  it('recognises the software rasterisers seen in headless and VM browsers', () => {
    // Strings as Chromium reports them (UNMASKED_RENDERER_WEBGL) on this machine and typical Linux VMs.
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
  });
  it('accepts real GPUs', () => {
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(false);
    expect(isSoftwareRenderer('Apple M1')).toBe(false);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
  });
});

describe('backendOrder', () => {
  it('prefers WebGL only on a real GPU', () => {
    expect(backendOrder('auto', true)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder('auto', false)).toEqual(['wasm', 'cpu']);
  });
  it('puts an explicit choice first and keeps the others as fallbacks', () => {
    expect(backendOrder('wasm', true)).toEqual(['wasm', 'webgl', 'cpu']);
    expect(backendOrder('cpu', false)).toEqual(['cpu', 'webgl', 'wasm']);
  });
});

// The start-up race with fake backends on fake time: what the app sees when a backend hangs, fails, or
// starts late. `wasmResolve` etc. let a test decide when (if ever) each start settles.

function fakeDriver(behaviour: Record<BackendName, 'hang' | 'fail' | 'ok' | 'throw' | { lateMs: number }>) {
  let active: string | null = null;
  const started: BackendName[] = [];
  const restored: BackendName[] = [];
  const driver: BackendDriver = {
    start(b) {
      started.push(b);
      const how = behaviour[b];
      if (how === 'hang') return new Promise<boolean>(() => undefined);
      if (how === 'fail') return Promise.resolve(false);
      if (how === 'throw') return Promise.reject(new Error(`${b} blew up`));
      if (how === 'ok') {
        active = b;
        return Promise.resolve(true);
      }
      // Starts after lateMs, and then (as tf.setBackend would) makes itself the active backend.
      return new Promise<boolean>((res) =>
        setTimeout(() => {
          active = b;
          res(true);
        }, how.lateMs),
      );
    },
    active: () => active,
    restore: (b) => {
      restored.push(b);
      active = b;
      return Promise.resolve(true);
    },
  };
  return { driver, started, restored, active: () => active };
}

describe('startFirstBackend', () => {
  it('a WebGL start-up that hangs falls back to wasm after the timeout, with a notice', async () => {
    vi.useFakeTimers();
    try {
      const f = fakeDriver({ webgl: 'hang', wasm: 'ok', cpu: 'ok' });
      let done: { backend: BackendName; notices: BackendNotice[] } | null = null;
      void startFirstBackend(['webgl', 'wasm', 'cpu'], f.driver, { timeoutMs: 5000 }).then((r) => {
        done = r;
      });
      await vi.advanceTimersByTimeAsync(4999);
      expect(done).toBeNull();
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toEqual({
        backend: 'wasm',
        notices: [{ kind: 'fallback', backend: 'webgl', detail: 'The webgl backend did not start within 5 s' }],
      });
      expect(f.started).toEqual(['webgl', 'wasm']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a backend that starts after its timeout cannot take over from the one chosen since', async () => {
    vi.useFakeTimers();
    try {
      const f = fakeDriver({ webgl: { lateMs: 9000 }, wasm: 'ok', cpu: 'ok' });
      const r = startFirstBackend(['webgl', 'wasm'], f.driver, { timeoutMs: 5000 });
      await vi.advanceTimersByTimeAsync(5000);
      expect((await r).backend).toBe('wasm');
      expect(f.active()).toBe('wasm');
      await vi.advanceTimersByTimeAsync(4000); // webgl finally starts and grabs the engine...
      expect(f.restored).toEqual(['wasm']); // ...and wasm is put back at once.
      expect(f.active()).toBe('wasm');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failing or throwing backend is skipped at once; none starting is one clear error', async () => {
    const f = fakeDriver({ webgl: 'fail', wasm: 'throw', cpu: 'ok' });
    const r = await startFirstBackend(['webgl', 'wasm', 'cpu'], f.driver, { timeoutMs: 5000 });
    expect(r.backend).toBe('cpu');
    expect(r.notices).toEqual([
      { kind: 'fallback', backend: 'webgl', detail: 'The webgl backend failed to start' },
      { kind: 'fallback', backend: 'wasm', detail: 'wasm blew up' },
    ]);
    const none = fakeDriver({ webgl: 'fail', wasm: 'fail', cpu: 'fail' });
    const failed = startFirstBackend(['wasm', 'cpu'], none.driver, { timeoutMs: 5000 });
    await expect(failed).rejects.toThrow(/^No TensorFlow.js backend could start/);
    await expect(failed).rejects.toMatchObject({ name: 'BackendStartError', failures: [{ backend: 'wasm' }, { backend: 'cpu' }] });
  });

  it('uses injected timers when given (no real waiting)', async () => {
    const pending: (() => void)[] = [];
    const timers = {
      setTimeout: (fn: () => void) => {
        pending.push(fn);
        return pending.length;
      },
      clearTimeout: () => undefined,
    };
    const f = fakeDriver({ webgl: 'ok', wasm: 'hang', cpu: 'ok' });
    const r = startFirstBackend(['wasm', 'cpu'], f.driver, { timeoutMs: 5000, timers });
    await Promise.resolve();
    pending.shift()?.();
    expect((await r).backend).toBe('cpu');
  });
});

describe('WebGL context loss', () => {
  it('tells the session once, and WebGL is not tried again in this page', () => {
    resetWebglLost();
    const canvas = new EventTarget();
    const heard = vi.fn();
    const off = onBackendLost(heard);
    watchContextLoss(canvas);
    expect(webglWasLost()).toBe(false);
    canvas.dispatchEvent(new Event('webglcontextlost'));
    canvas.dispatchEvent(new Event('webglcontextlost'));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(webglWasLost()).toBe(true);
    off();
    resetWebglLost();
  });
});

describe('oneAtATime (initBackend runs one start-up at a time)', () => {
  // What happened in the dev server: React's development mode mounts the camera view twice, so two start-ups
  // overlapped on the one TensorFlow.js engine. The second reached setBackend('wasm') while the first was still
  // downloading the wasm backend ("Backend name 'wasm' not found in registry") and fell back to the slow CPU
  // backend; then the first finished and switched the engine under it.
  function fakeEngine() {
    const log: string[] = [];
    // A start-up that takes a few ticks (loading the backend's code, then setBackend), like the real one.
    const start = async (b: string): Promise<string> => {
      log.push(`start ${b}`);
      await new Promise((res) => setTimeout(res, 5));
      log.push(`active ${b}`);
      return b;
    };
    return { start, log };
  }

  it('two overlapping calls run in turn, each sees the engine the previous one left', async () => {
    const engine = fakeEngine();
    const init = oneAtATime(engine.start);
    const [a, b] = await Promise.all([init('wasm'), init('wasm')]);
    expect([a, b]).toEqual(['wasm', 'wasm']);
    // Unserialised, the log reads start, start, active, active: both at once on one engine.
    expect(engine.log).toEqual(['start wasm', 'active wasm', 'start wasm', 'active wasm']);
  });

  it('a failed call does not block the next one', async () => {
    let n = 0;
    const init = oneAtATime(async () => {
      n += 1;
      if (n === 1) throw new Error('first fails');
      return n;
    });
    const first = init();
    const second = init();
    await expect(first).rejects.toThrow('first fails');
    await expect(second).resolves.toBe(2);
  });
});

describe('wasm threads', () => {
  it('plans threads only where the page is isolated and has a core to spare', () => {
    // One core is left to the page: on 2 cores one thread measured faster than two (backendStart.ts).
    expect(threadsPlan({ isolated: true, cores: 2 })).toEqual({ count: 1, why: 'few-cores' });
    expect(threadsPlan({ isolated: true, cores: 1 })).toEqual({ count: 1, why: 'few-cores' });
    expect(threadsPlan({ isolated: true, cores: 4 })).toEqual({ count: 3, why: 'threads' });
    expect(threadsPlan({ isolated: true, cores: 16 })).toEqual({ count: MAX_WASM_THREADS, why: 'threads' });
    expect(threadsPlan({ isolated: false, cores: 8 })).toEqual({ count: 1, why: 'not-isolated' });
    // The bench's comparison row asks for one thread; a count asked for is kept (not isolated still wins).
    expect(threadsPlan({ isolated: true, cores: 2, asked: 1 })).toEqual({ count: 1, why: 'asked' });
    expect(threadsPlan({ isolated: true, cores: 2, asked: 3 })).toEqual({ count: 3, why: 'threads' });
    expect(threadsPlan({ isolated: false, cores: 2, asked: 3 })).toEqual({ count: 1, why: 'not-isolated' });
  });

  it('tries threaded wasm just before single-thread wasm, and only when planned', () => {
    expect(startAttempts(['wasm', 'cpu'], 2)).toEqual(['wasm-threads', 'wasm', 'cpu']);
    expect(startAttempts(['webgl', 'wasm', 'cpu'], 4)).toEqual(['webgl', 'wasm-threads', 'wasm', 'cpu']);
    expect(startAttempts(['wasm', 'cpu'], 1)).toEqual(['wasm', 'cpu']);
  });

  it('a threaded start that hangs is abandoned after the timeout and single-thread wasm runs', async () => {
    vi.useFakeTimers();
    try {
      const started: StartAttempt[] = [];
      const abandoned: StartAttempt[] = [];
      let active: string | null = null;
      const driver: BackendDriver<StartAttempt> = {
        start(a) {
          started.push(a);
          // The hang this replaced: pthread workers that never report loaded, a setBackend that never settles.
          if (a === 'wasm-threads') return new Promise<boolean>(() => undefined);
          active = a;
          return Promise.resolve(true);
        },
        active: () => active,
        restore: () => Promise.resolve(true),
        abandon: (a) => {
          abandoned.push(a);
        },
      };
      let done: { backend: StartAttempt; notices: unknown[] } | null = null;
      void startFirstBackend(startAttempts(['wasm', 'cpu'], 2), driver, { timeoutMs: 5000 }).then((r) => {
        done = r;
      });
      await vi.advanceTimersByTimeAsync(4999);
      expect(done).toBeNull();
      expect(abandoned).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toEqual({
        backend: 'wasm',
        notices: [{ kind: 'fallback', backend: 'wasm-threads', detail: 'The wasm-threads backend did not start within 5 s' }],
      });
      // The hung start is abandoned (the real driver resets tfjs's engine, whose pending start it would stay).
      expect(abandoned).toEqual(['wasm-threads']);
      expect(started).toEqual(['wasm-threads', 'wasm']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a start that fails at once is not abandoned (nothing of it is left pending)', async () => {
    const abandoned: string[] = [];
    const driver: BackendDriver<StartAttempt> = {
      start: (a) => Promise.resolve(a !== 'wasm-threads'),
      active: () => null,
      restore: () => Promise.resolve(true),
      abandon: (a) => {
        abandoned.push(a);
      },
    };
    const r = await startFirstBackend(startAttempts(['wasm'], 2), driver, { timeoutMs: 5000 });
    expect(r.backend).toBe('wasm');
    expect(abandoned).toEqual([]);
  });

  it("a start where nothing runs names each backend once, the threaded failure within wasm's entry", () => {
    const failures = foldThreads([
      { kind: 'fallback', backend: 'wasm-threads', detail: 'The wasm-threads backend did not start within 5 s' },
      { kind: 'fallback', backend: 'wasm', detail: 'The wasm backend failed to start' },
      { kind: 'fallback', backend: 'cpu', detail: 'cpu chunk broken' },
    ]);
    expect(new BackendStartError(failures).message).toBe(
      'No TensorFlow.js backend could start. ' +
        'wasm: The wasm backend failed to start (threaded first: The wasm-threads backend did not start within 5 s). cpu: cpu chunk broken.',
    );
  });

  it('shows the wasm start twice the thread count as cores while it starts, then the real count again', async () => {
    // tfjs-backend-wasm caps its pool at hardwareConcurrency / 2, read as its module starts.
    class Nav {
      get hardwareConcurrency(): number {
        return 2;
      }
    }
    const nav = new Nav();
    let seen = 0;
    await withLogicalCores(
      2,
      async () => {
        seen = nav.hardwareConcurrency;
      },
      nav,
    );
    expect(seen).toBe(4);
    expect(nav.hardwareConcurrency).toBe(2);
    // Restored when the start fails too.
    await expect(withLogicalCores(2, () => Promise.reject(new Error('no')), nav)).rejects.toThrow('no');
    expect(nav.hardwareConcurrency).toBe(2);
    // Nothing shadowed when the machine already reports enough cores.
    const big = new (class {
      get hardwareConcurrency(): number {
        return 8;
      }
    })();
    await withLogicalCores(
      2,
      async () => {
        seen = big.hardwareConcurrency;
      },
      big,
    );
    expect(seen).toBe(8);
  });
});
