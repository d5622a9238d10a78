// Reverse fly on the real clips: 23 (bent over, standing) and 24 (chest on an incline bench, with cuts).
import { describe, expect, it } from 'vitest';
import { faster, replayClip, replayFrames } from '../testing/exerciseReplay';
import { loadClip } from '../testing/replay';

describe('reverse-fly on recorded clips', () => {
  it('23: two reps at the catalogued tops (≈3.5 and 6.4 s), no fault in a controlled set', async (ctx) => {
    const r = await replayClip('23_reverse_fly_bent_over_klarfit', 'reverse-fly');
    if (!r) { ctx.skip(); return; }
    expect(r.reps).toHaveLength(2);
    expect(Math.abs((r.reps[0]?.tSec ?? 0) - 3.5)).toBeLessThan(0.6);
    expect(Math.abs((r.reps[1]?.tSec ?? 0) - 6.4)).toBeLessThan(0.6);
    // The standing start (0–0.8 s) is not hinged: no rep there, and no partial or tempo fault in the pauses.
    expect(r.faultStarts).toEqual([]);
  });

  it('24: three reps across two camera cuts', async (ctx) => {
    const r = await replayClip('24_reverse_fly_incline_bench_klarfit', 'reverse-fly');
    if (!r) { ctx.skip(); return; }
    expect(r.summary.reps.total).toBe(3);
    expect(r.faultStarts.filter((f) => f.id === 'too-fast')).toEqual([]);
  });

  it('the same real set played 3× faster is flagged too fast, as point events', async (ctx) => {
    const frames = await loadClip('23_reverse_fly_bent_over_klarfit');
    if (!frames) { ctx.skip(); return; }
    const r = replayFrames('reverse-fly', faster(frames, 3));
    expect(r.summary.reps.total).toBe(2);
    const fast = r.summary.faults.filter((f) => f.id === 'too-fast');
    expect(fast.length).toBeGreaterThan(0);
    for (const f of fast) expect(f.endSec).toBe(f.startSec);
  });
});
