// Every fault rule has a test that finds it. The list of faults comes from the code (each exercise file's
// findings, and its declared fault ids where it declares them); FINDERS gives each one a stream on which the
// engine, run as the app and the analyzer run it (EngineRun, told the stream's model), must raise that fault in
// a stated window, on the stated joints. A fault the code can raise with no finder here fails the first test.
//
// Streams are real recordings (test-fixtures/keypoints) where one shows the fault, else PLANTED: a real
// recording with the fault put in by moving its joints (testing/planted.ts) or by playing part of it faster, or
// one of the CONSTRUCTED streams (test-fixtures/constructed). For planted streams the untouched recording is run
// too, and must not raise the fault in that window: the plant is what the rule finds.
import { describe, expect, it } from 'vitest';
import { EngineRun } from './summary';
import type { EngineEvent } from './engine';
import type { ModelName, PoseFrame } from './pose';
import { EXERCISES, EXERCISE_IDS, type ExerciseId } from './exercises';
import { loadClip, loadConstructed } from '../../tests/kit/replay';
import { faster } from '../../tests/kit/exerciseReplay';
import { bendTo, openTo, plant, rotate, rushed, type Pts } from '../../tests/kit/planted';

// ---- the fault ids, from the code
const sources = import.meta.glob<string>('./exercises/*.ts', { query: '?raw', import: 'default', eager: true });
/** Fault ids an exercise's file raises (`finding('id', ...)`), with the ids its record declares, if it declares them. */
function faultIdsOf(id: ExerciseId): string[] {
  const src = sources[`./exercises/${id}.ts`];
  if (src === undefined) throw new Error(`no source file for exercise ${id}`);
  const ids = new Set<string>();
  for (const m of src.matchAll(/finding\(\s*['"]([\w-]+)['"]/g)) ids.add(m[1] as string);
  for (const m of src.matchAll(/faultId:\s*['"]([\w-]+)['"]/g)) ids.add(m[1] as string);
  const declared = (EXERCISES[id] as { faultIds?: readonly string[] }).faultIds;
  for (const f of declared ?? []) ids.add(f);
  return [...ids].sort();
}
const RAISED = EXERCISE_IDS.flatMap((ex) => faultIdsOf(ex).map((f) => `${ex}/${f}`)).sort();

// ---- running a stream as the app does
interface Found {
  faultStarts: { id: string; tSec: number; joints: readonly string[] }[];
  faults: { id: string; startSec: number; endSec: number }[];
  /** Credit given on frames where one of the exercise's faults stood: held seconds and clean reps added then. */
  creditUnderFault: { heldSec: number; cleanReps: number; frames: number };
}
function run(exercise: ExerciseId, frames: readonly PoseFrame[], model: ModelName): Found {
  const r = new EngineRun(exercise, 'fault-finding', { model });
  const t0 = frames[0]?.t ?? 0;
  const faultStarts: Found['faultStarts'] = [];
  const take = (events: readonly EngineEvent[]) => {
    for (const e of events) if (e.type === 'fault-start') faultStarts.push({ id: e.faultId, tSec: (e.t - t0) / 1000, joints: e.joints });
  };
  const credit = { heldSec: 0, cleanReps: 0, frames: 0 };
  let held = 0,
    clean = 0,
    standing = false;
  for (const f of frames) {
    const { view, events } = r.step(f);
    take(events);
    // A fault that stood through the last frame and still stands now: nothing may be credited in between.
    const now = view.activeFaults.length > 0;
    if (standing && now) {
      credit.frames++;
      credit.heldSec += Math.max(0, view.holdSec.total - held);
      credit.cleanReps += Math.max(0, view.cleanReps - clean);
    }
    standing = now;
    held = view.holdSec.total;
    clean = view.cleanReps;
  }
  const end = r.finish();
  take(end.events);
  return { faultStarts, faults: end.summary.faults, creditUnderFault: credit };
}

// ---- the finders
interface Finder {
  /** What the stream is: "recorded …" or "PLANTED …" / "CONSTRUCTED …". */
  how: string;
  stream: () => Promise<PoseFrame[]>;
  /** The untouched recording a planted stream was made from (must not raise the fault in the window). */
  base?: () => Promise<PoseFrame[]>;
  model?: ModelName;
  /** A fault-start of this id must fall in this window (s from the stream's first frame). */
  within: [number, number];
  /** ... on joints that include these. */
  joints?: readonly string[];
  /** Frame faults: the raised fault lasts at least this long (s). */
  lastsSec?: number;
}

const clip = (id: string, model?: ModelName) => () => loadClip(id, model);
const C02 = '02_plank_high_tutorial_yogai',
  C04 = '04_plank_high_hips-high_bassem',
  C08 = '08_plank_high_govio';
const B07 = 'b07_up_dog_prone_extension_3q-side_hpy2github',
  C28 = '28_seated_hamstring_stretch_acapapap';
const C11 = '11_oblique_tabletop_crunch_bassem',
  C14 = '14_crunch_klarfit',
  C15 = '15_ball_crunch_klarfit';
const C20 = '20_db_row_one_arm_klarfit',
  C23 = '23_reverse_fly_bent_over_klarfit',
  C26 = '26_db_bench_press_klarfit';
const B09 = 'b09_bicycle_crunch_side_slayercampo';
const get = (p: Pts, n: string) => {
  const q = p.get(n);
  if (!q) throw new Error(`no ${n}`);
  return q;
};
const mid = (p: Pts, part: string) => ({
  x: (get(p, `left_${part}`).x + get(p, `right_${part}`).x) / 2,
  y: (get(p, `left_${part}`).y + get(p, `right_${part}`).y) / 2,
});
const shift = (p: Pts, names: readonly string[], dx: number, dy: number) => {
  for (const n of names) {
    const q = p.get(n);
    if (q) {
      q.x += dx;
      q.y += dy;
    }
  }
};
const UPPER = [
  'nose',
  'left_eye',
  'right_eye',
  'left_ear',
  'right_ear',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
];
/** The upper body turned about the hip midpoint by deg toward upright (the direction that raises the shoulders). */
const heave = (deg: number) => (p: Pts, _t: number, w: number) => {
  const h = mid(p, 'hip'),
    s = mid(p, 'shoulder');
  rotate(p, UPPER, h.x, h.y, (s.x > h.x ? -1 : 1) * deg * w);
};

const FINDERS: Record<string, Finder> = {
  // Plank.
  'plank/hips-sagging': {
    how: 'recorded 02: the tutorial demonstrates the sag at 16.2–17.9 s',
    stream: clip(C02),
    within: [15.7, 18.4],
    joints: ['left_hip', 'right_hip'],
    lastsSec: 1,
  },
  'plank/hips-high': {
    how: 'recorded 04: a piked high plank from start to end',
    stream: clip(C04),
    within: [0, 3],
    joints: ['left_hip', 'right_hip'],
    lastsSec: 1,
  },
  'plank/elbows-misplaced': {
    how: 'PLANTED from 08 (good high plank): both arms swung 35° about the shoulders toward the head at 1.5–4 s (hands a forearm ahead of the shoulders, arms straight, lengths kept)',
    stream: async () =>
      plant(await loadClip(C08), 1.5, 4, (p, _t, w) => {
        const s = mid(p, 'shoulder'),
          h = mid(p, 'hip');
        for (const side of ['left', 'right']) {
          const sh = get(p, `${side}_shoulder`);
          rotate(p, [`${side}_elbow`, `${side}_wrist`], sh.x, sh.y, (s.x > h.x ? -1 : 1) * 35 * w);
        }
      }),
    base: clip(C08),
    within: [1.4, 3],
    joints: ['shoulder', 'elbow', 'wrist'],
    lastsSec: 1,
  },
  // Prone press-up.
  'prone-press-up/elbows-bent': {
    how: 'PLANTED from b07 (side shot, the held extension 10.9–13.7 s): the forearms turned about the elbows until the elbows read 130°, at 11.3–13.3 s',
    stream: async () =>
      plant(await loadClip(B07), 11.3, 13.3, (p, _t, w) => {
        for (const s of ['left', 'right']) bendTo(p, `${s}_shoulder`, `${s}_elbow`, `${s}_wrist`, 130, w);
      }),
    base: clip(B07),
    within: [11, 13.3],
    joints: ['left_elbow', 'right_elbow'],
    lastsSec: 1,
  },
  'prone-press-up/hips-lifted': {
    how: 'PLANTED from b07 (side shot, held extension): the hips pushed 0.32 torso lengths off the mat (knees half that) at 11.5–13.5 s, the chest still up',
    stream: async () =>
      plant(await loadClip(B07), 11.5, 13.5, (p, t, w) => {
        shift(p, ['left_hip', 'right_hip'], 0, -0.32 * t * w);
        shift(p, ['left_knee', 'right_knee'], 0, -0.16 * t * w);
      }),
    base: clip(B07),
    within: [11.3, 13.3],
    joints: ['left_hip', 'right_hip'],
    lastsSec: 0.5,
  },
  'prone-press-up/not-arched': {
    how: 'PLANTED from b07 (side shot, held extension at ≈54° of chest lift): the upper body lowered 20° about the hips at 11.3–13.5 s (≈34°: lifted past LIFT_MIN, short of ARCH_MIN)',
    stream: async () => plant(await loadClip(B07), 11.3, 13.5, heave(-20)),
    base: clip(B07),
    within: [11, 13.5],
    joints: ['left_shoulder', 'left_hip'],
    lastsSec: 0.5,
  },
  // Rotation stretch and side bend: their constructed streams plant each fault in a known window.
  'rotation-stretch/hips-turning': {
    how: 'CONSTRUCTED rotation-stretch_seated_front: the pelvis turns with the shoulders at 23.2–27.2 s',
    stream: () => loadConstructed('rotation-stretch_seated_front'),
    within: [22.5, 27.2],
    joints: ['left_hip', 'right_hip'],
    lastsSec: 1,
  },
  'rotation-stretch/leaning': {
    how: 'CONSTRUCTED rotation-stretch_seated_front: a sideways lean instead of a turn at 31.2–35.2 s',
    stream: () => loadConstructed('rotation-stretch_seated_front'),
    within: [30.5, 35.2],
    joints: ['left_shoulder', 'left_hip'],
    lastsSec: 1,
  },
  'side-bend/elbows-bent': {
    how: 'CONSTRUCTED side-bend_seated_overhead_front: hands on the head, elbows out, at 20.5–24.5 s',
    stream: () => loadConstructed('side-bend_seated_overhead_front'),
    within: [20, 24.5],
    joints: ['left_elbow', 'right_elbow'],
    lastsSec: 1,
  },
  'side-bend/arms-not-overhead': {
    how: 'CONSTRUCTED side-bend_seated_overhead_front: a bend with the arms down at 28.5–32.5 s',
    stream: () => loadConstructed('side-bend_seated_overhead_front'),
    within: [28, 32.5],
    joints: ['left_wrist', 'right_wrist'],
    lastsSec: 1,
  },
  'side-bend/not-bent-enough': {
    how: 'CONSTRUCTED side-bend_seated_overhead_front: a 7° bend held at 36–40 s',
    stream: () => loadConstructed('side-bend_seated_overhead_front'),
    within: [36, 40],
    joints: ['left_shoulder', 'left_hip'],
    lastsSec: 1,
  },
  // Hamstring stretch.
  'hamstring-stretch/knee-bent': {
    how: 'PLANTED from 28: the straight (right) knee lifted off the hip–ankle line to ≈140° during the second stretch, 35–38.5 s',
    stream: async () =>
      plant(
        await loadClip(C28),
        35,
        38.5,
        (p, _t, w) => {
          const hip = get(p, 'right_hip'),
            knee = get(p, 'right_knee'),
            ank = get(p, 'right_ankle');
          const half = Math.hypot(ank.x - hip.x, ank.y - hip.y) / 2;
          const tx = (hip.x + ank.x) / 2,
            ty = (hip.y + ank.y) / 2 - Math.tan((20 * Math.PI) / 180) * half;
          knee.x += (tx - knee.x) * w;
          knee.y += (ty - knee.y) * w;
        },
        0,
      ),
    base: clip(C28),
    within: [34.8, 36.5],
    joints: ['right_hip', 'right_knee', 'right_ankle'],
    lastsSec: 1,
  },
  'hamstring-stretch/not-reaching': {
    how: 'PLANTED from 28: both hands brought back to the hip during the first stretch, 27–30 s',
    stream: async () =>
      plant(
        await loadClip(C28),
        27,
        30,
        (p) => {
          const h = get(p, 'right_hip');
          for (const s of ['left', 'right']) {
            const wr = get(p, `${s}_wrist`);
            wr.x = h.x;
            wr.y = h.y - 5;
          }
        },
        0,
      ),
    base: clip(C28),
    within: [26.8, 29],
    joints: ['right_wrist', 'right_ankle'],
    lastsSec: 1,
  },
  // Floor crunch.
  'ab-crunch/too-fast': {
    how: 'PLANTED from 11 (four brisk reps ≈1 s apart): the same set played 2× faster',
    stream: async () => faster(await loadClip(C11), 2),
    base: clip(C11),
    within: [0, 3],
    joints: ['left_shoulder'],
  },
  'ab-crunch/hips-lifted': {
    how: 'PLANTED from 14 (wide shot): the hips bridged up 1.0 torso length at 3.5–4.5 s',
    stream: async () => plant(await loadClip(C14), 3.5, 4.5, (p, t, w) => shift(p, ['left_hip', 'right_hip'], 0, -1.0 * t * w), 0),
    base: clip(C14),
    within: [3.4, 4.5],
    joints: ['left_hip', 'right_hip'],
  },
  // Ball crunch.
  'ball-crunch/dropped-back': {
    how: 'PLANTED from 15 (three reps, each top held ≥ 0.5 s): the second rep (3.6–5.4 s) played 3× faster, so its top is held ≈0.2 s',
    stream: async () => rushed(await loadClip(C15), 3.6, 5.4, 3),
    base: clip(C15),
    within: [3.6, 5],
    joints: ['left_shoulder', 'left_hip'],
  },
  'ball-crunch/feet-moving': {
    how: 'PLANTED from 15 (wide shot): both lower legs slid 0.45 torso lengths during the second lift, 4.0–4.8 s',
    stream: async () =>
      plant(
        await loadClip(C15),
        4,
        4.8,
        (p, t, w) => shift(p, ['left_ankle', 'right_ankle', 'left_knee', 'right_knee'], 0.45 * t * w, 0),
        0,
      ),
    base: clip(C15),
    within: [3.9, 5],
    joints: ['left_ankle', 'right_ankle'],
  },
  // Bench press.
  'bench-press/uneven-arms': {
    how: 'PLANTED from 26: the left forearm bent back toward the shoulder by 70° during the first lockout, 2.0–3.0 s',
    stream: async () => plant(await loadClip(C26), 2, 3, (p, _t, w) => bendTo(p, 'left_shoulder', 'left_elbow', 'left_wrist', 110, w), 0),
    base: clip(C26),
    within: [1.9, 3],
    joints: ['left_elbow', 'right_elbow'],
  },
  'bench-press/partial-rep': {
    how: 'PLANTED from 26: the hands held at most 0.6 torso lengths above the shoulders through the first press, 1.0–3.6 s (past PARTIAL_MIN, short of LOCK_ENTER), the elbows lowered half as much',
    stream: async () =>
      plant(
        await loadClip(C26),
        1.0,
        3.6,
        (p, t) => {
          for (const s of ['left', 'right']) {
            const sh = get(p, `${s}_shoulder`),
              wr = get(p, `${s}_wrist`),
              el = get(p, `${s}_elbow`);
            const over = sh.y - 0.6 * t - wr.y;
            if (over > 0) {
              wr.y += over;
              el.y += over / 2;
            }
          }
        },
        0,
      ),
    base: clip(C26),
    within: [1.0, 4.6],
    joints: ['left_elbow', 'right_elbow'],
  },
  'bench-press/too-fast': {
    how: 'PLANTED from 26: the first press, up and back down to the chest (0.5–4.4 s), played 10× faster',
    stream: async () => rushed(await loadClip(C26), 0.5, 4.4, 10),
    base: clip(C26),
    within: [0.5, 1.5],
    joints: ['left_elbow', 'left_wrist'],
  },
  // Reverse fly.
  'reverse-fly/partial-rep': {
    how: 'PLANTED from 23: the hands kept ≥ 0.53 torso lengths below the shoulders through the second rep, 5–7.5 s (past PARTIAL_DEPTH, short of TOP_DEPTH)',
    stream: async () =>
      plant(
        await loadClip(C23),
        5,
        7.5,
        (p, t) => {
          for (const s of ['left', 'right']) {
            const sh = get(p, `${s}_shoulder`),
              wr = get(p, `${s}_wrist`),
              el = get(p, `${s}_elbow`);
            const lack = sh.y + 0.53 * t - wr.y;
            if (lack > 0) {
              wr.y += lack;
              el.y += lack / 2;
            }
          }
        },
        0,
      ),
    base: clip(C23),
    within: [5, 8],
    joints: ['left_wrist', 'left_elbow'],
  },
  'reverse-fly/too-fast': {
    how: 'PLANTED from 23: the same controlled set played 3× faster',
    stream: async () => faster(await loadClip(C23), 3),
    base: clip(C23),
    within: [0, 3],
    joints: ['left_wrist'],
  },
  'reverse-fly/torso-swing': {
    how: 'PLANTED from 23: the upper body heaved up 25° about the hips while the arms rise in the first rep, 3.5–4.2 s',
    stream: async () => plant(await loadClip(C23), 3.5, 4.2, heave(25), 0),
    base: clip(C23),
    within: [3.4, 4.3],
    joints: ['left_shoulder', 'left_hip'],
  },
  // Dumbbell row.
  'dumbbell-row/partial-rep': {
    how: 'PLANTED from 20: both elbows kept at ≥ 134° through the first pull, 1.9–4.3 s (past PULL_PARTIAL, short of PULL_ENTER)',
    stream: async () =>
      plant(
        await loadClip(C20),
        1.9,
        4.3,
        (p) => {
          for (const s of ['left', 'right']) openTo(p, `${s}_shoulder`, `${s}_elbow`, `${s}_wrist`, 134);
        },
        0,
      ),
    base: clip(C20),
    within: [1.9, 4.8],
    joints: ['right_elbow', 'right_wrist'],
  },
  'dumbbell-row/too-fast': {
    how: 'PLANTED from 20: the same set played 5× faster (the 2.1 s excursion ≈0.43 s)',
    stream: async () => faster(await loadClip(C20), 5),
    base: clip(C20),
    within: [0, 2],
    joints: ['right_elbow'],
  },
  'dumbbell-row/torso-swing': {
    how: 'PLANTED from 20: the upper body heaved up 25° about the hips during the second pull, 5.7–6.5 s (the untouched clip has a short torso-swing of its own at 2.9 s, in the first)',
    stream: async () => plant(await loadClip(C20), 5.7, 6.5, heave(25), 0),
    base: clip(C20),
    within: [5.6, 6.6],
    joints: ['left_shoulder', 'left_hip'],
  },
  // Bicycle.
  'bicycle/hands-off-head': {
    how: 'PLANTED from b09: the wrists (elbows with them) pulled 1.2 torso lengths toward the feet at 13.5–15.5 s',
    stream: async () =>
      plant(
        await loadClip(B09),
        13.5,
        15.5,
        (p, t, w) => {
          const sh = get(p, 'left_shoulder'),
            hip = get(p, 'left_hip');
          shift(p, ['left_wrist', 'right_wrist', 'left_elbow', 'right_elbow'], Math.sign(hip.x - sh.x) * 1.2 * t * w, 0);
        },
        0,
      ),
    base: clip(B09),
    within: [13.4, 15.5],
    joints: ['left_wrist', 'right_wrist'],
    lastsSec: 1,
  },
  'bicycle/no-contact': {
    how: 'PLANTED from b09 (wide side shot): each knee kept ≥ 1.15 torso lengths from the shoulders at 1.5–4.2 s (inside NEAR_MISS, short of KNEE_IN), moved along the shoulder→knee line',
    stream: async () =>
      plant(
        await loadClip(B09),
        1.5,
        4.2,
        (p, t) => {
          const s = mid(p, 'shoulder');
          for (const side of ['left', 'right']) {
            const k = get(p, `${side}_knee`);
            const d = Math.hypot(k.x - s.x, k.y - s.y) / t;
            if (d < 1.15 && d > 0) {
              const f = 1.15 / d;
              const dx = (k.x - s.x) * (f - 1),
                dy = (k.y - s.y) * (f - 1);
              shift(p, [`${side}_knee`, `${side}_ankle`], dx, dy);
            }
          }
        },
        0,
      ),
    base: clip(B09),
    within: [1.5, 4.6],
    joints: ['left_knee', 'right_knee'],
  },
  'bicycle/too-fast': {
    how: 'PLANTED from b09: the same set played 3× faster (a rushed start)',
    stream: async () => faster(await loadClip(B09), 3),
    base: clip(B09),
    within: [0, 3],
    joints: ['left_knee'],
  },
};

/**
 * Faults with no finder yet, each with why. Listed in the report; the list must only shrink.
 */
const GAPS: Record<string, string> = {};

describe('every fault rule has a test that finds it', () => {
  it('the fault ids in the code and the finders below are the same list', () => {
    // Each exercise raises at least one fault: an empty scan means the way findings are written has changed.
    for (const ex of EXERCISE_IDS) expect(faultIdsOf(ex).length, `no fault found in ${ex}.ts: update faultIdsOf`).toBeGreaterThan(0);
    expect([...Object.keys(FINDERS), ...Object.keys(GAPS)].sort()).toEqual(RAISED);
    for (const k of Object.keys(GAPS)) expect(FINDERS[k], `${k} has a finder: take it off GAPS`).toBeUndefined();
  });

  for (const [key, why] of Object.entries(GAPS)) it.todo(`${key}: no finder yet (${why})`);

  for (const [key, f] of Object.entries(FINDERS)) {
    const [exercise, id] = key.split('/') as [ExerciseId, string];
    it(`${exercise}: ${id} is raised, and nothing is credited while it stands (${f.how})`, async () => {
      const model = f.model ?? 'movenet-thunder';
      const r = run(exercise, await f.stream(), model);
      const inWindow = (t: number) => t >= f.within[0] && t <= f.within[1];
      const hits = r.faultStarts.filter((e) => e.id === id && inWindow(e.tSec));
      expect(
        hits.length,
        `${id} not raised within ${f.within.join('–')} s; raised: ${JSON.stringify(r.faultStarts.map((e) => [e.id, e.tSec]))}`,
      ).toBeGreaterThan(0);
      if (f.joints)
        for (const j of f.joints)
          expect(
            hits[0]!.joints.some((n) => n.includes(j)),
            `${id}'s joints ${hits[0]!.joints.join(',')} lack ${j}`,
          ).toBe(true);
      if (f.lastsSec !== undefined) {
        const longest = Math.max(0, ...r.faults.filter((x) => x.id === id && inWindow(x.startSec)).map((x) => x.endSec - x.startSec));
        expect(longest, `${id} lasted ${longest} s`).toBeGreaterThanOrEqual(f.lastsSec);
      }
      // One rule for every exercise (issue 17): no good-form time and no clean rep while one of its faults stands.
      expect(r.creditUnderFault.frames, `${id} never stood on two frames in a row`).toBeGreaterThan(f.lastsSec !== undefined ? 2 : -1);
      expect(
        { heldSec: Math.round(r.creditUnderFault.heldSec * 10) / 10, cleanReps: r.creditUnderFault.cleanReps },
        'credited while a fault stood',
      ).toEqual({ heldSec: 0, cleanReps: 0 });
      if (f.base) {
        const b = run(exercise, await f.base(), model);
        expect(
          b.faultStarts.filter((e) => e.id === id && inWindow(e.tSec)),
          `${id} is raised in ${f.within.join('–')} s of the untouched recording too: the plant is not what is found`,
        ).toEqual([]);
      }
    });
  }
});
