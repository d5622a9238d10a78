import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openHistory } from '../../storage/history';
import type { SessionRecord } from '../../storage/schema';
import {
  deleteAllSessions,
  deleteSession,
  exportHistoryText,
  flushPending,
  historyStore,
  importHistoryText,
  loadHistory,
  saveSession,
  setHistoryDatabase,
} from './historyStore';
import { appStore } from '../store';

let n = 0;
const dbName = () => `hs-${++n}-${Math.random().toString(36).slice(2)}`;
function record(over: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: `s-${Math.random().toString(36).slice(2)}`,
    version: 1,
    exerciseId: 'plank',
    source: 'live',
    startedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_030_000,
    endedAt: null,
    reps: { total: 0, left: 0, right: 0 },
    holdSec: { total: 22.5, left: 0, right: 0 },
    goodFormSec: 20,
    activeSec: 25,
    faults: [],
    metric: { label: 'Body line', unit: '°', series: [[0, 176]], min: 176, max: 176 },
    painBefore: null,
    painAfter: null,
    target: { holdSec: 30 },
    ...over,
  };
}
const quota = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
const realPut = IDBObjectStore.prototype.put;
afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
});

describe('history store (app side)', () => {
  it('reports quarantined records at load and keeps the good ones', async () => {
    const name = dbName();
    const raw = new Dexie(name);
    raw.version(1).stores({ sessions: 'id, startedAt, exerciseId', quarantine: '++qid, quarantinedAt' });
    const good = record();
    await raw.table('sessions').bulkPut([good, { id: 'x', version: 7 }, { id: 'y', reps: null }]);
    raw.close();
    setHistoryDatabase(openHistory(name));
    await loadHistory();
    const s = historyStore.getState();
    expect(s.status).toBe('ready');
    expect(s.sessions.map((r) => r.id)).toEqual([good.id]);
    expect(s.notices).toContain('2 saved sessions could not be read and were set aside. Your other sessions are fine.');
  });

  it('storage full: the set stays in memory with a notice, and is written once there is room', async () => {
    const h = openHistory(dbName());
    setHistoryDatabase(h);
    await loadHistory();
    IDBObjectStore.prototype.put = quota;
    const r = record();
    await expect(saveSession(r)).resolves.toBeUndefined();
    let s = historyStore.getState();
    expect(s.sessions.map((x) => x.id)).toEqual([r.id]);
    expect(s.unsaved).toBe(1);
    expect(s.notices.join(' ')).toMatch(/no room left/);
    // ... and on the app's notice line, seen during a live set.
    expect(appStore.getState().notices.join(' ')).toMatch(/no room left/);
    // A later save of the same set (more seconds counted) replaces the waiting copy.
    await saveSession({ ...r, holdSec: { total: 30, left: 0, right: 0 } });
    expect(historyStore.getState().unsaved).toBe(1);
    IDBObjectStore.prototype.put = realPut;
    await flushPending();
    s = historyStore.getState();
    expect(s.unsaved).toBe(0);
    expect(s.notices.join(' ')).not.toMatch(/no room left/);
    expect(appStore.getState().notices.join(' ')).not.toMatch(/no room left/);
    expect((await h.load()).sessions.map((x) => x.holdSec.total)).toEqual([30]);
  });

  it('an invalid record is refused with a notice, not thrown', async () => {
    setHistoryDatabase(openHistory(dbName()));
    await saveSession(record({ painAfter: 12 }));
    expect(historyStore.getState().notices.join(' ')).toMatch(/could not be saved: painAfter must be a number from 0 to 10/);
    expect(historyStore.getState().unsaved).toBe(0);
  });

  it('export, delete all, import: the same sessions come back; bad rows are reported one by one', async () => {
    setHistoryDatabase(openHistory(dbName()));
    await loadHistory();
    const a = record({ startedAt: 1 });
    const b = record({ startedAt: 2, exerciseId: 'bicycle', reps: { total: 9, left: 5, right: 4 } });
    await saveSession(a);
    await saveSession(b);
    const text = await exportHistoryText(0);
    await deleteSession(a.id);
    expect(historyStore.getState().sessions.map((x) => x.id)).toEqual([b.id]);
    await deleteAllSessions();
    expect(historyStore.getState().sessions).toEqual([]);
    const withJunk = JSON.parse(text) as { sessions: unknown[] };
    withJunk.sessions.push({ id: 'junk' });
    const rep = await importHistoryText(JSON.stringify(withJunk));
    expect(rep.added).toBe(2);
    expect(rep.rejected.map((x) => x.index)).toEqual([2]);
    expect(historyStore.getState().sessions).toEqual([a, b]);
    expect((await importHistoryText('hello')).error).toMatch(/not JSON/);
  });
});
