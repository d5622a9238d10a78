// Session history in IndexedDB, through Dexie. Records are written while the set runs (the app calls
// save() on every counted rep, every few hold seconds and at the end), so a reload or crash loses
// nothing already counted. Records that fail validation on load (corrupt, or written by an unknown
// version) are moved, untouched, to a quarantine table and reported: never deleted, never fatal.
export type { History, LoadResult } from './historyTypes';
export { StorageFullError } from './historyTypes';
import type { History } from './historyTypes';

/**
 * The history in IndexedDB database `name`. Dexie and the implementation (historyDb.ts) load on the first call,
 * not with the page: the first screen does not wait for them.
 */
export function openHistory(name = 'form-coach'): History {
  let impl: Promise<History> | null = null;
  const db = (): Promise<History> => (impl ??= import('./historyDb').then((m) => m.openDexieHistory(name)));
  return {
    load: async () => (await db()).load(),
    save: async (record) => (await db()).save(record),
    remove: async (id) => (await db()).remove(id),
    clear: async () => (await db()).clear(),
    exportJson: async (now) => (await db()).exportJson(now),
    importJson: async (text) => (await db()).importJson(text),
    close() {
      void impl?.then(
        (h) => h.close(),
        () => undefined,
      );
    },
  };
}
