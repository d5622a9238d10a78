// The stillness of a stretch: the slope of its measure over the last RATE_WINDOW_MS, so a model's frame-to-frame jitter
// is not read as the body moving, while a body still moving into the stretch is.
import { describe, expect, it } from 'vitest';
import { near, NEAR_MS, rate, updateNear, updateRate } from './steady';
import { seeded } from '../../../tests/kit/degrade';

/** Feeds `value(t)` at `fps` for `ms`; returns the last rate. */
function feed(value: (t: number) => number | null, fps = 15, ms = 2000): number {
  const r = rate();
  let last = NaN;
  for (let t = 0; t <= ms; t += 1000 / fps) last = updateRate(r, value(t), t);
  return last;
}

describe('updateRate', () => {
  it('reads a still measure with 2° of frame-to-frame jitter as still', () => {
    const r = seeded(7);
    const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    const rates: number[] = [];
    const st = rate();
    for (let t = 0; t <= 10000; t += 1000 / 15) {
      const v = updateRate(st, 40 + 2 * normal(), t);
      if (t > 1000) rates.push(v);
    }
    rates.sort((a, b) => a - b);
    // The stretches call a measure still under 8–15°/s (prone-press-up, side-bend, rotation, hamstring).
    expect(rates[Math.floor(rates.length / 2)]).toBeLessThan(6);
  });

  it('reads a body still moving into the stretch at its speed, at 10, 15 and 30 fps', () => {
    for (const fps of [10, 15, 30])
      expect(
        feed((t) => 20 + (20 * t) / 1000, fps),
        `${fps} fps`,
      ).toBeCloseTo(20, 5);
  });

  it('is unknown until its readings span RATE_MIN_SPAN_MS, keeps them across a lost frame, and starts again after a long gap', () => {
    const r = rate();
    expect(updateRate(r, 10, 0)).toBeNaN();
    expect(updateRate(r, 10, 67)).toBeNaN();
    expect(updateRate(r, 10, 133)).toBeNaN();
    expect(updateRate(r, 10, 200)).toBe(0);
    // A lost frame: the rate stands, and the next reading is read with those before it.
    expect(updateRate(r, null, 267)).toBe(0);
    expect(updateRate(r, 10, 333)).toBe(0);
    // Gone for over RATE_GAP_MS: a new start.
    expect(updateRate(r, 30, 1000)).toBeNaN();
  });
});

describe('updateNear', () => {
  it('is the median of the last NEAR_MS of readings: one wild reading does not move it, a lasting change does', () => {
    const r = near();
    const at = (i: number) => i * (1000 / 15);
    const out: (number | null)[] = [];
    const vs = [10, 10, 10, 40, 10, 10, 10, 20, 20, 20, 20, 20];
    vs.forEach((v, i) => out.push(updateNear(r, v, at(i))));
    expect(out[3]).toBe(10); // the wild 40 is outvoted
    expect(out[11]).toBe(20); // four frames at 20 fill the quarter second
    expect(r.ts.every((t) => at(11) - t < NEAR_MS)).toBe(true);
  });

  it('keeps its readings through an unknown frame, starts afresh after a long gap, and reads alone without a time', () => {
    const r = near();
    updateNear(r, 5, 0);
    updateNear(r, 7, 67);
    expect(updateNear(r, null, 133)).toBe(6);
    expect(updateNear(r, 30, 1000)).toBe(30);
    expect(updateNear(r, 1, NaN)).toBe(1);
    expect(updateNear(r, 2, NaN)).toBe(2);
    expect(updateNear(near(), null, 0)).toBeNull();
  });
});
