// The plank's hip verdicts with each clip's own source LEFT OUT of the threshold fit (scripts/lib/leftOut.ts),
// as `npm run eval` scores them: a person and camera the fit never saw. MoveNet Thunder streams, real or
// CONSTRUCTED from real poses (tests/kit/reproject.ts). Needs the labelled MediaPipe set (one of the
// fit's sources); skips without it.
import { describe, expect, it } from 'vitest';
import type { PoseFrame } from '../../src/core/pose';
import { summarize, type Summary } from '../../src/core/summary';
import { cutFrames, loadClip } from '../../tests/kit/replay';
import { pikePlank, reprojectSideView } from '../../tests/kit/reproject';
import { havePlankDataset, plankDatasetDir, plankDatasetThroughEngine } from './enginePlankDataset';
import { leftOutTuning } from './leftOut';
import { plankExamples, PLANK_SET_SOURCE } from './thresholds';

const MODEL = 'movenet-thunder' as const;
const clip = (id: string): Promise<PoseFrame[]> => loadClip(id);
const cut = cutFrames;
/** A short stretch played as a still 5 s stream at 15 fps (a plank held so from the first frame). */
const held = (frames: readonly PoseFrame[]): PoseFrame[] =>
  Array.from({ length: 75 }, (_, i) => ({ ...frames[Math.floor((i / 75) * frames.length)]!, t: (i * 1000) / 15 }));
const faultAt = (s: Summary, id: string) => s.faults.find((f) => f.id === id)?.startSec;
const hipFaults = (s: Summary) => s.faults.filter((f) => f.id.startsWith('hips-'));
const examples = plankExamples(MODEL);
/** Scored as the eval scores a left-out source: thresholds refitted without these sources. */
const without = (...sources: string[]) => ({
  model: MODEL,
  tuning: leftOutTuning(
    examples.filter((e) => !sources.includes(e.source)),
    sources[0]!,
  ),
});

