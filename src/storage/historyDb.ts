// Session history in IndexedDB through Dexie: the implementation behind history.ts' openHistory, which imports
// this module on first use so that Dexie is not part of the page's first load.
import Dexie, { type IndexableType, type Table } from 'dexie';
import type { SessionRecord } from './schema';
import { makeHistoryExport, parseHistoryExport, parseSessionRecord } from './schema';
import type { History } from './historyTypes';
import { StorageFullError } from './historyTypes';

interface QuarantineRow {
  qid?: number;
  quarantinedAt: number;
  reason: string;
  raw: unknown;
}

class HistoryDb extends Dexie {
  sessions!: Table<unknown, string>;
  quarantine!: Table<QuarantineRow, number>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ sessions: 'id, startedAt, exerciseId', quarantine: '++qid, quarantinedAt' });
  }
}

const isQuotaError = (e: unknown): boolean => {
  const o = e as { name?: string; inner?: { name?: string }; failures?: { name?: string }[] } | null;
  // Dexie maps the DOMException to its own error of the same name, keeps the original as `inner`, and a
  // bulk write reports per-row `failures`.
  return (
    o?.name === 'QuotaExceededError' ||
    o?.inner?.name === 'QuotaExceededError' ||
    (Array.isArray(o?.failures) && o.failures.some((f) => f?.name === 'QuotaExceededError'))
  );
};

export function openDexieHistory(name: string): History {
  const db = new HistoryDb(name);
  return {
    async load() {
      // Keys are read beside the rows: a corrupt row may have a non-string id (a number, a date), and it
      // must still be removed from `sessions` once copied to quarantine, or it would be reported again on
      // every load. Both reads walk the primary-key index in the same order, inside one transaction.
      const { keys, rows } = await db.transaction('r', db.sessions, async () => ({
        keys: await db.sessions.toCollection().primaryKeys(),
        rows: await db.sessions.toArray(),
      }));
      const sessions: SessionRecord[] = [];
      const bad: { raw: unknown; key: IndexableType | undefined; reason: string }[] = [];
      rows.forEach((raw, i) => {
        try {
          sessions.push(parseSessionRecord(raw));
        } catch (e) {
          bad.push({ raw, key: keys[i], reason: e instanceof Error ? e.message : String(e) });
        }
      });
      let moved = true;
      if (bad.length) {
        try {
          await db.transaction('rw', db.sessions, db.quarantine, async () => {
            for (const b of bad) {
              await db.quarantine.add({ quarantinedAt: Date.now(), reason: b.reason, raw: b.raw });
              if (b.key !== undefined) await db.sessions.delete(b.key as string);
            }
          });
        } catch {
          // No room to copy them (storage full) or the copy failed: the bad rows stay where they are,
          // untouched, and are left out and reported again on the next load. Never fatal.
          moved = false;
        }
      }
      sessions.sort((a, b) => a.startedAt - b.startedAt);
      const idOf = (k: IndexableType | undefined) => (typeof k === 'string' ? k : k === undefined ? null : String(k));
      return {
        sessions,
        quarantined: bad.map((b) => ({ id: idOf(b.key), reason: b.reason })),
        quarantineCount: (await db.quarantine.count()) + (moved ? 0 : bad.length),
      };
    },
    async save(record) {
      const valid = parseSessionRecord(record);
      try {
        await db.sessions.put(valid);
      } catch (e) {
        if (isQuotaError(e)) throw new StorageFullError();
        throw e;
      }
    },
    async remove(id) {
      await db.sessions.delete(id);
    },
    async clear() {
      await db.sessions.clear();
    },
    async exportJson(now = Date.now()) {
      const { sessions } = await this.load();
      return JSON.stringify(makeHistoryExport(sessions, now));
    },
    async importJson(text) {
      const result = parseHistoryExport(text);
      try {
        await db.sessions.bulkPut(result.sessions);
      } catch (e) {
        if (isQuotaError(e)) throw new StorageFullError();
        throw e;
      }
      return result;
    },
    close() {
      db.close();
    },
  };
}
