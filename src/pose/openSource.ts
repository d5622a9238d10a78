// The one way to open a pose source in the browser, used by the live app, the analyser page and the bench:
// backend (started once per opener and setting) → model files checked (a missing or damaged file is named)
// → the model on the main thread or in a worker → a failure mapped to one of three kinds the screens know.
// Heavy code (TensorFlow.js, the model code) is imported here, lazily, so callers stay light.
import type { ModelName } from '../core/pose';
import type { BackendName, BackendSetting } from './backend';
import { initBackend, webglWasLost } from './backend';
import type { PoseSource } from './types';

export interface SourceRequest {
  model: ModelName;
  backend: BackendSetting;
  /** Run the model in a Web Worker. */
  worker?: boolean;
  /** The model's own temporal filter (on for the live camera; off for analysis, as in the CLI). */
  smoothing?: boolean;
}

export interface BackendInfo { active: BackendName; renderer: string | null; simd: boolean }

export interface OpenedSource {
  /** Takes a <video> (the live camera) or any image the model reads (a canvas, for the analyser). */
  source: PoseSource<HTMLVideoElement | HTMLCanvasElement>;
  backend: BackendInfo;
  /** Plain notes about fallbacks, shown by the app (empty when the first choice worked). */
  notices: string[];
}

/**
 * What went wrong, in the kinds the error screens know: 'model-files' (a file missing or damaged, named),
 * 'backend' (no engine could start), 'model-other' (the model did not load for another reason).
 */
export type SourceErrorKind = 'model-files' | 'backend' | 'model-other';

export class PoseSourceError extends Error {
  constructor(readonly kind: SourceErrorKind, message: string, readonly file?: string) {
    super(message);
    this.name = 'PoseSourceError';
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
  'movenet-thunder': 'MoveNet Thunder', 'movenet-lightning': 'MoveNet Lightning',
  'blazepose-lite': 'BlazePose Lite', 'blazepose-full': 'BlazePose Full',
};

/**
 * An opener: remembers the main thread's backend between opens (starting TensorFlow.js's backend again for
 * the same setting would only cost time).
 */
export function createSourceOpener(): SourceOpener {
  let main: { setting: BackendSetting; info: BackendInfo; notices: string[] } | null = null;

  async function openMain(req: SourceRequest, o: OpenOptions): Promise<OpenedSource> {
    const [{ checkModelFiles, browserModelLoader }, { createPoseSource }] = await Promise.all([
      import('./browserLoader'), import('./createPoseSource'),
    ]);
    // A lost WebGL context (GPU reset) took the model's weights with it: start the backend again (it now
    // skips WebGL and says why).
    if (!main || main.setting !== req.backend || (main.info.active === 'webgl' && webglWasLost())) {
      let be;
      try {
        be = await initBackend(req.backend);
      } catch (e) {
        throw new PoseSourceError('backend', message(e));
      }
      main = { setting: req.backend, info: { active: be.backend, renderer: be.renderer, simd: be.simd }, notices: be.notices };
    }
    if (o.stillWanted && !o.stillWanted()) throw new OpenSuperseded();
    o.onActivity?.(`Checking the ${MODEL_NAMES[req.model]} model files…`);
    await checkFiles(checkModelFiles, req.model);
    o.onActivity?.(`Loading ${MODEL_NAMES[req.model]}…`);
    let source;
    try {
      source = await createPoseSource(req.model, { loader: browserModelLoader(), smoothing: req.smoothing ?? true });
    } catch (e) {
      throw modelLoadError(req.model, e);
    }
    return { source: source as OpenedSource['source'], backend: main.info, notices: main.notices };
  }

  async function openWorker(req: SourceRequest, o: OpenOptions): Promise<OpenedSource> {
    const [{ checkModelFiles }, { createWorkerPoseSource }, { PoseWorkerError }] = await Promise.all([
      import('./browserLoader'), import('./worker/workerPoseSource'), import('./worker/protocol'),
    ]);
    if (o.stillWanted && !o.stillWanted()) throw new OpenSuperseded();
    // Files are checked from the page first, so a missing file gives the same screen as on the main thread.
    o.onActivity?.(`Checking the ${MODEL_NAMES[req.model]} model files…`);
    await checkFiles(checkModelFiles, req.model);
    o.onActivity?.(`Loading ${MODEL_NAMES[req.model]} in a background thread…`);
    try {
      const created = await createWorkerPoseSource(req.model, { backend: req.backend, smoothing: req.smoothing ?? true });
      return {
        source: created as unknown as OpenedSource['source'],
        backend: { active: created.backend.active, renderer: null, simd: created.backend.simd },
        notices: created.backend.notices,
      };
    } catch (e) {
      if (e instanceof PoseWorkerError) {
        if (e.kind === 'backend' || e.kind === 'worker') throw new PoseSourceError('backend', e.message);
        if (e.kind === 'model-file') throw new PoseSourceError('model-files', e.message, (e as { file?: string }).file);
      }
      throw modelLoadError(req.model, e);
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

async function checkFiles(check: (m: ModelName) => Promise<void>, model: ModelName): Promise<void> {
  try {
    await check(model);
  } catch (e) {
    const file = e instanceof Error && 'file' in e ? String((e as { file: unknown }).file) : undefined;
    throw new PoseSourceError(file !== undefined ? 'model-files' : 'model-other', message(e), file);
  }
}

function modelLoadError(model: ModelName, cause: unknown): PoseSourceError {
  return new PoseSourceError('model-other', `The ${model} model could not be loaded: ${message(cause)}. `
    + 'If its files are damaged, run `npm run models` in the project folder, then reload.');
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
