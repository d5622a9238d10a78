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
  it("09: touches counted from the feet end, sides alternating, within the catalog's ±1 of 8", async () => {
    const r = await replayClip('09_bicycle_crunch_klarfit', 'bicycle');
    expect(r.reps.length).toBeGreaterThanOrEqual(7);
    expect(r.reps.length).toBeLessThanOrEqual(9);
    expect(alternates(r.reps.map((x) => x.side))).toBe(true);
    // Side B (near knee in) at ≈1.2, 3.9, 6.6, 9.0 s: each within 0.6 s of a counted touch.
    for (const t of [3.9, 6.6, 9.0])
      expect(
        r.reps.some((x) => Math.abs(x.tSec - t) < 0.6),
        `touch near ${t} s`,
      ).toBe(true);
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
  const OUT = { x: 100, y: 290 },
    IN = { x: 330, y: 250 },
    TWIST = 52;
  function frame(t: number, l: { x: number; y: number }, r: { x: number; y: number }, twistL: number, twistR: number): PoseFrame {
    // twistL: how far (0–1) the trunk has turned toward the left knee (the right shoulder slides), twistR likewise.
    const dr = -TWIST * twistL,
      dl = -TWIST * twistR;
    const pts: Record<string, [number, number]> = {
      nose: [450, 290],
      left_eye: [455, 285],
      right_eye: [455, 287],
      left_ear: [440, 285],
      right_ear: [440, 288],
      left_shoulder: [400 + dl, 300],
      right_shoulder: [400 + dr, 306],
      left_elbow: [440 + dl, 262],
      right_elbow: [440 + dr, 268],
      left_wrist: [432 + dl, 280],
      right_wrist: [432 + dr, 284],
      left_hip: [250, 300],
      right_hip: [250, 306],
      left_knee: [l.x, l.y],
      right_knee: [r.x, r.y + 6],
      left_ankle: [l.x - 100, l.y + 20],
      right_ankle: [r.x - 100, r.y + 26],
    };
    return {
      t,
      width: 640,
      height: 480,
      poses: [{ score: 0.9, keypoints: Object.entries(pts).map(([name, [x, y]]) => ({ name, x, y, score: 0.9 })) }],
    };
  }
  const lerp = (a: { x: number; y: number }, b: { x: number; y: number }, k: number) => ({
    x: a.x + (b.x - a.x) * k,
    y: a.y + (b.y - a.y) * k,
  });
  /** Frames at 15 fps: each step is [side that moves or null, frames to hold]; `turn`: the trunk turns with the knee. */
  function stream(steps: ['left' | 'right' | null, number][], turn = true): PoseFrame[] {
    const out: PoseFrame[] = [];
    let t = 0;
    const push = (side: 'left' | 'right' | null, k: number) => {
      const l = side === 'left' ? lerp(OUT, IN, k) : OUT,
        r = side === 'right' ? lerp(OUT, IN, k) : OUT;
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
    const r = replayFrames(
      'bicycle',
      stream([
        [null, 20],
        ['left', 4],
        ['left', 4],
        ['right', 4],
        ['right', 90],
        ['right', 10],
      ]),
    );
    expect(r.reps.map((x) => x.side)).toEqual(['left', 'right', 'right']);
    expect(r.reps[2]?.tSec).toBeGreaterThan(8);
  });

  it("the side is the way the trunk turned, not the knee's label: the left knee drawn in with the trunk turning right is a right touch", () => {
    // The knee labels say left every time; the trunk turns toward the right, then the left, then the right.
    const frames = stream([
      [null, 20],
      ['left', 10],
      ['left', 10],
      ['left', 10],
    ]).map((f, i) => {
      const touch = Math.floor((i - 20) / 28);
      if (i < 20 || touch % 2 === 1) return f;
      // Mirror the turn: the left shoulder (and arm) slides instead of the right.
      const kp = f.poses[0]?.keypoints ?? [];
      const dx = (kp.find((k) => k.name === 'right_shoulder')?.x ?? 400) - 400;
      return {
        ...f,
        poses: [
          {
            score: 0.9,
            keypoints: kp.map((k) =>
              /^right_(shoulder|elbow|wrist)$/.test(k.name)
                ? { ...k, x: k.x - dx }
                : /^left_(shoulder|elbow|wrist)$/.test(k.name)
                  ? { ...k, x: k.x + dx }
                  : k,
            ),
          },
        ],
      };
    });
    expect(replayFrames('bicycle', frames).reps.map((x) => x.side)).toEqual(['right', 'left', 'right']);
  });

  it('knees drawn in with the trunk kept square are no touches, and the coach says no-contact', () => {
    const r = replayFrames(
      'bicycle',
      stream(
        [
          [null, 20],
          ['left', 4],
          ['right', 4],
          ['left', 4],
          ['right', 4],
        ],
        false,
      ),
    );
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
          const sh = p.keypoints.find((k) => k.name === 'left_shoulder'),
            hip = p.keypoints.find((k) => k.name === 'left_hip');
          const torso = sh && hip ? Math.hypot(sh.x - hip.x, sh.y - hip.y) : 0;
          // Wrists (and elbows with them, so the forearms keep their length) reach toward the feet.
          const dx = (hip && sh ? Math.sign(hip.x - sh.x) : -1) * 1.2 * torso;
          return { ...p, keypoints: p.keypoints.map((k) => (/_(wrist|elbow)$/.test(k.name ?? '') ? { ...k, x: k.x + dx } : k)) };
        }),
      };
    });
    const hit = replayFrames('bicycle', planted).summary.faults.filter((f) => f.id === 'hands-off-head');
    expect(hit.some((f) => f.startSec >= 13.4 && f.startSec <= 14.5)).toBe(true);
    expect(replayFrames('bicycle', frames).summary.faults.filter((f) => f.id === 'hands-off-head' && f.endSec - f.startSec > 1)).toEqual(
      [],
    );
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
  return frames.flatMap((f) =>
    step(s, f).events.flatMap((e) => (e.type === 'rep' ? [{ tSec: (e.t - t0) / 1000, side: e.side ?? '?' }] : [])),
  );
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

