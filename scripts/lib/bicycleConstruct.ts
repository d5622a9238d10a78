// npx tsx scripts/lib/bicycleConstruct.ts
// Builds test-fixtures/constructed/bicycle-*: bicycles no real clip shows, from real recorded keypoints.
//
// 1. `bicycle-no-contact_<view>.<model>`: the legs pedal as a real person's did, and the upper body does not take
//    part: the trunk stays square and both elbows stay beside the head, never travelling toward a knee (issue 17,
//    failure class 1: counted and praised on a kept-aside clip, "Set complete. Well done." live). The shared set
//    has no real one, so it is made from the real bicycles (09 from the feet, b09 and c18 side-on):
//    - hips, knees, ankles (and BlazePose's heels and toes) are the recorded ones, frame by frame;
//    - the head and both shoulders are frozen where they were at one frame of the shot, a moment of the switch
//      between sides where the trunk was passing square (`square` below);
//    - both arms are the arm that stayed back by the head at one touch (`arm`), as an offset from its own shoulder:
//      the other arm gets the same offset from its own shoulder (side views, where the far arm lies behind the
//      near one) or the offset mirrored across the trunk's axis (09, filmed from the feet, where the arms lie
//      either side of the trunk). BlazePose's world points get the same, the other arm mirrored across the
//      body's mid plane;
//    - the frozen points get seeded noise (NOISE torso lengths, σ), a little more than the frame-to-frame jitter
//      the models give a still body (b09 3.4–4.4 s, 09 5.7–6.5 s: 0.004–0.013 torso lengths on seen points),
//      and keep the scores of the frames they come from.
//    Expected: no rep, and `no-contact` said.
// 2. `bicycle-feet-view_<clip>.<model>`: a real side-view bicycle (b09's wide shots, c18) seen again from its feet, the
//    view where the trunk, foreshortened, looks upright in the picture (issue 17: "Lie on your back, hands behind your
//    head" said to a person lying on the back, 0 of 10 touches counted). BlazePose full's world points (metres about
//    the hips) are looked at by a pinhole camera past the feet (FEET_CAMERA: 2.2 m from the hips along the body's
//    axis, 0.5 m above the floor, aimed 0.25 m past the hips toward the head, focal 600 px, 640×480); the
//    picture points are the projection (scores kept), the world points are turned into that camera's axes. The
//    `movenet-thunder` file is the same projection with the COCO-17 points only and no world points, as MoveNet would
//    give them (its own guesses of the far side differ: constructed). Expected: the touches counted.
// Deterministic (seeded): re-running writes byte-identical files; bicycleConstruct.test.ts checks the committed ones.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURE_FORMAT, parseFixture, type FixtureFrame, type KeypointFixture } from '../../src/core/fixture';
import { constructedDir, rng } from './engineConstruct';
import { fixturesDir } from './engineRun';

export const BICYCLE_SEED = 20261207;
/** Noise on the frozen points, torso lengths (σ). */
export const NOISE = 0.015;
export const BICYCLE_MODELS = ['movenet-thunder', 'blazepose-full'] as const;
export type BicycleModel = (typeof BICYCLE_MODELS)[number];

/** One shot of a base clip: its seconds, the frame whose head and shoulders are frozen, the arm kept by the head. */
interface Shot {
  from: number;
  to: number;
  square: number;
  arm: number;
  armSide: 'left' | 'right';
}
interface Base {
  name: string;
  clip: string;
  view: string;
  mode: 'same' | 'mirror';
  shots: Shot[];
  what: string;
}

