// Camera access: open a stream, list cameras, and turn getUserMedia's DOMException names into messages
// a person can act on (errors.ts). 640x480 is asked for as "ideal": MoveNet and BlazePose resize to 192-256 px inputs,
// so more pixels only cost decode time. `browserCamera()` is the CameraPort the LiveSession is given; a
// replayed stream has its own (live/replayFeed.ts).
import type { AppError } from './errors';
import { cameraFailure, cameraUnavailable } from './errors';
import type { CameraInfo } from './store';

/** A camera failure, already worded for people (errors.ts); the browser's own error is its `cause`. */
export class CameraError extends Error {
  constructor(
    readonly appError: AppError,
    cause?: unknown,
  ) {
    super(appError.technical || appError.title, { cause });
    this.name = 'CameraError';
  }
}

export async function openCamera(deviceId: string | null): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new CameraError(cameraUnavailable());
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
    throw new CameraError(cameraFailure(e), e);
  }
}

export async function listCameras(): Promise<CameraInfo[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'videoinput').map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

/** Attaches a stream and waits for the first frame's size; sets width/height attributes for BlazePose. */
export async function attachStream(video: HTMLVideoElement, stream: MediaStream): Promise<void> {
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  if (video.readyState < HTMLMediaElement.HAVE_METADATA) {
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        cleanup();
        resolve();
      };
      const fail = () => {
        cleanup();
        reject(new CameraError(cameraFailure(video.error ?? new Error('video error'))));
      };
      const cleanup = () => {
        video.removeEventListener('loadedmetadata', done);
        video.removeEventListener('error', fail);
      };
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
      track?.addEventListener('ended', () => {
        if (!stopped) ended.forEach((f) => f());
      });
      try {
        await attachStream(video, stream);
      } catch (e) {
        stopStream(stream);
        throw e;
      }
      return {
        video,
        deviceId: track?.getSettings().deviceId ?? null,
        onEnded: (cb) => {
          ended.push(cb);
        },
        onResize: (cb) => {
          video.onresize = () => {
            syncVideoSize(video);
            cb();
          };
        },
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
