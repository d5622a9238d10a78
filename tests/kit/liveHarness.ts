// Test helper (Node): the LiveSession as the app builds it, but on a hand-wound clock, with a recorded
// keypoint stream as its camera and model (replayFeed.ts), a speaker that writes down what it is asked to
// say, and a saver that keeps records in memory. What the tests read: the path of flow states, the spoken
// lines with their times, the saved records, the store.
import type { KeypointFixture } from '../../src/core/fixture';
import { framesToFixture } from '../../src/core/fixture';
import type { PoseFrame } from '../../src/core/pose';
import type { Routine } from '../../src/session/routine';
import { DEFAULT_ROUTINE } from '../../src/session/routine';
import type { SessionRecord } from '../../src/storage/schema';
import type { AppState } from '../../src/app/store';
import { createAppStore } from '../../src/app/store';
import type { StoreApi } from 'zustand/vanilla';
import type { Clock } from '../../src/app/live/LiveSession';
import { LiveSession } from '../../src/app/live/LiveSession';
import { replayCamera, replayOpened } from '../../src/app/live/replayFeed';
import type { PendingStore } from '../../src/app/live/pendingSet';

/** A clock that moves only when told to, running due callbacks in time order. */
export class FakeClock implements Clock {
  private t = 0;
  private nextId = 0;
  private readonly timers = new Map<number, { every: number; next: number; fn: () => void }>();

  now(): number {
    return this.t;
  }

  every(ms: number, fn: () => void): () => void {
    const id = ++this.nextId;
    this.timers.set(id, { every: ms, next: this.t + ms, fn });
    return () => {
      this.timers.delete(id);
    };
  }

  /** Moves time on by `ms`, calling each due callback at its time and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      let due: { every: number; next: number; fn: () => void } | null = null;
      for (const tm of this.timers.values()) if (tm.next <= end && (!due || tm.next < due.next)) due = tm;
      if (!due) break;
      this.t = due.next;
      due.next += due.every;
      due.fn();
      await settle();
    }
    this.t = end;
    await settle();
  }
}

/** Lets every pending promise callback run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface Harness {
  session: LiveSession;
  store: StoreApi<AppState>;
  clock: FakeClock;
  /** Lines asked to be spoken, with the clock's time (ms). */
  spoken: { t: number; text: string }[];
  /** Every save, in order (the same record id may be saved several times as the set runs). */
  saved: SessionRecord[];
  /** The flow states the live screen went through, without repeats; 'summary' when it showed. */
  path: string[];
  fixture: KeypointFixture;
  /** Spoken texts only. */
  texts(): string[];
}

/**
 * A LiveSession on `frames` (a recorded stream, replayed in a loop at `fps`), attached to a stand-in stage.
 * Nothing runs until the test opens an exercise and winds the clock.
 */
export async function harness(
  frames: readonly PoseFrame[],
  opts: { fps?: number; routine?: Routine; pending?: PendingStore } = {},
): Promise<Harness> {
  const clock = new FakeClock();
  const fixture = framesToFixture(frames, { source: 'test', model: 'movenet-thunder', fps: opts.fps ?? 15 });
  const store = createAppStore();
  store.setState({ settings: { ...store.getState().settings, voiceOn: true } });
  const spoken: Harness['spoken'] = [];
  const saved: SessionRecord[] = [];
  const path: string[] = [];
  const session = new LiveSession({
    store,
    openSource: () => Promise.resolve(replayOpened(fixture)),
    camera: replayCamera(fixture, clock),
    clock,
    speaker: {
      say: (text) => {
        spoken.push({ t: clock.now(), text });
      },
      cancel: () => undefined,
      configure: () => undefined,
    },
    save: (r) => {
      saved.push(r);
      return Promise.resolve();
    },
    loadRoutine: () => opts.routine ?? DEFAULT_ROUTINE,
    go: (screen) => store.setState({ screen }),
    wallClock: () => 1_800_000_000_000 + clock.now(),
    ...(opts.pending ? { pending: opts.pending } : {}),
  });
  store.subscribe((s) => {
    const name = s.screen === 'summary' ? 'summary' : (s.live?.stage ?? null);
    if (name && path[path.length - 1] !== name) path.push(name);
  });
  session.start();
  session.attach({} as HTMLVideoElement, null);
  await settle();
  return { session, store, clock, spoken, saved, path, fixture, texts: () => spoken.map((s) => s.text) };
}

/** `frames` shifted so the first is at `t0` (ms), keeping their spacing. */
export function shifted(frames: readonly PoseFrame[], t0: number): PoseFrame[] {
  const base = frames[0]?.t ?? 0;
  return frames.map((f) => ({ ...f, t: f.t - base + t0 }));
}

/** A stream built from pieces: each piece's frames follow the previous at the given fps. */
export function concat(fps: number, ...pieces: readonly (readonly PoseFrame[])[]): PoseFrame[] {
  const out: PoseFrame[] = [];
  for (const p of pieces) for (const f of p) out.push({ ...f, t: (out.length * 1000) / fps });
  return out;
}

/** `n` frames with nobody in view, sized like `like`. */
export function nobody(n: number, like: PoseFrame): PoseFrame[] {
  return Array.from({ length: n }, () => ({ t: 0, width: like.width, height: like.height, poses: [] }));
}
