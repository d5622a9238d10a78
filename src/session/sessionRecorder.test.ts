import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineState, step } from '../core/engine';
import { fixtureToFrames, parseFixture } from '../core/fixture';
import { openHistory } from '../storage/history';
import { goodFormShare, painAdvice, SessionRecorder } from './sessionRecorder';

// Real stream: clip 02 (high plank tutorial, MoveNet Thunder), with a planted hip sag at ≈16.2–17.9 s.
const fixturePath = join(
  import.meta.dirname,
  '..',
  '..',
  'test-fixtures',
  'keypoints',
  '02_plank_high_tutorial_yogai.movenet-thunder.json',
);
const frames = fixtureToFrames(parseFixture(JSON.parse(readFileSync(fixturePath, 'utf8'))));

function run(upToSec = Infinity, counter?: 'hold') {
  const state = createEngineState('plank');
  const rec = new SessionRecorder({
    id: 'test',
    exerciseId: 'plank',
    source: 'live',
    startedAt: 1_000,
    metricLabel: 'Body line',
    metricUnit: '°',
    target: { holdSec: 30 },
    painBefore: 2,
    ...(counter ? { counter } : {}),
  });
  const saves: ReturnType<SessionRecorder['snapshot']>[] = [];
  let lastView = null as ReturnType<typeof step>['view'] | null;
  for (const f of frames) {
    if (f.t / 1000 > upToSec) break;
    const r = step(state, f);
    lastView = r.view;
    if (rec.add(f.t, r.events, r.view, 1_000 + f.t)) saves.push(rec.snapshot());
  }
  return { rec, saves, lastView };
}

describe('SessionRecorder on a real plank stream', () => {
  it('for a hold, the good-form figure is over the time held (the same time as the count), and the set time is kept', () => {
    const { rec } = run(Infinity, 'hold');
    const r = rec.finish(99_000);
    expect(Math.abs(r.activeSec - r.holdSec.total)).toBeLessThanOrEqual(0.2);
    expect(r.goodFormSec).toBeLessThanOrEqual(r.activeSec);
    // Clip 02 runs 35 s with the hold only from ≈9 s: the set is longer than the hold.
    expect(r.setSec).toBeGreaterThan(r.holdSec.total + 5);
    expect(r.repsGood).toBeUndefined();
  });

  it('records the hold, the planted hip sag and the body-line angle over the set', () => {
    const { rec, lastView } = run();
    const r = rec.finish(99_000, 2);
    expect(r.holdSec.total).toBeCloseTo(lastView!.holdSec.total, 0);
    expect(r.holdSec.total).toBeGreaterThan(15);
    const sag = r.faults.find((f) => f.id === 'hips-sagging');
    expect(sag, JSON.stringify(r.faults)).toBeDefined();
    expect(sag!.atSec.some((s) => s >= 15 && s <= 18.5)).toBe(true);
    // About 2 samples a second over the part of the clip where the body line is measurable.
    expect(r.metric.series.length).toBeGreaterThan(30);
    expect(r.metric.min!).toBeLessThan(r.metric.max!);
    expect(goodFormShare(r)).toBeGreaterThan(0.5);
    expect(goodFormShare(r)).toBeLessThanOrEqual(1);
    expect(r.endedAt).toBe(99_000);
  });

  it('a crash mid-set loses at most a couple of seconds of hold: what was saved survives a reopen', async () => {
    const crashAt = 20;
    const { saves, lastView } = run(crashAt);
    expect(saves.length).toBeGreaterThan(3);
    const name = `crash-${Math.random()}`;
    const h = openHistory(name);
    for (const s of saves) await h.save(s);
    h.close(); // the tab dies here: no finish(), no final save
    const reopened = openHistory(name);
    const { sessions } = await reopened.load();
    reopened.close();
    expect(sessions).toHaveLength(1);
    const kept = sessions[0]!;
    expect(kept.endedAt).toBeNull();
    expect(lastView!.holdSec.total).toBeGreaterThan(5);
    expect(kept.holdSec.total).toBeGreaterThanOrEqual(lastView!.holdSec.total - 2);
    expect(kept.faults.map((f) => f.id)).toContain('hips-sagging');
  });

  it('saves are throttled while holding but never skip a counted change', () => {
    const { saves } = run();
    for (let i = 1; i < saves.length; i++) expect(saves[i]!.holdSec.total).toBeGreaterThanOrEqual(saves[i - 1]!.holdSec.total);
    // A 35 s clip with ~22 s of hold must not save every frame (≈30 fps → >600 frames).
    expect(saves.length).toBeLessThan(60);
  });
});

describe('pain advice', () => {
  it('warns only when pain went up', () => {
    expect(painAdvice(3, 5)).toMatch(/Stop exercising for today/);
    expect(painAdvice(5, 3)).toBeNull();
    expect(painAdvice(null, 5)).toBeNull();
  });
});
