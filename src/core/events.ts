// What the engine emits, as types only: its stages push these, the app and the summaries read them.
import type { KeypointName, Side } from './geometry';
import type { Severity } from './ruleContext';
import type { CueKind } from './cues';

export type SetupIssue = 'no-person' | 'body-cut-off' | 'wrong-view' | 'wrong-posture' | 'too-dark';
export type Phase = 'setup' | 'active' | 'paused';

export type EngineEvent =
  | { type: 'rep'; t: number; side?: Side | undefined; durationMs: number }
  | { type: 'hold-start'; t: number; side?: Side | undefined }
  | { type: 'hold-tick'; t: number; sec: number; side?: Side | undefined }
  | { type: 'hold-end'; t: number; sec: number; side?: Side | undefined }
  | { type: 'fault-start'; t: number; faultId: string; joints: readonly KeypointName[]; severity: Severity }
  | { type: 'fault-end'; t: number; faultId: string }
  /** The top set-up issue changed; `why`: the exercise's guide id of what is missing, or 'light', else null. */
  | { type: 'setup-cue'; t: number; issue: SetupIssue; why: string | null }
  | { type: 'cue'; t: number; id: string; kind: CueKind; params?: Readonly<Record<string, number>> | undefined };
