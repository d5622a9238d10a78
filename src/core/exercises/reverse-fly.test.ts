// Reverse fly on the real clips: 23 (bent over, standing) and 24 (chest on an incline bench, with cuts).
import { describe, expect, it } from 'vitest';
import { faster, replayClip, replayFrames } from '../../../tests/kit/exerciseReplay';
import { loadClip } from '../../../tests/kit/replay';
import { summarize } from '../summary';
import { COACH_WORDS } from '../../words/coachWords';

const E16 = 'e16_reverse-fly_cable-single-arm_front_gym_boomselection';

describe('reverse-fly on recorded clips', () => {
  it('23: two reps at the catalogued tops (≈3.5 and 6.4 s), no fault in a controlled set', async () => {
    const r = await replayClip('23_reverse_fly_bent_over_klarfit', 'reverse-fly');
    expect(r.reps).toHaveLength(2);
    expect(Math.abs((r.reps[0]?.tSec ?? 0) - 3.5)).toBeLessThan(0.6);
    expect(Math.abs((r.reps[1]?.tSec ?? 0) - 6.4)).toBeLessThan(0.6);
    // The standing start (0–0.8 s) is not hinged: no rep there, and no partial or tempo fault in the pauses.
    expect(r.faultStarts).toEqual([]);
  });

  it('24: three reps across two camera cuts', async () => {
    const r = await replayClip('24_reverse_fly_incline_bench_klarfit', 'reverse-fly');
    expect(r.summary.reps.total).toBe(3);
    expect(r.faultStarts.filter((f) => f.id === 'too-fast')).toEqual([]);
  });

  it('the same real set played 3× faster is flagged too fast, as point events', async () => {
    const frames = await loadClip('23_reverse_fly_bent_over_klarfit');
    const r = replayFrames('reverse-fly', faster(frames, 3));
    expect(r.summary.reps.total).toBe(2);
    const fast = r.summary.faults.filter((f) => f.id === 'too-fast');
    expect(fast.length).toBeGreaterThan(0);
    for (const f of fast) expect(f.endSec).toBe(f.startSec);
  });
});

describe('reverse-fly: torso-swing on a planted fault', () => {
  it('23 with the upper body heaved up 25° about the hips while the arms rise in the first rep (3.5–4.2 s) is flagged there', async () => {
    const frames = await loadClip('23_reverse_fly_bent_over_klarfit');
    const UPPER =
      /^(nose|left_eye|right_eye|left_ear|right_ear|left_shoulder|right_shoulder|left_elbow|right_elbow|left_wrist|right_wrist)$/;
    const planted = frames.map((f) => {
      if (f.t < 3500 || f.t > 4200) return f;
      return {
        ...f,
        poses: f.poses.map((p) => {
          const lh = p.keypoints.find((k) => k.name === 'left_hip'),
            rh = p.keypoints.find((k) => k.name === 'right_hip');
          const sh = p.keypoints.find((k) => k.name === 'left_shoulder');
          if (!lh || !rh || !sh) return p;
          const cx = (lh.x + rh.x) / 2,
            cy = (lh.y + rh.y) / 2;
          // Rotate toward upright: the direction that raises the shoulders (smaller y) in this view.
          const sign = sh.x > cx ? -1 : 1;
          const a = (sign * 25 * Math.PI) / 180,
            c = Math.cos(a),
            sn = Math.sin(a);
          return {
            ...p,
            keypoints: p.keypoints.map((k) =>
              UPPER.test(k.name ?? '') ? { ...k, x: cx + (k.x - cx) * c - (k.y - cy) * sn, y: cy + (k.x - cx) * sn + (k.y - cy) * c } : k,
            ),
          };
        }),
      };
    });
    const r = replayFrames('reverse-fly', planted);
    const hit = r.summary.faults.filter((f) => f.id === 'torso-swing');
    expect(hit.some((f) => f.startSec >= 3.4 && f.startSec <= 4.3)).toBe(true);
    // No clean rep while its fault stands: the heaved first rep is not credited, the second is.
    expect(r.summary.reps.total).toBe(2);
    expect(r.summary.cleanReps).toBe(1);
    expect(
      (await replayClip('23_reverse_fly_bent_over_klarfit', 'reverse-fly'))?.summary.faults.filter((f) => f.id === 'torso-swing'),
    ).toEqual([]);
  });
});

describe('reverse-fly on the new real clip e16 (a one-arm cable fly filmed from the front, issue 17)', () => {
  for (const model of ['movenet-thunder', 'blazepose-full'] as const) {
    it(`${model}: hinged seen from the front is hinged (no 'Hinge forward'), the working arm's reps count, and the coach says it cannot see the back`, async () => {
      const s = summarize('reverse-fly', await loadClip(E16, model), E16, { model }, undefined, COACH_WORDS);
      // Tops ≈1.5, 4.25, 7.1, 10.0 s; the first is in the fade-in from white, before the hinge is seen (0–1.2 s).
      expect(s.reps.total).toBeGreaterThanOrEqual(3);
      expect(s.reps.total).toBeLessThanOrEqual(4);
      const said = s.cues.filter((c) => c.tSec > 2).map((c) => c.text);
      expect(said).not.toContain('Hinge forward from your hips');
      expect(said).toContain('From the front I cannot see your back stay still. Turn side-on to the camera');
      // Not judged, so never praised, and no fault over a second.
      expect(s.cues.filter((c) => c.kind === 'praise')).toEqual([]);
      expect(s.faults.filter((f) => f.endSec - f.startSec > 1)).toEqual([]);
    });
  }
});
