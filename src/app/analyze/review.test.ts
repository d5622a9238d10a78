import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../core/exercises';
import { fixtureToFrames, parseFixture } from '../../core/fixture';
import { EngineRun } from '../../core/summary';
import { COACH_WORDS } from '../../words/coachWords';
import type { ReviewFrame } from './review';
import { frameAt, markedMoments, metricText, notCountedSpans, notCountedWhy, timeLeftText } from './review';

const f = (t: number, over: Partial<ReviewFrame> = {}): ReviewFrame => ({
  t,
  pose: null,
  styles: {},
  metric: null,
  active: true,
  issue: null,
  ...over,
});

describe('the analysis review', () => {
  it('finds the frame nearest a time', () => {
    const frames = [f(0), f(0.5, { metric: 170 }), f(1, { metric: 160 })];
    expect(frameAt(frames, 0.7)?.t).toBe(0.5);
    expect(frameAt(frames, 0.8)?.t).toBe(1);
    expect(frameAt(frames, 9)?.t).toBe(1);
    expect(frameAt([], 1)).toBeNull();
  });

  it('says why a span was not counted, in words about the picture, and drops flickers', () => {
    const plank = EXERCISES.plank;
    expect(notCountedWhy(EXERCISES['ab-crunch'], 'wrong-view')).toBe('facing the camera (side-on is needed)');
    expect(notCountedWhy(EXERCISES['hamstring-stretch'], 'wrong-view')).toBe('seen from an angle the checks cannot read');
    expect(notCountedWhy(EXERCISES['side-bend'], 'wrong-view')).toBe('turned away (facing the camera is needed)');
    expect(notCountedWhy(plank, 'wrong-posture')).toBe('not in the plank position');
    const frames = [
      ...[0, 0.5, 1, 1.5].map((t) => f(t, { active: false, issue: 'wrong-view' })),
      f(2),
      f(2.5, { active: false, issue: 'no-person' }),
      f(3),
      ...[3.5, 4, 4.5, 5].map((t) => f(t, { active: false, issue: 'wrong-posture' })),
    ];
    expect(notCountedSpans(frames, EXERCISES['ab-crunch'])).toEqual([
      { startSec: 0, endSec: 1.5, why: 'facing the camera (side-on is needed)' },
      { startSec: 3.5, endSec: 5, why: 'not in the abdominal crunch position' },
    ]);
  });

  it('gives the angle at each marked moment, in time order', () => {
    const frames = [f(0, { metric: 150 }), f(1, { metric: 120.4 }), f(2, { metric: 160 })];
    expect(markedMoments(frames, { holds: [], faults: [{ id: 'x', startSec: 2, endSec: 2, message: 'Too fast' }] }, [1], '°')).toEqual([
      { sec: 1, what: 'Rep 1', angle: '120°' },
      { sec: 2, what: 'Form problem: Too fast', angle: '160°' },
    ]);
    expect(metricText(0.853, 'torso lengths')).toBe('0.85 torso lengths');
    expect(metricText(null, '°')).toBe('not measured');
  });

  it('estimates the time left from the pace so far, and not before there is one', () => {
    expect(timeLeftText(1000, 1, 10)).toBeNull();
    expect(timeLeftText(10_000, 2, 10)).toBe('about 0:40 left');
    expect(timeLeftText(10_000, 9.9, 10)).toBe('a few seconds left');
    expect(timeLeftText(10_000, 10, 10)).toBeNull();
  });

  it('on a recorded stream (the piked plank, clip 04): every moment carries its angle, every span lasts a second or more', () => {
    const path = join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      'test-fixtures',
      'keypoints',
      '04_plank_high_hips-high_bassem.movenet-thunder.json',
    );
    const frames = fixtureToFrames(parseFixture(JSON.parse(readFileSync(path, 'utf8'))));
    const run = new EngineRun('plank', 'clip04', { model: 'movenet-thunder' }, COACH_WORDS);
    const review: ReviewFrame[] = [];
    for (const fr of frames) {
      const { view } = run.step(fr);
      review.push({
        t: fr.t / 1000,
        pose: view.smoothedPose,
        styles: view.jointStyles,
        metric: view.metric,
        active: view.phase === 'active',
        issue: view.setupIssues[0] ?? null,
      });
    }
    const { summary } = run.finish();
    const moments = markedMoments(review, summary, [], '°');
    expect(moments.length).toBe(summary.faults.length + 2 * summary.holds.length);
    for (const m of moments) expect(m.angle).toMatch(/^\d+°$|^not measured$/);
    const spans = notCountedSpans(review, EXERCISES.plank);
    for (const s of spans) expect(s.endSec - s.startSec).toBeGreaterThanOrEqual(1);
  });
});
