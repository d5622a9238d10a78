// Plank on real recordings (MoveNet Thunder fixtures): the hold is timed, the demonstrated faults are
// found in their windows, and a body filmed from the front is not judged.
import { describe, expect, it } from 'vitest';
import { loadClip } from '../../../tests/kit/replay';
import { replay } from '../../../tests/kit/holdTestKit';
import { plank } from './plank';
import { faultText } from '../../words/coachWords';

const clip = async (id: string) => {
  const f = await loadClip(id);
  if (!f) throw new Error(`no fixture for ${id}`);
  return f;
};
const found = (faults: { id: string; startSec: number; endSec: number }[], id: string, s0: number, s1: number) =>
  faults.some((f) => f.id === id && f.startSec <= s1 + 0.5 && f.endSec >= s0 - 0.5);

describe('plank on recorded clips', () => {
  it('03 side-on forearm plank: the whole clip held, no fault', async () => {
    const r = replay('plank', await clip('03_plank_forearm_side_kaiakol005'));
    expect(Math.abs(r.summary.holdSec - 6.5)).toBeLessThanOrEqual(1);
    expect(r.summary.faults).toEqual([]);
  });

  it('02 tutorial: the demonstrated hip sag is found at 16.2–17.9 s and breaks the hold; ≈21 s held', async () => {
    const r = replay('plank', await clip('02_plank_high_tutorial_yogai'));
    expect(found(r.summary.faults, 'hips-sagging', 16.2, 17.9)).toBe(true);
    expect(r.summary.faults.filter((f) => f.id === 'hips-sagging' && (f.endSec < 15.7 || f.startSec > 18.4))).toEqual([]);
    expect(Math.abs(r.summary.holdSec - 21.3)).toBeLessThanOrEqual(1);
  });

  it('04 piked plank: hips-high is raised, with the body line joints to colour', async () => {
    const r = replay('plank', await clip('04_plank_high_hips-high_bassem'));
    const f = r.faultStarts.find((e) => e.faultId === 'hips-high');
    expect(f).toBeDefined();
    expect(f?.joints.some((j) => j.endsWith('_hip'))).toBe(true);
    expect(faultText('plank', f?.faultId ?? '')).toBe('Lower your hips into line');
  });

  it('31 push-up run as a plank: the sag is found each time he pushes up with the hips left behind', async () => {
    const r = replay('plank', await clip('31_pushup_incorrect_kaiakol'));
    expect(found(r.summary.faults, 'hips-sagging', 2.8, 4.3)).toBe(true);
    expect(found(r.summary.faults, 'hips-sagging', 7.7, 9.0)).toBe(true);
  });

  it('01: lying on the forearms after the hold (35.5 s on) is not a sagging plank', async () => {
    const r = replay('plank', await clip('01_plank_forearm_3q_akshathak'));
    expect(r.summary.faults.filter((f) => f.startSec > 34)).toEqual([]);
    expect(Math.abs(r.summary.holdSec - 31.8)).toBeLessThanOrEqual(1);
  });

  it('seated facing the camera (b01): no plank attempt, so nothing is counted or judged, and the coach says to get into one', async () => {
    const r = replay('plank', await clip('b01_seated_twist_chair_front_adaptx'));
    expect(r.summary.holdSec).toBe(0);
    expect(r.summary.faults).toEqual([]);
    expect(r.activeFrames).toBe(0);
    expect(r.setupCues).toContain('Get onto your forearms and toes');
  });

  it('every fault it can raise is declared', () => {
    expect(plank.faultIds).toEqual(['hips-sagging', 'hips-high', 'elbows-misplaced']);
  });
});
