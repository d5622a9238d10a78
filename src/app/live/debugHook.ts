// What tests and the bench read of a live session (window.__formCoach, in test and bench builds only):
// the last frame, the feed's speed and the flow's state name. Nothing here steers the session.
import type { PoseFrame } from '../../core/pose';
import type { FrameTiming } from '../frameLoop';
import type { AppState } from '../store';
import type { StoreApi } from 'zustand/vanilla';
import type { PoseFeed } from './poseFeed';
import type { SetRunner } from './setRunner';

export interface DebugHook {
  getLastPoses(): PoseFrame['poses'] | null;
  getLastFrame(): PoseFrame | null;
  getStats(): {
    fps: number;
    modelMs: number;
    dropped: number;
    frames: number;
    cameraRate: number | null;
    backend: string | null;
    threads: number | null;
    model: string;
    phase: string;
  };
  getRecentModelMs(): number[];
  getFrameTimings(): FrameTiming[];
  /** The live flow's state name ('framing', 'counting', …) or null. */
  getFlow(): string | null;
}

export function debugHookOf(feed: PoseFeed, run: SetRunner, store: StoreApi<AppState>): DebugHook {
  return {
    getLastPoses: () => feed.lastFrame?.poses ?? null,
    getLastFrame: () => feed.lastFrame,
    getStats: () => {
      const s = store.getState();
      const { fps, modelMs, dropped, frames, cameraRate } = feed.stats();
      return {
        fps,
        modelMs,
        dropped,
        frames,
        cameraRate,
        backend: s.backend?.active ?? null,
        threads: s.backend?.threads.count ?? null,
        model: s.settings.model,
        phase: s.phase,
      };
    },
    getRecentModelMs: () => feed.stats().recentMs,
    getFrameTimings: () => feed.stats().timings,
    getFlow: () => run.flow?.name ?? null,
  };
}
