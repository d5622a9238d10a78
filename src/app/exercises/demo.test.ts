import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXERCISES, EXERCISE_IDS } from '../../core/exercises';
import type { DemoData } from './demo';
import { DEMO_FPS, demoPose } from './demo';
import { cameraNeeds, equipmentText, routineEquipment } from './cardText';

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
      let seen = 0,
        all = 0,
        outside = 0,
        wrongLength = 0;
      for (const fr of clip.frames) {
        if (fr.length !== 17) wrongLength++;
        for (const p of fr) {
          all++;
          if (p) {
            seen++;
            if (p[0] < 0 || p[0] > 1 || p[1] < 0 || p[1] > 1) outside++;
          }
        }
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
        const span = Math.max(
          Math.max(...ys.map((p) => p[0])) - Math.min(...ys.map((p) => p[0])),
          Math.max(...ys.map((p) => p[1])) - Math.min(...ys.map((p) => p[1])),
        );
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
    expect(Math.max(...pts.map((k) => k.x)) - Math.min(...pts.map((k) => k.x))).toBeGreaterThan(
      2 * (Math.max(...pts.map((k) => k.y)) - Math.min(...pts.map((k) => k.y))),
    );
  });
});

describe('card wording', () => {
  it("says how to be seen by the camera, following each exercise's steps", () => {
    expect(cameraNeeds(EXERCISES.plank)).toBe('Side-on, whole body in view');
    expect(cameraNeeds(EXERCISES['side-bend'])).toMatch(/^Facing it/);
    // Where the steps ask for a side or a front view, the card says the same.
    for (const d of Object.values(EXERCISES)) {
      const steps = d.instructions.join(' ').toLowerCase();
      if (/side-on/.test(steps)) expect(d.card.camera, d.id).toBe('side');
      if (/facing the camera/.test(steps)) expect(d.card.camera, d.id).toBe('front');
      if (d.view !== 'any') expect(d.card.camera, d.id).toBe(d.view);
    }
  });

  it('names the equipment, and the steps mention what the card lists', () => {
    expect(equipmentText('plank')).toBe('A mat');
    expect(equipmentText('bench-press')).toBe('Light dumbbells, a bench or an exercise ball');
    expect(equipmentText('reverse-fly')).toBe('Light dumbbells (a bench or an exercise ball to lean on helps)');
    expect(equipmentText('rotation-stretch')).toBe('A chair or an exercise ball');
    const words = { ball: /ball/, bench: /bench/, chair: /chair/, dumbbells: /weight/, mat: /floor|lie|lying/ } as const;
    for (const d of Object.values(EXERCISES)) {
      const steps = d.instructions.join(' ').toLowerCase();
      const f = d.card;
      for (const g of [...f.gear.flat(), ...(f.optional?.gear ?? [])]) expect(steps, `${d.id}: ${g}`).toMatch(words[g]);
    }
  });

  it('the routine lists each thing once, and drops a choice another exercise already covers', () => {
    expect(routineEquipment(Object.values(EXERCISES).map((d) => d.id))).toEqual([
      'A mat',
      'An exercise ball',
      'Light dumbbells',
      'A bench',
    ]);
    expect(routineEquipment(['rotation-stretch', 'side-bend'])).toEqual(['A chair or an exercise ball']);
    expect(routineEquipment(['plank', 'bench-press'])).toEqual(['A mat', 'Light dumbbells', 'A bench or an exercise ball']);
  });
});
