import { describe, expect, it } from 'vitest';
import { PACE_RATES, medianOf, nextPace } from './cameraPace';

describe('nextPace', () => {
  it('leaves a camera uncapped while the model keeps up with 30 pictures a second', () => {
    expect(nextPace(null, 21)).toBeNull(); // Lightning, BlazePose lite here
    expect(nextPace(null, 27)).toBeNull(); // 33.3 ms ≥ 27 × 1.2
  });

  it('asks for the fastest rate whose period leaves the model a fifth to spare', () => {
    expect(nextPace(null, 30)).toBe(24); // BlazePose full here
    expect(nextPace(null, 45)).toBe(15); // Thunder on 2 threads: 20 a second (50 ms) is under 54
    expect(nextPace(null, 41)).toBe(20);
  });

  it('leaves the camera free for a model too slow for a cap of 15, rather than read fewer pictures than it could', () => {
    expect(nextPace(null, 56)).toBeNull(); // 66.7 ms is under 56 × 1.2
    expect(nextPace(null, 68)).toBeNull(); // Thunder on 1 thread
    expect(nextPace(null, 400)).toBeNull();
    expect(nextPace(15, 58)).toBe(15); // kept while 66.7 ms ≥ 58 × 1.1
    expect(nextPace(15, 62)).toBeNull();
    expect(nextPace(20, 46)).toBe(15); // 50 ms under 46 × 1.1: down to 15, which fits with a fifth to spare
  });

  it('goes faster again only with a third to spare, so a model sped up by the cap itself does not flip it back', () => {
    expect(nextPace(15, 40)).toBe(15); // 20 a second would leave 50 ms for 40 × 1.35 = 54
    expect(nextPace(15, 37)).toBe(20);
    expect(nextPace(15, 24)).toBeNull(); // 33.3 ms ≥ 24 × 1.35
    expect(nextPace(12, 45)).toBe(15); // a cap not of ours (12) is read as the slowest of ours
  });

  it('keeps the current cap on a cycle it cannot read, and reads a foreign cap as the nearest slower rate', () => {
    expect(nextPace(15, NaN)).toBe(15);
    expect(nextPace(null, 0)).toBeNull();
    expect(nextPace(18, NaN)).toBe(15);
    expect(nextPace(12, NaN)).toBe(15);
    expect(nextPace(60, NaN)).toBeNull();
  });

  it('has every rate it asks for listed, fastest first', () => {
    for (let ms = 5; ms < 500; ms += 0.5) {
      for (const cur of [null, ...PACE_RATES]) {
        const r = nextPace(cur, ms);
        expect(r === null || PACE_RATES.includes(r)).toBe(true);
      }
    }
    expect([...PACE_RATES].sort((a, b) => b - a)).toEqual([...PACE_RATES]);
  });
});

describe('medianOf', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 2, 3])).toBe(2.5);
    expect(medianOf([])).toBeNaN();
  });
});
