// Rotation stretch: the real seated chair twist (b01, front), the constructed side-to-side stream with
// planted faults, and clips filmed from the wrong view (a side-on plank, b06's side-on shot).
import { describe, expect, it } from 'vitest';
import { loadClip, loadConstructed } from '../../../tests/kit/replay';
import { between, heldWithin, replay } from '../../../tests/kit/holdTestKit';

const clip = async (id: string) => {
  const f = await loadClip(id);
  if (!f) throw new Error(`no fixture for ${id}`);
  return f;
};

describe('rotation stretch', () => {
  it('b01: one still hold per side, her right then her left, ≈7 s in all, no fault', async () => {
    const r = replay('rotation-stretch', await clip('b01_seated_twist_chair_front_adaptx'));
    expect(Math.abs(r.summary.holdSec - 7.1)).toBeLessThanOrEqual(1.5);
    expect(heldWithin(r.summary, 3.3, 7.3, 'right')).toBeGreaterThan(2);
    expect(heldWithin(r.summary, 10.8, 14.5, 'left')).toBeGreaterThan(2);
    expect(heldWithin(r.summary, 3.3, 7.3, 'left') + heldWithin(r.summary, 10.8, 14.5, 'right')).toBe(0);
    // Turning in (1.5–3.3 s) is not yet the hold.
    expect(heldWithin(r.summary, 0, 2.5)).toBe(0);
    expect(r.summary.faults).toEqual([]);
  });

  it('constructed: two clean holds counted per side; the turned pelvis and the lean are flagged and not credited', async () => {
    const frames = await loadConstructed('rotation-stretch_seated_front');
    if (!frames) throw new Error('constructed stream missing: npm run construct');
    const r = replay('rotation-stretch', frames);
    expect(heldWithin(r.summary, 3.2, 9.2, 'right')).toBeGreaterThan(4.5);
    expect(heldWithin(r.summary, 13.2, 19.2, 'left')).toBeGreaterThan(4.5);
    expect(heldWithin(r.summary, 22, 38)).toBe(0);
    const hips = r.faultStarts.find((f) => f.faultId === 'hips-turning');
    const lean = r.faultStarts.find((f) => f.faultId === 'leaning');
    expect(hips && hips.t / 1000).toBeGreaterThan(22.5);
    expect(hips && hips.t / 1000).toBeLessThan(27.2);
    expect(lean && lean.t / 1000).toBeGreaterThan(30.5);
    expect(lean && lean.t / 1000).toBeLessThan(35.2);
    expect(hips?.joints).toEqual(['left_hip', 'right_hip']);
    expect(r.summary.cues.map((c) => c.text)).toEqual(expect.arrayContaining(['Keep your hips facing forward', 'Sit up straight, turn without leaning']));
  });

  it('wrong view: a side-on plank (03) counts nothing and asks to sit facing the camera', async () => {
    const r = replay('rotation-stretch', await clip('03_plank_forearm_side_kaiakol005'));
    expect(r.summary.holdSec).toBe(0);
    expect(r.summary.faults).toEqual([]);
    expect(r.activeFrames).toBe(0);
    expect(r.setupCues).toContain('Sit down, tall and facing the camera');
  });

  it('wrong view: b06 shot A (seated floor twist filmed side-on, 0–9.3 s) counts nothing, with a set-up cue', async () => {
    const r = replay('rotation-stretch', between(await clip('b06_seated_twist_floor_side-3q_hpy2github'), 0, 9.3));
    expect(r.summary.holdSec).toBe(0);
    expect(r.setupCues.length).toBeGreaterThan(0);
    expect(r.summary.faults.filter((f) => f.endSec - f.startSec > 1)).toEqual([]);
  });
});
