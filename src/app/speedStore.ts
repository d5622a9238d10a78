// The measured model speeds (modelSpeed.ts) for the page, remembered in this browser's localStorage.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ModelName } from '../core/pose';
import type { BackendName } from '../pose/backend';
import type { MeasuredSpeeds, SpeedAdvice } from './modelSpeed';
import { MIN_FRAMES, noteSpeed, parseSpeeds, speedAdvice } from './modelSpeed';
import { FASTER_MODEL } from './settings/accuracy';

const STORAGE_KEY = 'form-coach:model-speeds@1';
/** Models whose slow-computer advice the person answered "keep": not offered again in this browser. */
const KEPT_KEY = 'form-coach:speed-advice-kept@1';

function readStored(): MeasuredSpeeds {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? parseSpeeds(JSON.parse(raw)) : {};
  } catch {
    return {};
  }
}

interface SpeedState {
  speeds: MeasuredSpeeds;
  /** The slow-computer advice on screen, or null. */
  advice: SpeedAdvice | null;
  /** Models already judged in this page (the advice is weighed once per model, at the start of its run). */
  judged: readonly string[];
}

/** Empty until loadStoredSpeeds() (main.tsx) reads what this browser kept: nothing is read at import. */
export const speedStore = createStore<SpeedState>()(() => ({ speeds: {}, advice: null, judged: [] }));

/** Reads the speeds this browser kept into the store (once, at start-up). */
export function loadStoredSpeeds(): void {
  speedStore.setState({ speeds: readStored() });
}

export function useModelSpeeds(): MeasuredSpeeds {
  return useStore(speedStore, (s) => s.speeds);
}

export function useSpeedAdvice(): SpeedAdvice | null {
  return useStore(speedStore, (s) => s.advice);
}

function keptModels(): string[] {
  try {
    const raw = globalThis.localStorage?.getItem(KEPT_KEY);
    const v: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The person answered the advice: it goes either way. "Keep" (`keep` true) is remembered in this browser, so the
 * same model is not questioned again; a switch needs no memory, as the faster model is never questioned.
 */
export function answerSpeedAdvice(keep: boolean): void {
  const a = speedStore.getState().advice;
  speedStore.setState({ advice: null });
  if (!a || !keep) return;
  try {
    globalThis.localStorage?.setItem(KEPT_KEY, JSON.stringify([...new Set([...keptModels(), a.model])]));
  } catch {
    // Private mode or quota: asked again on the next visit.
  }
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
  // The start of a run: the advice is weighed once per model and page, when the first whole window is in.
  const st = speedStore.getState();
  if (frames >= MIN_FRAMES && !st.judged.includes(model)) {
    const advice = keptModels().includes(model) ? null : speedAdvice(model, recentMs, frames, FASTER_MODEL);
    speedStore.setState({ judged: [...st.judged, model], ...(advice ? { advice } : {}) });
  }
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
