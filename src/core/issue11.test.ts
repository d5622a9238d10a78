// Issue 11's failure classes, one test each, on real streams (MoveNet Thunder fixtures) or streams
// CONSTRUCTED from real poses (tests/kit/reproject.ts: the same real keypoints seen from another camera, or a
// plank made piked). The held-out clips that showed these failures are not in the project; these stand in
// for them, built from other people and cameras.
import { describe, expect, it } from 'vitest';
import type { PoseFrame } from './pose';
import { summarize as summarizeRun, type Summary } from './summary';
import { cutFrames, loadClip, loadConstructed } from '../../tests/kit/replay';
import { pikePlank, reprojectSideView } from '../../tests/kit/reproject';
import type { EngineOptions } from './engine';
import type { ExerciseId } from './exercises';
import { COACH_WORDS, SHARED_GUIDE, guideText } from '../words/coachWords';

/** A summary in the coach's words (as npm run analyze prints it). */
const summarize = (ex: ExerciseId, frames: Iterable<PoseFrame>, source: string, opts?: EngineOptions): Summary =>
  summarizeRun(ex, frames, source, opts, undefined, COACH_WORDS);

const clip = (id: string): Promise<PoseFrame[]> => loadClip(id);
const cut = cutFrames;
const cueIds = (s: Summary) => s.cues.map((c) => c.id);
const faultAt = (s: Summary, id: string) => s.faults.find((f) => f.id === id)?.startSec;

describe('1. a good forearm plank seen side-oblique from a slightly raised camera', () => {
  // CONSTRUCTED: three real good forearm planks from three sources (03 kaiakol, 05 chco, c09 mrpose, all
  // filmed side-on), seen again turned 35° toward the head and from 20° above, and the other way round.
  for (const id of [
    '03_plank_forearm_side_kaiakol005',
    '05_plank_forearm_side_sebitzu',
    'c09_plank_forearm_side_home_backlit_letterbox_mrpose',
  ]) {
    it(`${id.slice(0, 3)}: no hips-high, and no hold lost against the clip as filmed`, async () => {
      const asFilmed = summarize('plank', await clip(id), id);
      expect(asFilmed.holdSec).toBeGreaterThan(2);
      for (const turnDeg of [35, -35]) {
        const s = summarize('plank', reprojectSideView(await clip(id), { turnDeg, raiseDeg: 20 }), id);
        expect(s.faults, `turn ${turnDeg}`).toEqual([]);
        expect(Math.abs(s.holdSec - asFilmed.holdSec), `turn ${turnDeg}`).toBeLessThanOrEqual(0.5);
        expect(
          cueIds(s).filter((c) => c.startsWith('setup:wrong-view')),
          `turn ${turnDeg}`,
        ).toEqual([]);
      }
    });
  }
});

describe('2. a straight-arm plank with the hips piked and the head dropped', () => {
  it('real (04, piked, filmed from a raised phone): hips-high is said within 2 s, before any praise', async () => {
    const s = summarize('plank', await clip('04_plank_high_hips-high_bassem'), '04');
    expect(faultAt(s, 'hips-high')).toBeLessThanOrEqual(2);
    expect(s.cues[0]?.id).toBe('fault:hips-high');
    expect(s.cues.filter((c) => c.kind === 'praise')).toEqual([]);
  });

  it("constructed (02's good high plank, hips raised 0.1–0.2 torso lengths, head dropped 0.3): hips-high within 2 s, no good-form time, no praise, from the side and from a raised 3/4 view", async () => {
    const good = cut(await clip('02_plank_high_tutorial_yogai'), 20, 30);
    expect(summarize('plank', good, '02').faults).toEqual([]);
    for (const hipsUp of [0.1, 0.2]) {
      const piked = pikePlank(good, { hipsUp, headDown: 0.3 });
      for (const frames of [piked, reprojectSideView(piked, { turnDeg: 30, raiseDeg: 20 })]) {
        const s = summarize('plank', frames, '02-piked');
        expect(faultAt(s, 'hips-high'), `hips up ${hipsUp}`).toBeLessThanOrEqual(2);
        expect(s.holdSec, `hips up ${hipsUp}`).toBeLessThan(1);
        expect(s.cues.filter((c) => c.kind === 'praise')).toEqual([]);
        expect(s.cues.map((c) => c.text)).toContain('Lower your hips into line');
      }
    }
  });
});

