// The bicycle's witnesses of a touch, measured (issue 17, failure class 1; the rule is in src/core/exercises/bicycle.ts).
// On the real bicycles (09 from the feet, b09 and c18 side-on; truth: clips.json `at`) and on the constructed ones
// without contact (test-fixtures/constructed/bicycle-no-contact_*), per model, as the engine sees them (the model
// given, its smoothed body):
// - the trunk's turn (trunkTurned): how far the shoulder line moved since the previous catalogued touch (at most
//   TURN_SPAN_MS back), best within ±0.4 s of each touch; on the constructed streams the most over the whole stream;
// - the elbow's reach to the opposite knee (kneeReach), least within ±0.4 s of each touch on the pair the catalog
//   names (b09: the near, left knee met by the right elbow; 09: side B, the left knee); on the constructed streams the
//   least over the whole stream, either pair;
// then each threshold placed midway between the two classes with each source left out in turn, and its margin on
// the source left out.
//
//   npx tsx scripts/study/bicycleWitness.ts              markdown tables
//   npx tsx scripts/study/bicycleWitness.ts --frames CLIP MODEL      one line per frame
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngineState, step } from '../../src/core/engine';
import type { Side } from '../../src/core/geometry';
import { kneeIn, kneeReach, trunkTurned, TURN_SPAN_MS, TURN_MIN, TURN_MIN_3D, CONTACT_3D } from '../../src/core/exercises/bicycle';
import type { ModelName } from '../../src/core/pose';
import { readClipList } from '../lib/clips';
import { fixturePath, fixturesDir, readFixtureFrames } from '../lib/engineRun';

const CLIPS = ['09_bicycle_crunch_klarfit', 'b09_bicycle_crunch_side_slayercampo', 'c18_bicycle_crunch_side_backlit_shutterstock-harish'];
/** The constructed stream made from each clip (scripts/lib/bicycleConstruct.ts). */
const CONSTRUCTED: Record<string, string> = {
  '09_bicycle_crunch_klarfit': 'bicycle-no-contact_feet',
  b09_bicycle_crunch_side_slayercampo: 'bicycle-no-contact_side',
  'c18_bicycle_crunch_side_backlit_shutterstock-harish': 'bicycle-no-contact_silhouette',
};
const MODELS: ModelName[] = ['movenet-thunder', 'blazepose-full'];
/** The knee the catalog says an elbow met, per touch index (null: not known or not seen arriving). */
const MET: Record<string, (i: number) => Side | null> = {
  // Side B (1.2, 3.9, 6.6, 9.0 s) draws the left knee in to the right elbow; the first touch (0.2 s) is not seen arriving.
  '09_bicycle_crunch_klarfit': (i) => (i % 2 === 1 ? 'left' : null),
  // The near (left) knee's touches; the right elbow is seen crossing to it. 0.45 and 12.6 s are in at the shot's start.
  b09_bicycle_crunch_side_slayercampo: (i) => ([2, 4, 7, 9].includes(i) ? 'left' : null),
  // Silhouette: which knee is which is not known.
  'c18_bicycle_crunch_side_backlit_shutterstock-harish': () => null,
};
/** Touches already under way when the shot starts, not seen arriving (the counter does not count them). */
const NOT_ARRIVING: Record<string, number[]> = {
  '09_bicycle_crunch_klarfit': [0],
  b09_bicycle_crunch_side_slayercampo: [0, 5],
  'c18_bicycle_crunch_side_backlit_shutterstock-harish': [],
};

interface Row {
  t: number;
  turnP: number | null;
  turnW: number | null;
  reach: Record<Side, { d: number; world: boolean } | null>;
  kin: Record<Side, number | null>;
}

function rows(path: string, model: ModelName, touches: readonly number[]): Row[] {
  const { frames } = readFixtureFrames(path);
  const s = createEngineState('bicycle', { model });
  const t0 = frames[0]?.t ?? 0;
  return frames.map((f) => {
    step(s, f);
    const b = s.per.body,
      t = (f.t - t0) / 1000;
    // Since the previous catalogued touch (as the rule measures since the last counted one), at most TURN_SPAN_MS.
    const prev = [...touches].reverse().find((a) => a < t - 0.4);
    const from = Math.max(f.t - TURN_SPAN_MS, prev === undefined ? -Infinity : t0 + prev * 1000);
    const mem = s.mem as Parameters<typeof trunkTurned>[0];
    return {
      t,
      turnP: trunkTurned(mem, from, false)?.turn ?? null,
      turnW: trunkTurned(mem, from, true)?.turn ?? null,
      reach: { left: kneeReach(b, 'left'), right: kneeReach(b, 'right') },
      kin: { left: kneeIn(b, 'left'), right: kneeIn(b, 'right') },
    };
  });
}

