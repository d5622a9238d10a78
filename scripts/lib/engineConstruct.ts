// npm run construct
// Builds the constructed keypoint streams in test-fixtures/constructed/ for exercises no real clip shows:
// real MoveNet Thunder keypoints from a recorded clip, moved by a known, scripted transformation (turn the
// shoulder line, raise the arms and tilt the trunk, raise the feet onto a ball, curl the trunk), with the
// expected outcome written beside each stream from the same script. Deterministic: a fixed seed drives the
// only randomness (sub-pixel noise), so re-running gives byte-identical files. Each file says in `source`
// and `construction` that it is constructed and from which frames.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURE_FORMAT, parseFixture, type FixtureKeypoint, type KeypointFixture } from '../../src/core/fixture';
import { fixturesDir } from './engineRun';
import { seeded } from '../../tests/kit/degrade';

export const SEED = 20260324;
export const constructedDir = join(fixturesDir, 'constructed');
const BASE_MODEL = 'movenet-thunder';

/** mulberry32: a small seeded PRNG, enough for reproducible noise (the one the degraded streams use). */
export const rng = seeded;

// COCO-17 indices used below.
const NOSE = 0,
  L_EYE = 1,
  R_EYE = 2,
  L_EAR = 3,
  R_EAR = 4,
  L_SH = 5,
  R_SH = 6,
  L_EL = 7,
  R_EL = 8,
  L_WR = 9,
  R_WR = 10;
const L_HIP = 11,
  R_HIP = 12,
  L_KN = 13,
  R_KN = 14,
  L_AN = 15,
  R_AN = 16;
const HEAD = [NOSE, L_EYE, R_EYE, L_EAR, R_EAR];
const UPPER = [...HEAD, L_SH, R_SH, L_EL, R_EL, L_WR, R_WR];

type Pt = [x: number, y: number, s: number];
type Frame = Pt[];

function loadBase(clip: string): KeypointFixture {
  return parseFixture(JSON.parse(readFileSync(join(fixturesDir, 'keypoints', `${clip}.${BASE_MODEL}.json`), 'utf8')));
}

/** Real frames between t0 and t1 (s), all with a person. */
function baseFrames(f: KeypointFixture, t0: number, t1: number): Frame[] {
  const out = f.frames
    .filter((fr) => fr.t >= t0 * 1000 && fr.t <= t1 * 1000 && fr.keypoints.length === 17)
    .map((fr) => fr.keypoints.map((k): Pt => [k[0], k[1], k[2]]));
  if (out.length < 3) throw new Error(`too few frames in ${t0}–${t1} s`);
  return out;
}

/** Frame i of a ping-pong walk over the base frames (forward, back, forward...): no jump at the seams. */
function pingPong(frames: Frame[], i: number): Frame {
  const n = frames.length,
    period = 2 * (n - 1);
  const k = i % period;
  return (frames[k < n ? k : period - k] as Frame).map((p) => [p[0], p[1], p[2]] as Pt);
}

/** A piecewise schedule: from `start`, each step eases to `to` over `dur` seconds (smoothstep). */
export interface Step {
  dur: number;
  to: number;
}
export function schedule(start: number, steps: readonly Step[]): (t: number) => number {
  return (t) => {
    let v = start,
      t0 = 0;
    for (const s of steps) {
      if (t < t0 + s.dur) {
        const u = s.dur > 0 ? (t - t0) / s.dur : 1;
        return v + (s.to - v) * u * u * (3 - 2 * u);
      }
      v = s.to;
      t0 += s.dur;
    }
    return v;
  };
}
const totalDur = (steps: readonly Step[]) => steps.reduce((a, s) => a + s.dur, 0);

const mid = (f: Frame, a: number, b: number): [number, number] => [
  ((f[a] as Pt)[0] + (f[b] as Pt)[0]) / 2,
  ((f[a] as Pt)[1] + (f[b] as Pt)[1]) / 2,
];
const dist = (f: Frame, a: number, b: number) => Math.hypot((f[a] as Pt)[0] - (f[b] as Pt)[0], (f[a] as Pt)[1] - (f[b] as Pt)[1]);
const torso = (f: Frame) => {
  const s = mid(f, L_SH, R_SH),
    h = mid(f, L_HIP, R_HIP);
  return Math.hypot(s[0] - h[0], s[1] - h[1]);
};