describe('3. a floor crunch filmed side-oblique from the head end', () => {
  it("constructed (14's wide shot, two reps, seen 30–70° toward the head and 20–30° above): both reps counted, no false cue", async () => {
    const wide = cut(await clip('14_crunch_klarfit'), 2.8, 5.9);
    expect(summarize('ab-crunch', wide, '14').reps.total).toBe(2);
    for (const [turnDeg, raiseDeg] of [
      [30, 20],
      [50, 25],
      [60, 30],
      [70, 30],
    ] as const) {
      const s = summarize('ab-crunch', reprojectSideView(wide, { turnDeg, raiseDeg }), '14-head-end');
      expect(s.reps.total, `turn ${turnDeg} raise ${raiseDeg}`).toBe(2);
      expect(
        cueIds(s).filter((c) => c.startsWith('setup:')),
        `turn ${turnDeg}`,
      ).toEqual([]);
    }
  });

  it('real (11, side-oblique from the head end): its four reps', async () => {
    expect(summarize('ab-crunch', await clip('11_oblique_tabletop_crunch_bassem'), '11').reps.total).toBe(4);
  });
});

describe('4. a plank that opens on a close-up and cuts to a 3/4 side view', () => {
  it('constructed (c09, filmed side-on: 2 s zoomed in on the shoulders, legs past the frame edge, then seen 40° turned and 15° raised): no "turn side-on", the hold is counted', async () => {
    const base = await clip('c09_plank_forearm_side_home_backlit_letterbox_mrpose');
    const first = base[0]!;
    const w = first.width,
      h = first.height;
    const zoom = 2.5;
    // Close-up about the shoulders: MoveNet puts what leaves the frame just past its edge, at a low score.
    const closeUp = cut(base, 0, 2).map((f) => {
      const k = f.poses[0]?.keypoints ?? [];
      const sh = k.filter((q) => q.name.endsWith('_shoulder'));
      const cx = sh.reduce((a, q) => a + q.x, 0) / Math.max(1, sh.length),
        cy = sh.reduce((a, q) => a + q.y, 0) / Math.max(1, sh.length);
      const keypoints = k.map((q) => {
        const x = w / 2 + (q.x - cx) * zoom,
          y = h / 2 + (q.y - cy) * zoom;
        const out = x < 0 || x > w || y < 0 || y > h;
        return out
          ? { ...q, x: Math.min(w * 1.02, Math.max(-w * 0.02, x)), y: Math.min(h * 1.02, Math.max(-h * 0.02, y)), score: 0.05 }
          : { ...q, x, y };
      });
      return { ...f, poses: [{ keypoints, score: f.poses[0]?.score ?? 0 }] };
    });
    const threeQuarter = reprojectSideView(cut(base, 2.07, 6.9), { turnDeg: 40, raiseDeg: 15 }).map((f) => ({ ...f, t: f.t + 2067 }));
    const s = summarize('plank', [...closeUp, ...threeQuarter], 'c09-closeup-cut');
    expect(cueIds(s).filter((c) => c.startsWith('setup:wrong-view'))).toEqual([]);
    expect(s.holdSec).toBeGreaterThan(3);
    expect(s.faults).toEqual([]);
  });

  it('real (c14: side, head-on, side, joined by dissolves): the whole plank is timed; in the head-on shot the coach says it cannot judge the hip line (issue 17: timed, not judged)', async () => {
    const s = summarize('plank', await clip('c14_plank_forearm_side-front-side_studio_cuts_malik'), 'c14');
    const view = s.cues.filter((c) => c.id === 'guide:plank.view');
    expect(view.length).toBeGreaterThan(0);
    expect(view.every((c) => c.tSec >= 18 && c.tSec <= 30.5)).toBe(true);
    expect(Math.abs(s.holdSec - 34.7)).toBeLessThanOrEqual(1);
    expect(s.unsureSec['hips-sagging'] ?? 0).toBeGreaterThan(9);
    expect(s.faults).toEqual([]);
  });
});

