// The bicycle seen end-on, from the feet (issue 17; the rule is bicycle.ts's endOn): per recorded clip and per
// constructed view from the feet, as the engine sees them with the bicycle's rules, over the frames whose trunk
// looks upright in the picture (more than LYING_MAX_DEG from the horizontal): the 10th/50th/90th percentiles and the
// extremes of BlazePose's trunk share pointing away from the camera (trunkAway), the shoulder width over the picture
// torso, and where the ankles lie against the hips (legsFromHips: below, in shoulder widths; aside, in body sizes);
// and how endOn reads those frames (taken as lying / cannot tell / not lying).
//
//   npx tsx scripts/study/bicycleEndOn.ts
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngineState, step } from '../../src/core/engine';
import { endOn, legsFromHips, LYING_MAX_DEG, trunkAway } from '../../src/core/exercises/bicycle';
import { shoulderWidth, trunkToHorizontal } from '../../src/core/exercises/common';
import type { ModelName } from '../../src/core/pose';
import { readClipList } from '../lib/clips';
import { fixturePath, fixturesDir, readFixtureFrames } from '../lib/engineRun';

const MODELS: ModelName[] = ['movenet-thunder', 'blazepose-full'];
const q = (xs: number[], p: number) => {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? (v[Math.min(v.length - 1, Math.floor(p * v.length))] as number) : NaN;
};
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
const spread = (xs: number[]) =>
  xs.length ? `${f2(Math.min(...xs))} · ${[0.1, 0.5, 0.9].map((p) => f2(q(xs, p))).join(' / ')} · ${f2(Math.max(...xs))}` : '–';

const items: { name: string; exercise: string; path: string; model: ModelName }[] = [];
for (const c of readClipList().clips)
  for (const model of MODELS) {
    const p = fixturePath(c.id, model);
    if (p) items.push({ name: c.id, exercise: c.exercise, path: p, model });
  }
const cons = join(fixturesDir, 'constructed');
for (const f of readdirSync(cons).filter((x) => x.startsWith('bicycle-feet-view') && x.endsWith('.keypoints.json'))) {
  items.push({
    name: `${f.replace('.keypoints.json', '')} (constructed)`,
    exercise: 'bicycle',
    path: join(cons, f),
    model: f.includes('blazepose') ? 'blazepose-full' : 'movenet-thunder',
  });
}

console.log('Frames whose trunk looks upright in the picture; each cell: least · 10th / 50th / 90th percentile · most.\n');
console.log(
  '| clip | exercise | model | frames | away (world) | shoulders / torso | ankles below hips | ankles aside | lying / cannot tell / not |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const it of items) {
  const { frames } = readFixtureFrames(it.path);
  const s = createEngineState('bicycle', { model: it.model });
  const away: number[] = [],
    wide: number[] = [],
    below: number[] = [],
    aside: number[] = [];
  let yes = 0,
    unknown = 0,
    no = 0;
  for (const f of frames) {
    step(s, f);
    const b = s.per.body,
      t = trunkToHorizontal(b);
    if (t === null || t <= LYING_MAX_DEG) continue;
    const a = trunkAway(b),
      w = shoulderWidth(b),
      l = legsFromHips(b);
    if (a !== null) away.push(a);
    if (w !== null) wide.push(w);
    if (l) {
      below.push(l.below);
      aside.push(l.aside);
    }
    const e = endOn(b);
    if (e === true) yes++;
    else if (e === null) unknown++;
    else no++;
  }
  if (yes + unknown + no === 0) continue;
  console.log(
    `| ${it.name.slice(0, 48)} | ${it.exercise} | ${it.model} | ${yes + unknown + no} | ${spread(away)} | ${spread(wide)} | ${spread(below)} | ${spread(aside)} | ${yes} / ${unknown} / ${no} |`,
  );
}
