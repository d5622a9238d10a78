// Counters: hysteresis between enter and exit, a minimum time at the top, jitter never counts, a body
// first seen at the top is not a rep, holds pause (never reset) on a break, and ticks per second. A rep counter
// offers each top once ('top'); the strategies' tests (counting.test.ts) judge what is then counted.
import { describe, expect, it } from 'vitest';
import { HoldCounter } from './holdCounter';
import { PARTIAL_SETTLED_MS, RepCounter } from './repCounter';
import type { CounterEvent, RepThresholds } from './types';

const UP: RepThresholds = { direction: 'up', enter: 150, exit: 115, partialMin: 130, minTopMs: 100 };

/** Tops each counter has offered so far (every 'top' event fed through `feed`). */
const offered = new Map<RepCounter, number>();
const tops = (c: RepCounter): number => offered.get(c) ?? 0;

/** Feeds one value per frame at `fps`, returns all events with their frame time. */
function feed(c: RepCounter, values: (number | null)[], fps = 15, t0 = 0): (CounterEvent & { t: number })[] {
  const all: (CounterEvent & { t: number })[] = [];
  values.forEach((v, i) => {
    const out: CounterEvent[] = [];
    const t = t0 + (i * 1000) / fps;
    c.step(v, t, out);
    for (const e of out) {
      all.push({ ...e, t });
      if (e.type === 'top') offered.set(c, tops(c) + 1);
    }
  });
  return all;
}
const rep = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));

