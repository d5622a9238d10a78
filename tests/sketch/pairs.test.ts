// The sketched 'pairs' counter kind on its own: a rep is a top on each side, in either order, within PAIR_WITHIN_MS.
import { describe, expect, it } from 'vitest';
import { createBody, type Body, type Side } from '../../src/core/geometry';
import type { CheckContext } from '../../src/core/ruleContext';
import type { CountEvent, CountFrame } from '../../src/core/counting/types';
import { PAIR_WITHIN_MS, pairs } from './pairs';

const CTX: CheckContext = { t: 0, phase: 'unknown', holding: false, metric: null, mem: {}, reps: 0 };
type In = { l: number; r: number };
const input = (b: Body): In => (b as Body & { input: In }).input;
const spec = pairs({
  reps: { direction: 'down', enter: 0.45, exit: 0.7, minTopMs: 60 },
  sideMetric: (b, s: Side) => (s === 'left' ? input(b).l : input(b).r),
});

/** Frames 100 ms apart; returns the reps counted and the counter. */
function drive(frames: In[]) {
  const c = spec.create();
  c.useSpace('movenet');
  const out: CountEvent[] = [];
  frames.forEach((x, i) => {
    const f: CountFrame = {
      t: i * 100,
      b: Object.assign(createBody(), { input: x }) as Body,
      points: 17,
      active: true,
      setupClear: true,
      inPos: true,
      formOk: true,
      ctx: CTX,
      metric: null,
      cutT: -Infinity,
      judgeableView: () => true,
    };
    c.step(f, out);
  });
  return { c, reps: out.filter((e) => e.type === 'rep').length };
}
/** A raise of one arm (or both) over 9 frames; the other arm hangs. */
const raise = (side: 'l' | 'r' | 'both'): In[] =>
  [0.9, 0.9, 0.9, 0.3, 0.3, 0.3, 0.9, 0.9, 0.9].map((v) => ({ l: side === 'r' ? 0.9 : v, r: side === 'l' ? 0.9 : v }));
const hang = (n: number): In[] => Array.from({ length: n }, () => ({ l: 0.9, r: 0.9 }));

describe('pairs (sketch)', () => {
  it('both arms together are one rep; one arm then the other is one rep', () => {
    expect(drive([...raise('both'), ...raise('both')]).reps).toBe(2);
    expect(drive([...raise('l'), ...raise('r')]).reps).toBe(1);
  });

  it('one arm alone never makes a rep, nor two tops further apart than PAIR_WITHIN_MS', () => {
    expect(drive([...raise('l'), ...raise('l'), ...raise('l')]).reps).toBe(0);
    expect(drive([...raise('l'), ...hang(PAIR_WITHIN_MS / 100), ...raise('r')]).reps).toBe(0);
  });

  it('shows a reps shape without sides, for the app', () => {
    const { c } = drive(raise('both'));
    expect(c.shape).toEqual({ mode: 'reps', sides: false, holdsToo: false });
    expect([c.reps(), c.reps('left')]).toEqual([1, 0]);
  });
});