describe('5. a very dark room', () => {
  it('constructed (26 darkened with ffmpeg, then Thunder): the first cue is about the light, never silence, nothing counted on guesses', async () => {
    const frames = await loadConstructed('bench-press_dark-room');
    expect(frames).not.toBeNull();
    const s = summarize('bench-press', frames ?? [], 'dark');
    expect(s.cues[0]?.text).toBe(SHARED_GUIDE.light);
    expect(s.cues[0]?.tSec).toBeLessThanOrEqual(1);
    expect(s.cues.map((c) => c.text)).not.toContain('Move back so your whole body is in view');
  });

  it('a dim picture measured by the camera (PoseFrame.light 0.1): a person lying on the bench who presses nothing is told about the light', async () => {
    // One real frame of 26 (lying at the bottom, 0.5 s) held for 6 s, with the camera's light reading dim.
    const f = cut(await clip('26_db_bench_press_klarfit'), 0.5, 0.6)[0]!;
    const still = Array.from({ length: 90 }, (_, i) => ({ ...f, t: (i * 1000) / 15, light: 0.1 }));
    const s = summarize('bench-press', still, 'dim');
    expect(s.reps.total).toBe(0);
    expect(s.cues.map((c) => c.text)).toContain(SHARED_GUIDE.light);
    // ... and in a well-lit room the same still person is told how to start a press instead.
    const lit = summarize(
      'bench-press',
      still.map((x) => ({ ...x, light: 0.5 })),
      'lit',
    );
    expect(lit.cues.map((c) => c.id)).toContain('guide:bench-press.start');
  });
});

describe('6. the standing variant of a seated exercise: the hamstring stretch standing', () => {
  // Real: 23 (a bent-over, straight-legged hinge: the standing toe-reach), b02 (standing) and c07 (lying on the
  // back with a leg raised, a hamstring stretch the coach does not teach).
  for (const id of [
    '23_reverse_fly_bent_over_klarfit',
    'b02_side_bend_overhead_standing_front_vivek',
    'c07_hamstring_stretch_supine_hands_side_joannasoh-mewfit',
  ]) {
    it(`${id.slice(0, 3)}: the first cue is about sitting down, not the camera; nothing held`, async () => {
      const s = summarize('hamstring-stretch', await clip(id), id);
      expect(s.cues[0]?.text).toBe(guideText('hamstring-stretch', 'hamstring-stretch.sit'));
      expect(s.cues.map((c) => c.id)).not.toContain('setup:wrong-view');
      expect(s.holdSec).toBe(0);
    });
  }

  it('the seated twist done standing (b02) is told to sit down too (facing the camera already: not told to face it)', async () => {
    const s = summarize('rotation-stretch', await clip('b02_side_bend_overhead_standing_front_vivek'), 'b02');
    expect(s.cues[0]?.text).toBe('Sit down on a chair or a ball, tall');
  });
});

describe('never silent, never false praise', () => {
  it('on every recorded clip a person in view is told something or counted: no clip with nothing counted and nothing said', async () => {
    const ids = [
      '01_plank_forearm_3q_akshathak',
      '04_plank_high_hips-high_bassem',
      'c07_hamstring_stretch_supine_hands_side_joannasoh-mewfit',
      'c08_hamstring_stretch_seated_chair_side_healthline-spineify',
      'c01_seated_trunk_rotation_chair_oblique_healthline-spineify',
    ];
    for (const [id, ex] of ids.map(
      (i) => [i, i.includes('plank') ? 'plank' : i.includes('hamstring') ? 'hamstring-stretch' : 'rotation-stretch'] as const,
    )) {
      const s = summarize(ex, await clip(id), id);
      expect(s.reps.total + s.holdSec + s.cues.length, id).toBeGreaterThan(0);
    }
  });

  it("a plank held sagging from the first frame (02's sag, 16.4–17.6 s, held as a still stream): the hips cue within 2 s, no good-form time, no praise", async () => {
    const sag = cut(await clip('02_plank_high_tutorial_yogai'), 16.4, 17.6);
    const held = Array.from({ length: 75 }, (_, i) => ({ ...sag[Math.floor((i / 75) * sag.length)]!, t: (i * 1000) / 15 }));
    const s = summarize('plank', held, 'sag-held');
    expect(faultAt(s, 'hips-sagging')).toBeLessThanOrEqual(2);
    expect(s.holdSec).toBe(0);
    expect(s.cues.filter((c) => c.kind === 'praise')).toEqual([]);
  });
});
