// The measured model speeds (modelSpeed.ts) for the page, remembered in this browser's localStorage.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ModelName } from '../core/pose';
import type { BackendName } from '../pose/backend';
import type { MeasuredSpeeds } from './modelSpeed';
import { noteSpeed, parseSpeeds } from './modelSpeed';

const STORAGE_KEY = 'form-coach:model-speeds@1';

function readStored(): MeasuredSpeeds {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? parseSpeeds(JSON.parse(raw)) : {};
  } catch {
    return {};
  }
}

/** Empty until loadStoredSpeeds() (main.tsx) reads what this browser kept: nothing is read at import. */
export const speedStore = createStore<{ speeds: MeasuredSpeeds }>()(() => ({ speeds: {} }));

/** Reads the speeds this browser kept into the store (once, at start-up). */
export function loadStoredSpeeds(): void {
  speedStore.setState({ speeds: readStored() });
}

export function useModelSpeeds(): MeasuredSpeeds {
  return useStore(speedStore, (s) => s.speeds);
}

/** Called with the frame loop's counters (twice a second); keeps and stores a figure once there is one. */
export function noteModelSpeed(
  model: ModelName,
  backend: BackendName | null,
  recentMs: readonly number[],
  frames: number,
  threads = 1,
): void {
  if (!backend) return;
  const prev = speedStore.getState().speeds;
  const next = noteSpeed(prev, model, backend, recentMs, frames, Date.now(), threads);
  if (next === prev) return;
  speedStore.setState({ speeds: next });
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private mode or quota: the figure holds for this page only.
  }
}