export const BASES: readonly Base[] = [
  {
    name: 'bicycle-no-contact_side',
    clip: 'b09_bicycle_crunch_side_slayercampo',
    view: 'side',
    mode: 'same',
    // The two wide side shots (the leg close-ups 7.28–12.44 s show no upper body to freeze); the cut stays a cut.
    shots: [
      { from: 0, to: 7.2, square: 4.87, arm: 3.87, armSide: 'left' },
      { from: 12.53, to: 20.02, square: 17.13, arm: 16.0, armSide: 'left' },
    ],
    what: 'b09 (side view, her left side to the camera): wide shots 0–7.2 s and 12.53–20.02 s, head and shoulders frozen at 4.87 s and 17.13 s (passing square between touches), both arms as her left arm at 3.87 s and 16.0 s (by her head while the right elbow reached the left knee)',
  },
  {
    name: 'bicycle-no-contact_silhouette',
    clip: 'c18_bicycle_crunch_side_backlit_shutterstock-harish',
    view: 'side',
    mode: 'same',
    shots: [{ from: 0, to: 9.93, square: 3.4, arm: 2.2, armSide: 'right' }],
    what: 'c18 (side view, backlit silhouette, head at the left): head and shoulders frozen at 3.4 s (square), both arms as the right-labelled arm at 2.2 s (by the head while the other elbow reached across)',
  },
  {
    name: 'bicycle-no-contact_feet',
    clip: '09_bicycle_crunch_klarfit',
    view: 'feet',
    mode: 'mirror',
    shots: [{ from: 0, to: 9.25, square: 2.27, arm: 3.6, armSide: 'left' }],
    what: "09 (filmed from the feet, front-oblique): head and shoulders frozen at 2.27 s (between the two sides' twists), both arms as her left arm at 3.6 s mirrored across the trunk (by her head while the right elbow reached the left knee)",
  },
];

const COCO_UPPER = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder'];
const ARM = ['elbow', 'wrist'] as const;

function load(clip: string, model: BicycleModel): KeypointFixture {
  return parseFixture(JSON.parse(readFileSync(join(fixturesDir, 'keypoints', `${clip}.${model}.json`), 'utf8')));
}

/** The recorded frame nearest t seconds (with a person). */
function frameAt(f: KeypointFixture, t: number): FixtureFrame {
  let best: FixtureFrame | null = null;
  for (const fr of f.frames) if (fr.keypoints.length && (!best || Math.abs(fr.t - t * 1000) < Math.abs(best.t - t * 1000))) best = fr;
  if (!best) throw new Error('no frame with a person');
  return best;
}

