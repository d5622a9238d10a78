// The framing step's verdicts and where a banner goes, on made-up engine views and on recorded streams; and
// the spoken-line rules (speech.ts) on a fake clock.
import { describe, expect, it } from 'vitest';
import { createEngineState, DARK_LIGHT, step } from '../../core/engine';
import { EXERCISES } from '../../core/exercises';
import { loadClip } from '../../../tests/kit/replay';
import type { Pose } from '../../core/pose';
import { allMet, bannerPlace, bodyBox, neededSeen, nextBanner, verdictsFor } from './framing';
import { EPISODE_GAP_MS, MAX_PER_MINUTE, maySay, NO_SPEECH, notePresent, noteSaid, REPEAT_MS } from './speech';

describe('framing verdicts', () => {
  it('what the engine did not get to judge stays unknown, never ticked', () => {
    expect(verdictsFor({ phase: 'setup', setupIssues: ['too-dark'] }, 0.01)).toEqual({
      'in-view': 'unknown',
      light: 'no',
      view: 'unknown',
      posture: 'unknown',
    });
    expect(verdictsFor({ phase: 'setup', setupIssues: ['no-person'] }, undefined)).toEqual({
      'in-view': 'no',
      light: 'unknown',
      view: 'unknown',
      posture: 'unknown',
    });
    expect(verdictsFor({ phase: 'setup', setupIssues: ['no-person'] }, DARK_LIGHT + 0.1).light).toBe('ok');
    expect(verdictsFor({ phase: 'setup', setupIssues: ['body-cut-off'] }, undefined)).toEqual({
      'in-view': 'no',
      light: 'ok',
      view: 'unknown',
      posture: 'unknown',
    });
    expect(verdictsFor({ phase: 'setup', setupIssues: ['body-cut-off', 'wrong-view'] }, undefined)).toEqual({
      'in-view': 'no',
      light: 'ok',
      view: 'no',
      posture: 'unknown',
    });
    expect(verdictsFor({ phase: 'setup', setupIssues: ['wrong-posture'] }, 0.5)).toEqual({
      'in-view': 'ok',
      light: 'ok',
      view: 'ok',
      posture: 'no',
    });
    const all = verdictsFor({ phase: 'active', setupIssues: [] }, undefined);
    expect(allMet(all)).toBe(true);
    expect(allMet(verdictsFor({ phase: 'setup', setupIssues: [] }, 0.02))).toBe(false);
  });

  it('on clip 03 (a good side plank) every need is met within a second; on b01 (seated) the plank posture is not', async () => {
    const plank = await loadClip('03_plank_forearm_side_kaiakol005');
    const seated = await loadClip('b01_seated_twist_chair_front_adaptx');
    if (!plank || !seated) throw new Error('committed fixtures 03 / b01 are missing');
    const run = (frames: typeof plank) => {
      const e = createEngineState('plank');
      return frames.map((f) => verdictsFor(step(e, f).view, undefined));
    };
    expect(allMet(run(plank.slice(0, 15)).at(-1)!)).toBe(true);
    // Seated on the chair (from 1.5 s, once she sits still): in view, but not in a plank.
    const s = run(seated.slice(20, 50)).at(-1)!;
    expect(s['in-view']).toBe('ok');
    expect(s.posture).toBe('no');
  });

  it('knows when the model sees every joint an exercise needs (either side, or both where both are needed)', () => {
    const kp = (names: string[]) => ({ score: 1, keypoints: names.map((name) => ({ name, x: 1, y: 1, score: 0.9 })) });
    expect(neededSeen(EXERCISES.plank, kp(['left_shoulder', 'left_elbow', 'left_hip', 'left_ankle']))).toBe(true);
    expect(neededSeen(EXERCISES.plank, kp(['left_shoulder', 'left_elbow', 'left_hip']))).toBe(false);
    expect(neededSeen(EXERCISES['side-bend'], kp(['nose', 'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_wrist']))).toBe(
      false,
    );
    expect(neededSeen(EXERCISES.plank, null)).toBe(false);
  });
});

