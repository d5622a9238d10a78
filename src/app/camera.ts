// Camera access: open a stream, list cameras, and turn getUserMedia's DOMException names into messages
// a person can act on. 640x480 is asked for as "ideal": MoveNet and BlazePose resize to 192-256 px inputs,
// so more pixels only cost decode time. `browserCamera()` is the CameraPort the LiveSession is given; a
// replayed stream has its own (live/replayFeed.ts).
import type { AppError, CameraInfo } from './store';

/** A running camera: the element the frame loop watches, and its life. */
export interface CameraFeed {
  /** What the frame loop reads frames from: the <video>, or a stand-in with the same frame callbacks. */
  readonly video: HTMLVideoElement;
  readonly deviceId: string | null;
  /** The camera stopped by itself (unplugged, taken by the system). */
  onEnded(cb: () => void): void;
  /** The picture changed size. */
  onResize(cb: () => void): void;
  /** True while frames can come. */
  live(): boolean;
  stop(): void;
}

/** Opens cameras; the LiveSession is constructed with one (the browser's, or a replay's). */
export interface CameraPort {
  open(video: HTMLVideoElement, deviceId: string | null): Promise<CameraFeed>;
  list(): Promise<CameraInfo[]>;
  /** A camera was plugged in or freed; returns the unsubscribe. */
  onDeviceChange(cb: () => void): () => void;
}

/** The browser's cameras through getUserMedia. */
export function browserCamera(): CameraPort {
  return {
    async open(video, deviceId) {
      const stream = await openCamera(deviceId);
      const track = stream.getVideoTracks()[0];
      let stopped = false;
      const ended: (() => void)[] = [];
      track?.addEventListener('ended', () => { if (!stopped) ended.forEach((f) => f()); });
      try {
        await attachStream(video, stream);
      } catch (e) {
        stopStream(stream);
        throw e;
      }
      return {
        video,
        deviceId: track?.getSettings().deviceId ?? null,
        onEnded: (cb) => { ended.push(cb); },
        onResize: (cb) => { video.onresize = () => { syncVideoSize(video); cb(); }; },
        live: () => !stopped && track?.readyState === 'live',
        stop: () => {
          stopped = true;
          video.onresize = null;
          stopStream(stream);
          if (video.srcObject === stream) video.srcObject = null;
        },
      };
    },
    list: () => listCameras(),
    onDeviceChange(cb) {
      const md = navigator.mediaDevices;
      if (!md?.addEventListener) return () => undefined;
      md.addEventListener('devicechange', cb);
      return () => md.removeEventListener('devicechange', cb);
    },
  };
}

export class CameraError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.title);
  }
}

export function cameraErrorFor(e: unknown): AppError {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        kind: 'camera-denied',
        title: 'Camera access was blocked',
        detail: 'Form Coach needs the camera to see your movements; the video never leaves this computer. '
          + 'Allow the camera for this page (the camera icon in the address bar), then reload.',
      };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return {
        kind: 'no-camera',
        title: 'No camera found',
        detail: 'Connect a webcam (or choose another one in Settings), then reload the page.',
      };
    case 'NotReadableError':
    case 'AbortError':
      return {
        kind: 'camera-busy',
        title: 'The camera is busy',
        detail: 'Another app or browser tab is using the camera. Close it (video calls are the usual culprit), then reload.',
      };
    default:
      return {
        kind: 'camera-other',
        title: 'The camera could not start',
        detail: e instanceof Error ? e.message : String(e),
      };
  }
}

export async function openCamera(deviceId: string | null): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new CameraError({
      kind: 'no-camera',
      title: 'This browser cannot use a camera here',
      detail: 'Open Form Coach over http://localhost or https in a current browser.',
    });
  }
  const video: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 } };
  if (deviceId) video.deviceId = { exact: deviceId };
  try {
    return await navigator.mediaDevices.getUserMedia({ video, audio: false });
  } catch (e) {
    // A remembered camera that is gone: fall back to any camera rather than failing.
    if (deviceId && e instanceof DOMException && (e.name === 'OverconstrainedError' || e.name === 'NotFoundError')) {
      return openCamera(null);
    }
    throw new CameraError(cameraErrorFor(e));
  }
}

export async function listCameras(): Promise<CameraInfo[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'videoinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

/** Attaches a stream and waits for the first frame's size; sets width/height attributes for BlazePose. */
export async function attachStream(video: HTMLVideoElement, stream: MediaStream): Promise<void> {
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  if (video.readyState < HTMLMediaElement.HAVE_METADATA) {
    await new Promise<void>((resolve, reject) => {
      const done = () => { cleanup(); resolve(); };
      const fail = () => { cleanup(); reject(new CameraError(cameraErrorFor(video.error ?? new Error('video error')))); };
      const cleanup = () => { video.removeEventListener('loadedmetadata', done); video.removeEventListener('error', fail); };
      video.addEventListener('loadedmetadata', done);
      video.addEventListener('error', fail);
    });
  }
  await video.play();
  syncVideoSize(video);
}

/**
 * BlazePose (tfjs) reads the element's width/height attributes, not videoWidth/videoHeight; without
 * this its keypoints come out scaled (../shared/NOTES.md, pitfall 2). CSS sizes the element on screen.
 */
export function syncVideoSize(video: HTMLVideoElement): void {
  if (video.videoWidth > 0 && video.videoHeight > 0) {
    video.width = video.videoWidth;
    video.height = video.videoHeight;
  }
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}
