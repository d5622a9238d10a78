import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { StorageFullError, openHistory } from './history';
import type { SessionRecord } from './schema';
import { RecordError, makeHistoryExport, parseHistoryExport, parseSessionRecord } from './schema';

let n = 0;
const dbName = () => `test-history-${++n}-${Math.random().toString(36).slice(2)}`;

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
    faults: [{ id: 'hips-sagging', message: 'Lift your hips a little', count: 1, atSec: [16.2] }],
    metric: {
      label: 'Body line',
      unit: '°',
      series: [
        [0, 176],
        [0.5, 175.2],
      ],
      min: 175.2,
      max: 176,
    },
    painBefore: 3,
    painAfter: null,
    target: { holdSec: 30 },
    ...over,
  };
}

describe('history store', () => {
  it('keeps what was saved mid-set across a reopen (a reload)', async () => {
    const name = dbName();
    const h1 = openHistory(name);
    const r = record();
    await h1.save(r);
    await h1.save({ ...r, holdSec: { total: 24, left: 0, right: 0 }, updatedAt: r.updatedAt + 1500 });
    h1.close();
    const h2 = openHistory(name);
    const { sessions, quarantined } = await h2.load();
    expect(quarantined).toEqual([]);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.holdSec.total).toBe(24);
    expect(sessions[0]?.endedAt).toBeNull();
    h2.close();
  });

  it('quarantines corrupt and future-version records, keeps the good ones, and reports', async () => {
    const name = dbName();
    const good = record();
    // Write raw rows behind the store's back, as a crash, a bug or another version of the app could.
    const raw = new Dexie(name);
    raw.version(1).stores({ sessions: 'id, startedAt, exerciseId', quarantine: '++qid, quarantinedAt' });
    await raw
      .table('sessions')
      .bulkPut([
        good,
        { id: 'broken-1', version: 1, exerciseId: 'plank', reps: 'lots' },
        { ...record({ id: 'future-1' }), version: 9 },
        { ...record({ id: 'nan-1' }), goodFormSec: Number.NaN },
      ]);
    raw.close();
    const h = openHistory(name);
    const first = await h.load();
    expect(first.sessions.map((s) => s.id)).toEqual([good.id]);
    expect(first.quarantined.map((q) => q.id).sort()).toEqual(['broken-1', 'future-1', 'nan-1']);
    expect(first.quarantined.find((q) => q.id === 'future-1')?.reason).toMatch(/unknown version 9/);
    expect(first.quarantineCount).toBe(3);
    // A second load finds nothing new to quarantine, and the good record is still there.
    const second = await h.load();
    expect(second.quarantined).toEqual([]);
    expect(second.sessions).toHaveLength(1);
    expect(second.quarantineCount).toBe(3);
    h.close();
  });

  it('exports and imports JSON, rejecting bad records one by one', async () => {
    const a = openHistory(dbName());
    const r1 = record({ startedAt: 1 });
    const r2 = record({ startedAt: 2, exerciseId: 'bicycle', reps: { total: 8, left: 4, right: 4 } });
    await a.save(r1);
    await a.save(r2);
    const text = await a.exportJson(123);
    const parsed = JSON.parse(text) as { sessions: unknown[] };
    parsed.sessions.push({ id: 'junk' });
    const b = openHistory(dbName());
    const result = await b.importJson(JSON.stringify(parsed));
    expect(result.sessions.map((s) => s.id)).toEqual([r1.id, r2.id]);
    expect(result.rejected).toHaveLength(1);
    expect((await b.load()).sessions.map((s) => s.reps.total)).toEqual([0, 8]);
    await expect(b.importJson('not json')).rejects.toThrow(/not JSON/);
    await expect(b.importJson('{"format":"other"}')).rejects.toThrow(/not a Form Coach history export/);
    a.close();
    b.close();
  });

  it('deletes one or all', async () => {
    const h = openHistory(dbName());
    const r1 = record();
    const r2 = record();
    await h.save(r1);
    await h.save(r2);
    await h.remove(r1.id);
    expect((await h.load()).sessions.map((s) => s.id)).toEqual([r2.id]);
    await h.clear();
    expect((await h.load()).sessions).toEqual([]);
    h.close();
  });

  it('refuses to save an invalid record instead of storing garbage', async () => {
    const h = openHistory(dbName());
    await expect(h.save({ ...record(), reps: { total: -1, left: 0, right: 0 } })).rejects.toThrow(RecordError);
    h.close();
  });
});