describe('banner placement', () => {
  const pose = (pts: [number, number][]): Pose => ({ score: 1, keypoints: pts.map(([x, y], i) => ({ name: `k${i}`, x, y, score: 0.9 })) });

  it('goes to the side of the body with the most room, mirrored when the picture is', () => {
    // A plank lying along the bottom of a 640×360 picture: room above it.
    const lying = bodyBox(
      pose([
        [100, 250],
        [500, 280],
        [300, 260],
      ]),
      640,
      360,
    );
    expect(bannerPlace(lying, false).side).toBe('top');
    // Someone standing at the left edge: room on the right of the image, the left of a mirrored screen.
    const standing = bodyBox(
      pose([
        [60, 20],
        [120, 340],
        [90, 180],
      ]),
      640,
      360,
    );
    expect(bannerPlace(standing, false).side).toBe('right');
    expect(bannerPlace(standing, true).side).toBe('left');
    expect(bannerPlace(null, false)).toEqual({ side: 'top', size: 0.3 });
  });

  it('never reaches into the box of the joints (the band it may fill ends where the body begins)', () => {
    const box = bodyBox(
      pose([
        [100, 200],
        [500, 300],
      ]),
      640,
      360,
    )!;
    const { side, size } = bannerPlace(box, false);
    expect(side).toBe('top');
    expect(size).toBeLessThanOrEqual(box.y0 + 1e-9);
  });

  it('moves in whole tenths: a small shift keeps the same banner object, a larger one gives a new place', () => {
    const at = (y: number) =>
      pose([
        [100, y],
        [500, y + 100],
      ]);
    const first = nextBanner({ side: 'top', size: 0.3 }, at(200), 640, 360, false);
    expect(first).toEqual({ side: 'top', size: 0.5 });
    expect(nextBanner(first, at(203), 640, 360, false)).toBe(first);
    expect(nextBanner(first, at(150), 640, 360, false)).toEqual({ side: 'top', size: 0.3 });
  });
});

describe('when a line may be said', () => {
  it('a set-up line: once, again after REPEAT_MS if its problem persists, then not in the same episode', () => {
    let m = notePresent(NO_SPEECH, 'Turn side-on', 0);
    expect(maySay(m, 'Turn side-on', 'setup', 0)).toBe(true);
    m = noteSaid(m, 'Turn side-on', 0);
    m = notePresent(m, 'Turn side-on', 5000);
    expect(maySay(m, 'Turn side-on', 'setup', 5000)).toBe(false);
    m = notePresent(m, 'Turn side-on', REPEAT_MS);
    expect(maySay(m, 'Turn side-on', 'setup', REPEAT_MS)).toBe(true);
    m = noteSaid(m, 'Turn side-on', REPEAT_MS);
    // Still there every second for a long while: not said a third time.
    for (let t = REPEAT_MS; t <= 3 * REPEAT_MS; t += 1000) {
      m = notePresent(m, 'Turn side-on', t);
      expect(maySay(m, 'Turn side-on', 'setup', t)).toBe(false);
    }
    // Gone for longer than EPISODE_GAP_MS, then back: a new episode, said again.
    const back = 3 * REPEAT_MS + EPISODE_GAP_MS + 1;
    m = notePresent(m, 'Turn side-on', back);
    expect(maySay(m, 'Turn side-on', 'setup', back)).toBe(true);
  });

  it('no line more than MAX_PER_MINUTE times a minute; counting words always', () => {
    let m = NO_SPEECH;
    let n = 0;
    for (let t = 0; t < 60_000; t += 1000)
      if (maySay(m, 'Lower your hips', 'cue', t)) {
        m = noteSaid(m, 'Lower your hips', t);
        n++;
      }
    expect(n).toBeLessThanOrEqual(MAX_PER_MINUTE);
    expect(n).toBeGreaterThan(1);
    expect(maySay(noteSaid(NO_SPEECH, '3', 0), '3', 'count', 1)).toBe(true);
  });
});
