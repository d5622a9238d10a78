// Side bend: the real standing overhead bends (b02, a variant of the seated stretch), the constructed
// seated stream with planted faults, and a side-on clip that must not be judged.
import { describe, expect, it } from 'vitest';
import { loadClip, loadConstructed } from '../../../tests/kit/replay';
import { heldWithin, replay } from '../../../tests/kit/holdTestKit';

const clip = async (id: string) => {
  const f = await loadClip(id);
  if (!f) throw new Error(`no fixture for ${id}`);
  return f;
};

describe('side bend', () => {
  it('b02 (standing, overhead): six bends found, alternating from his left, one hold per bend on its side', async () => {
    const r = replay('side-bend', await clip('b02_side_bend_overhead_standing_front_vivek'));
    expect(r.summary.holds.map((h) => h.side)).toEqual(['left', 'right', 'left', 'right', 'left', 'right']);
    const bends: [number, number, 'left' | 'right'][] = [[0.3, 2.3, 'left'], [4.0, 6.1, 'right'], [7.3, 9.0, 'left'], [10.8, 12.7, 'right'], [14.0, 15.7, 'left'], [17.0, 18.8, 'right']];
    for (const [s0, s1, side] of bends) expect(heldWithin(r.summary, s0, s1 + 0.7, side), `${side} ${s0}`).toBeGreaterThan(0.5);
  });

  it('constructed seated stream: holds per side; bent elbows flagged and not credited (no good-form time under any fault); arms down and a shallow bend flagged', async () => {
    const frames = await loadConstructed('side-bend_seated_overhead_front');
    if (!frames) throw new Error('constructed stream missing: npm run construct');
    const r = replay('side-bend', frames);
    expect(heldWithin(r.summary, 4.5, 9.5, 'left')).toBeGreaterThan(4.5);
    expect(heldWithin(r.summary, 12.5, 17.5, 'right')).toBeGreaterThan(4.5);
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