/** Rotates the given points about (cx, cy) in the image plane by deg (positive = clockwise on screen, y down). */
function rotateImage(f: Frame, idx: readonly number[], cx: number, cy: number, deg: number): void {
  const a = (deg * Math.PI) / 180,
    c = Math.cos(a),
    s = Math.sin(a);
  for (const i of idx) {
    const p = f[i] as Pt;
    const dx = p[0] - cx,
      dy = p[1] - cy;
    p[0] = cx + dx * c - dy * s;
    p[1] = cy + dx * s + dy * c;
  }
}

/**
 * Turns points about a vertical axis through x = cx (a front view): x' = cx + (x − cx)·cos θ + z·sin θ,
 * with z the point's assumed depth toward the camera. θ < 0 turns the person to their right (image-left
 * for a front camera: the nose, in front of the shoulders, moves image-left).
 */
function turnVertical(f: Frame, depth: ReadonlyMap<number, number>, cx: number, deg: number): void {
  const a = (deg * Math.PI) / 180;
  for (const [i, z] of depth) {
    const p = f[i] as Pt;
    p[0] = cx + (p[0] - cx) * Math.cos(a) + z * Math.sin(a);
  }
}

function addNoise(f: Frame, r: () => number, px: number): void {
  for (const p of f) {
    p[0] += (r() - 0.5) * 2 * px;
    p[1] += (r() - 0.5) * 2 * px;
  }
}

interface Built {
  name: string;
  fixture: KeypointFixture & { construction: string };
  expected: Record<string, unknown>;
}