describe('RepCounter', () => {
  it('counts a full rest → top → rest cycle once, with its timings', () => {
    const c = new RepCounter(UP);
    const ev = feed(c, [100, 100, 100, ...rep(100, 170, 8), 170, 170, 170, ...rep(170, 100, 8), 100, 100]);
    expect(ev.filter((e) => e.type === 'top')).toHaveLength(1);
    expect(tops(c)).toBe(1);
    const end = ev.find((e) => e.type === 'rep-end');
    expect(end && end.type === 'rep-end' && end.cycleMs).toBeGreaterThan(800);
  });

  it('never counts jitter around the enter threshold, nor a one-frame spike', () => {
    const c = new RepCounter(UP);
    // At rest, then hovering just under `enter` with noise: never a rep.
    feed(c, [100, 100, 140, 149, 148, 146, 149, 147, 100, 100]);
    expect(tops(c)).toBe(0);
    // One frame over `enter`, then back under it (but above `exit`) for longer than minTopMs: not held.
    feed(c, [100, 100, 140, 152, 140, 140, 140, 100, 100], 15, 1000);
    expect(tops(c)).toBe(0);
  });

  it('does not count twice while the value wobbles between exit and enter at the top (hysteresis)', () => {
    const c = new RepCounter(UP);
    feed(c, [100, 100, 155, 160, 160, 140, 155, 125, 160, 160, 100]);
    expect(tops(c)).toBe(1);
  });

  it('needs to see rest first: a body first seen at the top is not a rep', () => {
    const c = new RepCounter(UP);
    feed(c, [170, 170, 170, 170, 170, 100, 100]);
    expect(tops(c)).toBe(0);
    feed(c, [100, 170, 170, 170, 100], 15, 1000);
    expect(tops(c)).toBe(1);
  });

  it('holds its state through unknown frames (null) instead of resetting', () => {
    const c = new RepCounter(UP);
    feed(c, [100, 100, 170, null, null, 170, 170, 100]);
    expect(tops(c)).toBe(1);
  });

  it('reports a partial rep only for a deliberate attempt from a settled rest', () => {
    const c = new RepCounter(UP);
    const settled = Math.ceil((PARTIAL_SETTLED_MS * 15) / 1000) + 1;
    const ev = feed(c, [...Array(settled).fill(100), 120, 135, 138, 138, 135, 120, 100, 100]);
    expect(ev.filter((e) => e.type === 'partial')).toHaveLength(1);
    expect(tops(c)).toBe(0);
    // Straight after a rep the value bounces back over `exit` for two frames: not a partial rep.
    const d = new RepCounter(UP);
    const ev2 = feed(d, [...Array(settled).fill(100), 170, 170, 170, 100, 135, 100, 100]);
    expect(ev2.filter((e) => e.type === 'partial')).toHaveLength(0);
    expect(tops(d)).toBe(1);
  });

  it('works the other way round for a falling metric (direction down)', () => {
    const c = new RepCounter({ direction: 'down', enter: 1.0, exit: 1.15, minTopMs: 60 });
    feed(c, [1.6, 1.6, 1.2, 0.9, 0.85, 0.85, 1.3, 1.6, 0.9, 0.9, 0.9, 1.6]);
    expect(tops(c)).toBe(2);
  });

  it('ends a rep once back from the top by the band (enter − exit), and needs the band again for the next', () => {
    // Crunch-like: the baseline moves (close-up vs wide shot), so exit alone would never be reached. Band 10.
    const c = new RepCounter({ direction: 'up', enter: 22, exit: 12, minTopMs: 60 });
    feed(c, [10, 10, 30, 40, 40, 28, 26, 26, 30, 30, 45, 45, 30, 30]);
    // 40 → 28 ends rep 1; 26 → 30 is only +4 (no rep); 26 → 45 is rep 2.
    expect(tops(c)).toBe(2);
  });

  it('judges a top from the lowest point before it, not from an earlier excursion', () => {
    // Lightning's curl on 14 at 0.73–1.8 s: back at rest at 29°, a wobble up to 41° and down to 22°,
    // then one crunch rising 36 → 29 (noise) → 49°. One rep, not two.
    const c = new RepCounter({ direction: 'up', enter: 22, exit: 12, minTopMs: 60 });
    feed(c, [5, 5, 5, 40, 40, 40, 29]);
    expect(tops(c)).toBe(1);
    expect(c.phase).toBe('rest');
    const ev = feed(c, [34, 41, 36, 34, 32, 32, 22, 32, 23, 36, 29, 35, 42, 46, 49, 50, 52, 53], 15, 1000);
    expect(ev.filter((e) => e.type === 'top')).toHaveLength(1);
    expect(tops(c)).toBe(2);
  });

  it('a limb first seen part-bent near rest that moves a little past enter is not a rep: a rep is a full swing of the band', () => {
    // A one-arm row's supporting arm (c15, 17–19 s): held at 146°, closing to 129° (band 150 → 128: 22°).
    const ROW: RepThresholds = { direction: 'down', enter: 128, exit: 150, minTopMs: 60 };
    const arm = new RepCounter(ROW);
    feed(arm, [146, 146, 140, 135, 129, 129, 129, 140, 146]);
    expect(tops(arm)).toBe(0);
    const row = new RepCounter(ROW);
    feed(row, [146, 146, 140, 120, 105, 105, 105, 130, 160]);
    expect(tops(row)).toBe(1);
  });

  it('holds its state through unknown frames: arms lost at the bottom do not make a second top of one lockout', () => {
    const c = new RepCounter(UP);
    feed(c, [100, 100, 170, 170, 170, null, null, null, null, null, null, 170, 170, 170]);
    expect(tops(c)).toBe(1);
  });

  it('a top seen, then lost before minTopMs, counts once it has lasted minTopMs unseen; a top left again does not', () => {
    const lost = new RepCounter(UP);
    feed(lost, [100, 100, 100, 170, null, null, null, 110, 100]);
    expect(tops(lost)).toBe(1);
    const left = new RepCounter(UP);
    feed(left, [100, 100, 100, 170, 140, null, null, 110, 100]);
    expect(tops(left)).toBe(0);
  });
});

