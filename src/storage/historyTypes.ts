// The history store's interface and its errors, without Dexie: history.ts opens it lazily (Dexie, about 30 KB
// gzip, loads after the first paint), historyDb.ts implements it.
import type { ImportResult, SessionRecord } from './schema';

export class StorageFullError extends Error {
  constructor() {
    super(
      'The browser has no room left to save sessions. Export and delete old sessions to free space; this set is kept on screen until then.',
    );
  }
}

export interface LoadResult {
  sessions: SessionRecord[];
  /** Records moved to quarantine during this load, with the reason. */
  quarantined: { id: string | null; reason: string }[];
  /** All records in quarantine, including earlier loads. */
  quarantineCount: number;
}

export interface History {
  load(): Promise<LoadResult>;
  save(record: SessionRecord): Promise<void>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
  exportJson(now?: number): Promise<string>;
  importJson(text: string): Promise<ImportResult>;
  close(): void;
}