/** Box–Muller on the seeded generator. */
function gauss(r: () => number): number {
  const u = Math.max(1e-12, r()),
    v = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

type V = number[];
const sub = (a: V, b: V): V => a.map((x, i) => x - (b[i] as number));
const add = (a: V, b: V): V => a.map((x, i) => x + (b[i] as number));
const scale = (a: V, k: number): V => a.map((x) => x * k);
const dot = (a: V, b: V): number => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
const norm = (a: V): number => Math.sqrt(dot(a, a));
const unit = (a: V): V => {
  const n = norm(a);
  return n > 0 ? scale(a, 1 / n) : a.map(() => 0);
};
/** Reflection of v across the plane (or, in 2D, the line) whose normal is n (unit). */
const reflect = (v: V, n: V): V => sub(v, scale(n, 2 * dot(v, n)));
const cross = (p: V, q: V): V => [
  (p[1] as number) * (q[2] as number) - (p[2] as number) * (q[1] as number),
  (p[2] as number) * (q[0] as number) - (p[0] as number) * (q[2] as number),
  (p[0] as number) * (q[1] as number) - (p[1] as number) * (q[0] as number),
];

export interface BuiltBicycle {
  name: string;
  fixture: KeypointFixture & { construction: string };
  expected: Record<string, unknown>;
}

export function buildNoContact(base: Base, model: BicycleModel, seed = BICYCLE_SEED): BuiltBicycle {
  const fx = load(base.clip, model);
  const names = fx.keypointNames;
  const ix = (n: string) => {
    const i = names.indexOf(n);
    if (i < 0) throw new Error(`no ${n}`);
    return i;
  };
  const r = rng(seed + (model === 'blazepose-full' ? 1 : 0) + BASES.indexOf(base) * 10);
  const frames: FixtureFrame[] = [];
  let tOut = 0;
  const dt = 1000 / fx.fps;
  for (const shot of base.shots) {
    const sq = frameAt(fx, shot.square),
      arm = frameAt(fx, shot.arm);
    const P = (fr: FixtureFrame, n: string): V => (fr.keypoints[ix(n)] as number[]).slice(0, 2);
    const W = (fr: FixtureFrame, n: string): V | null => (fr.keypoints3D ? (fr.keypoints3D[ix(n)] as number[]).slice() : null);
    const mid2 = (fr: FixtureFrame, a: string, b: string) => scale(add(P(fr, a), P(fr, b)), 0.5);
    const torso = norm(sub(mid2(sq, 'left_shoulder', 'right_shoulder'), mid2(sq, 'left_hip', 'right_hip')));
    const other = shot.armSide === 'left' ? 'right' : 'left';
    // 2D: the kept arm's offset from its shoulder, for both arms (mirrored across the trunk axis from the feet).
    const axis2 = unit(sub(mid2(sq, 'left_shoulder', 'right_shoulder'), mid2(sq, 'left_hip', 'right_hip')));
    const across2 = [-(axis2[1] as number), axis2[0] as number];
    const place = new Map<string, { p: V; s: number; w: V | null }>();
    for (const n of COCO_UPPER) place.set(n, { p: P(sq, n), s: (sq.keypoints[ix(n)] as number[])[2] as number, w: W(sq, n) });
    // World: the mid plane's normal is the square frame's shoulder line, made square to the trunk.
    let across3: V | null = null;
    const wsL = W(sq, 'left_shoulder'),
      wsR = W(sq, 'right_shoulder'),
      whL = W(sq, 'left_hip'),
      whR = W(sq, 'right_hip');
    if (wsL && wsR && whL && whR) {
      const ax = unit(sub(scale(add(wsL, wsR), 0.5), scale(add(whL, whR), 0.5)));
      const line = sub(wsR, wsL);
      across3 = unit(sub(line, scale(ax, dot(line, ax))));
    }
    for (const part of ARM) {
      const off = sub(P(arm, `${shot.armSide}_${part}`), P(arm, `${shot.armSide}_shoulder`));
      const s = (arm.keypoints[ix(`${shot.armSide}_${part}`)] as number[])[2] as number;
      const wa = W(arm, `${shot.armSide}_${part}`),
        was = W(arm, `${shot.armSide}_shoulder`);
      const woff = wa && was ? sub(wa, was) : null;
      const wKeep = woff && place.get(`${shot.armSide}_shoulder`)?.w ? add(place.get(`${shot.armSide}_shoulder`)?.w as V, woff) : null;
      const wOther =
        woff && across3 && place.get(`${other}_shoulder`)?.w ? add(place.get(`${other}_shoulder`)?.w as V, reflect(woff, across3)) : null;
      place.set(`${shot.armSide}_${part}`, { p: add(P(sq, `${shot.armSide}_shoulder`), off), s, w: wKeep });
      place.set(`${other}_${part}`, {
        p: add(P(sq, `${other}_shoulder`), base.mode === 'mirror' ? reflect(off, across2) : off),
        s,
        w: wOther,
      });
    }
    const wTorso = wsL && wsR && whL && whR ? norm(sub(scale(add(wsL, wsR), 0.5), scale(add(whL, whR), 0.5))) : 0;
    for (const fr of fx.frames) {
      if (fr.t < shot.from * 1000 - 1 || fr.t > shot.to * 1000 + 1) continue;
      const out: FixtureFrame = { t: Math.round(tOut * 10) / 10, keypoints: [] };
      tOut += dt;
      if (fr.keypoints.length) {
        out.keypoints = fr.keypoints.map((k) => [k[0], k[1], k[2]]);
        if (fr.keypoints3D) out.keypoints3D = fr.keypoints3D.map((k) => [k[0], k[1], k[2]]);
        for (const [n, v] of place) {
          const i = ix(n);
          out.keypoints[i] = [
            round1((v.p[0] as number) + NOISE * torso * gauss(r)),
            round1((v.p[1] as number) + NOISE * torso * gauss(r)),
            v.s,
          ];
          if (out.keypoints3D && v.w)
            out.keypoints3D[i] = v.w.map((x) => Math.round((x + NOISE * wTorso * gauss(r)) * 1000) / 1000) as [number, number, number];
        }
      }
      frames.push(out);
    }
  }
  const name = `${base.name}.${model}`;
  const construction = `CONSTRUCTED from ${base.clip}.${model}: ${base.what}. Hips, knees, ankles${model === 'blazepose-full' ? ', heels and toes' : ''} are the recorded ones frame by frame (the legs pedal as the person's did); the head and shoulders frozen (the trunk stays square), both elbows and wrists by the head (the arm kept back at the touch, its offset from its own shoulder given to both arms${base.mode === 'mirror' ? ', mirrored across the trunk' : ''}${model === 'blazepose-full' ? "; world points the same, the other arm mirrored across the body's mid plane" : ''}), with seeded noise of ${NOISE} torso lengths (σ) on the frozen points. So no elbow ever travels toward a knee and the trunk never turns: no touch to count. Made by scripts/lib/bicycleConstruct.ts (seed ${BICYCLE_SEED}).`;
  const duration = Math.round(tOut) / 1000;
  return {
    name,
    fixture: {
      format: FIXTURE_FORMAT,
      source: `constructed:${name} (from ${base.clip}.${model})`,
      model: `${model} (constructed)`,
      keypointNames: names,
      width: fx.width,
      height: fx.height,
      fps: fx.fps,
      construction,
      frames,
    },
    expected: {
      exercise: 'bicycle',
      reps: 0,
      repsTolerance: 0,
      faults: [{ id: 'no-contact', startSec: 0, endSec: Math.round(duration * 10) / 10 }],
      goodForm: false,
      cleanReps: 0,
      cues: [{ id: 'fault:no-contact' }],
      notes: `CONSTRUCTED (see the fixture's construction field). The legs pedal (${base.view === 'feet' ? 'filmed from the feet' : 'side view'}), the trunk stays square and the elbows stay by the head: no touch may be counted, and the coach says no-contact.`,
    },
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The camera past the feet (see the file comment). Metres; y down as in BlazePose's world points. */
export const FEET_CAMERA = { distance: 2.2, height: 0.5, aimPastHips: 0.25, focal: 600, width: 640, height_px: 480 } as const;

interface FeetBase {
  name: string;
  clip: string;
  shots: readonly [number, number][];
  what: string;
  reps: number;
  tolerance: number;
  /** Per model, where the picture alone cannot tell lying back from sitting up: what the coach should say instead. */
  cannotTell?: Partial<Record<BicycleModel, string>>;
}
export const FEET_BASES: readonly FeetBase[] = [
  {
    name: 'bicycle-feet-view_b09',
    clip: 'b09_bicycle_crunch_side_slayercampo',
    shots: [
      [0, 7.2],
      [12.53, 20.02],
    ],
    what: "b09's two wide side shots (the leg close-ups left out)",
    reps: 8,
    tolerance: 2,
  },
  {
    name: 'bicycle-feet-view_c18',
    clip: 'c18_bicycle_crunch_side_backlit_shutterstock-harish',
    shots: [[0, 9.93]],
    what: 'c18 (side view, silhouette; she lies back at ≈60°, feet off the floor)',
    reps: 8,
    tolerance: 2,
    cannotTell: {
      'movenet-thunder':
        'From the feet, a trunk lying back at ≈60° looks in the picture like a person sitting up facing the camera (shoulder width 0.48–0.93 torsos, the legs not below the hips), and MoveNet gives no depth: the coach cannot tell, so it counts nothing and asks for the camera at the side (bicycle.ts END_ON_WIDE), never "Lie on your back". BlazePose\'s world points tell (bicycle-feet-view_c18.blazepose-full).',
    },
  },
];

export function buildFeetView(base: FeetBase, model: BicycleModel): BuiltBicycle {
  const fx = load(base.clip, 'blazepose-full');
  const names = fx.keypointNames;
  const ix = (n: string) => names.indexOf(n);
  const withWorld = fx.frames.filter((f) => f.keypoints3D && f.keypoints.length);
  // The body's axis on the floor (hips to shoulders, horizontal: world y is down) and the floor (below the hips).
  let ax = 0,
    az = 0;
  const floor: number[] = [];
  for (const f of withWorld) {
    const w = f.keypoints3D as number[][];
    const m = (a: string, b: string) =>
      [0, 1, 2].map((k) => (((w[ix(a)] as number[])[k] as number) + ((w[ix(b)] as number[])[k] as number)) / 2);
    const sh = m('left_shoulder', 'right_shoulder'),
      hp = m('left_hip', 'right_hip');
    ax += (sh[0] as number) - (hp[0] as number);
    az += (sh[2] as number) - (hp[2] as number);
    floor.push(Math.max(...['left_hip', 'right_hip', 'left_shoulder', 'right_shoulder'].map((n) => (w[ix(n)] as number[])[1] as number)));
  }
  const n = Math.hypot(ax, az);
  const a: V = [ax / n, 0, az / n];
  floor.sort((p, q) => p - q);
  const floorY = (floor[Math.floor(floor.length / 2)] as number) + 0.05;
  const C = add(scale(a, -FEET_CAMERA.distance), [0, floorY - FEET_CAMERA.height, 0]);
  const fwd = unit(sub(scale(a, FEET_CAMERA.aimPastHips), C));
  const right = unit(cross([0, 1, 0], fwd)),
    down = cross(fwd, right);
  const cam = (p: V): V => {
    const q = sub(p, C);
    return [dot(q, right), dot(q, down), dot(q, fwd)];
  };
  const turn = (p: V): V => [dot(p, right), dot(p, down), dot(p, fwd)];
  const keep = model === 'blazepose-full' ? names : names.slice(0, 17);
  const frames: FixtureFrame[] = [];
  let tOut = 0;
  for (const [from, to] of base.shots) {
    for (const f of fx.frames) {
      if (f.t < from * 1000 - 1 || f.t > to * 1000 + 1) continue;
      const out: FixtureFrame = { t: Math.round(tOut * 10) / 10, keypoints: [] };
      tOut += 1000 / fx.fps;
      const w = f.keypoints3D;
      if (w && f.keypoints.length) {
        out.keypoints = keep.map((nm) => {
          const i = ix(nm),
            c = cam(w[i] as V);
          return [
            round1(FEET_CAMERA.width / 2 + (FEET_CAMERA.focal * (c[0] as number)) / (c[2] as number)),
            round1(FEET_CAMERA.height_px / 2 + (FEET_CAMERA.focal * (c[1] as number)) / (c[2] as number)),
            (f.keypoints[i] as number[])[2] as number,
          ];
        });
        if (model === 'blazepose-full')
          out.keypoints3D = keep.map((nm) => turn(w[ix(nm)] as V).map((v) => Math.round(v * 1000) / 1000) as [number, number, number]);
      }
      frames.push(out);
    }
  }
  const name = `${base.name}.${model}`;
  const construction = `CONSTRUCTED from ${base.clip}.blazepose-full: ${base.what}, its world points seen from a camera on the floor past the feet (${FEET_CAMERA.distance} m from the hips along the body's axis, ${FEET_CAMERA.height} m above the floor, aimed ${FEET_CAMERA.aimPastHips} m past the hips, focal ${FEET_CAMERA.focal} px, ${FEET_CAMERA.width}×${FEET_CAMERA.height_px}); picture points projected, scores kept${model === 'blazepose-full' ? ", world points turned into that camera's axes" : '; COCO-17 points only, no world points, as MoveNet gives them'}. Made by scripts/lib/bicycleConstruct.ts.`;
  return {
    name,
    fixture: {
      format: FIXTURE_FORMAT,
      source: `constructed:${name} (from ${base.clip}.blazepose-full)`,
      model: `${model} (constructed)`,
      keypointNames: keep,
      width: FEET_CAMERA.width,
      height: FEET_CAMERA.height_px,
      fps: fx.fps,
      construction,
      frames,
    },
    expected: base.cannotTell?.[model]
      ? {
          exercise: 'bicycle',
          reps: 0,
          repsTolerance: 0,
          faults: [],
          goodForm: true,
          cues: [{ id: 'bicycle.endOn', bySec: 3 }],
          notes: `CONSTRUCTED (see the fixture's construction field). ${base.cannotTell[model]}`,
        }
      : {
          exercise: 'bicycle',
          reps: base.reps,
          repsTolerance: base.tolerance,
          faults: [],
          goodForm: true,
          notes: `CONSTRUCTED (see the fixture's construction field). A good bicycle filmed from the feet: lying on the back is accepted and the touches are counted (${base.reps} seen arriving in the source).`,
        },
  };
}

export function buildAllBicycle(seed = BICYCLE_SEED): BuiltBicycle[] {
  return [
    ...BASES.flatMap((b) => BICYCLE_MODELS.map((m) => buildNoContact(b, m, seed))),
    ...FEET_BASES.flatMap((b) => BICYCLE_MODELS.map((m) => buildFeetView(b, m))),
  ];
}

export function writeAllBicycle(seed = BICYCLE_SEED): string[] {
  return buildAllBicycle(seed).map((b) => {
    writeFileSync(join(constructedDir, `${b.name}.keypoints.json`), serialise(b.fixture));
    writeFileSync(join(constructedDir, `${b.name}.expected.json`), JSON.stringify(b.expected, null, 2) + '\n');
    return b.name;
  });
}

/** One frame a line, as the recorder writes (a re-build diffs line by line). */
export function serialise(f: BuiltBicycle['fixture']): string {
  const { frames, ...head } = f;
  const h = JSON.stringify(head);
  return `${h.slice(0, -1)},"frames":[\n${frames.map((fr) => JSON.stringify(fr)).join(',\n')}\n]}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const n of writeAllBicycle()) process.stdout.write(`wrote test-fixtures/constructed/${n}.{keypoints,expected}.json\n`);
}