describe.skipIf(!havePlankDataset())('plank hips, each source left out of the fit (Thunder)', () => {
  it("04's pike with bassem left out (the fit then holds no MoveNet pike, only the labelled set's 49° ones): hips-high within 2 s, its first word, no praise", async () => {
    const frames = await clip('04_plank_high_hips-high_bassem');
    const s = summarize('plank', frames, '04', without('bassem'));
    expect(faultAt(s, 'hips-high')).toBeLessThanOrEqual(2);
    expect(s.cues[0]?.id).toBe('fault:hips-high');
    expect(s.cues.filter((c) => c.kind === 'praise')).toEqual([]);
    // The refit threshold (25.2°) sits above 04's median (23.6°): the pike is said while it reads 24–28° (0.9–2.3 s)
    // and the milder 20° of 2.3–3.4 s is credited. Fitted on every source (20.4°) nothing is: the whole 3.3 s the
    // posture holds would otherwise count.
    expect(s.holdSec).toBeLessThanOrEqual(1.5);
    expect(summarize('plank', frames, '04', { model: MODEL }).holdSec).toBe(0);
  });

  it("constructed pike of another person (02's good high plank, hips up 0.15 torso lengths, head down 0.3), with yogai and bassem both left out: hips-high within 2 s, side-on and from a raised 3/4 view", async () => {
    const good = cut(await clip('02_plank_high_tutorial_yogai'), 20, 30);
    const opts = without('yogai', 'bassem');
    expect(hipFaults(summarize('plank', good, '02', opts))).toEqual([]);
    const piked = pikePlank(good, { hipsUp: 0.15, headDown: 0.3 });
    for (const frames of [piked, reprojectSideView(piked, { turnDeg: 30, raiseDeg: 20 })]) {
      const s = summarize('plank', frames, '02-piked', opts);
      expect(faultAt(s, 'hips-high')).toBeLessThanOrEqual(2);
      expect(s.cues.filter((c) => c.kind === 'praise')).toEqual([]);
    }
  });

  // 31's sags are not used here: they are the hips left behind while he pushes up from lying, so a stretch of them
  // replayed opens on a man lying down (the sag is said at 2.5 and 3.3 s, fitted or left out alike). Nor are forearm
  // planks lowered so far: without feet their hips then sit under HIPS_OFF_FLOOR, and the cue is the posture's
  // "lift your hips off the floor". 08 lowered only 0.25 is NOT told: its good plank reads +13° and the lowered one
  // −6…−9°, inside the good planks of other people (c11 reads −6): a threshold the same for everyone cannot see a
  // sag that small from a plank held that high.
  it("a plank held sagging from the first frame, its source left out: 02's real sag (yogai out); c11's and 08's good high planks with the hips lowered 0.25 and 0.3 torso lengths (the labelled set's sags sit 0.26 below its correct planks; myoxyn, govio out): the hips cue within 2 s, at most 1 s credited, no praise", async () => {
    const cases: [string, string, number, number, number][] = [
      ['02_plank_high_tutorial_yogai', 'yogai', 16.4, 17.6, 0],
      ['c11_plank_high_oblique_outdoor_park_phone_myoxyn', 'myoxyn', 0.5, 5.5, -0.25],
      ['08_plank_high_govio', 'govio', 0.5, 5, -0.3],
    ];
    for (const [id, src, a, z, lift] of cases) {
      const stretch = cut(await clip(id), a, z);
      const s = summarize(
        'plank',
        lift ? pikePlank(stretch, { hipsUp: lift, headDown: 0 }) : held(stretch),
        `${id.slice(0, 3)} ${a}`,
        without(src),
      );
      expect(faultAt(s, 'hips-sagging'), `${id} ${a}`).toBeLessThanOrEqual(2);
      expect(s.cues.find((c) => c.id.startsWith('fault:'))?.id, `${id} ${a}`).toBe('fault:hips-sagging');
      // 08 lowered 0.3 reads −10° for its first second, just inside −11.7, and 0.7 s is credited before the cue.
      expect(s.holdSec, `${id} ${a}`).toBeLessThanOrEqual(lift ? 1 : 0);
      expect(s.cues.filter((c) => c.kind === 'praise')).toEqual([]);
    }
  });

  it("the labelled set's sags with the whole set left out (every 20th row as a still 5 s stream): at least 90 % told to lift the hips within 2 s, none silent", () => {
    const r = plankDatasetThroughEngine(plankDatasetDir, 20, { model: MODEL, tuning: leftOutTuning(examples, PLANK_SET_SOURCE) });
    const l = r.frames.L;
    expect(l.n).toBeGreaterThan(50);
    expect(l.right / l.n).toBeGreaterThanOrEqual(0.9);
    expect(l.silent).toBe(0);
    expect(r.frames.C.right / r.frames.C.n).toBeGreaterThanOrEqual(0.9);
  });

  // Good planks filmed side-on by three people, seen again from a raised side-oblique camera (35–45° turned
  // either way, 20–30° above), each with its own source left out: never a hip fault; the same hold at 35° turned and
  // 20° up. Further round or higher, what is lost is the set-up, not the hips (seen: 03 turned 45° toward the head
  // is asked to turn side-on; c09 turned 35–45° away and 30° up reads as lying down), so only the hips are asked.
  for (const id of [
    '03_plank_forearm_side_kaiakol005',
    'c09_plank_forearm_side_home_backlit_letterbox_mrpose',
    '05_plank_forearm_side_sebitzu',
  ]) {
    it(`${id.slice(0, 3)}, a good forearm plank from a raised side-oblique camera, its source left out: no hip fault, the hold kept`, async () => {
      const frames = await clip(id);
      const src = { '03_': 'kaiakol', c09: 'mrpose', '05_': 'chco' }[id.slice(0, 3)]!;
      const opts = without(src);
      const asFilmed = summarize('plank', frames, id, opts);
      expect(hipFaults(asFilmed)).toEqual([]);
      for (const turnDeg of [35, 45, -35, -45]) {
        for (const raiseDeg of [20, 30]) {
          const s = summarize('plank', reprojectSideView(frames, { turnDeg, raiseDeg }), id, opts);
          expect(hipFaults(s), `turn ${turnDeg}, raised ${raiseDeg}`).toEqual([]);
          if (Math.abs(turnDeg) === 35 && raiseDeg === 20)
            expect(Math.abs(s.holdSec - asFilmed.holdSec), `turn ${turnDeg}, raised ${raiseDeg}`).toBeLessThanOrEqual(0.5);
        }
      }
    });
  }

  it('the good planks filmed obliquely (01 low 3/4, 02 and 08 front-oblique high planks, c11 45° outdoors), each source left out: no hip fault over the hold', async () => {
    for (const [id, src] of [
      ['01_plank_forearm_3q_akshathak', 'akshathak'],
      ['02_plank_high_tutorial_yogai', 'yogai'],
      ['08_plank_high_govio', 'govio'],
      ['c11_plank_high_oblique_outdoor_park_phone_myoxyn', 'myoxyn'],
    ] as const) {
      const frames = await clip(id);
      // 02's own demonstrated sag (16.2–17.9 s) is a fault, not a false one.
      const s = summarize('plank', id.startsWith('02') ? frames.filter((f) => f.t < 15_500 || f.t > 18_500) : frames, id, without(src));
      expect(hipFaults(s), id).toEqual([]);
      expect(s.holdSec, id).toBeGreaterThan(3);
    }
  });
});
