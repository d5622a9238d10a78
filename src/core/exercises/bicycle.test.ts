// Bicycle crunch on the real clips: 09 (from the feet end, front-oblique) and b09 (side view, with leg
// close-ups between two wide shots).
import { describe, expect, it } from 'vitest';
import { faster, replayClip, replayFrames } from '../../../tests/kit/exerciseReplay';
import { loadClip, loadConstructed } from '../../../tests/kit/replay';
import type { ModelName, PoseFrame } from '../pose';
import { createEngineState, step } from '../engine';
import { summarize } from '../summary';
import { COACH_WORDS } from '../../words/coachWords';
import type { KeypointName } from '../geometry';

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
  // Side view, lying, head to the image-right; torso 150 px. A knee "in" sits ≈0.6 torso lengths from the
  // shoulders, "out" ≈2. Knees move over 5 frames so the plausibility checks keep them. At a touch the trunk turns
  // toward the knee: the other side's shoulder (and its arm) slides TWIST px toward the hips (0.35 torso lengths,
  // as b09's shoulders move, bicycle.ts TURN_MIN); `still` keeps the trunk square.
  const OUT = { x: 100, y: 290 }, IN = { x: 330, y: 250 }, TWIST = 52;
  function frame(t: number, l: { x: number; y: number }, r: { x: number; y: number }, twistL: number, twistR: number): PoseFrame {
    // twistL: how far (0–1) the trunk has turned toward the left knee (the right shoulder slides), twistR likewise.
    const dr = -TWIST * twistL, dl = -TWIST * twistR;
    const pts: Record<string, [number, number]> = {
      nose: [450, 290], left_eye: [455, 285], right_eye: [455, 287], left_ear: [440, 285], right_ear: [440, 288],
      left_shoulder: [400 + dl, 300], right_shoulder: [400 + dr, 306], left_elbow: [440 + dl, 262], right_elbow: [440 + dr, 268],
      left_wrist: [432 + dl, 280], right_wrist: [432 + dr, 284], left_hip: [250, 300], right_hip: [250, 306],
      left_knee: [l.x, l.y], right_knee: [r.x, r.y + 6], left_ankle: [l.x - 100, l.y + 20], right_ankle: [r.x - 100, r.y + 26],
    };
    return { t, width: 640, height: 480, poses: [{ score: 0.9, keypoints: Object.entries(pts).map(([name, [x, y]]) => ({ name, x, y, score: 0.9 })) }] };
  }
  const lerp = (a: { x: number; y: number }, b: { x: number; y: number }, k: number) => ({ x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k });
  /** Frames at 15 fps: each step is [side that moves or null, frames to hold]; `turn`: the trunk turns with the knee. */
  function stream(steps: ['left' | 'right' | null, number][], turn = true): PoseFrame[] {
    const out: PoseFrame[] = [];
    let t = 0;
    const push = (side: 'left' | 'right' | null, k: number) => {
      const l = side === 'left' ? lerp(OUT, IN, k) : OUT, r = side === 'right' ? lerp(OUT, IN, k) : OUT;
      const tw = turn ? k : 0;
      out.push(frame(t, l, r, side === 'left' ? tw : 0, side === 'right' ? tw : 0));
      t += 1000 / 15;
    };
    for (const [side, hold] of steps) {
      if (side) {
        for (let i = 1; i <= 5; i++) push(side, i / 5);
        for (let i = 0; i < 8; i++) push(side, 1);
        for (let i = 1; i <= 5; i++) push(side, 1 - i / 5);
      }
      for (let i = 0; i < hold; i++) push(null, 0);
    }
    return out;
  }

  it('counts left, right; a second left in a row is not a touch; after a pause either side may start', () => {
    const r = replayFrames('bicycle', stream([[null, 20], ['left', 4], ['left', 4], ['right', 4], ['right', 90], ['right', 10]]));
    expect(r.reps.map((x) => x.side)).toEqual(['left', 'right', 'right']);
    expect(r.reps[2]?.tSec).toBeGreaterThan(8);
  });

  it('the side is the way the trunk turned, not the knee\'s label: the left knee drawn in with the trunk turning right is a right touch', () => {
    // The knee labels say left every time; the trunk turns toward the right, then the left, then the right.
    const frames = stream([[null, 20], ['left', 10], ['left', 10], ['left', 10]]).map((f, i) => {
      const touch = Math.floor((i - 20) / 28);
      if (i < 20 || touch % 2 === 1) return f;
      // Mirror the turn: the left shoulder (and arm) slides instead of the right.
      const kp = f.poses[0]?.keypoints ?? [];
      const dx = (kp.find((k) => k.name === 'right_shoulder')?.x ?? 400) - 400;
      return { ...f, poses: [{ score: 0.9, keypoints: kp.map((k) => (/^right_(shoulder|elbow|wrist)$/.test(k.name) ? { ...k, x: k.x - dx } : /^left_(shoulder|elbow|wrist)$/.test(k.name) ? { ...k, x: k.x + dx } : k)) }] };
    });
    expect(replayFrames('bicycle', frames).reps.map((x) => x.side)).toEqual(['right', 'left', 'right']);
  });

  it('knees drawn in with the trunk kept square are no touches, and the coach says no-contact', () => {
    const r = replayFrames('bicycle', stream([[null, 20], ['left', 4], ['right', 4], ['left', 4], ['right', 4]], false));
    expect(r.reps).toEqual([]);
    expect(r.faultStarts.some((f) => f.id === 'no-contact')).toBe(true);
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

/** The engine as the app and the analyzer run it: the model given, every frame in turn. */
function analyse(frames: readonly PoseFrame[], model: ModelName) {
  return summarize('bicycle', frames, 'test', { model }, undefined, COACH_WORDS);
}

/** Counted touches with their time (s) and side, the engine given the model. */
function touches(frames: readonly PoseFrame[], model: ModelName, targetReps = 10): { tSec: number; side: string }[] {
  const s = createEngineState('bicycle', { model, targetReps });
  const t0 = frames[0]?.t ?? 0;
  return frames.flatMap((f) => step(s, f).events.flatMap((e) => (e.type === 'rep' ? [{ tSec: (e.t - t0) / 1000, side: e.side ?? '?' }] : [])));
}

const MODELS: ModelName[] = ['movenet-thunder', 'blazepose-full'];

describe('bicycle: no rep without contact or twist (issue 17)', () => {
  // CONSTRUCTED from real bicycles (test-fixtures/constructed/bicycle-no-contact_*, scripts/lib/bicycleConstruct.ts):
  // the legs are the recorded ones, pedalling; the trunk stays square and both elbows stay by the head.
  const streams = ['bicycle-no-contact_side', 'bicycle-no-contact_silhouette', 'bicycle-no-contact_feet'];
  const cases = streams.flatMap((n) => MODELS.map((m) => [n, m] as const));

  it.each(cases)('%s (%s): no touch counted, no-contact said, no praise', async (name, model) => {
    const s = analyse(await loadConstructed(`${name}.${model}`), model);
    expect(s.reps.total).toBe(0);
    expect(s.faults.filter((f) => f.id === 'no-contact').length).toBeGreaterThanOrEqual(2);
    expect(s.cues.some((c) => c.id === 'fault:no-contact' && c.text === 'Turn so your elbow meets the opposite knee')).toBe(true);
    expect(s.cues.filter((c) => c.id.startsWith('praise:') || c.id.startsWith('info:target'))).toEqual([]);
  });

  it('the same legs with the real trunk and arms are counted: the witness, not the legs, makes the difference', async () => {
    // b09's wide shots (the constructed side stream's legs): 9 touches seen arriving there.
    const frames = await loadClip('b09_bicycle_crunch_side_slayercampo');
    const wide = touches(frames, 'movenet-thunder').filter((x) => x.tSec < 7.28 || x.tSec >= 12.44);
    expect(wide.length).toBeGreaterThanOrEqual(7);
  });

  it('no-contact is shown on the elbows and knees, on the screen the person sees', async () => {
    const frames = await loadConstructed('bicycle-no-contact_side.movenet-thunder');
    const s = createEngineState('bicycle', { model: 'movenet-thunder' });
    const marked: KeypointName[][] = [];
    for (const f of frames) {
      const r = step(s, f);
      if (r.events.some((e) => e.type === 'fault-start' && e.faultId === 'no-contact')) {
        marked.push((Object.entries(r.view.jointStyles) as [KeypointName, string][]).filter(([, v]) => v === 'fault').map(([k]) => k));
      }
    }
    expect(marked.length).toBeGreaterThanOrEqual(2);
    for (const m of marked) {
      expect(m.some((k) => k.endsWith('_elbow'))).toBe(true);
      expect(m.some((k) => k.endsWith('_knee'))).toBe(true);
    }
  });
});

describe('bicycle: the sides are the touches\' own (issue 17)', () => {
  // b09's catalogued touches in the wide shots, with the knee drawn in (the person's own side).
  const B09 = { at: [0.45, 2.05, 3.65, 5.6, 7.0, 12.6, 14.0, 15.9, 17.9, 19.6], sides: ['left', 'right', 'left', 'right', 'left', 'left', 'right', 'left', 'right', 'left'] };

  it.each(MODELS)('b09 (%s): every touch counted in the wide shots is on the side it happened', async (model) => {
    const got = touches(await loadClip('b09_bicycle_crunch_side_slayercampo', model), model).filter((x) => x.tSec < 7.28 || x.tSec >= 12.44);
    expect(got.length).toBeGreaterThanOrEqual(7);
    for (const g of got) {
      const i = B09.at.findIndex((a) => Math.abs(a - g.tSec) <= 0.9);
      expect(i, `touch at ${g.tSec} s matches a catalogued one`).toBeGreaterThanOrEqual(0);
      expect(g.side, `touch at ${g.tSec} s`).toBe(B09.sides[i]);
    }
  });

  it.each(MODELS)('c18 (%s, silhouette: the model swaps the knees): touches alternate, split between the sides', async (model) => {
    const got = touches(await loadClip('c18_bicycle_crunch_side_backlit_shutterstock-harish', model), model);
    expect(got.length).toBeGreaterThanOrEqual(7);
    expect(alternates(got.map((x) => x.side))).toBe(true);
    const left = got.filter((x) => x.side === 'left').length;
    expect(Math.abs(2 * left - got.length)).toBeLessThanOrEqual(1);
  });

  it.each([
    ['b09_bicycle_crunch_side_slayercampo', 'movenet-thunder'], ['b09_bicycle_crunch_side_slayercampo', 'blazepose-full'],
    ['c18_bicycle_crunch_side_backlit_shutterstock-harish', 'movenet-thunder'], ['c18_bicycle_crunch_side_backlit_shutterstock-harish', 'blazepose-full'],
  ] as const)('%s (%s) looped four times as a webcam: the touches never pile onto one side', async (clip, model) => {
    const frames = await loadClip(clip, model);
    const period = (frames[frames.length - 1]?.t ?? 0) + 1000 / 15;
    const looped = [0, 1, 2, 3].flatMap((k) => frames.map((f) => ({ ...f, t: f.t + k * period })));
    const got = touches(looped, model, 100);
    const left = got.filter((x) => x.side === 'left').length, right = got.length - left;
    expect(got.length).toBeGreaterThanOrEqual(28);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(2);
    // Never more than one touch in a row on a side.
    expect(got.filter((x, i) => i > 0 && x.side === got[i - 1]?.side).length).toBeLessThanOrEqual(1);
  });
});
