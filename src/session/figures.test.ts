import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineState, step } from '../core/engine';
import type { ExerciseId } from '../core/exercises';
import { fixtureToFrames, parseFixture } from '../core/fixture';
import { summarize } from '../core/summary';
import type { SessionRecord } from '../storage/schema';
import { addFormCounts, formCounts, goodForm, goodFormOf, repsWithFault, targetText } from './figures';
import { SessionRecorder } from './sessionRecorder';

const base: SessionRecord = {
  id: 'a',
  version: 1,
  exerciseId: 'plank',
  source: 'live',
  startedAt: 0,
  updatedAt: 0,
  endedAt: 1,
  reps: { total: 0, left: 0, right: 0 },
  holdSec: { total: 20, left: 0, right: 0 },
  goodFormSec: 15,
  activeSec: 20,
  faultHeldSec: 5,
  faults: [],
  metric: { label: 'body line', unit: '°', series: [], min: null, max: null },
  painBefore: null,
  painAfter: null,
  target: { holdSec: 30 },
};

function frames(clip: string, model: string) {
  const path = join(import.meta.dirname, '..', '..', 'test-fixtures', 'keypoints', `${clip}.${model}.json`);
  return fixtureToFrames(parseFixture(JSON.parse(readFileSync(path, 'utf8'))));
}

/** A stream through the engine and the recorder, as the live set runs it. */
function record(exercise: ExerciseId, clip: string, model: 'movenet-thunder' | 'blazepose-full', counter: 'reps' | 'hold') {
  const state = createEngineState(exercise, { model });
  const rec = new SessionRecorder({
    id: 't',
    exerciseId: exercise,
    source: 'live',
    startedAt: 0,
    metricLabel: 'm',
    metricUnit: '',
    target: null,
    painBefore: null,
    counter,
    sessionId: 's1',
  });
  const live: string[] = [];
  for (const f of frames(clip, model)) {
    const r = step(state, f);
    rec.add(f.t, r.events, r.view, f.t);
    live.push(goodForm(rec.formFields())?.text ?? '');
  }
  return { rec, live };
}

describe('the one good-form figure', () => {
  it('a hold: good seconds of the seconds held; reps: reps judged well of reps counted; nothing counted: none', () => {
    expect(goodForm(base)?.text).toBe('75 % (0:15 of 0:20 held)');
    const reps = {
      ...base,
      exerciseId: 'ab-crunch',
      reps: { total: 10, left: 0, right: 0 },
      repsGood: 8,
      holdSec: { total: 0, left: 0, right: 0 },
    };
    expect(goodForm(reps)?.text).toBe('80 % (8 of 10 reps)');
    expect(goodForm({ ...reps, reps: { total: 1, left: 0, right: 0 }, repsGood: 1 })?.text).toBe('100 % (1 of 1 rep)');
    expect(goodForm({ ...reps, reps: { total: 0, left: 0, right: 0 }, repsGood: 0 })).toBeNull();
    expect(goodForm({ ...base, holdSec: { total: 0, left: 0, right: 0 } })).toBeNull();
    // An older rep record (no judged reps): the share of the time, said as such, never passed off as reps.
    const { repsGood: _r, ...older } = reps;
    expect(goodForm(older)?.text).toBe('75 % of the time');
  });

  it('the seconds written beside the % agree with it, however the held time rounds', () => {
    const g = goodForm({ ...base, holdSec: { total: 9.4, left: 0, right: 0 }, activeSec: 9.4, goodFormSec: 1.1, faultHeldSec: 8.3 });
    expect(g?.text).toBe('12 % (0:01 of 0:09 held)');
  });

  it('sets of one exercise add up; sets on different bases do not', () => {
    const a = formCounts({ ...base, exerciseId: 'ab-crunch', reps: { total: 10, left: 0, right: 0 }, repsGood: 8 });
    const b = formCounts({ ...base, exerciseId: 'ab-crunch', reps: { total: 5, left: 0, right: 0 }, repsGood: 5 });
    expect(goodFormOf(addFormCounts([a, b, null]))?.text).toBe('87 % (13 of 15 reps)');
    expect(addFormCounts([a, formCounts(base)])).toBeNull();
    expect(addFormCounts([])).toBeNull();
  });

  it('a target per side reads as one per side', () => {
    expect(targetText('bicycle', { reps: 10 })).toBe('10 + 10 reps');
    expect(targetText('ab-crunch', { reps: 10 })).toBe('10 reps');
    expect(targetText('side-bend', { holdSec: 20 })).toBe('0:20 + 0:20 hold');
    expect(targetText('plank', { holdSec: 30 })).toBe('0:30 hold');
    expect(targetText('plank', null)).toBeNull();
  });

  it('reps with a fault are the reps counted and not judged well; unknown for older records', () => {
    expect(repsWithFault({ reps: { total: 10, left: 0, right: 0 }, repsGood: 7 })).toBe(3);
    expect(repsWithFault({ reps: { total: 10, left: 0, right: 0 } })).toBeNull();
  });
});

describe('on recorded sets', () => {
  it("the live figure (the recorder as it runs) is the saved record's figure at the end of the set: a plank hold", () => {
    const { rec, live } = record('plank', '02_plank_high_tutorial_yogai', 'movenet-thunder', 'hold');
    const saved = rec.finish(1);
    expect(goodForm(saved)?.text).toMatch(/^\d+ % \(\d:\d\d of \d:\d\d held\)$/);
    expect(live.at(-1)).toBe(goodForm(saved)?.text);
    expect(saved.sessionId).toBe('s1');
  });

  it('a bicycle set: the same, in reps', () => {
    const { rec, live } = record('bicycle', 'b09_bicycle_crunch_side_slayercampo', 'movenet-thunder', 'reps');
    const saved = rec.finish(1);
    expect(saved.reps.total).toBeGreaterThan(5);
    expect(live.at(-1)).toBe(goodForm(saved)?.text);
  });

  it('partial attempts are kept apart from the reps: c15 (one-arm row, BlazePose full) has 3, each a short pull', () => {
    const s = summarize(
      'dumbbell-row',
      frames('c15_one_arm_dumbbell_row_bench_supported_side_gym_shutterstock-harish', 'blazepose-full'),
      'c15',
      { model: 'blazepose-full' },
    );
    expect(s.partialAttempts).toBe(s.faults.filter((f) => f.id === 'partial-rep').length);
    expect(s.partialAttempts).toBe(3);
    const { rec } = record(
      'dumbbell-row',
      'c15_one_arm_dumbbell_row_bench_supported_side_gym_shutterstock-harish',
      'blazepose-full',
      'reps',
    );
    const saved = rec.finish(1);
    expect(saved.partialAttempts).toBe(3);
    expect(saved.reps.total).toBe(s.reps.total);
  });
});
