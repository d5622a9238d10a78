// Hamstring stretch on the real PT video (28, side view): the held stretches are timed on the straight
// (right) leg, the talking and the brief demonstration reaches are not holds.
import { describe, expect, it } from 'vitest';
import { loadClip } from '../testing/replay';
import { heldWithin, replay } from './holdTestKit';

const clip = async (id: string) => {
  const f = await loadClip(id);
  if (!f) throw new Error(`no fixture for ${id}`);
  return f;
};

describe('hamstring stretch', () => {
  it('28: the two held stretches (≈26–31.3 s and ≈33.8–39.3 s) on the right leg, ≈10.8 s', async () => {
    const r = replay('hamstring-stretch', await clip('28_seated_hamstring_stretch_acapapap'));
    expect(Math.abs(r.summary.holdSec - 10.8)).toBeLessThanOrEqual(1);
    expect(heldWithin(r.summary, 26, 31.5, 'right')).toBeGreaterThan(3.5);
    expect(heldWithin(r.summary, 33.8, 39.5, 'right')).toBeGreaterThan(3.5);
    expect(r.summary.holds.every((h) => h.side === 'right')).toBe(true);
  });

  it('28: nothing is held while she talks and demonstrates (0–25.5 s), nor while sitting up between the stretches', async () => {
    const r = replay('hamstring-stretch', await clip('28_seated_hamstring_stretch_acapapap'));
    expect(heldWithin(r.summary, 0, 25.5)).toBe(0);
    // A hold's summary interval ends when the break has lasted exitMs (0.6 s), so from 32.2 s.
    expect(heldWithin(r.summary, 32.2, 33.6)).toBe(0);
    expect(r.summary.faults.filter((f) => f.endSec - f.startSec > 1)).toEqual([]);
  });

  it('sitting on a chair facing the camera (b01) is not the floor long-sit: set-up cue, nothing counted', async () => {
    const r = replay('hamstring-stretch', await clip('b01_seated_twist_chair_front_adaptx'));
    expect(r.summary.holdSec).toBe(0);
    expect(r.setupCues).toContain('Sit on the floor with one leg straight out');
  });
});
