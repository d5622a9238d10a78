// What the engine emits, as types only: its stages push these, the app and the summaries read them.
import type { KeypointName, Side } from './geometry';
import type { Severity } from './ruleContext';

export type SetupIssue = 'no-person' | 'body-cut-off' | 'wrong-view' | 'wrong-posture' | 'too-dark';
export type Phase = 'setup' | 'active' | 'paused';

/** A cue's priority class (cues.ts: safety > set-up > fault > praise and information). */
export type CueKind = 'safety' | 'setup' | 'fault' | 'praise' | 'info';

/**
 * What a cue is about, with its numbers, as typed fields: src/words makes its words from these (never from `id`).
 * - setup: a set-up issue, and `why`: the exercise's guide id of what is missing, or 'light', else null;
 * - fault: one of the exercise's fault ids;
 * - guide: why nothing is being counted (the exercise's guide id, 'light' or 'hold.start');
 * - praise: after `n` clean reps, or `n` seconds of good hold;
 * - target: the set's target reached: all reps (`reps` counted), the hold, or one side's hold.
 */
export type CueAbout =
  | { readonly about: 'setup'; readonly issue: SetupIssue; readonly why: string | null }
  | { readonly about: 'fault'; readonly faultId: string }
  | { readonly about: 'guide'; readonly guide: string }
  | { readonly about: 'praise'; readonly counted: 'reps' | 'hold'; readonly n: number }
  | { readonly about: 'target'; readonly target: 'reps' | 'hold' | Side; readonly reps?: number };

/**
 * One cue: what it is about, its priority class, and `id`, its stable key made from what it is about (the same cue
 * has the same id: the cue cooldown and the summaries key on it; `setup:<issue>[:<why>]`, `fault:<id>`, …).
 */
export type Cue = CueAbout & { readonly id: string; readonly kind: CueKind };

export type EngineEvent =
  | { type: 'rep'; t: number; side?: Side | undefined; durationMs: number }
  | { type: 'hold-start'; t: number; side?: Side | undefined }
  | { type: 'hold-tick'; t: number; sec: number; side?: Side | undefined }
  | { type: 'hold-end'; t: number; sec: number; side?: Side | undefined }
  | { type: 'fault-start'; t: number; faultId: string; joints: readonly KeypointName[]; severity: Severity }
  | { type: 'fault-end'; t: number; faultId: string }
  /** The top set-up issue changed; `why`: the exercise's guide id of what is missing, or 'light', else null. */
  | { type: 'setup-cue'; t: number; issue: SetupIssue; why: string | null }
  | ({ type: 'cue'; t: number } & Cue);
