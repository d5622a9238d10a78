// The engine must never throw nor emit NaN, whatever arrives: NaN/Infinity/negative/huge coordinates,
// missing keypoints, several people, out-of-order and repeated timestamps, garbage objects.
import { describe, expect, it } from 'vitest';
import { createEngineState, step, type EngineView } from './engine';
import { EXERCISE_IDS } from './exercises';
import { COCO17, type PoseFrame } from './pose';

/** Small deterministic PRNG (mulberry32) so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIRD = [NaN, Infinity, -Infinity, -1e308, 1e308, -5, 0, 1e9, -0, 5e-324];

function randomFrame(r: () => number, t: number): PoseFrame {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const kind = r();
  const num = (scale: number) => (r() < 0.05 ? pick(WEIRD) : r() * scale);
  const pose = () => ({
    score: num(1),
    keypoints: COCO17.filter(() => r() > 0.05).map((name) => ({ name, x: num(700), y: num(500), score: r() < 0.1 ? pick(WEIRD) : r() })),
  });
  const tt = r() < 0.05 ? pick(WEIRD) : r() < 0.1 ? t - r() * 500 : r() < 0.1 ? t - 33 : t;
  if (kind < 0.02) return null as unknown as PoseFrame;
  if (kind < 0.04) return { t: tt } as unknown as PoseFrame;
  if (kind < 0.06) return { t: tt, width: NaN, height: -1, poses: 'x' } as unknown as PoseFrame;
  const n = r() < 0.1 ? 0 : r() < 0.85 ? 1 : 2 + Math.floor(r() * 3);
  return { t: tt, width: r() < 0.03 ? pick(WEIRD) : 640, height: 480, poses: Array.from({ length: n }, pose) };
}

/** A plausible body, slightly jittered, so the engine also gets past set-up into its counters and rules. */
function bodyFrame(r: () => number, t: number): PoseFrame {
  const base: [number, number][] = [
    [100, 200],
    [95, 195],
    [95, 195],
    [90, 200],
    [90, 200],
    [130, 220],
    [130, 222],
    [135, 270],
    [135, 272],
    [140, 300],
    [140, 302],
    [260, 230],
    [260, 232],
    [360, 240],
    [360, 242],
    [460, 250],
    [460, 252],
  ];
  return {
    t,
    width: 640,
    height: 480,
    poses: [
      {
        score: 0.8,
        keypoints: COCO17.map((name, i) => ({
          name,
          x: (base[i]?.[0] ?? 0) + (r() - 0.5) * 40,
          y: (base[i]?.[1] ?? 0) + (r() - 0.5) * 40,
          score: 0.5 + r() * 0.5,
        })),
      },
    ],
  };
}

function assertSane(v: EngineView): void {
  const nums = [v.reps.total, v.reps.left, v.reps.right, v.holdSec.total, v.holdSec.left, v.holdSec.right];
  for (const n of nums) expect(Number.isFinite(n) && n >= 0).toBe(true);
  if (v.metric !== null) expect(Number.isFinite(v.metric)).toBe(true);
  for (const k of v.smoothedPose?.keypoints ?? [])
    expect(Number.isFinite(k.x) && Number.isFinite(k.y) && Number.isFinite(k.score)).toBe(true);
}

describe('engine fuzz', () => {
  it('survives 110 000 random and adversarial frames across all exercises without throwing or NaN', () => {
    const r = rng(20240611);
    let frames = 0;
    for (const id of EXERCISE_IDS) {
      const s = createEngineState(id);
      let t = 0;
      for (let i = 0; i < 10_000; i++) {
        t += r() < 0.02 ? 5000 : 33;
        const f = r() < 0.5 ? bodyFrame(r, t) : randomFrame(r, t);
        const out = step(s, f);
        frames++;
        for (const e of out.events) {
          for (const val of Object.values(e)) if (typeof val === 'number') expect(Number.isFinite(val)).toBe(true);
        }
        if (i % 7 === 0) assertSane(out.view);
      }
      expect(s.errors).toBe(0);
    }
    expect(frames).toBeGreaterThanOrEqual(110_000);
  });
});