const f2 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(2));
const best = (xs: (number | null)[], pick: 'max' | 'min') => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? (pick === 'max' ? Math.max(...v) : Math.min(...v)) : null;
};

interface Sample {
  source: string;
  clip: string;
  model: ModelName;
  value: number;
  what: string;
}
const turnPos: Sample[] = [],
  turnNeg: Sample[] = [],
  turnWPos: Sample[] = [],
  turnWNeg: Sample[] = [];
const reachPos: Sample[] = [],
  reachNeg: Sample[] = [],
  reachWPos: Sample[] = [],
  reachWNeg: Sample[] = [];

const args = process.argv.slice(2);
if (args[0] === '--frames') {
  const clip = args[1] as string,
    model = (args[2] ?? 'movenet-thunder') as ModelName;
  const at = readClipList().clips.find((c) => c.id === clip)?.truth.reps?.at ?? [];
  const path = clip.endsWith('.json') ? clip : (fixturePath(clip, model) as string);
  console.log('t      kinL  kinR | reach L (eR–kL)  R (eL–kR) | turn picture world');
  for (const r of rows(path, model, at)) {
    const rc = (s: Side) => (r.reach[s] ? `${f2(r.reach[s]?.d)}${r.reach[s]?.world ? 'w' : 'p'}` : '–');
    console.log(
      [
        r.t.toFixed(2).padStart(5),
        f2(r.kin.left).padStart(5),
        f2(r.kin.right).padStart(5),
        '|',
        rc('left').padStart(6),
        rc('right').padStart(6),
        '|',
        f2(r.turnP).padStart(5),
        f2(r.turnW).padStart(5),
      ].join(' '),
    );
  }
} else {
  const list = readClipList();
  const cons = join(fixturesDir, 'constructed');
  const files = new Set(readdirSync(cons));
  console.log('## The witnesses at each catalogued touch\n');
  console.log(
    "Turn: the shoulder line's move since the previous touch (torso lengths; world: metres over the world torso), best within ±0.4 s. Reach: the named knee to the other elbow, least within ±0.4 s (p picture, w world).\n",
  );
  console.log('| clip | model | touch (s) | knee met | turn picture | turn world | reach |');
  console.log('|---|---|---|---|---|---|---|');
  for (const clip of CLIPS) {
    const c = list.clips.find((x) => x.id === clip);
    const at = c?.truth.reps?.at ?? [];
    const source = c?.source ?? '?';
    for (const model of MODELS) {
      const p = fixturePath(clip, model);
      if (!p) continue;
      const rs = rows(p, model, at);
      at.forEach((a, i) => {
        const w = rs.filter((r) => Math.abs(r.t - a) <= 0.4);
        const tp = best(
            w.map((r) => r.turnP),
            'max',
          ),
          tw = best(
            w.map((r) => r.turnW),
            'max',
          );
        const met = MET[clip]?.(i) ?? null;
        const rp = met
          ? best(
              w.map((r) => (r.reach[met] && !r.reach[met]?.world ? (r.reach[met]?.d as number) : null)),
              'min',
            )
          : null;
        const rw = met
          ? best(
              w.map((r) => (r.reach[met]?.world ? (r.reach[met]?.d as number) : null)),
              'min',
            )
          : null;
        // A picture reach is read where the model gives no world points (MoveNet); BlazePose's is its world reach.
        const arriving = !NOT_ARRIVING[clip]?.includes(i);
        if (arriving && tp !== null) turnPos.push({ source, clip, model, value: tp, what: `${a} s` });
        if (arriving && tw !== null) turnWPos.push({ source, clip, model, value: tw, what: `${a} s` });
        if (rp !== null) reachPos.push({ source, clip, model, value: rp, what: `${a} s` });
        if (rw !== null) reachWPos.push({ source, clip, model, value: rw, what: `${a} s` });
        console.log(
          `| ${clip.slice(0, 3)} | ${model} | ${a}${arriving ? '' : ' (in at the start)'} | ${met ?? '–'} | ${f2(tp)} | ${f2(tw)} | ${met ? `${f2(rp ?? rw)}${rw !== null ? ' w' : rp !== null ? ' p' : ''}` : '–'} |`,
        );
      });
      // The constructed stream from this clip: nothing to witness anywhere.
      const name = `${CONSTRUCTED[clip]}.${model}.keypoints.json`;
      if (!files.has(name)) continue;
      const cr = rows(join(cons, name), model, []);
      const tp = best(
          cr.map((r) => r.turnP),
          'max',
        ),
        tw = best(
          cr.map((r) => r.turnW),
          'max',
        );
      const rp = best(
        cr.flatMap((r) => (['left', 'right'] as const).map((s) => (r.reach[s] && !r.reach[s]?.world ? (r.reach[s]?.d as number) : null))),
        'min',
      );
      const rw = best(
        cr.flatMap((r) => (['left', 'right'] as const).map((s) => (r.reach[s]?.world ? (r.reach[s]?.d as number) : null))),
        'min',
      );
      if (tp !== null) turnNeg.push({ source, clip: name, model, value: tp, what: 'whole stream' });
      if (tw !== null) turnWNeg.push({ source, clip: name, model, value: tw, what: 'whole stream' });
      if (rp !== null) reachNeg.push({ source, clip: name, model, value: rp, what: 'whole stream' });
      if (rw !== null) reachWNeg.push({ source, clip: name, model, value: rw, what: 'whole stream' });
      console.log(
        `| ${CONSTRUCTED[clip]} (constructed) | ${model} | whole stream | – | ${f2(tp)} (most) | ${f2(tw)} (most) | ${f2(rw ?? rp)} (least${rw !== null ? ', w' : ', p'}) |`,
      );
    }
  }

  console.log('\n## Thresholds, each source left out\n');
  console.log(
    "Placed midway between the classes of the other sources (the touch's witness above it, the constructed stream's below, for a turn; the other way round for a reach); margin = how far the left-out source's nearest value lies on its right side of that threshold (negative: on the wrong side). The rule's constant and its margins on every source are the last line of each block.\n",
  );
  console.log('| witness | left out | threshold | margin: touches | margin: no contact | worst touch | worst no-contact |');
  console.log('|---|---|---|---|---|---|---|');
  const block = (name: string, pos: Sample[], neg: Sample[], dir: 1 | -1, constant: number | null) => {
    const sources = [...new Set([...pos, ...neg].map((x) => x.source))].sort();
    // dir 1: touches above the threshold (turn); -1: touches below (reach).
    const edge = (xs: Sample[], side: 'pos' | 'neg') => {
      if (!xs.length) return null;
      const lowPos = dir === 1 ? side === 'pos' : side === 'neg';
      return xs.reduce((a, b) => ((lowPos ? b.value < a.value : b.value > a.value) ? b : a));
    };
    const line = (label: string, thr: number | null, p: Sample[], n: Sample[]) => {
      const wp = edge(p, 'pos'),
        wn = edge(n, 'neg');
      const mp = thr === null || !wp ? null : dir * (wp.value - thr),
        mn = thr === null || !wn ? null : dir * (thr - wn.value);
      console.log(
        `| ${name} | ${label} | ${f2(thr)} | ${f2(mp)} | ${f2(mn)} | ${wp ? `${f2(wp.value)} (${wp.clip.slice(0, 3)} ${wp.model} ${wp.what})` : '–'} | ${wn ? `${f2(wn.value)} (${wn.clip.split('.')[0]} ${wn.model})` : '–'} |`,
      );
    };
    for (const src of sources) {
      const fp = edge(
          pos.filter((x) => x.source !== src),
          'pos',
        ),
        fn = edge(
          neg.filter((x) => x.source !== src),
          'neg',
        );
      line(
        src,
        fp && fn ? (fp.value + fn.value) / 2 : null,
        pos.filter((x) => x.source === src),
        neg.filter((x) => x.source === src),
      );
    }
    const fp = edge(pos, 'pos'),
      fn = edge(neg, 'neg');
    if (constant !== null) line(`all (rule: ${constant})`, constant, pos, neg);
    else line('all (midway, not used)', fp && fn ? (fp.value + fn.value) / 2 : null, pos, neg);
  };
  block('turn, picture (Thunder, BlazePose full)', turnPos, turnNeg, 1, TURN_MIN);
  block('turn, world (BlazePose full)', turnWPos, turnWNeg, 1, TURN_MIN_3D);
  block('reach, picture (not used: see bicycle.ts)', reachPos, reachNeg, -1, null);
  block('reach, world (BlazePose full)', reachWPos, reachWNeg, -1, CONTACT_3D);
}
