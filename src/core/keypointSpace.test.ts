// Thresholds per keypoint space (issue 11, item 4): the engine learns which model made a stream and reads that
// family's thresholds; BlazePose full's plank is judged on its 3D points. Real recorded streams of both models.
import { describe, expect, it } from 'vitest';
import type { ModelName, PoseFrame } from './pose';
import { createEngineState, setModel, step } from './engine';
import { summarize } from './summary';
import { loadClip } from '../../tests/kit/replay';
import { createPerception, perceive } from './perception';
import { HIGH_DEG, HIGH_DOUBT_DEG, SAG_DEG, hipBend3D, hipMeasure, legsImplausible, viewTurn } from './exercises/plank';

const clip = async (id: string, model: ModelName): Promise<PoseFrame[]> => {
  const f = await loadClip(id, model);
  if (!f) throw new Error(`no fixture for ${id} (${model})`);
  return f;
};
const C = {
  p01: '01_plank_forearm_3q_akshathak',
  p02: '02_plank_high_tutorial_yogai',
  p04: '04_plank_high_hips-high_bassem',
  c11: 'c11_plank_high_oblique_outdoor_park_phone_myoxyn',
  c14: 'c14_plank_forearm_side-front-side_studio_cuts_malik',
  c15: 'c15_one_arm_dumbbell_row_bench_supported_side_gym_shutterstock-harish',
  c18: 'c18_bicycle_crunch_side_backlit_shutterstock-harish',
  r22: '22_db_row_chest_supported_bassem',
} as const;

describe('the engine knows the keypoint space', () => {
  it('is told the model, or recognises it from the first pose (BlazePose gives feet and world points)', async () => {
    const bp = await clip(C.p04, 'blazepose-full'),
      mn = await clip(C.p04, 'movenet-thunder');
    const run = (frames: PoseFrame[], model?: ModelName) => {
      const s = createEngineState('plank', model ? { model } : {});
      for (const f of frames.slice(0, 3)) step(s, f);
      return s.per.body.space;
    };
    expect(run(bp)).toBe('blazepose');
    expect(run(mn)).toBe('movenet');
    expect(run(bp, 'blazepose-full')).toBe('blazepose');
    // Told, it believes what it is told (a BlazePose stream whose feet were dropped reads the same).
    expect(run(mn, 'blazepose-lite')).toBe('blazepose');
  });

  it("reads the model's own thresholds: BlazePose full's plank uses its 3D reading, MoveNet its 2D one", async () => {
    const per = createPerception('blazepose');
    for (const f of (await clip(C.p04, 'blazepose-full')).slice(0, 5)) perceive(per, f, f.t);
    expect(hipMeasure(per.body)).toBe('blazepose-3d');
    expect(SAG_DEG['blazepose-3d']).not.toBe(SAG_DEG.movenet);
    expect(HIGH_DEG['blazepose-3d']).not.toBe(HIGH_DEG.movenet);
  });

  it('a model switched mid-set keeps what was counted and reads the new space from then on', async () => {
    const frames = await clip(C.r22, 'movenet-thunder');
    const s = createEngineState('dumbbell-row', { model: 'movenet-thunder' });
    const half = frames.filter((f) => f.t < 3000);
    for (const f of half) step(s, f);
    const counted = s.counting.reps();
    expect(counted).toBeGreaterThan(0);
    setModel(s, 'blazepose-full');
    expect(s.per.body.space).toBe('blazepose');
    expect(s.counting.reps()).toBe(counted);
  });
});

