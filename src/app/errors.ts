// What went wrong, in people's words. Every failure the app can meet (camera, model files, the pose engine,
// detection stopping mid-set, the background thread) becomes an AppError here: a short title, what happened
// and what to do in plain words, and the technical cause kept apart for the collapsed "Details" and the
// console. The same goes for the start-up notices (a slower engine than planned, and so on).
//
// Plain TypeScript: no React, no DOM types, no TensorFlow. Errors are recognised by their `name` and fields,
// not by instanceof, so errors made in a lazily loaded chunk or rebuilt from the worker's report are
// recognised too, and the module runs in Node tests.
import type { BackendName, BackendNotice } from '../pose/backend';

export type ErrorKind =
  | 'camera-denied'
  | 'no-camera'
  | 'camera-busy'
  | 'camera-other'
  | 'model-files'
  | 'offline-model'
  | 'model-other'
  | 'backend'
  | 'detection-stopped'
  | 'unknown';

export interface AppError {
  kind: ErrorKind;
  /** What happened, in a few words (the screen's heading). */
  title: string;
  /** What happened and what to do, in a person's words (never a command to type: those go in `technical`). */
  detail: string;
  /** The technical cause (error name, message, file) for the collapsed Details and the console; '' when none. */
  technical: string;
}

/** The pose model could not be built from its files (the cause is tfjs' own error). */
export class ModelLoadError extends Error {
  constructor(
    readonly model: string,
    readonly reason: unknown,
  ) {
    super(`The ${model} model could not be loaded: ${messageOf(reason)}`);
    this.name = 'ModelLoadError';
  }
}

/** The error's name and message, never its stack ("Error: x" for plain errors; strings as they are). */
export function technicalText(e: unknown): string {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    const n = typeof name === 'string' && name ? name : 'Error';
    const m = typeof message === 'string' ? message : String(message);
    return m ? `${n}: ${m}` : n;
  }
  return String(e);
}

function messageOf(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e && typeof (e as { message: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}

function nameOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e && typeof (e as { name: unknown }).name === 'string'
    ? (e as { name: string }).name
    : '';
}

function field(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null && key in e ? (e as Record<string, unknown>)[key] : undefined;
}

/** What a person can do about a model file (no command: that is for whoever set Form Coach up, under Details). */
const FIX_MODELS = 'Ask whoever set up Form Coach on this computer to restore its files (how is under Details), then press Try again.';
/** For whoever set Form Coach up: the command that fetches the model files again (Details only). */
const RESTORE_MODELS = 'To restore the model files, run `npm run models` in the Form Coach folder.';
const OTHER_BROWSER = 'If that does not help, update this browser or open Form Coach in Chrome, Edge or Firefox.';

/** What getUserMedia's failure means for the person, by the DOMException's name. */
export function cameraFailure(e: unknown): AppError {
  const technical = technicalText(e);
  switch (nameOf(e)) {
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        kind: 'camera-denied',
        title: 'Camera access was blocked',
        detail:
          'Form Coach needs the camera to see your movements; the video never leaves this computer. ' +
          'Allow the camera for this page (the camera icon in the address bar), then reload.',
        technical,
      };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return {
        kind: 'no-camera',
        title: 'No camera found',
        detail: 'Connect a webcam (or choose another one in Settings), then press Try again.',
        technical,
      };
    case 'NotReadableError':
    case 'AbortError':
      return {
        kind: 'camera-busy',
        title: 'The camera is busy',
        detail: 'Another app or browser tab is using the camera. Close it (video calls are the usual culprit), then press Try again.',
        technical,
      };
    default:
      return {
        kind: 'camera-other',
        title: 'The camera could not start',
        detail:
          'Check that the camera is plugged in and that no other app is using it, then press Try again. ' +
          'If it still does not start, restart the browser.',
        technical,
      };
  }
}

/** The browser offers no camera API here (an old browser, or the page opened from an address it distrusts). */
export function cameraUnavailable(): AppError {
  return {
    kind: 'no-camera',
    title: 'This browser cannot use a camera here',
    detail:
      'Open Form Coach in an up-to-date Chrome, Edge or Firefox, at the address it was started on ' +
      '(it begins with http://127.0.0.1 or http://localhost).',
    technical: 'navigator.mediaDevices.getUserMedia is not available (an insecure origin or an old browser).',
  };
}

/**
 * Any failure while the camera, the engine and the model start (`when: 'starting'`) or while frames are
 * being processed (`when: 'running'`), as the screen shows it.
 */
