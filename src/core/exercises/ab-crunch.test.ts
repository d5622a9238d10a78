// Floor crunch on the real clips 11 (brisk oblique reach), 13 and 14 (close-ups cut with wide shots).
import { describe, expect, it } from 'vitest';
import { faster, replayClip, replayFrames } from '../testing/exerciseReplay';
import { loadClip } from '../testing/replay';

describe('ab-crunch on recorded clips', () => {
  it('11: four brisk reps ≈1 s apart are counted and not called too fast', async (ctx) => {
    const r = await replayClip('11_oblique_tabletop_crunch_bassem', 'ab-crunch');
    if (!r) { ctx.skip(); return; }
    expect(r.summary.reps.total).toBe(4);
    // Catalog peaks ≈1.8, 2.9, 3.8, 4.8 s.
    r.reps.forEach((x, i) => expect(Math.abs(x.tSec - [1.8, 2.9, 3.8, 4.8][i]!)).toBeLessThan(0.4));
    expect(r.faultStarts.filter((f) => f.id === 'too-fast')).toEqual([]);
  });

  it('14: reps in the close-ups and the wide shot, at the catalogued peaks', async (ctx) => {
    const r = await replayClip('14_crunch_klarfit', 'ab-crunch');
    if (!r) { ctx.skip(); return; }
    // Peaks ≈0.5 (before counting can start), 1.9, 3.6, 5.1, 6.5 s.
    expect(r.reps).toHaveLength(4);
    r.reps.forEach((x, i) => expect(Math.abs(x.tSec - [1.9, 3.6, 5.1, 6.5][i]!)).toBeLessThan(0.4));
    expect(r.faultStarts).toEqual([]);
  });

  it('13: two reps (the held first rep counts once)', async (ctx) => {
    const r = await replayClip('13_crunch_sebitzu', 'ab-crunch');
    if (!r) { ctx.skip(); return; }
    expect(r.summary.reps.total).toBe(2);
  });

  it('11 played 2× faster (reps ≈0.5 s apart) is a jerky set and is flagged', async (ctx) => {
    const frames = await loadClip('11_oblique_tabletop_crunch_bassem');
    if (!frames) { ctx.skip(); return; }
    const r = replayFrames('ab-crunch', faster(frames, 2));
    expect(r.faultStarts.some((f) => f.id === 'too-fast')).toBe(true);
  });
});
