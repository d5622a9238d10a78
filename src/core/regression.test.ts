// Regression suite: every recorded clip with an expected outcome is replayed through the engine and
// judged by testing/compare.ts. A clip with an expected outcome and no committed fixture for a model fails.
import { describe, expect, it } from 'vitest';
import { summarize } from './summary';
import { compare } from '../../tests/kit/compare';
import { expectedOutcomes, loadClip } from '../../tests/kit/replay';
import { seedOf, thinToRate, withJitter, withLostFrames } from '../../tests/kit/degrade';

const all = expectedOutcomes();

// The default model and BlazePose full, each with its own keypoint space's thresholds (the engine is told the model).
describe.each(['movenet-thunder', 'blazepose-full'] as const)('recorded fixtures (%s)', (model) => {
  for (const [clip, exp] of Object.entries(all)) {
    it(`${clip}: ${exp.exercise}`, async () => {
      const frames = await loadClip(clip, model);
      const s = summarize(exp.exercise, frames, clip, { model });
      const v = compare(s, exp);
      const known = exp.knownMiss?.[model];
      if (known) {
        console.log(`known miss ${clip} (${model}): ${known} (pass=${v.pass})`);
        // A known miss that now passes is news: the note must go.
        expect(v.pass, `${clip} passes with ${model}: remove its knownMiss`).toBe(false);
        return;
      }
      expect({ clip, ...v, summaryFaults: s.faults }).toMatchObject({ pass: true });
    });
  }
});

// A slower computer's model reads fewer pictures a second (tests/kit/degrade.ts; `npm run eval` reads every clip at
// 10, 7.5 and 5 fps). c14 turns from head-on back to side-on at 30.25 s through a dissolve: read at 10 fps the cut is
// not seen, the thighs learnt foreshortened head-on (0.15–0.22 torso lengths) read ≈1.0, and the knees stayed unknown
// to the end: 17.9 s timed of 34.7, "Move back so I can see your hips and legs" said to a person in full view.
describe('the default model at 10 pictures a second', () => {
  it('c14: a plank seen head-on, then side-on, is timed to its end; nobody in full view is asked to move back', async () => {
    const clip = 'c14_plank_forearm_side-front-side_studio_cuts_malik';
    const exp = all[clip]!;
    const s = summarize(exp.exercise, thinToRate(await loadClip(clip), 10), clip, { model: 'movenet-thunder' });
    expect(compare(s, exp)).toMatchObject({ pass: true, hold: { ok: true } });
    expect(s.cues.filter((c) => c.tSec > 30.5 && c.id.includes('legs-unseen'))).toEqual([]);
  });
});

// A model that loses the person on one frame in ten (a darker room, a window behind them): each empty frame cost the
// hold its time (01: 28.3 s of 31.8 with one frame in ten lost at random). The hold goes on through them now
// (holdCounter.ts, `unseen`), and only through them.
describe('the default model losing the person on one frame in ten', () => {
  it.each(['01_plank_forearm_3q_akshathak', '02_plank_high_tutorial_yogai', 'c02_side_bend_hands_clasped_overhead_standing_front_myoxyn'])(
    '%s: the hold is timed as without the gaps',
    async (clip) => {
      const exp = all[clip]!;
      const frames = (await loadClip(clip)).map((f, i) => (i % 10 === 5 ? { ...f, poses: [] } : f));
      const s = summarize(exp.exercise, frames, clip, { model: 'movenet-thunder' });
      expect(compare(s, exp)).toMatchObject({ pass: true, hold: { ok: true } });
    },
  );
});

// One frame in four lost (a dim room): each lost frame restarted set-up's 0.4 s of clear view and flashed "no person",
// so counting seldom started (03's 6.5 s plank: 0 s timed; e14: 4 presses of 7). Up to half a second of such frames
// now neither breaks nor confirms set-up (setupGate.ts UNSEEN_HOLD_MS): 27 clips of 56 wrong → 7. Nor do they restart
// the view's doubt (faultTracker.ts frame, `unseen`): c14's head-on shot now runs long enough for the coach to say it is
// only timing there → 6.
describe('the default model losing the person on one frame in four', () => {
  it.each([
    '03_plank_forearm_side_kaiakol005',
    'c14_plank_forearm_side-front-side_studio_cuts_malik',
    'e10_plank_high_kneeling-entry-and-exit_side-oblique_studio_drwho',
    'e14_bench-press_barbell_side-foot-oblique_gym_chauhan',
    '15_ball_crunch_klarfit',
  ])('%s: counted, timed and told as without the gaps', async (clip) => {
    const exp = all[clip]!;
    const s = summarize(exp.exercise, withLostFrames(await loadClip(clip), 0.25, seedOf(clip)), clip, { model: 'movenet-thunder' });
    expect({ clip, ...compare(s, exp) }).toMatchObject({ clip, pass: true });
  });
});

