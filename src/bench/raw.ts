// The baseline page for `npm run bench` (bench-raw.html), not part of the app. Two modes:
// - ?mode=raw&model=M&backend=B: camera → the model's estimatePoses through the app's own frame loop and
//   pose source (opened the one way, src/pose/openSource.ts), and nothing else (no engine, no drawing, no
//   React, no store): the floor the app is compared with, on the same camera cadence and the same
//   drop-don't-queue policy.
// - ?mode=replay&exercise=E: camera cadence only; the poses come from a recorded stream (served by the
//   bench at /__bench/fixture.json) and go through the app's own LiveSession (engine, flow, store, drawing)
//   on the camera check's framing step. Used for the soak run without a model.
import { browserCamera, openCamera, attachStream } from '../app/camera';
import { startFrameLoop } from '../app/frameLoop';
import type { FrameLoop } from '../app/frameLoop';
import { LiveSession } from '../app/live/LiveSession';
import { replayOpened } from '../app/live/replayFeed';
import { createAppStore } from '../app/store';
import { parseFixture } from '../core/fixture';
import { isModelName } from '../core/pose';
import { isBackendSetting } from '../pose/backend';
import { createSourceOpener } from '../pose/openSource';
import { DEFAULT_ROUTINE } from '../session/routine';

declare global {
  interface Window {
    __benchRaw?: { ready: boolean; error: string | null; backend: string | null; threads: number; loop: FrameLoop | null };
  }
}

const state: NonNullable<Window['__benchRaw']> = { ready: false, error: null, backend: null, threads: 1, loop: null };
window.__benchRaw = state;
const statusEl = document.getElementById('status');
const say = (s: string): void => {
  if (statusEl) statusEl.textContent = s;
};

async function raw(q: URLSearchParams, video: HTMLVideoElement): Promise<void> {
  const model = q.get('model') ?? 'movenet-thunder';
  const backend = q.get('backend') ?? 'wasm';
  if (!isModelName(model) || !isBackendSetting(backend)) throw new Error(`bad model/backend: ${model}/${backend}`);
  const threads = Number(q.get('threads') ?? NaN);
  const [opened] = await Promise.all([
    createSourceOpener().open({ model, backend, threads: Number.isInteger(threads) && threads >= 1 ? threads : undefined }),
    openCamera(null).then((s) => attachStream(video, s)),
  ]);
  state.backend = opened.backend.active;
  state.threads = opened.backend.threads.count;
  (state as unknown as { tinfo: unknown }).tinfo = opened.backend.threads;
  state.loop = startFrameLoop(video, opened.source, {
    onPoseFrame: () => undefined,
    onError: (e) => {
      state.error = e instanceof Error ? e.message : String(e);
      say(state.error);
    },
  });
}

async function replay(q: URLSearchParams, video: HTMLVideoElement, canvas: HTMLCanvasElement): Promise<void> {
  const res = await fetch('/__bench/fixture.json');
  if (!res.ok) throw new Error(`no replay fixture (HTTP ${res.status})`);
  const fixture = parseFixture(await res.json());
  const store = createAppStore();
  const session = new LiveSession({
    store,
    openSource: () => Promise.resolve(replayOpened(fixture)),
    camera: browserCamera(),
    clock: {
      now: () => performance.now(),
      every: (ms, fn) => {
        const id = setInterval(fn, ms);
        return () => clearInterval(id);
      },
    },
    speaker: { say: () => undefined, cancel: () => undefined, configure: () => undefined },
    save: () => Promise.resolve(),
    loadRoutine: () => DEFAULT_ROUTINE,
    go: (screen) => store.setState({ screen }),
  });
  session.send({ type: 'preview', exerciseId: q.get('exercise') ?? 'plank' });
  session.attach(video, canvas);
  window.__formCoach = session.debugHook();
  state.backend = 'replay';
}

async function main(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const video = document.getElementById('video') as HTMLVideoElement;
  const canvas = document.getElementById('overlay') as HTMLCanvasElement;
  if ((q.get('mode') ?? 'raw') === 'replay') await replay(q, video, canvas);
  else await raw(q, video);
  state.ready = true;
  say(`running ${q.get('mode') ?? 'raw'}`);
}

main().catch((e: unknown) => {
  state.error = e instanceof Error ? e.message : String(e);
  say(state.error);
});