// b09's wide shots (CATALOG.md): A = the near, left knee drawn in, B = the far, right knee; [start, end] s.
const B09: [number, number, 'left' | 'right'][] = [
  [0, 0.9, 'left'],
  [1.5, 2.6, 'right'],
  [3.1, 4.2, 'left'],
  [5.0, 6.2, 'right'],
  [6.8, 7.28, 'left'],
  [12.44, 12.84, 'left'],
  [13.44, 14.64, 'right'],
  [15.24, 16.64, 'left'],
  [17.24, 18.64, 'right'],
  [19.24, 20.0, 'left'],
];
/** The catalogued touch a counted one belongs to: the one under way, or the next if it starts within 0.6 s (the trunk turns before the knee settles). */
const touchOf = <T extends [number, number, ...unknown[]]>(list: T[], t: number): T | undefined =>
  list.find(([a, b]) => t >= a && t <= b) ?? list.find(([a]) => a > t && a - t <= 0.6);
// c18 (CATALOG.md; silhouette, the model swaps the knees): toward the far side 0.0–1.2, 3.2–4.4, 5.8–7.0, 8.5–9.3 s;
// toward the near side 1.7–2.9, 4.7–5.6, 7.3–8.3, 9.5–end. Which label is which is not known.
const C18: [number, number, 'far' | 'near'][] = [
  [0, 1.2, 'far'],
  [1.7, 2.9, 'near'],
  [3.2, 4.4, 'far'],
  [4.7, 5.6, 'near'],
  [5.8, 7.0, 'far'],
  [7.3, 8.3, 'near'],
  [8.5, 9.3, 'far'],
  [9.5, 9.93, 'near'],
];