describe('a frame where the model found nobody', () => {
  it('e01 (seen from the head end): one empty frame does not turn the next into a side view with a pike', async () => {
    const clip = 'e01_plank_forearm_head-end-floor-cam_selffilmed-office_johnclaidetan';
    const exp = all[clip]!;
    // The low-scored hips, kept frame to frame while they stay put, were dropped on the frame after the empty one: the
    // view read as side-on and the half body as a 53° pike, kept 2 s as hips-high on a good plank.
    const frames = (await loadClip(clip)).map((f) => (Math.abs(f.t - 9333) < 20 ? { ...f, poses: [] } : f));
    expect(frames.filter((f) => f.poses.length === 0).length).toBeGreaterThan(0);
    const s = summarize(exp.exercise, frames, clip, { model: 'movenet-thunder' });
    expect(s.faults).toEqual([]);
  });

  it('e18: a short real fault is still confirmed when frames around it are lost (one in ten, at random)', async () => {
    const clip = 'e18_ab-crunch_floor_full-situp-lumbar-off-floor-neck-pull_side_gym_gregmaker';
    const exp = all[clip]!;
    // Each lost frame restarted the fault's FAULT_ON_MS: its hips-lifted, up for about half a second a rep, was never
    // raised. A lost frame is now neither the fault seen nor the fault gone (faultTracker.ts settle, `unseen`).
    const frames = withLostFrames(await loadClip(clip), 0.1, seedOf(clip));
    const s = summarize(exp.exercise, frames, clip, { model: 'movenet-thunder' });
    expect(compare(s, exp).faultHits.every((h) => h.found)).toBe(true);
  });
});

// A farther or noisier camera: the real clips' points wobble 0.1–0.4 % of the picture's long side from frame to frame.
// Read frame by frame, the plank's hip line wobbled past its edges with the points jittered a little more: a standing
// pike dropped out of its fault on one frame and was credited as good form (ten random patterns each: e03 at 0.5 %
// passed on 2, e04 at 0.75 % on 6). The hip rules now read the line's median over a quarter second (plank.ts
// HIP_MEDIAN_MS): 6 and 10. And seen from the head end, where the line cannot be read, one frame that passed as
// readable read a pike that was then kept through the blind frames after it (e01 at 0.75 %: 1 of 10); a fault is now
// kept through them only once read on two frames (plank.ts BLIND_KEEP_FRAMES): 8. Counted over patterns, since any one
// pattern may land either way.
describe('the default model with its points jittered', () => {
  it.each([
    ['e03_plank_forearm_hips-high_side_outdoor_istock-chauhan', 0.005, 5],
    ['e04_plank_high_hips-high_side-oblique_home_summerobert', 0.0075, 9],
    ['e01_plank_forearm_head-end-floor-cam_selffilmed-office_johnclaidetan', 0.0075, 7],
  ] as const)('%s at %s of the picture: right on at least %s patterns of 10', async (clip, share, atLeast) => {
    const exp = all[clip]!;
    const rec = await loadClip(clip);
    let ok = 0;
    for (let k = 0; k < 10; k++) {
      const s = summarize(exp.exercise, withJitter(rec, share, seedOf(clip) + 1000 + k), clip, { model: 'movenet-thunder' });
      if (compare(s, exp).pass) ok++;
    }
    expect(ok).toBeGreaterThanOrEqual(atLeast);
  });
});

// The rotation stretch's hips-turning compares the hip width with the widest seen: read raw, the widest was the
// jitter's peak and one narrow reading a turned pelvis. b06's 3/4 shot already reads 0.60 of the widest as recorded
// (the threshold), so it is the first to go: at 0.35 % of the picture it passed on 6 random patterns of 20. Both are
// now read through a quarter-second median (rotation-stretch.ts twist, steady.ts updateNear): 13.
describe('the rotation stretch with its points jittered', () => {
  it('b06 at 0.35 % of the picture: no false hips-turning and the hold found on at least 10 patterns of 20', async () => {
    const clip = 'b06_seated_twist_floor_side-3q_hpy2github';
    const exp = all[clip]!;
    const rec = await loadClip(clip);
    let ok = 0;
    for (let k = 0; k < 20; k++) {
      const s = summarize(exp.exercise, withJitter(rec, 0.0035, seedOf(clip) + 1000 + k), clip, { model: 'movenet-thunder' });
      if (compare(s, exp).pass) ok++;
    }
    expect(ok).toBeGreaterThanOrEqual(10);
  });
});
