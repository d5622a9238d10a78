// The frame loop against a stand-in video whose frames we present by hand, and a model we resolve by hand:
// checks that each frame is processed at most once and that frames arriving mid-inference are dropped,
// never queued.
import { describe, expect, it } from 'vitest';
import type { Pose } from '../core/pose';
import type { PoseSource } from '../pose/types';
import { startFrameLoop, summarise } from './frameLoop';

type Cb = (now: number, meta: { mediaTime: number; presentedFrames: number }) => void;

function fakeVideo() {
  let cb: Cb | null = null;
  let presented = 0;
  const video = {
    readyState: 4,
    videoWidth: 640,
    videoHeight: 360,
    requestVideoFrameCallback(f: Cb) {
      cb = f;
      return 1;
    },
    cancelVideoFrameCallback() {
      cb = null;
    },
  };
  return {
    video: video as unknown as HTMLVideoElement,
    /** Presents the next frame; `skipped` frames were composited without a callback (main thread busy). */
    present(mediaTime: number, skipped = 0) {
      presented += 1 + skipped;
      const f = cb;
      cb = null;
      f?.(performance.now(), { mediaTime, presentedFrames: presented });
    },
    get waiting() {
      return cb !== null;
    },
  };
}

function manualSource() {
  const pending: ((p: Pose[]) => void)[] = [];
  const calls: number[] = [];
  const source: PoseSource<HTMLVideoElement> = {
    model: 'replay',
    estimate(_v, t) {
      calls.push(t);
      return new Promise<Pose[]>((r) => pending.push(r));
    },
    reset() {},
    dispose() {},
  };
  return { source, calls, resolveNext: () => pending.shift()?.([]) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('startFrameLoop', () => {
  it('runs the model once per new frame and drops frames that arrive while it is busy', async () => {
    const v = fakeVideo();
    const m = manualSource();
    const frames: number[] = [];
    const loop = startFrameLoop(v.video, m.source, {
      onPoseFrame: (f) => frames.push(f.t),
      onError: (e) => {
        throw e;
      },
    });

    v.present(0.0);
    expect(m.calls).toHaveLength(1);
    v.present(0.033); // model still busy: dropped, not queued
    v.present(0.066);
    expect(m.calls).toHaveLength(1);
    expect(loop.counters.dropped).toBe(2);

    m.resolveNext();
    await tick();
    expect(frames).toHaveLength(1);
    // Nothing runs until a new frame arrives: the dropped ones are gone.
    expect(m.calls).toHaveLength(1);

    v.present(0.1);
    expect(m.calls).toHaveLength(2);
    m.resolveNext();
    await tick();
    expect(loop.counters.frames).toBe(2);
    // One timing per processed frame, its instants in order (the bench splits model from engine + drawing).
    expect(loop.counters.timings).toHaveLength(2);
    const tm = loop.counters.timings[1]!;
    expect(tm.frameAt <= tm.start && tm.start <= tm.modelEnd && tm.modelEnd <= tm.end).toBe(true);
    loop.stop();
    expect(v.waiting).toBe(false);
  });

  it('does not process the same frame twice and counts frames the callback never saw', async () => {
    const v = fakeVideo();
    const m = manualSource();
    const loop = startFrameLoop(v.video, m.source, {
      onPoseFrame: () => {},
      onError: (e) => {
        throw e;
      },
    });
    v.present(0.5);
    m.resolveNext();
    await tick();
    v.present(0.5); // same media time again (e.g. a repaint): ignored
    expect(m.calls).toHaveLength(1);
    v.present(0.6, 3); // three frames were composited while the main thread was blocked
    expect(loop.counters.dropped).toBe(3);
    expect(m.calls).toHaveLength(2);
    loop.stop();
  });

  it('stops and reports when the model throws', async () => {
    const v = fakeVideo();
    const errors: unknown[] = [];
    const source: PoseSource<HTMLVideoElement> = {
      model: 'replay',
      estimate: () => Promise.reject(new Error('boom')),
      reset() {},
      dispose() {},
    };
    startFrameLoop(v.video, source, { onPoseFrame: () => {}, onError: (e) => errors.push(e) });
    v.present(0);
    await tick();
    expect(errors).toHaveLength(1);
    v.present(0.1);
    await tick();
    expect(errors).toHaveLength(1);
  });
});

/** A camera track that keeps its constraints as Chromium's does, and says what it was asked. */
function fakeTrack(refuse = false) {
  let constraints: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 } };
  const asked: MediaTrackConstraints[] = [];
  return {
    asked,
    getConstraints: () => constraints,
    applyConstraints(c: MediaTrackConstraints): Promise<void> {
      asked.push(c);
      if (refuse) return Promise.reject(new Error('OverconstrainedError'));
      constraints = c;
      return Promise.resolve();
    },
  };
}

