// A set survives a reload: kept as it runs, offered on the next start, carried on with its counts (one record
// in history), or kept as done. Node, on clip 03 (a steady side plank, MoveNet Thunder) through the whole
// LiveSession on a hand-wound clock; the "reload" is a second session on the same stores.
import { describe, expect, it } from 'vitest';
import { loadClip } from '../../../tests/kit/replay';
import type { SessionRecord } from '../../storage/schema';
import type { PendingSet, PendingStore } from './pendingSet';
import { interruptedAt, mergeRecords, parsePending, pendingPlace } from './pendingSet';
import { finishSet, startRoutine, tickRest } from '../../session/routine';
import { harness } from '../../../tests/kit/liveHarness';

function memoryPending(): PendingStore & { value: PendingSet | null } {
  const m = {
    value: null as PendingSet | null,
    load: () => (m.value ? parsePending(JSON.parse(JSON.stringify(m.value))) : null),
    save: (p: PendingSet) => {
      m.value = p;
    },
    clear: () => {
      m.value = null;
    },
  };
  return m;
}

async function clip03() {
  const f = await loadClip('03_plank_forearm_side_kaiakol005');
  if (!f) throw new Error('clip 03 keypoints missing');
  return f;
}

const ROUTINE = { id: 'mine', name: 'Two planks', blocks: [{ exerciseId: 'plank', sets: 2, holdSec: 20, restSec: 30 }] };