describe('record validation', () => {
  it('accepts a good record and fills optional fields', () => {
    const r = record();
    const { painBefore: _p, ...noPain } = r;
    expect(parseSessionRecord(noPain).painBefore).toBeNull();
  });
  it('rejects pain outside 0..10 and non-finite series points', () => {
    expect(() => parseSessionRecord(record({ painAfter: 11 }))).toThrow(/0 to 10/);
    expect(() =>
      parseSessionRecord({ ...record(), metric: { label: 'x', unit: '°', series: [[0, Infinity]], min: null, max: null } }),
    ).toThrow(/series\[0\]/);
  });
  it('rejects an export with no sessions array', () => {
    expect(() => parseHistoryExport('{"format":"form-coach/history@1"}')).toThrow(/no sessions/);
  });
});

describe('bad saved data and a full disk', () => {
  it('quarantines a row whose id is not a string and an old record without a version, once', async () => {
    const name = dbName();
    const good = record();
    const raw = new Dexie(name);
    raw.version(1).stores({ sessions: 'id, startedAt, exerciseId', quarantine: '++qid, quarantinedAt' });
    const { version: _v, ...noVersion } = record({ id: 'old-1' });
    await raw.table('sessions').bulkPut([good, { id: 42, junk: true }, noVersion]);
    raw.close();
    const h = openHistory(name);
    const first = await h.load();
    expect(first.sessions.map((s) => s.id)).toEqual([good.id]);
    expect(first.quarantined.map((q) => q.id).sort()).toEqual(['42', 'old-1']);
    expect(first.quarantined.find((q) => q.id === 'old-1')?.reason).toMatch(/unknown version undefined/);
    // The numeric-keyed row left `sessions` too: nothing is reported twice.
    const second = await h.load();
    expect(second.quarantined).toEqual([]);
    expect(second.quarantineCount).toBe(2);
    expect(second.sessions).toHaveLength(1);
    h.close();
  });

  it('storage full: save throws StorageFullError and what was saved before is intact', async () => {
    const h = openHistory(dbName());
    const first = record();
    await h.save(first);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await expect(h.save(record())).rejects.toBeInstanceOf(StorageFullError);
      await expect(h.importJson(JSON.stringify(makeHistoryExport([record()], 1)))).rejects.toBeInstanceOf(StorageFullError);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    const { sessions } = await h.load();
    expect(sessions.map((s) => s.id)).toEqual([first.id]);
    h.close();
  });

  it('storage full while quarantining: load still returns the good records and reports the bad', async () => {
    const name = dbName();
    const good = record();
    const raw = new Dexie(name);
    raw.version(1).stores({ sessions: 'id, startedAt, exerciseId', quarantine: '++qid, quarantinedAt' });
    await raw.table('sessions').bulkPut([good, { id: 'bad-1', version: 1 }]);
    raw.close();
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const h = openHistory(name);
    try {
      const r = await h.load();
      expect(r.sessions.map((s) => s.id)).toEqual([good.id]);
      expect(r.quarantined.map((q) => q.id)).toEqual(['bad-1']);
      expect(r.quarantineCount).toBe(1);
    } finally {
      IDBObjectStore.prototype.add = add;
    }
    // With room again, the next load moves it.
    const again = await h.load();
    expect(again.quarantined.map((q) => q.id)).toEqual(['bad-1']);
    expect((await h.load()).quarantined).toEqual([]);
    h.close();
  });

  it('export then import into an empty store round-trips every record unchanged', async () => {
    const a = openHistory(dbName());
    const rs = [record({ startedAt: 1 }), record({ startedAt: 2, painAfter: 5, endedAt: 9 }), record({ startedAt: 3, target: null })];
    for (const r of rs) await a.save(r);
    const b = openHistory(dbName());
    const res = await b.importJson(await a.exportJson(5));
    expect(res.rejected).toEqual([]);
    expect((await b.load()).sessions).toEqual(rs);
    a.close();
    b.close();
  });
});