function makeFixture(name: string, base: KeypointFixture, frames: Frame[], construction: string, from: string): Built['fixture'] {
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return {
    format: FIXTURE_FORMAT,
    source: `constructed:${name} (from ${from})`,
    model: `${BASE_MODEL} (constructed)`,
    keypointNames: base.keypointNames,
    width: base.width,
    height: base.height,
    fps: base.fps,
    construction,
    frames: frames.map((f, i) => ({
      t: r1((i * 1000) / base.fps),
      keypoints: f.map((p): FixtureKeypoint => [r1(p[0]), r1(p[1]), Math.round(p[2] * 1000) / 1000]),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Rotation stretch, seated, front view: b01's neutral seated frames (16.1–17.4 s), shoulder line turned.

export function buildRotation(seed = SEED): Built {
  const clip = 'b01_seated_twist_chair_front_adaptx';
  const base = loadBase(clip);
  const src = baseFrames(base, 16.1, 17.4);
  const r = rng(seed);
  // Shoulder turn (°, − = to her right), pelvis turn (°), sideways lean (°, + = shoulders to image-right).
  const turn: Step[] = [
    { dur: 2, to: 0 },
    { dur: 1.2, to: -50 },
    { dur: 6, to: -50 },
    { dur: 1.2, to: 0 },
    { dur: 1.6, to: 0 }, // right hold 3.2–9.2
    { dur: 1.2, to: 50 },
    { dur: 6, to: 50 },
    { dur: 1.2, to: 0 },
    { dur: 1.6, to: 0 }, // left hold 13.2–19.2
    { dur: 1.2, to: -50 },
    { dur: 4, to: -50 },
    { dur: 1.2, to: 0 },
    { dur: 1.6, to: 0 }, // right, pelvis turns too 22–28.4
    { dur: 1.2, to: 50 },
    { dur: 4, to: 50 },
    { dur: 1.2, to: 0 },
    { dur: 1.6, to: 0 }, // left, leaning 30–36.4
  ];
  const pelvis: Step[] = [
    { dur: 22, to: 0 },
    { dur: 1.2, to: -56 },
    { dur: 4, to: -56 },
    { dur: 1.2, to: 0 },
    { dur: 9.6, to: 0 },
  ];
  const lean: Step[] = [
    { dur: 30, to: 0 },
    { dur: 1.2, to: 20 },
    { dur: 4, to: 20 },
    { dur: 1.2, to: 0 },
    { dur: 1.6, to: 0 },
  ];
  const fTurn = schedule(0, turn),
    fPelvis = schedule(0, pelvis),
    fLean = schedule(0, lean);
  const n = Math.round(totalDur(turn) * base.fps);
  const frames: Frame[] = [];
  for (let i = 0; i < n; i++) {
    const t = i / base.fps;
    const f = pingPong(src, i);
    const sw = dist(f, L_SH, R_SH);
    const [cx] = mid(f, L_SH, R_SH);
    // Depths toward the camera, in shoulder widths (a seated person from the front): the face in front of
    // the shoulder line, the hands resting on the lap further forward.
    const depth = new Map<number, number>([
      [NOSE, 0.4 * sw],
      [L_EYE, 0.33 * sw],
      [R_EYE, 0.33 * sw],
      [L_EAR, 0.05 * sw],
      [R_EAR, 0.05 * sw],
      [L_SH, 0],
      [R_SH, 0],
      [L_EL, 0.15 * sw],
      [R_EL, 0.15 * sw],
      [L_WR, 0.6 * sw],
      [R_WR, 0.6 * sw],
    ]);
    turnVertical(f, depth, cx, fTurn(t));
    const [hx] = mid(f, L_HIP, R_HIP);
    turnVertical(
      f,
      new Map([
        [L_HIP, 0],
        [R_HIP, 0],
      ]),
      hx,
      fPelvis(t),
    );
    const [px, py] = mid(f, L_HIP, R_HIP);
    rotateImage(f, UPPER, px, py, fLean(t));
    addNoise(f, r, 0.3);
    frames.push(f);
  }
  const construction =
    `Real frames of ${clip} (${BASE_MODEL}, 16.1–17.4 s: sitting square on the chair, facing the camera), walked forward and back. ` +
    'Face, shoulders, elbows and wrists turned about a vertical axis through the shoulder midpoint (x′ = cx + (x−cx)·cos θ + z·sin θ, ' +
    'assumed depths: nose 0.4, eyes 0.33, elbows 0.15, wrists 0.6 shoulder widths in front of the shoulder line). Turns of 50°: right ' +
    '2–3.2 s, held to 9.2 s; left 12–13.2 s, held to 19.2 s; right 22–23.2 s with the pelvis turned 56° too (planted hips-turning, ' +
    '23.2–27.2 s); left 30–31.2 s with the upper body tilted 20° sideways about the hip midpoint (planted leaning, 31.2–35.2 s). ' +
    `Uniform noise ±0.3 px, seed ${seed}.`;
  return {
    name: 'rotation-stretch_seated_front',
    fixture: makeFixture('rotation-stretch_seated_front', base, frames, construction, `${clip}.${BASE_MODEL} 16.1–17.4 s`),
    expected: {
      exercise: 'rotation-stretch',
      holdSec: 12,
      holdTolerance: 1,
      holds: [
        { startSec: 3.2, endSec: 9.2, side: 'right' },
        { startSec: 13.2, endSec: 19.2, side: 'left' },
      ],
      faults: [
        { id: 'hips-turning', startSec: 23.2, endSec: 27.2 },
        { id: 'leaning', startSec: 31.2, endSec: 35.2 },
      ],
      goodForm: false,
      notes:
        "CONSTRUCTED (see the fixture's construction field). Two clean 6 s holds, one per side (12 s of good-form hold); the third and fourth turns carry planted faults, during which no good-form hold may be credited (holdSec would exceed 12 + 1).",
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Side bend, seated, hands clasped overhead: b01's neutral seated frames, arms raised, trunk tilted.

/**
 * Arm points for one side with the hand at target (tx, ty): two-link placement with the elbow bent
 * outward (away from the midline), upper arm a, forearm fa. Straight when the target is at full reach.
 */
function placeArm(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  a: number,
  fa: number,
  outward: number,
): [number, number, number, number] {
  let dx = tx - sx,
    dy = ty - sy;
  let d = Math.hypot(dx, dy);
  if (d > a + fa) {
    dx *= (a + fa) / d;
    dy *= (a + fa) / d;
    d = a + fa;
  }
  const ux = dx / d,
    uy = dy / d;
  // Law of cosines: distance along the shoulder→hand line to the elbow's foot, and its offset.
  const along = (a * a - fa * fa + d * d) / (2 * d);
  const off = Math.sqrt(Math.max(0, a * a - along * along));
  // Perpendicular pointing outward (sign chosen by the caller: −1 image-left, +1 image-right).
  const px = -uy,
    py = ux;
  const sgn = Math.sign(px) === Math.sign(outward) ? 1 : -1;
  const ex = sx + ux * along + sgn * px * off,
    ey = sy + uy * along + sgn * py * off;
  return [ex, ey, sx + dx, sy + dy];
}

export function buildSideBend(seed = SEED): Built {
  const clip = 'b01_seated_twist_chair_front_adaptx';
  const base = loadBase(clip);
  const src = baseFrames(base, 16.1, 17.4);
  const r = rng(seed + 1);
  // Arms: 0 = resting on the lap (the real frame), 1 = overhead. Elbow: 0 = straight, 1 = bent (hands on the head).
  // Bend: trunk tilt, ° (+ = to her left = image-right for a front camera).
  const arms: Step[] = [
    { dur: 1.5, to: 0 },
    { dur: 1, to: 1 },
    { dur: 25, to: 1 }, // up at 1.5–2.5, overhead through 27.5
    { dur: 1, to: 0 },
    { dur: 5, to: 0 }, // lowered for the bend at 27.5–33.5 (arms-not-overhead)
    { dur: 1, to: 1 },
    { dur: 7.5, to: 1 }, // up again 33.5–34.5, overhead to the end
  ];
  const elbow: Step[] = [
    { dur: 19.5, to: 0 },
    { dur: 1, to: 1 },
    { dur: 4, to: 1 },
    { dur: 1, to: 0 },
    { dur: 16.5, to: 0 },
  ];
  const bend: Step[] = [
    { dur: 3.5, to: 0 },
    { dur: 1, to: 25 },
    { dur: 5, to: 25 },
    { dur: 1, to: 0 },
    { dur: 1, to: 0 }, // left hold 4.5–9.5
    { dur: 1, to: -25 },
    { dur: 5, to: -25 },
    { dur: 1, to: 0 },
    { dur: 1, to: 0 }, // right hold 12.5–17.5
    { dur: 1, to: 25 },
    { dur: 4, to: 25 },
    { dur: 1, to: 0 },
    { dur: 1, to: 0 }, // left, elbows bent 20.5–24.5
    { dur: 1, to: -25 },
    { dur: 4, to: -25 },
    { dur: 1, to: 0 },
    { dur: 1, to: 0 }, // right, arms down 28.5–32.5
    { dur: 1.5, to: 0 },
    { dur: 1, to: 7 },
    { dur: 4, to: 7 },
    { dur: 1, to: 0 },
    { dur: 1.5, to: 0 }, // shallow 36–40
  ];
  const fArms = schedule(0, arms),
    fElbow = schedule(0, elbow),
    fBend = schedule(0, bend);
  const n = Math.round(totalDur(bend) * base.fps);
  const median = (xs: number[]) => {
    const v = [...xs].sort((a, b) => a - b);
    return v[v.length >> 1] as number;
  };
  const lapForearm = { left: median(src.map((f) => dist(f, L_EL, L_WR))), right: median(src.map((f) => dist(f, R_EL, R_WR))) };
  const frames: Frame[] = [];
  for (let i = 0; i < n; i++) {
    const t = i / base.fps;
    const f = pingPong(src, i);
    const tl = torso(f);
    const ua = Math.max(dist(f, L_SH, L_EL), dist(f, R_SH, R_EL));
    // The lap pose foreshortens the forearm (it points at the camera); a raised forearm is seen in full,
    // about 0.9 of the upper arm, but no more than 1.2× the median forearm seen on the lap: the engine's
    // plausibility check rejects a limb over 1.6× its running median (plausibility.ts LIMB_MAX_RATIO).
    const faOf = (el: number) => Math.min(0.9 * ua, 1.2 * (el === L_EL ? lapForearm.left : lapForearm.right));
    const w = fArms(t),
      eb = fElbow(t);
    const [cx] = mid(f, L_SH, R_SH);
    for (const [sh, el, wr, sideSign] of [
      [L_SH, L_EL, L_WR, 1],
      [R_SH, R_EL, R_WR, -1],
    ] as const) {
      // Front camera: her left is image-right (sideSign +1). Clasped hands: wrists 0.07 torso lengths
      // either side of the midline (closer would read as two joints collapsed onto one).
      const S = f[sh] as Pt;
      const fa = faOf(el);
      const reach = a2(ua, fa, 180 - 90 * eb); // shoulder→hand distance for the elbow angle
      const txFull = cx + sideSign * 0.07 * tl;
      const dyUp = Math.sqrt(Math.max(0, reach * reach - (txFull - S[0]) ** 2));
      const ty = S[1] - dyUp;
      const [ex, ey, wx, wy] = placeArm(S[0], S[1], txFull, ty, ua, fa, sideSign);
      const E = f[el] as Pt,
        W = f[wr] as Pt;
      E[0] += (ex - E[0]) * w;
      E[1] += (ey - E[1]) * w;
      W[0] += (wx - W[0]) * w;
      W[1] += (wy - W[1]) * w;
    }
    const [px, py] = mid(f, L_HIP, R_HIP);
    // Positive image rotation (clockwise, y down) moves the shoulders above the hips to image-right.
    rotateImage(f, UPPER, px, py, fBend(t));
    addNoise(f, r, 0.3);
    frames.push(f);
  }
  const construction =
    `Real frames of ${clip} (${BASE_MODEL}, 16.1–17.4 s: sitting square, facing the camera), walked forward and back. Arms raised ` +
    'overhead at 1.5–2.5 s: each hand placed 0.07 torso lengths beside the midline at full reach above its shoulder (upper arm as ' +
    'measured, forearm 0.9 of it but at most 1.2× the median lap-foreshortened forearm on that side), elbow by two-link placement bent outward; then the face, shoulders and arms tilted about the hip ' +
    'midpoint by 25°: her left 3.5–4.5 s, held to 9.5 s; right 11.5–12.5, held to 17.5 s; left 19.5–20.5 with the elbows bent to 90° ' +
    '(hands on the head; planted elbows-bent 20.5–24.5 s); right 27.5–28.5 with the arms back on the lap (planted arms-not-overhead ' +
    `28.5–32.5 s); a 7° bend held 36–40 s (planted not-bent-enough). Uniform noise ±0.3 px, seed ${seed + 1}.`;
  // Good-form held seconds by the side bend's definition (side-bend.ts: bent past 10° with the hands
  // overhead, and still: the script's bends move at 25°/s, past STILL_DEG_S), integrated over the script at 1 ms;
  // the arms-down bend is excluded, and so is the turn held with the elbows bent (19.5–27.5 s): no good-form time
  // is credited while any of the exercise's faults stands.
  let heldMs = 0;
  const bentTurn = (sec: number) => sec >= 19.5 && sec < 27.5;
  const still = (sec: number) => Math.abs(fBend(sec + 0.001) - fBend(sec)) < 1e-9;
  for (let ms = 0; ms < totalDur(bend) * 1000; ms++)
    if (Math.abs(fBend(ms / 1000)) >= 10 && fArms(ms / 1000) >= 0.999 && still(ms / 1000) && !bentTurn(ms / 1000)) heldMs++;
  return {
    name: 'side-bend_seated_overhead_front',
    fixture: makeFixture('side-bend_seated_overhead_front', base, frames, construction, `${clip}.${BASE_MODEL} 16.1–17.4 s`),
    expected: {
      exercise: 'side-bend',
      holdSec: Math.round(heldMs / 100) / 10,
      holdTolerance: 1,
      holds: [
        { startSec: 4.5, endSec: 9.5, side: 'left' },
        { startSec: 12.5, endSec: 17.5, side: 'right' },
      ],
      faults: [
        { id: 'elbows-bent', startSec: 20.5, endSec: 24.5 },
        { id: 'arms-not-overhead', startSec: 28.5, endSec: 32.5 },
        { id: 'not-bent-enough', startSec: 36, endSec: 40 },
      ],
      goodForm: false,
      notes:
        "CONSTRUCTED (see the fixture's construction field). Holds per side: 5 s left, 5 s right, then 4 s left with bent elbows (a minor fault, but still a fault: the cue, and no good-form time while it stands). The bend with the arms down is not a hold (major fault). The 7° bend is too shallow to count and is flagged. holdSec = time held still past 10° with the arms fully overhead, integrated over the script (the side bend does not count a bend on its way in or out).",
    },
  };
}

/** Distance from shoulder to hand for an elbow angle (°), by the law of cosines. */
function a2(a: number, b: number, deg: number): number {
  const c = Math.cos((deg * Math.PI) / 180);
  return Math.sqrt(a * a + b * b - 2 * a * b * c);
}

// ---------------------------------------------------------------------------------------------------
// Ab crunch with the feet on a ball: 14's wide side shot, lying flat (2.8–3.07 s), curled and feet raised.

export function buildBallCrunch(seed = SEED): Built {
  const clip = '14_crunch_klarfit';
  const base = loadBase(clip);
  const src = baseFrames(base, 2.8, 3.07);
  const r = rng(seed + 2);
  // Curl: trunk raised above its resting angle (°). Feet: 1 = heels on the ball, 0 = on the floor (real frame).
  const rep = (up: number, top: number, down: number, rest: number): Step[] => [
    { dur: up, to: 26 },
    { dur: top, to: 26 },
    { dur: down, to: 0 },
    { dur: rest, to: 0 },
  ];
  const curl: Step[] = [{ dur: 2.5, to: 0 }];
  for (let k = 0; k < 6; k++) curl.push(...rep(0.9, 0.5, 1.1, 1.0)); // 6 reps, 3.5 s each: 2.5–23.5 s
  curl.push({ dur: 3, to: 0 }); // feet come down to the floor 24–25.5 s
  for (let k = 0; k < 2; k++) curl.push(...rep(0.9, 0.5, 1.1, 1.0)); // 2 reps with the feet on the floor: 26.5–33.5 s
  curl.push({ dur: 1.5, to: 0 });
  const feet: Step[] = [
    { dur: 24, to: 1 },
    { dur: 1.5, to: 0 },
    { dur: 20, to: 0 },
  ];
  const fCurl = schedule(0, curl),
    fFeet = schedule(1, feet);
  const n = Math.round(totalDur(curl) * base.fps);
  const frames: Frame[] = [];
  // Which way the head lies decides the sign of the curl rotation: the shoulders must rise (y falls).
  const f0 = src[0] as Frame;
  const [hx0] = mid(f0, L_HIP, R_HIP),
    [sx0] = mid(f0, L_SH, R_SH);
  const curlSign = sx0 < hx0 ? 1 : -1; // head to image-left: clockwise (positive) lifts it
  for (let i = 0; i < n; i++) {
    const t = i / base.fps;
    const f = pingPong(src, i);
    const tl = torso(f);
    const [hx, hy] = mid(f, L_HIP, R_HIP);
    rotateImage(f, UPPER, hx, hy, curlSign * fCurl(t));
    // Feet on a ball: heels 1.0 torso lengths above the hips (a 55 cm ball under a ≈50 cm torso), the
    // shin-to-hip distance kept; knees placed by two-link geometry, bent upward.
    const w = fFeet(t);
    for (const [hip, kn, an] of [
      [L_HIP, L_KN, L_AN],
      [R_HIP, R_KN, R_AN],
    ] as const) {
      const H = f[hip] as Pt,
        K = f[kn] as Pt,
        A = f[an] as Pt;
      const th = Math.hypot(K[0] - H[0], K[1] - H[1]),
        sh = Math.hypot(A[0] - K[0], A[1] - K[1]);
      const dir = Math.sign(A[0] - H[0]) || 1;
      const ay = H[1] - 1.0 * tl;
      const reach = Math.min(th + sh - 1, Math.max(Math.abs(A[0] - H[0]), 0.6 * (th + sh)));
      const ax = H[0] + dir * Math.sqrt(Math.max(0, reach * reach - (ay - H[1]) ** 2));
      // Knee up (smaller y): outward sign so the elbow-style bend points to the ceiling.
      const [kx, ky] = placeArm(H[0], H[1], ax, ay, th, sh, -dir);
      const up = ky < H[1] ? [kx, ky] : [2 * (H[0] + (ax - H[0]) * 0.5) - kx, ky];
      K[0] += ((up[0] as number) - K[0]) * w;
      K[1] += ((up[1] as number) - K[1]) * w;
      A[0] += (ax - A[0]) * w;
      A[1] += (ay - A[1]) * w;
    }
    addNoise(f, r, 0.3);
    frames.push(f);
  }
  const construction =
    `Real frames of ${clip} (${BASE_MODEL}, wide side shot 2.8–3.07 s: lying on the back, knees bent, feet on the floor), walked forward ` +
    'and back. Curl: face, shoulders and arms rotated about the hip midpoint by up to 26° so the shoulders rise (0.9 s up, 0.5 s at the ' +
    'top, 1.1 s down, 1 s rest). Feet on a ball: each ankle moved to 1.0 torso lengths above its hip at the same leg reach, the knee ' +
    'placed by two-link geometry (thigh and shin lengths as measured) bent upward. 6 reps with the feet on the ball (2.5–23.5 s), feet ' +
    `lowered to the real floor position at 24–25.5 s, 2 reps with the feet on the floor (26.5–33.5 s). Uniform noise ±0.3 px, seed ${seed + 2}.`;
  return {
    name: 'ab-crunch_feet-on-ball_side',
    fixture: makeFixture('ab-crunch_feet-on-ball_side', base, frames, construction, `${clip}.${BASE_MODEL} 2.8–3.07 s`),
    expected: {
      exercise: 'ab-crunch',
      reps: 8,
      repsTolerance: 0,
      faults: [],
      goodForm: true,
      feet: [
        { startSec: 0, endSec: 24, on: 'ball' },
        { startSec: 25.5, endSec: 35, on: 'floor' },
      ],
      notes:
        "CONSTRUCTED (see the fixture's construction field). 8 controlled crunches, 3.5 s each (0.9 s up, 0.5 s held, 1.1 s down): 6 with the heels on a ball, then the feet come down and 2 more with the feet on the floor. `feet` says where the feet are, for the engine to report which it detects (the ab-crunch rule set owns that: see ab-crunch.ts).",
    },
  };
}

export function buildAll(seed = SEED): Built[] {
  return [buildRotation(seed), buildSideBend(seed), buildBallCrunch(seed)];
}

/** Writes the streams and their expected outcomes; returns the file names written. */
export function writeAll(seed = SEED): string[] {
  mkdirSync(constructedDir, { recursive: true });
  const out: string[] = [];
  for (const b of buildAll(seed)) {
    const fx = join(constructedDir, `${b.name}.keypoints.json`),
      ex = join(constructedDir, `${b.name}.expected.json`);
    writeFileSync(fx, JSON.stringify(b.fixture) + '\n');
    writeFileSync(ex, JSON.stringify(b.expected, null, 2) + '\n');
    out.push(fx, ex);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const f of writeAll()) process.stdout.write(`wrote ${f}\n`);
}