describe('a set that survives a reload', () => {
  it('kept as it runs; after the reload: offered, carried on from where it was, one record for the set, then set 2', async () => {
    const frames = await clip03();
    const pending = memoryPending();
    const a = await harness(frames, { pending, routine: ROUTINE });
    a.session.send({ type: 'open-routine' });
    a.session.send({ type: 'check-in', pain: 2 });
    await a.clock.advance(16_000);
    expect(a.store.getState().live?.stage).toBe('counting');
    await a.session.flushSaves();
    // Kept as it runs: set 1 of 2, with what was held so far.
    expect(pending.value?.set).toBe(1);
    const keptHold = pending.value!.record!.holdSec.total;
    expect(keptHold).toBeGreaterThan(3);
    const firstId = pending.value!.record!.id;

    // The page reloads: a new session on the same stores. Home asks.
    const b = await harness(frames, { pending, routine: ROUTINE });
    expect(b.store.getState().interrupted).toEqual({ exerciseId: 'plank', atSec: interruptedAt(pending.value!.record), set: 1, sets: 2 });
    b.session.send({ type: 'resume-interrupted' });
    expect(b.store.getState().interrupted).toBeNull();
    expect(b.store.getState().live).toMatchObject({ stage: 'framing', setLabel: 'Exercise 1 of 1 · set 1 of 2' });
    // Counting goes on from what was kept: the counter starts at the kept seconds, not 0:00, from the moment
    // counting starts (the screen shows 0 while there is no coach view: LiveScreen's Counter), not only from the
    // new engine's first frame on.
    const shown: number[] = [];
    b.store.subscribe((s) => {
      if (s.live?.stage === 'counting') shown.push(s.coach?.holdSec ?? 0);
    });
    await b.clock.advance(60_000);
    expect(shown[0]).toBeGreaterThanOrEqual(Math.floor(keptHold));
    await b.session.flushSaves();
    // Set 1 reached its 20 s and was closed as one record under its first id; set 2 followed.
    const set1 = b.saved.filter((r) => r.id === firstId).at(-1)!;
    expect(set1.endedAt).not.toBeNull();
    expect(set1.holdSec.total).toBeGreaterThanOrEqual(20);
    expect(set1.holdSec.total).toBeLessThan(21.5);
    expect(set1.painBefore).toBe(2);
    expect(b.path).toContain('rest');
    expect(new Set(b.saved.map((r) => r.id)).size).toBe(2);
  });

  it('cut off in the rest after set 1: set 2 of 2 is offered, and Yes starts it (with the pain answer kept)', async () => {
    const frames = await clip03();
    const pending = memoryPending();
    const a = await harness(frames, {
      pending,
      routine: { ...ROUTINE, blocks: [{ exerciseId: 'plank', sets: 2, holdSec: 5, restSec: 60 }] },
    });
    a.session.send({ type: 'open-routine' });
    a.session.send({ type: 'check-in', pain: 3 });
    await a.clock.advance(25_000);
    expect(a.store.getState().live?.stage).toBe('rest');
    expect(pending.value).toMatchObject({ set: 2, record: null, painBefore: 3 });
    const b = await harness(frames, { pending });
    expect(b.store.getState().interrupted).toEqual({ exerciseId: 'plank', atSec: null, set: 2, sets: 2 });
    b.session.send({ type: 'resume-interrupted' });
    expect(b.store.getState().live).toMatchObject({ stage: 'framing', setLabel: 'Exercise 1 of 1 · set 2 of 2' });
    // Stopped from there: the routine ends, nothing is offered any more.
    b.session.send({ type: 'stop' });
    expect(pending.value).toBeNull();
  });

  it('No keeps what was done as a finished set and is not asked again', async () => {
    const frames = await clip03();
    const pending = memoryPending();
    const a = await harness(frames, { pending });
    a.session.send({ type: 'open-exercise', exerciseId: 'plank' });
    a.session.send({ type: 'check-in', pain: null });
    await a.clock.advance(12_000);
    await a.session.flushSaves();
    const kept = pending.value!.record!;
    const b = await harness(frames, { pending });
    b.session.send({ type: 'discard-interrupted' });
    await b.session.flushSaves();
    expect(b.saved).toHaveLength(1);
    expect(b.saved[0]).toMatchObject({ id: kept.id, endedAt: kept.updatedAt, holdSec: kept.holdSec });
    expect(pending.value).toBeNull();
    const c = await harness(frames, { pending });
    expect(c.store.getState().interrupted).toBeNull();
  });

  it('a damaged or foreign entry reads as none; a finished set is never offered', () => {
    expect(parsePending(null)).toBeNull();
    expect(parsePending({ version: 2 })).toBeNull();
    expect(parsePending({ version: 1, kind: 'card', routine: ROUTINE, blockIndex: 3, set: 1, record: {} })).toBeNull();
  });

  it('merging the two parts adds counts and times and shifts the later faults by the first part', () => {
    const part = (o: Partial<SessionRecord>): SessionRecord => ({
      id: 'x',
      version: 1,
      exerciseId: 'plank',
      source: 'live',
      startedAt: 1,
      updatedAt: 2,
      endedAt: null,
      reps: { total: 0, left: 0, right: 0 },
      holdSec: { total: 0, left: 0, right: 0 },
      goodFormSec: 0,
      activeSec: 0,
      faults: [],
      metric: { label: 'body line', unit: '°', series: [], min: null, max: null },
      painBefore: null,
      painAfter: null,
      target: { holdSec: 20 },
      ...o,
    });
    const m = mergeRecords(
      part({
        id: 'first',
        holdSec: { total: 9, left: 0, right: 0 },
        goodFormSec: 9,
        activeSec: 9,
        setSec: 10,
        faults: [{ id: 'hips-high', message: 'm', count: 1, atSec: [2] }],
      }),
      part({
        id: 'second',
        holdSec: { total: 11, left: 0, right: 0 },
        goodFormSec: 8,
        activeSec: 11,
        setSec: 12,
        endedAt: 5,
        faults: [{ id: 'hips-high', message: 'm', count: 2, atSec: [1, 4] }],
      }),
    );
    expect(m).toMatchObject({ id: 'first', endedAt: 5, holdSec: { total: 20 }, goodFormSec: 17, activeSec: 20, setSec: 22 });
    expect(m.faults).toEqual([{ id: 'hips-high', message: 'm', count: 3, atSec: [2, 11, 14] }]);
  });
});

describe('pendingPlace: the set a reload comes back to', () => {
  const routine = {
    id: 'r',
    name: 'Two blocks',
    blocks: [
      { exerciseId: 'plank' as const, sets: 2, restSec: 30, holdSec: 20 },
      { exerciseId: 'bicycle' as const, sets: 1, restSec: 30, reps: 10 },
    ],
  };
  it('the set running, then during each rest the set after it, and nothing once all is done', () => {
    let r = startRoutine(routine);
    expect(pendingPlace(r)).toEqual({ blockIndex: 0, set: 1 });
    r = finishSet(r, 1_000);
    expect(r.step.kind).toBe('rest');
    expect(pendingPlace(r)).toEqual({ blockIndex: 0, set: 2 });
    r = finishSet(tickRest(r, 0, true), 2_000);
    expect(pendingPlace(r)).toEqual({ blockIndex: 1, set: 1 });
    r = finishSet(tickRest(r, 0, true), 3_000);
    expect(r.step.kind).toBe('done');
    expect(pendingPlace(r)).toBeNull();
  });
  it('a rest after the last set of the last block keeps nothing', () => {
    const r = {
      ...startRoutine(routine),
      step: { kind: 'rest' as const, blockIndex: 1, set: 1, block: routine.blocks[1]!, untilMs: 9_000 },
    };
    expect(pendingPlace(r)).toBeNull();
  });
});
