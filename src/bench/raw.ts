// The baseline page for `npm run bench` (bench-raw.html), not part of the app. Two modes:
// - ?mode=raw&model=M&backend=B: camera → the model's estimatePoses through the app's own frame loop and
//   pose source, and nothing else (no engine, no drawing, no React, no store): the floor the app is
//   compared with, on the same camera cadence and the same drop-don't-queue policy.
// - ?mode=replay&exercise=E: camera cadence only; the poses come from a recorded stream (served by the
//   bench at /__bench/fixture.json) through the engine, the store and the skeleton drawing, as the app's
//   session does per frame. Used for the soak run without a model.
import { openCamera, attachStream } from '../app/camera';
import { startFrameLoop } from '../app/frameLoop';
import type { FrameLoop } from '../app/frameLoop';
import { createCoach } from '../app/coachEngine';
import { setCoach } from '../app/store';
import { parseFixture } from '../core/fixture';
import type { PoseFrame } from '../core/pose';
import { isModelName } from '../core/pose';
import { initBackend, isBackendSetting } from '../pose/backend';
import type { PoseSource } from '../pose/types';
import { createReplaySource } from '../pose/replaySource';
import { clearOverlay, drawSkeleton } from '../render/skeleton';

declare global {
  interface Window {
    __benchRaw?: { ready: boolean; error: string | null; backend: string | null; loop: FrameLoop | null };
  }
}

const state: NonNullable<Window['__benchRaw']> = { ready: false, error: null, backend: null, loop: null };
window.__benchRaw = state;
const statusEl = document.getElementById('status');
const say = (s: string): void => { if (statusEl) statusEl.textContent = s; };

async function modelSource(q: URLSearchParams): Promise<PoseSource<HTMLVideoElement>> {
  const model = q.get('model') ?? 'movenet-thunder';
  const backend = q.get('backend') ?? 'wasm';
  if (!isModelName(model) || !isBackendSetting(backend)) throw new Error(`bad model/backend: ${model}/${backend}`);
  const be = await initBackend(backend);
  state.backend = be.backend;
  const [{ browserModelLoader }, { createPoseSource }] = await Promise.all([
    import('../pose/browserLoader'), import('../pose/createPoseSource'),
  ]);
  return createPoseSource(model, { loader: browserModelLoader() });
}

async function replaySource(): Promise<PoseSource<unknown>> {
  const res = await fetch('/__bench/fixture.json');
  if (!res.ok) throw new Error(`no replay fixture (HTTP ${res.status})`);
  return createReplaySource(parseFixture(await res.json()), { loop: true });
}

async function main(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const mode = q.get('mode') ?? 'raw';
  const video = document.getElementById('video') as HTMLVideoElement;
  const canvas = document.getElementById('overlay') as HTMLCanvasElement;
  const [source] = await Promise.all([
    mode === 'replay' ? replaySource() : modelSource(q),
    openCamera(null).then((s) => attachStream(video, s)),
  ]);
  let onPoseFrame: (f: PoseFrame) => void = () => {};
  if (mode === 'replay') {
    const coach = createCoach(q.get('exercise') ?? 'plank');
    const ctx = canvas.getContext('2d');
    let lastView = '';
    // The same per-frame work as src/app/session.ts onPoseFrame: engine step, store on change, drawing.
    onPoseFrame = (f) => {
      const step = coach?.step(f) ?? null;
      if (step) {
        const key = JSON.stringify(step.view);
        if (key !== lastView) { lastView = key; setCoach(step.view); }
      }
      if (!ctx) return;
      if (canvas.width !== f.width || canvas.height !== f.height) { canvas.width = f.width; canvas.height = f.height; }
      clearOverlay(ctx);
      const pose = f.poses[0];
      if (pose) drawSkeleton(ctx, pose, { styles: step?.jointStyles ?? {}, minScore: 0.3 });
    };
  }
  state.loop = startFrameLoop(video, source as PoseSource<HTMLVideoElement>, {
    onPoseFrame,
    onError: (e) => { state.error = e instanceof Error ? e.message : String(e); say(state.error); },
  });
  state.ready = true;
  say(`running ${mode}`);
}

main().catch((e: unknown) => {
  state.error = e instanceof Error ? e.message : String(e);
  say(state.error);
});