describe("bicycle: the sides are the touches' own (issue 17)", () => {
  it.each(MODELS)('b09 (%s): every touch counted in the wide shots is on the side it happened', async (model) => {
    const got = touches(await loadClip('b09_bicycle_crunch_side_slayercampo', model), model).filter(
      (x) => x.tSec < 7.28 || x.tSec >= 12.44,
    );
    expect(got.length).toBeGreaterThanOrEqual(7);
    for (const g of got) {
      const c = touchOf(B09, g.tSec);
      expect(c, `touch at ${g.tSec} s is a catalogued one`).toBeDefined();
      expect(g.side, `touch at ${g.tSec} s`).toBe(c?.[2]);
    }
  });

  it.each(MODELS)('c18 (%s, silhouette): the far-side touches all on one side, the near-side ones on the other', async (model) => {
    const got = touches(await loadClip('c18_bicycle_crunch_side_backlit_shutterstock-harish', model), model);
    expect(got.length).toBeGreaterThanOrEqual(7);
    const sideOf = { far: new Set<string>(), near: new Set<string>() };
    for (const g of got) {
      const c = touchOf(C18, g.tSec);
      expect(c, `touch at ${g.tSec} s is a catalogued one`).toBeDefined();
      if (c) sideOf[c[2]].add(g.side);
    }
    expect(sideOf.far.size).toBe(1);
    expect(sideOf.near.size).toBe(1);
    expect([...sideOf.far][0]).not.toBe([...sideOf.near][0]);
  });

  it.each([
    ['b09_bicycle_crunch_side_slayercampo', 'movenet-thunder'],
    ['b09_bicycle_crunch_side_slayercampo', 'blazepose-full'],
    ['c18_bicycle_crunch_side_backlit_shutterstock-harish', 'movenet-thunder'],
    ['c18_bicycle_crunch_side_backlit_shutterstock-harish', 'blazepose-full'],
  ] as const)('%s (%s) looped four times as a webcam: the touches never pile onto one side', async (clip, model) => {
    const frames = await loadClip(clip, model);
    const period = (frames[frames.length - 1]?.t ?? 0) + 1000 / 15;
    const looped = [0, 1, 2, 3].flatMap((k) => frames.map((f) => ({ ...f, t: f.t + k * period })));
    const got = touches(looped, model, 100);
    const left = got.filter((x) => x.side === 'left').length,
      right = got.length - left;
    expect(got.length).toBeGreaterThanOrEqual(28);
    // A touch the model misses leaves its neighbours on one side (c18 Thunder: the far touch at 6.4 s, once a pass):
    // at most two in a row, and each side at least 40 % (the kept-aside clip went 61 to 0).
    expect(Math.min(left, right) / got.length).toBeGreaterThanOrEqual(0.4);
    expect(got.some((x, i) => i >= 2 && x.side === got[i - 1]?.side && x.side === got[i - 2]?.side)).toBe(false);
  });
});

describe('bicycle filmed from the feet (issue 17: "Lie on your back" said to a person lying on the back)', () => {
  // CONSTRUCTED (test-fixtures/constructed/bicycle-feet-view_*, scripts/lib/bicycleConstruct.ts): b09's wide shots
  // and c18 seen again from a camera past the feet, from BlazePose's world points. The trunk looks upright there.
  const LIE_DOWN = 'Lie on your back, hands behind your head';

  it.each([
    ['bicycle-feet-view_b09', 'movenet-thunder', 7],
    ['bicycle-feet-view_b09', 'blazepose-full', 7],
    ['bicycle-feet-view_c18', 'blazepose-full', 6],
  ] as const)('%s (%s): taken as lying on the back, the touches counted and shared between the sides', async (name, model, least) => {
    const frames = await loadConstructed(`${name}.${model}`);
    const s = analyse(frames, model);
    expect(s.cues.filter((c) => c.id.startsWith('setup:wrong-posture'))).toEqual([]);
    expect(s.reps.total).toBeGreaterThanOrEqual(least);
    expect(s.reps.total).toBeLessThanOrEqual(10);
    // From the feet the first touch's side is the knee's label (the way the trunk turns is not read there), so which
    // side is which may be swapped; the touches still go back and forth (a missed one leaves two in a row).
    const got = touches(frames, model);
    const left = got.filter((x) => x.side === 'left').length;
    expect(Math.min(left, got.length - left)).toBeGreaterThanOrEqual(Math.floor(got.length / 3));
    expect(got.some((x, i) => i >= 2 && x.side === got[i - 1]?.side && x.side === got[i - 2]?.side)).toBe(false);
  });

  it('where the picture alone cannot tell (MoveNet, c18 lying back at ≈60°), it says so in words that fit, never "lie down"', async () => {
    const s = analyse(await loadConstructed('bicycle-feet-view_c18.movenet-thunder'), 'movenet-thunder');
    expect(s.reps.total).toBe(0);
    const setup = s.cues.filter((c) => c.id.startsWith('setup:'));
    expect(setup.length).toBeGreaterThan(0);
    expect(setup.every((c) => c.text === 'From your feet I cannot tell you are lying down. Put the camera at your side')).toBe(true);
    expect(s.cues.some((c) => c.text === LIE_DOWN)).toBe(false);
  });

  it('a person sitting or standing facing the camera still hears "Lie on your back"', async () => {
    // b01 (seated on a chair, facing the camera) and b02 (standing, facing the camera), real clips.
    for (const clip of ['b01_seated_twist_chair_front_adaptx', 'b02_side_bend_overhead_standing_front_vivek']) {
      for (const model of MODELS) {
        const s = analyse(await loadClip(clip, model), model);
        expect(s.reps.total, `${clip} ${model}`).toBe(0);
        expect(
          s.cues.some((c) => c.text === LIE_DOWN),
          `${clip} ${model}`,
        ).toBe(true);
      }
    }
  });
});