describe('HoldCounter', () => {
  const TH = { enterMs: 500, exitMs: 400, maxGapMs: 1000 };
  const run = (h: HoldCounter, oks: boolean[], t0 = 0, side?: 'left' | 'right') => {
    const ev: CounterEvent[] = [];
    oks.forEach((ok, i) => h.step(ok, side, t0 + i * 100, ev));
    return ev;
  };

  it('starts only after enterMs in position, crediting that time, and ticks each second', () => {
    const h = new HoldCounter(TH);
    const ev = run(h, [false, ...Array(30).fill(true)]);
    expect(ev[0]?.type).toBe('hold-start');
    expect(h.totalMs).toBe(2900); // from the first good frame at 100 ms to the last at 3000 ms
    expect(ev.filter((e) => e.type === 'hold-tick').map((e) => (e as { sec: number }).sec)).toEqual([1, 2]);
  });

  it('pauses on a short break (no credit for it) and goes on, never resetting', () => {
    const h = new HoldCounter(TH);
    run(h, [...Array(11).fill(true), false, false, ...Array(10).fill(true)]);
    expect(h.holding).toBe(true);
    // Credit runs frame to frame: 0→1000 ms and 1200→2200 ms; the intervals ending on the two bad
    // frames (1000→1100, 1100→1200) are not credited.
    expect(h.totalMs).toBe(2000);
  });

  /** Frames 100 ms apart: 'h' held, 'x' seen and not held (out of position or a fault), 'u' nobody seen. */
  const frames = (h: HoldCounter, code: string) => {
    const ev: CounterEvent[] = [];
    [...code].forEach((c, i) => h.step(c === 'h', undefined, i * 100, ev, c === 'u'));
    return ev;
  };

  it('credits frames where the model saw nobody when the hold goes on at once after them', () => {
    const h = new HoldCounter(TH);
    frames(h, 'hhhhhhhhhhh' + 'uu' + 'hhhhhhhhhh');
    expect(h.holding).toBe(true);
    // The whole 0→2200 ms: the person did not stop holding because the model lost them for 0.2 s.
    expect(h.totalMs).toBe(2200);
  });

  it('never credits unseen time next to a frame seen out of the hold, nor an unseen run longer than exitMs', () => {
    const a = new HoldCounter(TH);
    frames(a, 'hhhhhhhhhhh' + 'ux' + 'hhhhhhhhhh');
    expect(a.totalMs).toBe(2000); // as for two bad frames
    const b = new HoldCounter(TH);
    frames(b, 'hhhhhhhhhhh' + 'xu' + 'hhhhhhhhhh');
    expect(b.totalMs).toBe(2000);
    const c = new HoldCounter(TH);
    const ev = frames(c, 'hhhhhhhhhhh' + 'uuuuu');
    expect(ev.map((e) => e.type)).toContain('hold-end');
    expect(c.totalMs).toBe(1000);
  });

  it('ends on a long break and keeps the seconds already held', () => {
    const h = new HoldCounter(TH);
    const ev = run(h, [...Array(11).fill(true), ...Array(6).fill(false)]);
    expect(ev.some((e) => e.type === 'hold-end')).toBe(true);
    expect(h.holding).toBe(false);
    expect(h.totalMs).toBe(1000);
    run(h, Array(8).fill(true), 5000);
    expect(h.totalMs).toBe(1700);
  });

  it('does not credit a gap in the frames longer than maxGapMs (person or camera gone)', () => {
    const h = new HoldCounter(TH);
    const ev: CounterEvent[] = [];
    for (let t = 0; t <= 1000; t += 100) h.step(true, undefined, t, ev);
    h.step(true, undefined, 4000, ev);
    expect(h.totalMs).toBe(1000);
  });

  it('keeps seconds per side and ends a hold when the other side is held', () => {
    const h = new HoldCounter(TH);
    run(h, Array(11).fill(true), 0, 'left');
    run(h, Array(11).fill(true), 1100, 'right');
    expect(h.sideMs.left).toBe(1000);
    expect(h.sideMs.right).toBe(1000); // 1100–2100 ms, its first 500 ms credited when the hold starts
    expect(h.side).toBe('right');
  });
});
