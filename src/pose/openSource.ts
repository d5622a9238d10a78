// The one way to open a pose source in the browser, used by the live app, the analyser page and the bench:
// backend (started once per opener and setting) → model files checked (a missing or damaged file is named)
// → the model on the main thread or in a worker → a failure mapped to one of three kinds the screens know.
// Heavy code (TensorFlow.js, the model code) is imported here, lazily, so callers stay light.
import type { ModelName } from '../core/pose';
import type { BackendName, BackendNotice, BackendSetting, ThreadsInfo } from './backend';
import { webglWasLost } from './backend';
import type { PoseSource } from './types';

export interface SourceRequest {
  model: ModelName;
  backend: BackendSetting;
  /** Run the model in a Web Worker. */
  worker?: boolean;
  /** The model's own temporal filter (on for the live camera; off for analysis, as in the CLI). */
  smoothing?: boolean;
  /** Threads for wasm instead of the plan's (backend.ts threadsPlan): 1 for the bench's comparison row. */
  threads?: number | undefined;
}

export interface BackendInfo {
  active: BackendName;
  renderer: string | null;
  simd: boolean;
  threads: ThreadsInfo;
}

export interface OpenedSource {
  /** Takes a <video> (the live camera) or any image the model reads (a canvas, for the analyser). */
  source: PoseSource<HTMLVideoElement | HTMLCanvasElement>;
  backend: BackendInfo;
  /** What did not go as asked (fallbacks, slow paths), as data: the app words them (src/app/errors.ts). */
  notices: BackendNotice[];
}

/**
 * The model could not be built from its files. Failures keep their own errors otherwise (a missing file's
 * error names it in `file`, the backend's BackendStartError, the worker's PoseWorkerError), so the app words
 * them all in one place (src/app/errors.ts recognises errors by name and fields).
 */
export class ModelLoadError extends Error {
  constructor(
    readonly model: string,
    readonly reason: unknown,
  ) {
    super(`The ${model} model could not be loaded: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'ModelLoadError';
  }
}

/** Thrown when a newer open() superseded this one (the caller stops quietly). */
export class OpenSuperseded extends Error {}

export interface OpenOptions {
  /** Progress in words, e.g. "Loading MoveNet Thunder…". */
  onActivity?(text: string): void;
  /** False once the caller no longer wants this source (a newer request); the source is then disposed. */
  stillWanted?(): boolean;
}

export interface SourceOpener {
  open(req: SourceRequest, opts?: OpenOptions): Promise<OpenedSource>;
}

const MODEL_NAMES: Record<ModelName, string> = {
  'movenet-thunder': 'MoveNet Thunder',
  'movenet-lightning': 'MoveNet Lightning',
  'blazepose-lite': 'BlazePose Lite',
  'blazepose-full': 'BlazePose Full',
};

/**
 * An opener: remembers the main thread's backend between opens (starting TensorFlow.js's backend again for
 * the same setting would only cost time).
 */
export function createSourceOpener(defaults: { threads?: number | undefined } = {}): SourceOpener {
  let main: { setting: BackendSetting; threads: number | undefined; info: BackendInfo; notices: BackendNotice[] } | null = null;

  async function openMain(req: SourceRequest, o: OpenOptions): Promise<OpenedSource> {
    const [{ checkModelFiles, browserModelLoader }, { createPoseSource }, { initBackend }] = await Promise.all([
      import('./browserLoader'),
      import('./createPoseSource'),
      import('./backendStart'),
    ]);
    // A lost WebGL context (GPU reset) took the model's weights with it: start the backend again (it now
    // skips WebGL and says why).
    const threads = req.threads ?? defaults.threads;
    if (!main || main.setting !== req.backend || main.threads !== threads || (main.info.active === 'webgl' && webglWasLost())) {
      const be = await initBackend(req.backend, { threads });
      main = {
        setting: req.backend,
        threads,
        info: { active: be.backend, renderer: be.renderer, simd: be.simd, threads: be.threads },
        notices: be.notices,
      };
    }
    if (o.stillWanted && !o.stillWanted()) throw new OpenSuperseded();
    o.onActivity?.(`Checking the ${MODEL_NAMES[req.model]} model files…`);
    await checkModelFiles(req.model);
    o.onActivity?.(`Loading ${MODEL_NAMES[req.model]}…`);
    let source;
    try {
      source = await createPoseSource(req.model, { loader: browserModelLoader(), smoothing: req.smoothing ?? true });
    } catch (e) {
      throw new ModelLoadError(req.model, e);
    }
    return { source: source as OpenedSource['source'], backend: main.info, notices: main.notices };
  }

  async function openWorker(req: SourceRequest, o: OpenOptions): Promise<OpenedSource> {
    const [{ checkModelFiles }, { createWorkerPoseSource }, { isBackendFailure }] = await Promise.all([
      import('./browserLoader'),
      import('./worker/workerPoseSource'),
      import('./worker/protocol'),
    ]);
    if (o.stillWanted && !o.stillWanted()) throw new OpenSuperseded();
    // Files are checked from the page first, so a missing file gives the same screen as on the main thread.
    o.onActivity?.(`Checking the ${MODEL_NAMES[req.model]} model files…`);
    await checkModelFiles(req.model);
    o.onActivity?.(`Loading ${MODEL_NAMES[req.model]} in a background thread…`);
    try {
      const created = await createWorkerPoseSource(req.model, {
        backend: req.backend,
        smoothing: req.smoothing ?? true,
        threads: req.threads ?? defaults.threads,
      });
      return {
        source: created as unknown as OpenedSource['source'],
        backend: { active: created.backend.active, renderer: null, simd: created.backend.simd, threads: created.backend.threads },
        notices: created.backend.notices,
      };
    } catch (e) {
      // The worker's own failures (no backend, the worker itself, a model file) keep their kind; else the model.
      if (isBackendFailure(e) || (e instanceof Error && 'file' in e)) throw e;
      throw new ModelLoadError(req.model, e);
    }
  }

  return {
    async open(req, opts = {}) {
      const opened = req.worker ? await openWorker(req, opts) : await openMain(req, opts);
      if (opts.stillWanted && !opts.stillWanted()) {
        opened.source.dispose();
        throw new OpenSuperseded();
      }
      return opened;
    },
  };
}