export function describeFailure(e: unknown, when: 'starting' | 'running' = 'starting', env: { offline?: boolean } = {}): AppError {
  // Already worded (a camera failure carries its AppError).
  const given = field(e, 'appError');
  if (isAppError(given)) return given;

  const name = nameOf(e);
  const technical = technicalText(e);
  const file = field(e, 'file');
  const workerKind = name === 'PoseWorkerError' ? field(e, 'kind') : undefined;

  // Offline while starting: whatever part failed to load (the model, the engine's files), nothing is broken;
  // it has not been downloaded yet on this visit.
  if (
    env.offline &&
    when === 'starting' &&
    (typeof file === 'string' ||
      name === 'ModelLoadError' ||
      name === 'BackendStartError' ||
      workerKind !== undefined ||
      /fetch|network/i.test(technical))
  ) {
    // Offline on a visit that has not downloaded the model yet: nothing is broken, the file is just not here.
    return {
      kind: 'offline-model',
      title: 'The pose model is not downloaded yet',
      detail:
        'You’re offline and the pose model isn’t downloaded yet: connect to the internet once, then press Try again. ' +
        'After that, Form Coach works without a connection.',
      technical: `${file}: ${technical} (the browser is offline)`,
    };
  }
  if (typeof file === 'string') {
    return {
      kind: 'model-files',
      title: 'A model file is missing or damaged',
      detail: `Form Coach needs this file to see you, and reloading will not bring it back. ${FIX_MODELS}`,
      technical: `${file}: ${technical}. ${RESTORE_MODELS}`,
    };
  }
  if (name === 'ModelLoadError' || workerKind === 'model-load') {
    const reason = field(e, 'reason');
    return {
      kind: 'model-other',
      title: 'The pose model could not be loaded',
      detail: `Its files may be damaged. ${FIX_MODELS} You can also choose another pose model in Settings.`,
      technical: `${reason !== undefined ? `${technical} (cause: ${technicalText(reason)})` : technical}. ${RESTORE_MODELS}`,
    };
  }
  if (workerKind === 'worker') {
    return {
      kind: when === 'running' ? 'detection-stopped' : 'backend',
      title: when === 'running' ? 'Pose detection stopped' : 'The pose engine could not start',
      detail:
        'Pose detection in the background thread stopped working. Turn off “Run the pose model in a background ' +
        'thread” in Settings (it shows with the speed readout), then press Try again.',
      technical,
    };
  }
  if (when === 'running' || workerKind === 'estimate') {
    return {
      kind: 'detection-stopped',
      title: 'Pose detection stopped',
      detail:
        'Form Coach stopped following your movements because of a problem in this browser. ' +
        'What was counted so far is kept. Press Try again to carry on; if it keeps stopping, reload the page.',
      technical,
    };
  }
  if (name === 'BackendStartError' || workerKind === 'backend' || /backend/i.test(technical)) {
    return {
      kind: 'backend',
      title: 'The pose engine could not start',
      detail: `This browser could not run the part of Form Coach that finds your body in the picture. Reload the page. ${OTHER_BROWSER}`,
      technical,
    };
  }
  return {
    kind: 'unknown',
    title: 'Something went wrong',
    detail: `Form Coach could not get ready. Press Try again, or reload the page. ${OTHER_BROWSER}`,
    technical,
  };
}

function isAppError(x: unknown): x is AppError {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as AppError).kind === 'string' &&
    typeof (x as AppError).title === 'string' &&
    typeof (x as AppError).detail === 'string' &&
    typeof (x as AppError).technical === 'string'
  );
}

/**
 * The start-up notices as the page shows them, one sentence each, no duplicates. `active` is the engine that
 * did start (the words differ when only the slowest one did).
 */
export function noticeTexts(notices: readonly BackendNotice[], active: BackendName): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (!out.includes(s)) out.push(s);
  };
  for (const n of notices) {
    switch (n.kind) {
      case 'fallback':
        add(
          active === 'cpu'
            ? 'Pose detection could not start its fast mode in this browser, so it runs in its slowest mode: ' +
                `the skeleton and the counts will lag. Reload the page to try again. ${OTHER_BROWSER}`
            : 'Pose detection could not start in its first-choice mode here, so it uses another one, which may be slower.',
        );
        break;
      case 'webgl-lost':
        add('The graphics card stopped responding, so pose detection switched to a mode that does not need it. It may be slower.');
        break;
      case 'software-webgl':
        add(
          'The graphics-card engine chosen in Settings has no real graphics card to use in this browser, so it is much slower ' +
            'than the other engines. Choose “Automatic” as the engine in Settings.',
        );
        break;
      case 'no-webgl':
        add('This browser cannot use the graphics card, so pose detection uses another engine than the one chosen in Settings.');
        break;
      case 'no-simd':
        add(
          'This browser lacks a feature that makes pose detection fast, so it will be slower. An up-to-date Chrome, Edge or Firefox is faster.',
        );
        break;
      case 'worker-no-webgl':
        add('The background thread cannot use the graphics card, so pose detection runs on the processor there.');
        break;
    }
  }
  return out;
}

/** The technical side of a notice, for the console. */
export function noticeTechnical(n: BackendNotice): string {
  switch (n.kind) {
    case 'fallback':
      return `${n.backend} backend: ${n.detail}; trying the next backend`;
    case 'webgl-lost':
      return 'WebGL context lost earlier in this page; WebGL skipped';
    case 'software-webgl':
      return `WebGL renderer is software: ${n.renderer}`;
    case 'no-webgl':
      return 'No WebGL context available';
    case 'no-simd':
      return 'wasm backend without SIMD support';
    case 'worker-no-webgl':
      return `WebGL is not used in the worker; running on ${n.backend}`;
  }
}
