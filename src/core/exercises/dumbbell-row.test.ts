// Dumbbell row on the real clips: 20 (one arm, knee on the bench, 3/4 view) and 22 (chest-supported,
// front-oblique, handheld camera).
import { describe, expect, it } from 'vitest';
import { faster, replayClip, replayFrames } from '../../../tests/kit/exerciseReplay';
import { loadClip } from '../../../tests/kit/replay';

describe('dumbbell-row on recorded clips', () => {
  it('20: two complete pulls with the working (right) arm, at the catalogued tops', async () => {
    const r = await replayClip('20_db_row_one_arm_klarfit', 'dumbbell-row');
    expect(r.reps.map((x) => x.side)).toEqual(['right', 'right']);
    // Tops ≈2.6–3.2 and ≈6.4–6.9 s; the count comes as the elbow passes the top threshold.
    expect(r.reps[0]?.tSec).toBeGreaterThan(2.0);
    expect(r.reps[0]?.tSec).toBeLessThan(3.2);
    expect(r.reps[1]?.tSec).toBeGreaterThan(5.8);
    expect(r.faultStarts.filter((f) => f.id === 'too-fast' || f.id === 'partial-rep')).toEqual([]);
  });

  it('22: the front-oblique chest-supported rows count (elbow angle opens to ≈110° at the top), the first pull from the clip start too', async () => {
    const r = await replayClip('22_db_row_chest_supported_bassem', 'dumbbell-row');
    // Arms straight at 0.0 s, tops ≈0.5, 2.7, 4.3 s (catalog ≈0.2, 2.7, 4.3).
    expect(r.summary.reps.total).toBe(3);
    r.reps.forEach((x, i) => expect(Math.abs(x.tSec - [0.5, 2.5, 4.2][i]!)).toBeLessThan(0.4));
    expect(r.faultStarts.filter((f) => f.id === 'partial-rep')).toEqual([]);
  });

  it('22: counting starts with the frames since set-up cleared, but only while it stayed clear', async () => {
    const frames = await loadClip('22_db_row_chest_supported_bassem');
    // The whole first pull (150° at 0.0 s → 110° at 0.47 s) falls in the set-up window: counted.
    expect(replayFrames('dumbbell-row', frames).reps[0]?.tSec).toBeLessThan(0.6);
    // The clip cut to start at 0.2 s: the arm is first seen mid-pull (139°), which is not a rep.
    const late = frames.filter((f) => f.t >= 200);
    expect(replayFrames('dumbbell-row', late).summary.reps.total).toBe(2);
    // Nobody in view for one frame at 0.13 s: set-up starts over, and so does what the counters are given.
    const gap = frames.map((f, i) => (i === 2 ? { ...f, poses: [] } : f));
    expect(replayFrames('dumbbell-row', gap).summary.reps.total).toBe(2);
  });

  it('a rushed version of 20 (5× faster: the 2.1 s excursion becomes ≈0.43 s) is flagged too fast', async () => {
    const frames = await loadClip('20_db_row_one_arm_klarfit');
    const r = replayFrames('dumbbell-row', faster(frames, 5));
    expect(r.faultStarts.some((f) => f.id === 'too-fast')).toBe(true);
  });
});