describe('plank with BlazePose full: hips read in 3D', () => {
  it('04 (mild pike, raised phone, 3/4): hips-high within 2 s, no time judged good', async () => {
    const s = summarize('plank', await clip(C.p04, 'blazepose-full'), '04', { model: 'blazepose-full' });
    expect(s.faults.find((f) => f.id === 'hips-high')?.startSec).toBeLessThanOrEqual(2);
    // Before the fault is raised the line sits in the band of doubt: timed, not judged, and never called good form.
    expect(s.holdSec).toBeLessThan(1.5);
    expect(s.goodFormShare ?? 0).toBeLessThan(0.2);
    // The 3D bend: the pike's median past the good planks' edge (the band of doubt), its clearer quarter past the
    // threshold (raised there, then held by the hysteresis). The 2D midline bend puts this pike among the good planks.
    const per = createPerception('blazepose');
    const bends: number[] = [];
    for (const f of await clip(C.p04, 'blazepose-full')) {
      perceive(per, f, f.t);
      const d = hipBend3D(per.body);
      if (d !== null) bends.push(d);
    }
    bends.sort((a, b) => a - b);
    expect(bends[bends.length >> 1]).toBeGreaterThan(HIGH_DOUBT_DEG['blazepose-3d']);
    expect(bends[Math.floor(bends.length * 0.75)]).toBeGreaterThan(HIGH_DEG['blazepose-3d']);
  });

  it('02: the demonstrated sag (16.2–17.9 s) is said, the good 3/4 hold credited', async () => {
    const s = summarize('plank', await clip(C.p02, 'blazepose-full'), '02', { model: 'blazepose-full' });
    const sag = s.faults.find((f) => f.id === 'hips-sagging');
    expect(sag?.startSec).toBeGreaterThan(15.8);
    expect(sag?.startSec).toBeLessThan(17.9);
    // During the hold (9–31.5 s); at 31.9–32.3 s she goes down to her knees.
    expect(s.faults.filter((f) => f.id === 'hips-high' && f.startSec < 31.5)).toEqual([]);
    expect(s.holdSec).toBeGreaterThan(19);
  });

  it('01 (3/4 from a low camera; its good plank reads −15° in 3D, the sign is noise): no hip fault over the 31 s hold', async () => {
    const s = summarize('plank', await clip(C.p01, 'blazepose-full'), '01', { model: 'blazepose-full' });
    expect(s.faults.filter((f) => f.startSec > 3 && f.endSec < 34 && f.endSec - f.startSec > 1)).toEqual([]);
    expect(Math.abs(s.holdSec - 31.8)).toBeLessThanOrEqual(1);
  });

  it('c11: the far leg BlazePose invents (hanging from the hip, 1.9–2.8 s) is not judged; the good hold stands', async () => {
    const frames = await clip(C.c11, 'blazepose-full');
    const per = createPerception('blazepose');
    const flagged: number[] = [];
    for (const f of frames) {
      perceive(per, f, f.t);
      if (legsImplausible(per.body)) flagged.push(f.t / 1000);
    }
    expect(flagged.filter((t) => t >= 1.9 && t <= 2.85).length).toBeGreaterThanOrEqual(5);
    expect(flagged.filter((t) => t < 1.0 || t > 3.0)).toEqual([]);
    const s = summarize('plank', frames, 'c11', { model: 'blazepose-full' });
    expect(s.faults).toEqual([]);
    expect(s.holdSec).toBeGreaterThan(4.6);
  });

  it('c14: the head-on shot (18.5–30 s) reads as head-on in 3D at once; timed but not judged, and the coach says so by 21.5 s', async () => {
    const frames = await clip(C.c14, 'blazepose-full');
    const per = createPerception('blazepose');
    const turns: number[] = [];
    for (const f of frames) {
      perceive(per, f, f.t);
      if (f.t > 19000 && f.t < 29500) {
        const v = viewTurn(per.body);
        if (v !== null) turns.push(v);
      }
    }
    turns.sort((a, b) => a - b);
    expect(turns[Math.floor(turns.length * 0.05)]).toBeGreaterThan(70);
    const s = summarize('plank', frames, 'c14', { model: 'blazepose-full' });
    expect(s.cues.find((c) => c.id === 'guide:plank.view')?.tSec).toBeLessThanOrEqual(21.5);
    // The plank held 12.5–47.2 s (34.7 s) is timed through the head-on shot; the hip rules could not judge it.
    expect(Math.abs(s.holdSec - 34.7)).toBeLessThanOrEqual(1);
    expect(s.unsureSec['hips-high'] ?? 0).toBeGreaterThan(9);
    expect(s.judgedSec).toBeLessThan(s.holdSec - 9);
  });
});

describe('one-arm row: a row pulls the hand back; the supporting arm and standing up are not rows (c15)', () => {
  it('Thunder: the 4 rows at the catalogued tops, nothing while he puts the weight down and stands up (17–20.6 s)', async () => {
    const s = summarize('dumbbell-row', await clip(C.c15, 'movenet-thunder'), 'c15', { model: 'movenet-thunder' });
    expect(s.reps.total).toBe(4);
    expect(s.reps.right).toBe(4);
    expect(s.cues.filter((c) => c.tSec > 16.5 && c.id === 'fault:partial-rep')).toEqual([]);
  });

  it('both models and Lightning: no rep counted after the last row (16.5 s)', async () => {
    for (const model of ['movenet-thunder', 'movenet-lightning', 'blazepose-full'] as const) {
      const frames = await clip(C.c15, model);
      const st = createEngineState('dumbbell-row', { model });
      const late: number[] = [];
      for (const f of frames) for (const e of step(st, f).events) if (e.type === 'rep' && f.t > 16500) late.push(f.t / 1000);
      expect(late, model).toEqual([]);
    }
  });
});

describe('bicycle in silhouette: a touch is not refused on the knee label alone (c18)', () => {
  const touches = [0.6, 2.3, 3.8, 5.15, 6.4, 7.8, 8.9, 9.7];
  it.each(['movenet-thunder', 'blazepose-full'] as const)(
    '%s: 7–9 touches, each near a catalogued one, none counted twice',
    async (model) => {
      const frames = await clip(C.c18, model);
      const st = createEngineState('bicycle', { model });
      const got: number[] = [];
      for (const f of frames) for (const e of step(st, f).events) if (e.type === 'rep') got.push(f.t / 1000);
      expect(got.length).toBeGreaterThanOrEqual(7);
      expect(got.length).toBeLessThanOrEqual(9);
      for (const t of got) expect(Math.min(...touches.map((c) => Math.abs(c - t))), `touch at ${t}`).toBeLessThanOrEqual(0.8);
      for (let i = 1; i < got.length; i++) expect((got[i] as number) - (got[i - 1] as number)).toBeGreaterThanOrEqual(0.5);
    },
  );
});
