// Side bend: the real standing overhead bends (b02, a variant of the seated stretch), the constructed
// seated stream with planted faults, and a side-on clip that must not be judged.
import { describe, expect, it } from 'vitest';
import type { ModelName, PoseFrame } from '../pose';
import { summarize } from '../summary';
import { COACH_WORDS } from '../../words/coachWords';
import { loadClip, loadConstructed } from '../../../tests/kit/replay';
import { heldWithin, replay } from '../../../tests/kit/holdTestKit';

const MODELS: readonly ModelName[] = ['movenet-thunder', 'movenet-lightning', 'blazepose-full', 'blazepose-lite'];
const run = (frames: readonly PoseFrame[], model: ModelName) => summarize('side-bend', frames, 'test', { model }, undefined, COACH_WORDS);

const clip = async (id: string) => {
  const f = await loadClip(id);
  if (!f) throw new Error(`no fixture for ${id}`);
  return f;
};

describe('side bend', () => {
  // b02: six dynamic bends with a dumbbell (reps in the catalog, no holds). The seed's stretch is bent and held:
  // a bend is credited only while still, so the bends that slow at their end range are, the ones that bounce
  // straight back are not, and every credited second is on the side bent to.
  const B02_BENDS: [number, number, 'left' | 'right'][] = [
    [0.3, 2.3, 'left'],
    [4.0, 6.1, 'right'],
    [7.3, 9.0, 'left'],
    [10.8, 12.7, 'right'],
    [14.0, 15.7, 'left'],
    [17.0, 18.8, 'right'],
  ];
  for (const model of MODELS) {
    it(`b02 (standing, overhead, dynamic bends): every credited hold lies in a bend, on the side bent to; at least half the bends are found; told to hold still (${model})`, async () => {
      const s = run(await loadClip('b02_side_bend_overhead_standing_front_vivek', model), model);
      for (const h of s.holds) {
        const bend = B02_BENDS.find(([s0, s1]) => h.startSec >= s0 && h.endSec <= s1 + 0.7);
        expect(bend?.[2], JSON.stringify(h)).toBe(h.side);
      }
      expect(B02_BENDS.filter(([s0, s1, side]) => heldWithin(s, s0, s1 + 0.7, side) > 0.3).length).toBeGreaterThanOrEqual(3);
      expect(s.cues.map((c) => c.text)).toContain('Hold the bend still');
    });

    it(`c02 (standing, hands clasped overhead, held bends, the seed's stretch): both holds timed, ≈12.5 s, with no set-up line through the deepest bends (41–48°) (${model})`, async () => {
      const s = run(await loadClip('c02_side_bend_hands_clasped_overhead_standing_front_myoxyn', model), model);
      // BlazePose lite loses him at 4.3–10.8 s (no-person): its right hold is short.
      if (model !== 'blazepose-lite') {
        expect(Math.abs(s.holdSec - 12.5), JSON.stringify(s.holds)).toBeLessThanOrEqual(1);
        expect(heldWithin(s, 2.3, 9.0, 'right')).toBeGreaterThan(5);
      }
      expect(heldWithin(s, 11.5, 17.3, 'left')).toBeGreaterThan(5);
      // Issue 17, class 6: never "sit or stand tall" while bending as asked, never "face the camera" while facing it.
      const setup = s.cues.filter((c) => c.id.startsWith('setup:') && c.id !== 'setup:no-person');
      expect(setup, JSON.stringify(setup)).toEqual([]);
    });
  }

  it('b02 facing the camera with the dumbbell overhead (the shoulders narrowed to 0.40–0.44): never told to face the camera', async () => {
    for (const model of MODELS) {
      const s = run(await loadClip('b02_side_bend_overhead_standing_front_vivek', model), model);
      expect(
        s.cues.map((c) => c.id),
        model,
      ).not.toContain('setup:wrong-view');
    }
  });

  it('constructed seated stream: holds per side; bent elbows flagged and not credited (no good-form time under any fault); arms down and a shallow bend flagged', async () => {
    const frames = await loadConstructed('side-bend_seated_overhead_front');
    if (!frames) throw new Error('constructed stream missing: npm run construct');
    const r = replay('side-bend', frames);
    // Held still from 4.5 s and 12.5 s: credited once the tilt has settled (STILL_DEG_S, smoothed) and held enterMs.
    expect(heldWithin(r.summary, 4.5, 9.5, 'left')).toBeGreaterThan(4);
    expect(heldWithin(r.summary, 12.5, 17.5, 'right')).toBeGreaterThan(4);
    // The third turn is held with the hands on the head: its elbows-bent fault stands, so it is not good-form time.
    expect(heldWithin(r.summary, 21, 24.5)).toBeLessThan(0.5);
    expect(heldWithin(r.summary, 29, 41)).toBe(0);
    const at = (id: string) => r.summary.faults.filter((f) => f.id === id).map((f) => f.startSec);
    expect(at('elbows-bent').some((t) => t > 20 && t < 24.5)).toBe(true);
    expect(at('arms-not-overhead').some((t) => t > 27.5 && t < 32.5)).toBe(true);
    expect(at('not-bent-enough').some((t) => t > 36 && t < 40)).toBe(true);
    // Sitting with the hands on the lap before raising them (0–1.5 s) is getting ready, not a fault.
    expect(r.summary.faults.filter((f) => f.startSec < 3)).toEqual([]);
  });

  it('wrong view: a side-on plank (03) asks to face the camera and counts nothing', async () => {
    const r = replay('side-bend', await clip('03_plank_forearm_side_kaiakol005'));
    expect(r.summary.holdSec).toBe(0);
    expect(r.activeFrames).toBe(0);
    expect(r.setupCues).toContain('Face the camera');
  });
});
