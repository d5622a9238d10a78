// Bicycle crunch on the real clips: 09 (from the feet end, front-oblique) and b09 (side view, with leg
// close-ups between two wide shots).
import { describe, expect, it } from 'vitest';
import { faster, replayClip, replayFrames } from '../../../tests/kit/exerciseReplay';
import { loadClip } from '../../../tests/kit/replay';
import type { PoseFrame } from '../pose';

const alternates = (sides: (string | null)[]) => sides.every((s, i) => i === 0 || s !== sides[i - 1]);

describe('bicycle on recorded clips', () => {
  it('09: touches counted from the feet end, sides alternating, within the catalog\'s ±1 of 8', async () => {
    const r = await replayClip('09_bicycle_crunch_klarfit', 'bicycle');
    expect(r.reps.length).toBeGreaterThanOrEqual(7);
    expect(r.reps.length).toBeLessThanOrEqual(9);
    expect(alternates(r.reps.map((x) => x.side))).toBe(true);
    // Side B (near knee in) at ≈1.2, 3.9, 6.6, 9.0 s: each within 0.6 s of a counted touch.
    for (const t of [3.9, 6.6, 9.0]) expect(r.reps.some((x) => Math.abs(x.tSec - t) < 0.6), `touch near ${t} s`).toBe(true);
    expect(r.summary.faults.filter((f) => f.endSec - f.startSec > 1)).toEqual([]);
  });

  it('b09: the certain touches of the wide side shots are counted, alternating', async () => {
    const r = await replayClip('b09_bicycle_crunch_side_slayercampo', 'bicycle');
    expect(alternates(r.reps.map((x) => x.side))).toBe(true);
    const wide = r.reps.filter((x) => x.tSec < 7.28 || x.tSec >= 12.44);
    // Catalog: A 0–0.9 (already in at the start), B 1.5–2.6, A 3.1–4.2, B 5.0–6.2, A 6.8–7.28 | A 12.44–12.84,
    // B 13.44–14.64, A 15.24–16.64, B 17.24–18.64, A 19.24–20.0. The first (at 0 s) is not seen arriving.
    // Measured 7 of the 9 it can see arrive, with KNEE_IN 1.1 (bicycle.ts): a touch in the leg close-ups at
    // 11.6 s takes the side of the one at 13.44–14.64 s (the cut at 12.44 s is not seen as a cut). KNEE_IN 1.0
    // counted 8 here but 4 of 8 on 09 with Lightning and 3 of 8 on c18 (5 and 7 of 8 at 1.1).
    expect(wide.length).toBeGreaterThanOrEqual(7);
    expect(wide.length).toBeLessThanOrEqual(10);
    expect(r.summary.reps.total).toBeGreaterThanOrEqual(10);
    expect(r.summary.reps.total).toBeLessThanOrEqual(13);
  });

  it('a rushed start (b09 played 3× faster) is told to start slowly', async () => {
    const frames = await loadClip('b09_bicycle_crunch_side_slayercampo');
    const slow = replayFrames('bicycle', frames);
    expect(slow.faultStarts.some((f) => f.id === 'too-fast')).toBe(false);
    const rushed = replayFrames('bicycle', faster(frames, 3));
    expect(rushed.faultStarts.some((f) => f.id === 'too-fast')).toBe(true);
  });
});

describe('bicycle: alternation on a synthetic lying body', () => {
  // Side view, lying, head to the image-right; torso 150 px. A knee "in" sits ≈0.6 torso lengths from
  // the shoulders, "out" ≈2. Knees move over 5 frames so the plausibility checks keep them.
  const OUT = { x: 100, y: 290 }, IN = { x: 330, y: 250 };
  function frame(t: number, l: { x: number; y: number }, r: { x: number; y: number }): PoseFrame {
    const pts: Record<string, [number, number]> = {
      nose: [450, 290], left_eye: [455, 285], right_eye: [455, 287], left_ear: [440, 285], right_ear: [440, 288],
      left_shoulder: [400, 300], right_shoulder: [400, 306], left_elbow: [440, 262], right_elbow: [440, 268],
      left_wrist: [432, 280], right_wrist: [432, 284], left_hip: [250, 300], right_hip: [250, 306],
      left_knee: [l.x, l.y], right_knee: [r.x, r.y + 6], left_ankle: [l.x - 100, l.y + 20], right_ankle: [r.x - 100, r.y + 26],
    };
    return { t, width: 640, height: 480, poses: [{ score: 0.9, keypoints: Object.entries(pts).map(([name, [x, y]]) => ({ name, x, y, score: 0.9 })) }] };
  }
  const lerp = (a: { x: number; y: number }, b: { x: number; y: number }, k: number) => ({ x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k });
  /** Frames at 15 fps: each step is [side that moves or null, frames to hold]. */
  function stream(steps: ['left' | 'right' | null, number][]): PoseFrame[] {
    const out: PoseFrame[] = [];
    let t = 0;
    const push = (l: { x: number; y: number }, r: { x: number; y: number }) => { out.push(frame(t, l, r)); t += 1000 / 15; };
    for (const [side, hold] of steps) {
      if (side) {
        for (let i = 1; i <= 5; i++) push(side === 'left' ? lerp(OUT, IN, i / 5) : OUT, side === 'right' ? lerp(OUT, IN, i / 5) : OUT);
        for (let i = 0; i < 8; i++) push(side === 'left' ? IN : OUT, side === 'right' ? IN : OUT);
        for (let i = 1; i <= 5; i++) push(side === 'left' ? lerp(IN, OUT, i / 5) : OUT, side === 'right' ? lerp(IN, OUT, i / 5) : OUT);
      }
      for (let i = 0; i < hold; i++) push(OUT, OUT);
    }
    return out;
  }

  it('counts left, right; a second left in a row is not a touch; after a pause either side may start', () => {
    const r = replayFrames('bicycle', stream([[null, 20], ['left', 4], ['left', 4], ['right', 4], ['right', 90], ['right', 10]]));
    expect(r.reps.map((x) => x.side)).toEqual(['left', 'right', 'right']);
    expect(r.reps[2]?.tSec).toBeGreaterThan(8);
  });
});

describe('bicycle: hands-off-head on a planted fault', () => {
  it('b09 with the wrists pulled 1.2 torso lengths away from the head for 13.5–15.5 s is flagged there, the real clip is not', async () => {
    const frames = await loadClip('b09_bicycle_crunch_side_slayercampo');
    const planted = frames.map((f) => {
      if (f.t < 13500 || f.t > 15500) return f;
      return {
        ...f,
        poses: f.poses.map((p) => {
          const sh = p.keypoints.find((k) => k.name === 'left_shoulder'), hip = p.keypoints.find((k) => k.name === 'left_hip');
          const torso = sh && hip ? Math.hypot(sh.x - hip.x, sh.y - hip.y) : 0;
          // Wrists (and elbows with them, so the forearms keep their length) reach toward the feet.
          const dx = (hip && sh ? Math.sign(hip.x - sh.x) : -1) * 1.2 * torso;
          return { ...p, keypoints: p.keypoints.map((k) => (/_(wrist|elbow)$/.test(k.name ?? '') ? { ...k, x: k.x + dx } : k)) };
        }),
      };
    });
    const hit = replayFrames('bicycle', planted).summary.faults.filter((f) => f.id === 'hands-off-head');
    expect(hit.some((f) => f.startSec >= 13.4 && f.startSec <= 14.5)).toBe(true);
    expect(replayFrames('bicycle', frames).summary.faults.filter((f) => f.id === 'hands-off-head' && f.endSec - f.startSec > 1)).toEqual([]);
  });
});
