import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXERCISES, EXERCISE_IDS } from '../../core/exercises';
import type { DemoData } from './demo';
import { DEMO_FPS, demoPose } from './demo';
import { cameraNeeds, startingAmounts } from './cardText';

const data = JSON.parse(readFileSync(new URL('./demoData.json', import.meta.url), 'utf8')) as DemoData;

describe('demo figures', () => {
  it('every exercise has a 2–4 s loop at 10 fps, normalised, mostly visible', () => {
    expect(data.fps).toBe(DEMO_FPS);
    for (const id of EXERCISE_IDS) {
      const clip = data.demos[id];
      expect(clip, id).toBeDefined();
      if (!clip) continue;
      expect(clip.frames.length / DEMO_FPS, id).toBeGreaterThanOrEqual(2);
      expect(clip.frames.length / DEMO_FPS, id).toBeLessThanOrEqual(4.2);
      let seen = 0, all = 0, outside = 0, wrongLength = 0;
      for (const fr of clip.frames) {
        if (fr.length !== 17) wrongLength++;
        for (const p of fr) { all++; if (p) { seen++; if (p[0] < 0 || p[0] > 1 || p[1] < 0 || p[1] > 1) outside++; } }
      }
      expect({ wrongLength, outside }, id).toEqual({ wrongLength: 0, outside: 0 });
      expect(seen / all, id).toBeGreaterThan(0.6);
    }
  });
  it('the moving exercises move: some joint travels at least a tenth of the figure', () => {
    for (const id of EXERCISE_IDS.filter((x) => x !== 'plank')) {
      const clip = data.demos[id]!;
      let most = 0;
      for (let k = 0; k < 17; k++) {
        const ys = clip.frames.map((f) => f[k]).filter((p): p is readonly [number, number] => !!p);
        if (ys.length < 5) continue;
        const span = Math.max(Math.max(...ys.map((p) => p[0])) - Math.min(...ys.map((p) => p[0])), Math.max(...ys.map((p) => p[1])) - Math.min(...ys.map((p) => p[1])));
        most = Math.max(most, span);
      }
      expect(most, id).toBeGreaterThan(0.1);
    }
  });
  it('fits the figure inside the canvas with its proportions', () => {
    const clip = data.demos.plank!;
    const pose = demoPose(data, clip, 3, 200, 100);
    const pts = pose.keypoints.filter((k) => k.score > 0);
    expect(Math.min(...pts.map((k) => k.x))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...pts.map((k) => k.x))).toBeLessThanOrEqual(200);
    expect(Math.max(...pts.map((k) => k.y))).toBeLessThanOrEqual(100);
    // A plank is long and low.
    expect(Math.max(...pts.map((k) => k.x)) - Math.min(...pts.map((k) => k.x))).toBeGreaterThan(2 * (Math.max(...pts.map((k) => k.y)) - Math.min(...pts.map((k) => k.y))));
  });
});

describe('card wording', () => {
  it('says what the camera must see', () => {
    expect(cameraNeeds(EXERCISES.plank)).toBe('Side view: turn side-on to the camera, whole body from head to feet in the picture.');
    expect(cameraNeeds(EXERCISES['side-bend'])).toMatch(/^Front view: face the camera/);
    for (const d of Object.values(EXERCISES)) expect(startingAmounts(d), d.id).toMatch(/yours to change/);
  });
});
