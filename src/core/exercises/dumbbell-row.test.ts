// Dumbbell row on the real clips: 20 (one arm, knee on the bench, 3/4 view) and 22 (chest-supported,
// front-oblique, handheld camera).
import { describe, expect, it } from 'vitest';
import { faster, replayClip, replayFrames } from '../testing/exerciseReplay';
import { loadClip } from '../testing/replay';

describe('dumbbell-row on recorded clips', () => {
  it('20: two complete pulls with the working (right) arm, at the catalogued tops', async (ctx) => {
    const r = await replayClip('20_db_row_one_arm_klarfit', 'dumbbell-row');
    if (!r) { ctx.skip(); return; }
    expect(r.reps.map((x) => x.side)).toEqual(['right', 'right']);
    // Tops ≈2.6–3.2 and ≈6.4–6.9 s; the count comes as the elbow passes the top threshold.
    expect(r.reps[0]?.tSec).toBeGreaterThan(2.0);
    expect(r.reps[0]?.tSec).toBeLessThan(3.2);
    expect(r.reps[1]?.tSec).toBeGreaterThan(5.8);
    expect(r.faultStarts.filter((f) => f.id === 'too-fast' || f.id === 'partial-rep')).toEqual([]);
  });

  it('22: the front-oblique chest-supported rows count (elbow angle opens to ≈110° at the top)', async (ctx) => {
    const r = await replayClip('22_db_row_chest_supported_bassem', 'dumbbell-row');
    if (!r) { ctx.skip(); return; }
    expect(r.summary.reps.total).toBe(2);
    expect(r.faultStarts.filter((f) => f.id === 'partial-rep')).toEqual([]);
  });

  it('a rushed version of 20 (5× faster: the 2.1 s excursion becomes ≈0.43 s) is flagged too fast', async (ctx) => {
    const frames = await loadClip('20_db_row_one_arm_klarfit');
    if (!frames) { ctx.skip(); return; }
    const r = replayFrames('dumbbell-row', faster(frames, 5));
    expect(r.faultStarts.some((f) => f.id === 'too-fast')).toBe(true);
  });
});
