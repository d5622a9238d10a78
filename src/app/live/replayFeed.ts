// A recorded keypoint stream standing in for the camera and the model (test and bench builds, and the
// Node tests of the live session): the "camera" is a stand-in for a <video> that presents one frame per
// recorded frame interval on the injected clock, and the pose source hands back the recorded poses. There is
// no picture: the stage shows the skeleton on black.
import type { KeypointFixture } from '../../core/fixture';
import { createReplaySource } from '../../pose/replaySource';
import type { OpenedSource } from '../../pose/openSource';
import type { CameraFeed, CameraPort } from '../camera';
import type { Clock } from './poseFeed';

type FrameCb = (now: number, meta: { mediaTime: number; presentedFrames: number }) => void;

/** A camera whose frames come every 1000/fps ms of `clock`, sized as the recording. */
export function replayCamera(fixture: KeypointFixture, clock: Clock): CameraPort {
  return {
    open() {
      let cb: FrameCb | null = null;
      let presented = 0;
      let stopped = false;
      const ended: (() => void)[] = [];
      const stand = {
        readyState: 4,
        videoWidth: fixture.width,
        videoHeight: fixture.height,
        requestVideoFrameCallback(f: FrameCb) {
          cb = f;
          return 1;
        },
        cancelVideoFrameCallback() {
          cb = null;
        },
      };
      const stopTicks = clock.every(1000 / Math.max(1, fixture.fps), () => {
        if (stopped) return;
        presented += 1;
        const f = cb;
        cb = null;
        f?.(clock.now(), { mediaTime: presented / fixture.fps, presentedFrames: presented });
      });
      const feed: CameraFeed = {
        video: stand as unknown as HTMLVideoElement,
        deviceId: 'replay',
        onEnded: (f) => {
          ended.push(f);
        },
        onResize: () => undefined,
        live: () => !stopped,
        stop: () => {
          stopped = true;
          stopTicks();
        },
      };
      return Promise.resolve(feed);
    },
    list: () => Promise.resolve([{ deviceId: 'replay', label: 'Recorded stream' }]),
    onDeviceChange: () => () => undefined,
  };
}

/** The recorded poses as the pose source, looping. */
export function replayOpened(fixture: KeypointFixture): OpenedSource {
  return {
    source: createReplaySource(fixture, { loop: true }) as unknown as OpenedSource['source'],
    backend: { active: 'cpu', renderer: null, simd: false, threads: { count: 1, why: 'not-wasm' } },
    notices: [],
  };
}