describe('startFrameLoop paces a live camera to the model', () => {
  /** Runs `n` camera frames through a loop whose model takes `ms` on a wound clock, one frame every 1000/fps ms. */
  async function run(v: ReturnType<typeof fakeVideo>, clock: { t: number }, ms: number, n: number, fps = 30) {
    for (let i = 0; i < n; i++) {
      v.present(clock.t / 1000);
      clock.t += ms;
      await tick();
      await tick();
      clock.t += Math.max(0, 1000 / fps - ms);
    }
  }
  function setup(track: ReturnType<typeof fakeTrack> | null, pace?: boolean) {
    const v = fakeVideo();
    Object.assign(v.video, { srcObject: track ? { getVideoTracks: () => [track] } : null });
    const clock = { t: 0 };
    const source: PoseSource<HTMLVideoElement> = { model: 'replay', estimate: () => Promise.resolve([]), reset() {}, dispose() {} };
    const loop = startFrameLoop(v.video, source, {
      onPoseFrame: () => {},
      onError: (e) => {
        throw e;
      },
      now: () => clock.t,
      ...(pace === undefined ? {} : { pace }),
    });
    return { v, clock, loop };
  }

  it('asks a camera at 30 a second for 15 when the model takes 45 ms, keeping the size asked, and for no cap once it is fast', async () => {
    const track = fakeTrack();
    const { v, clock, loop } = setup(track);
    await run(v, clock, 45, 20);
    expect(track.asked).toHaveLength(0); // not before two seconds of frames
    await run(v, clock, 45, 30);
    expect(track.asked).toEqual([{ width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { max: 15 } }]);
    expect(loop.counters.cameraRate).toBe(15);
    // Less to draw, a slightly faster model: not fast enough to go back up (the hysteresis).
    await run(v, clock, 40, 60, 15);
    expect(track.asked).toHaveLength(1);
    // A faster model (another one chosen): the cap goes.
    await run(v, clock, 20, 60, 15);
    expect(track.asked.at(-1)).toEqual({ width: { ideal: 640 }, height: { ideal: 480 } });
    expect(loop.counters.cameraRate).toBeNull();
    loop.stop();
  });

  it('carries on from the cap already in the track, and leaves a camera that refuses at its own rate', async () => {
    const track = fakeTrack();
    await track.applyConstraints({ frameRate: { max: 20 } });
    const first = setup(track);
    expect(first.loop.counters.cameraRate).toBe(20);
    first.loop.stop();

    const refusing = fakeTrack(true);
    const { v, clock, loop } = setup(refusing);
    await run(v, clock, 45, 120);
    expect(refusing.asked).toHaveLength(1);
    expect(loop.counters.cameraRate).toBeNull();
    expect(loop.counters.frames).toBeGreaterThan(100);
    loop.stop();
  });

  it('leaves the camera free when the model is too slow for a cap of 15', async () => {
    const track = fakeTrack();
    const { v, clock, loop } = setup(track);
    await run(v, clock, 70, 80);
    expect(track.asked).toHaveLength(0);
    expect(loop.counters.cameraRate).toBeNull();
    loop.stop();
  });

  it('never touches the camera when told not to, nor a video without a camera track', async () => {
    const track = fakeTrack();
    const off = setup(track, false);
    await run(off.v, off.clock, 45, 80);
    expect(track.asked).toHaveLength(0);
    off.loop.stop();
    const none = setup(null);
    await run(none.v, none.clock, 70, 80);
    expect(none.loop.counters.cameraRate).toBeNull();
    expect(none.loop.counters.frames).toBe(80);
    none.loop.stop();
  });
});

describe('summarise', () => {
  it('gives processed frames per second and the median model time', () => {
    const now = 10_000;
    const c = {
      frames: 5,
      dropped: 0,
      recentMs: [60, 70, 65, 200, 64],
      recentAt: [9000, 9250, 9500, 9750, 10_000],
      timings: [],
      cameraRate: null,
    };
    const s = summarise(c, now);
    expect(s.fps).toBeCloseTo(4, 5);
    expect(s.modelMs).toBe(65);
  });
});
