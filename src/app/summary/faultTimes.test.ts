// A fault's duration in the summary: clip 04 (a plank held piked for the whole clip, looped for 50 s) through
// the live session as the app runs it gives one span "from 0:0x to the end", not "once at 0:01".
import { describe, expect, it } from 'vitest';
import { loadClip } from '../../../tests/kit/replay';
import { harness } from '../../../tests/kit/liveHarness';
import type { FaultTally } from '../../storage/schema';
import { faultWhen } from './faultTimes';

const rec = (setSec: number) => ({ setSec, metric: { label: '', unit: '', series: [] as [number, number][], min: null, max: null } });
const tally = (spans?: [number, number][]): FaultTally => ({
  id: 'hips-high',
  message: 'Lower your hips into line',
  count: 1,
  atSec: [1],
  ...(spans ? { spans } : {}),
});

describe('fault durations', () => {
  it('words a span to the end, a span inside the set, several spans, and says nothing for older records', () => {
    expect(faultWhen(tally([[1, 45.8]]), rec(46))).toBe('from 0:01 to the end, 45 s');
    expect(faultWhen(tally([[3, 12]]), rec(46))).toBe('from 0:03 to 0:12, 9 s');
    expect(faultWhen(tally([[3, 3]]), rec(46))).toBe('at 0:03, a moment');
    expect(
      faultWhen(
        tally([
          [3, 12],
          [20, 30],
        ]),
        rec(46),
      ),
    ).toBe('2 times, 19 s in all: from 0:03 to 0:12; from 0:20 to 0:30');
    expect(faultWhen(tally(), rec(46))).toBeNull();
  });

  it('clip 04 (piked for the whole set): one span from the first seconds to the end', async () => {
    const frames = await loadClip('04_plank_high_hips-high_bassem');
    const h = await harness(frames);
    h.session.send({ type: 'open-exercise', exerciseId: 'plank' });
    h.session.send({ type: 'check-in', pain: null });
    await h.clock.advance(8000);
    if (h.store.getState().live?.stage === 'framing') h.session.send({ type: 'start', anyway: true });
    await h.clock.advance(50_000);
    h.session.send({ type: 'stop' });
    await h.session.flushSaves();
    const r = h.saved.at(-1)!;
    const f = r.faults.find((x) => x.id === 'hips-high')!;
    expect(f.spans).toHaveLength(1);
    const [from, to] = f.spans![0]!;
    expect(from).toBeLessThan(3);
    expect(r.setSec! - to).toBeLessThan(1.5);
    expect(faultWhen(f, r)).toMatch(/^from 0:0\d to the end, (4\d|5\d) s$/);
  });
});
