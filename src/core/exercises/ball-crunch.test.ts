// Exercise-ball crunch on the real clip 15 (front-oblique close-up, cut at 3.2 s to a wide shot).
import { describe, expect, it } from 'vitest';
import { replayClip } from '../testing/exerciseReplay';

describe('ball-crunch on recorded clips', () => {
  it('15: three reps at the catalogued peaks (≈1.9, 4.2, 6.8 s), no lasting fault', async (ctx) => {
    const r = await replayClip('15_ball_crunch_klarfit', 'ball-crunch');
    if (!r) { ctx.skip(); return; }
    expect(r.reps).toHaveLength(3);
    r.reps.forEach((x, i) => expect(Math.abs(x.tSec - [1.9, 4.2, 6.8][i]!)).toBeLessThan(0.8));
    expect(r.summary.faults.filter((f) => f.endSec - f.startSec > 1)).toEqual([]);
    // The top is held (the rule this exercise adds): no dropped-back on this good-form set.
    expect(r.faultStarts.filter((f) => f.id === 'dropped-back')).toEqual([]);
  });
});
