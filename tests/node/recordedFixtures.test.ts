// The committed keypoint fixtures (test-fixtures/keypoints), checked without the videos or the model so
// this runs everywhere: each is complete and well-formed, and each carries the signal a person saw in the
// clip (test-fixtures/clips.json). A recording made with the wrong crop, a mirrored frame, a swapped
// left/right or a dropped stretch of time fails here.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KeypointFixture } from '../../src/core/fixture';
import { fixtureToFrames, parseFixture } from '../../src/core/fixture';
import type { PoseFrame } from '../../src/core/pose';
import type { Clip } from '../../scripts/lib/clips';
import { fixturePath, readClipList } from '../../scripts/lib/clips';

const list = readClipList();
const byId = (id: string): Clip => {
  const c = list.clips.find((x) => x.id === id);
  if (!c) throw new Error(`no clip ${id} in clips.json`);
  return c;
};
const load = (id: string, model = 'movenet-thunder' as const): KeypointFixture =>
  parseFixture(JSON.parse(readFileSync(fixturePath(id, model), 'utf8')));

type P = { x: number; y: number; score: number };
const kp = (f: PoseFrame, name: string): P => {
  const k = f.poses[0]?.keypoints.find((p) => p.name === name);
  if (!k) throw new Error(`frame at ${f.t} ms has no ${name}`);
  return k;
};
const mid = (a: P, b: P): P => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, score: Math.min(a.score, b.score) });
/** Angle ABC in degrees. */
function angle(a: P, b: P, c: P): number {
  const v1 = Math.atan2(a.y - b.y, a.x - b.x);
  const v2 = Math.atan2(c.y - b.y, c.x - b.x);
  let d = Math.abs(v1 - v2) * (180 / Math.PI);
  if (d > 180) d = 360 - d;
  return d;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
const between = (frames: PoseFrame[], s0: number, s1: number) =>
  frames.filter((f) => f.t >= s0 * 1000 && f.t <= s1 * 1000 && f.poses.length > 0);

/** Shoulder–hip–ankle angle on the side the model sees better (a side view hides the far side). */
function bodyLine(f: PoseFrame): number {
  const side = ['left', 'right']
    .map((s) => {
      const pts = [kp(f, `${s}_shoulder`), kp(f, `${s}_hip`), kp(f, `${s}_ankle`)] as const;
      return { pts, score: pts.reduce((t, p) => t + p.score, 0) };
    })
    .sort((a, b) => b.score - a.score)[0]!;
  return angle(...side.pts);
}

/**
 * How far the hip sits above the shoulder–ankle line, in torso lengths (negative: below, a sag), on the
 * side the model sees better. Image y grows downwards, and the body runs across the image in a plank.
 */
function hipAboveLine(f: PoseFrame): number {
  const s = kp(f, 'left_hip').score >= kp(f, 'right_hip').score ? 'left' : 'right';
  const [sh, hip, ank] = [kp(f, `${s}_shoulder`), kp(f, `${s}_hip`), kp(f, `${s}_ankle`)];
  const lineY = sh.y + ((ank.y - sh.y) * (hip.x - sh.x)) / (ank.x - sh.x);
  return (lineY - hip.y) / Math.hypot(sh.x - hip.x, sh.y - hip.y);
}

/** Lean of the trunk from vertical in degrees, positive when the shoulders are to the image-right of the hips. */
function trunkLean(f: PoseFrame): number {
  const s = mid(kp(f, 'left_shoulder'), kp(f, 'right_shoulder'));
  const h = mid(kp(f, 'left_hip'), kp(f, 'right_hip'));
  return Math.atan2(s.x - h.x, h.y - s.y) * (180 / Math.PI);
}

describe('every listed clip has a complete fixture per model', () => {
  const cases = list.clips.flatMap((c) => list.models.map((m) => [c.id, m, c] as const));
  it.each(cases)('%s %s', (_id, model, clip) => {
    const file = fixturePath(clip.id, model);
    expect(existsSync(file), `${file} missing: npm run record -- ${clip.id}`).toBe(true);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { recording?: { crop: string | null; smoothing: boolean } };
    const f = parseFixture(raw);
    expect(f.model).toBe(model);
    expect(f.source).toBe(clip.video);
    expect(f.fps).toBe(list.fps);
    expect(raw.recording?.crop).toBe(clip.crop);
    expect(raw.recording?.smoothing).toBe(false);
    expect(Math.max(f.width, f.height)).toBeLessThanOrEqual(list.maxSide);
    // The whole clip, sampled evenly from 0 s: no stretch dropped or doubled.
    expect(Math.abs(f.frames.length - clip.duration * f.fps)).toBeLessThanOrEqual(1);
    f.frames.forEach((fr, i) => expect(fr.t).toBeCloseTo((i * 1000) / f.fps, 0));
    // Points the model is fairly sure of lie in the analysed frame. MoveNet puts a limb cut off by the frame
    // edge just outside it (at most 3% of the frame size beyond the edge, measured on the close-ups of 14 and
    // 31); a crop or scale mix-up puts points far outside.
    const margin = 0.05;
    const sure = f.frames.flatMap((fr) => fr.keypoints).filter(([, , s]) => s >= 0.3);
    expect(sure.length).toBeGreaterThan(0);
    const far = sure.filter(
      ([x, y]) => x < -margin * f.width || y < -margin * f.height || x > (1 + margin) * f.width || y > (1 + margin) * f.height,
    );
    expect(far).toEqual([]);
  });
});

describe('the fixtures carry what a person saw (MoveNet Thunder)', () => {
  it('side-view forearm planks hold a straight body line', () => {
    for (const id of ['03_plank_forearm_side_kaiakol005', '05_plank_forearm_side_sebitzu']) {
      const c = byId(id);
      const hold = c.truth.holds[0]!;
      const frames = between(fixtureToFrames(load(id)), hold.start, hold.end);
      expect(median(frames.map(bodyLine)), id).toBeGreaterThan(165);
    }
  });

  it('02: the demonstrated hip sag bends the body line well below the good hold', () => {
    const c = byId('02_plank_high_tutorial_yogai');
    const sag = c.truth.faults.find((f) => f.kind === 'hips-sag')!;
    const frames = fixtureToFrames(load(c.id));
    // Measured: ≈151–155° in the sag, ≈167–172° in the good hold (oblique view; NOTES.md's 175–178° is side-on).
    // Inner part of the sag interval (its bounds are ±0.3 s), against a stretch of the hold with no demonstrated fault.
    const sagAngle = median(between(frames, sag.start + 0.3, sag.end - 0.3).map(bodyLine));
    const goodAngle = median(between(frames, 20, 30).map(bodyLine));
    expect(goodAngle).toBeGreaterThan(165);
    expect(goodAngle - sagAngle).toBeGreaterThan(10);
    // And it is a sag, not a pike: the hips drop below the shoulder–ankle line (measured ≈ −0.3 torso
    // lengths in the sag, ≈ +0.1 to +0.15 in the good hold, where the elevated oblique camera lifts them).
    expect(median(between(frames, sag.start + 0.3, sag.end - 0.3).map(hipAboveLine))).toBeLessThan(-0.15);
    expect(median(between(frames, 20, 30).map(hipAboveLine))).toBeGreaterThan(0);
  });

  it('b02: each overhead side bend leans the trunk to the side the person bent to', () => {
    const c = byId('b02_side_bend_overhead_standing_front_vivek');
    const frames = fixtureToFrames(load(c.id));
    const reps = c.truth.reps!;
    reps.at.forEach((t, i) => {
      const lean = median(between(frames, t - 0.2, t + 0.2).map(trunkLean));
      // Filmed from the front: the person's left is image-right, so a bend to their left leans positive.
      const expected = reps.sides![i] === 'left' ? 1 : -1;
      expect(lean * expected, `bend ${i + 1} at ${t} s (${reps.sides![i]}), lean ${lean.toFixed(1)}°`).toBeGreaterThan(10);
    });
  });

  it('b03: each dumbbell side bend leans the trunk to his right (image-left)', () => {
    const c = byId('b03_side_bend_dumbbell_standing_front_vivek');
    const frames = fixtureToFrames(load(c.id));
    for (const t of c.truth.reps!.at) {
      const lean = median(between(frames, t - 0.2, t + 0.2).map(trunkLean));
      expect(lean, `bend at ${t} s`).toBeLessThan(-10);
    }
  });

  it('b01: turning the trunk narrows the shoulders against the hips, on both holds', () => {
    // Filmed from the front, so rotation shows as the shoulder span shrinking; the pelvis stays square.
    // Measured: shoulder/hip width ≈1.7 sitting neutral, ≈0.8 in either twist.
    const c = byId('b01_seated_twist_chair_front_adaptx');
    const frames = fixtureToFrames(load(c.id));
    const ratio = (f: PoseFrame) =>
      Math.abs(kp(f, 'left_shoulder').x - kp(f, 'right_shoulder').x) / Math.abs(kp(f, 'left_hip').x - kp(f, 'right_hip').x);
    const neutral = median([...between(frames, 0, 0.5), ...between(frames, 16.1, c.duration)].map(ratio));
    for (const h of c.truth.holds) {
      expect(median(between(frames, h.start, h.end).map(ratio)), `${h.side} hold`).toBeLessThan(0.6 * neutral);
    }
  });

  it('28: nobody is found on the title card, someone is in every frame of the stretch hold (both models)', () => {
    const c = byId('28_seated_hamstring_stretch_acapapap');
    for (const model of list.models) {
      const f = parseFixture(JSON.parse(readFileSync(fixturePath(c.id, model), 'utf8')));
      const inT = (fr: { t: number }, s0: number, s1: number) => fr.t >= s0 * 1000 && fr.t <= s1 * 1000;
      const card = c.truth.noPerson[0]!;
      const hold = c.truth.holds[0]!;
      // The card's end is approximate (±0.2 s), so its last half second is left out.
      const onCard = f.frames.filter((fr) => inT(fr, card.start, card.end - 0.5));
      expect(onCard.length).toBeGreaterThan(50);
      expect(
        onCard.filter((fr) => fr.keypoints.length > 0),
        model,
      ).toHaveLength(0);
      expect(
        f.frames.filter((fr) => inT(fr, hold.start, hold.end) && fr.keypoints.length === 0),
        model,
      ).toHaveLength(0);
    }
  });
});
