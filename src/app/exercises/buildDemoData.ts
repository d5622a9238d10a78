// Builds demoData.json, the exercise cards' demo figures, from the recorded keypoint streams in
// test-fixtures/keypoints (MoveNet Thunder, 15 fps; clip provenance in test-fixtures/README.md and
// clips.json). Keypoints only: no image of anyone is kept. Each demo is a 2.5–4 s window showing one
// clean movement (times from the ground truth in clips.json), resampled to 10 fps, lightly smoothed
// and normalised into a unit box. Regenerate with:  npx tsx src/app/exercises/buildDemoData.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFixture } from '../../core/fixture';
import { COCO17 } from '../../core/pose';
import { exerciseList, type ExerciseDef } from '../../core/exercises';
import type { DemoWindow } from '../../core/exercises/types';
import type { DemoClip, DemoData } from './demo';
import { DEMO_FPS } from './demo';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

/** Points under this score are left out of the demo (drawn as missing, not guessed). */
const MIN_SCORE = 0.25;

function build(id: string, w: DemoWindow): DemoClip {
  const fx = parseFixture(JSON.parse(readFileSync(join(root, 'test-fixtures', 'keypoints', `${w.clip}.movenet-thunder.json`), 'utf8')));
  const idx = COCO17.map((n) => fx.keypointNames.indexOf(n));
  const frames = fx.frames.filter((f) => f.t >= w.from * 1000 && f.t <= w.to * 1000 && f.keypoints.length > 0);
  if (frames.length < 10) throw new Error(`${id}: only ${frames.length} frames in ${w.clip} ${w.from}–${w.to} s`);
  // Resample at DEMO_FPS: nearest recorded frame, then a 3-tap average of each point (MoveNet jitters).
  const raw: (readonly [number, number] | null)[][] = [];
  for (let t = w.from * 1000; t <= w.to * 1000; t += 1000 / DEMO_FPS) {
    let best = frames[0]!;
    for (const f of frames) if (Math.abs(f.t - t) < Math.abs(best.t - t)) best = f;
    raw.push(
      idx.map((i) => {
        const k = i >= 0 ? best.keypoints[i] : undefined;
        return k && k[2] >= MIN_SCORE ? ([k[0], k[1]] as const) : null;
      }),
    );
  }
  const smooth = raw.map((fr, fi) =>
    fr.map((p, ki) => {
      if (!p) return null;
      const near = [raw[fi - 1]?.[ki], p, raw[fi + 1]?.[ki]].filter((q): q is readonly [number, number] => !!q);
      return [near.reduce((a, q) => a + q[0], 0) / near.length, near.reduce((a, q) => a + q[1], 0) / near.length] as const;
    }),
  );
  // One box for the whole loop so the figure moves within it rather than being re-fitted each frame.
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const fr of smooth)
    for (const p of fr)
      if (p) {
        x0 = Math.min(x0, p[0]);
        x1 = Math.max(x1, p[0]);
        y0 = Math.min(y0, p[1]);
        y1 = Math.max(y1, p[1]);
      }
  const side = Math.max(x1 - x0, y1 - y0);
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  return {
    source: `${w.clip} ${w.from}–${w.to} s (${w.why})`,
    aspect: r3((x1 - x0) / (y1 - y0)),
    frames: smooth.map((fr) => fr.map((p) => (p ? [r3((p[0] - x0) / side), r3((p[1] - y0) / side)] : null))),
  };
}

const out: DemoData = { fps: DEMO_FPS, names: [...COCO17], demos: {} };
// Which clip and seconds each demo shows, and why that window: each exercise's record (`demo`); one without is left out
// (its card says there is no figure yet).
for (const d of exerciseList() as readonly ExerciseDef[]) if (d.demo) out.demos[d.id] = build(d.id, d.demo);
writeFileSync(join(here, 'demoData.json'), JSON.stringify(out) + '\n');
console.log(
  Object.entries(out.demos)
    .map(([id, d]) => `${id}: ${d?.frames.length} frames`)
    .join('\n'),
);
