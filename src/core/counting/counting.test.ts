// The counting strategies, one per counter kind, driven frame by frame as the engine drives them: what each takes
// as a rep, what it refuses, what it holds, and the shape it shows the app. The engine's replays of real clips
// (regression.test.ts, each exercise's test) judge them on recorded people; these pin each rule on its own.
import { describe, expect, it } from 'vitest';
import { createBody, type Body, type Side } from '../geometry';
import type { CheckContext } from '../ruleContext';
import { alternating, ALTERNATE_RESET_MS } from './alternating';
import { hold } from './hold';
import { CUT_SETTLE_MS } from './holdCounter';
import { holdPerSide } from './holdPerSide';
import { reps } from './reps';
import { BOTH_ARMS_MS, repsPerSide } from './repsPerSide';
import { repsThenHold } from './repsThenHold';
import type { CountEvent, CountFrame, Counting, CountingSpec, RepThresholds } from './types';

const UP: RepThresholds = { direction: 'up', enter: 150, exit: 115, partialMin: 130, minTopMs: 60 };
const HOLD = { enterMs: 200, exitMs: 200, maxGapMs: 1000 };
const CTX: CheckContext = { t: 0, phase: 'unknown', holding: false, metric: null, mem: {}, reps: 0 };

/** One frame's inputs: the metric, each side's metric, and what the frame says besides. */
interface In {
  v?: number | null;
  l?: number | null;
  r?: number | null;
  ok?: boolean;
  side?: Side | null;
  cut?: boolean;
  active?: boolean;
  formOk?: boolean;
  seen?: Side | null;
}

/** Drives a strategy on frames 100 ms apart; each frame's body carries its inputs for the hooks to read. */
function drive(spec: CountingSpec, frames: In[]): { c: Counting; events: (CountEvent & { t: number })[] } {
  const c = spec.create();
  c.useSpace('movenet');
  const events: (CountEvent & { t: number })[] = [];
  let cutT = -Infinity;
  frames.forEach((x, i) => {
    const t = i * 100;
    if (x.cut) cutT = t;
    const b = Object.assign(createBody(), { input: x }) as Body;
    const active = x.active ?? true;
    const f: CountFrame = {
      t,
      b,
      points: 17,
      active,
      setupClear: active,
      inPos: active && c.inPosition(b, CTX),
      formOk: x.formOk ?? true,
      ctx: CTX,
      metric: x.v ?? null,
      cutT,
      judgeableView: () => true,
    };
    const out: CountEvent[] = [];
    c.step(f, out);
    for (const e of out) events.push({ ...e, t });
  });
  return { c, events };
}
const input = (b: Body): In => (b as Body & { input: In }).input;
const sideMetric = (b: Body, s: Side) => (s === 'left' ? input(b).l : input(b).r) ?? null;
const counted = (ev: readonly (CountEvent & { t: number })[]) =>
  ev.flatMap((e) => (e.type === 'rep' && e.rep.kind === 'rep' ? [{ t: e.t, side: e.rep.side ?? null, index: e.rep.index }] : []));
/** A rep on one metric: rest, up to the top and held, back to rest (`n` frames each). */
const up = (n = 3): number[] => [...Array(n).fill(100), ...Array(n).fill(170), ...Array(n).fill(100)];

describe('reps', () => {
  it('counts each top held, and shows a reps shape without sides', () => {
    const { c, events } = drive(
      reps({ reps: UP }),
      [...up(), ...up()].map((v) => ({ v })),
    );
    expect(counted(events).map((r) => r.index)).toEqual([1, 2]);
    expect(c.reps()).toBe(2);
    expect(c.shape).toEqual({ mode: 'reps', sides: false, holdsToo: false });
    expect(events.some((e) => e.type === 'rep' && e.rep.kind === 'rep-end')).toBe(true);
  });

  it('a top the exercise refuses (isRep) is no rep', () => {
    const spec = reps({ reps: UP, isRep: (b) => input(b).ok !== false });
    const { c, events } = drive(
      spec,
      [...up(), ...up()].map((v, i) => ({ v, ok: !(i >= 3 && i < 6) })),
    );
    expect(c.reps()).toBe(1);
    expect(counted(events).map((r) => r.t)).toEqual([1300]);
  });
});

describe('reps per side', () => {
  it('counts each arm, and both arms at the top together as one rep in all', () => {
    const both = up().map((v) => ({ l: v, r: v }));
    const { c } = drive(repsPerSide({ reps: UP, sideMetric }), both);
    expect([c.reps(), c.reps('left'), c.reps('right')]).toEqual([1, 1, 1]);
    expect(c.shape.sides).toBe(true);
  });

  it('arms more than BOTH_ARMS_MS apart are two reps', () => {
    const lag = Math.ceil(BOTH_ARMS_MS / 100) + 1;
    const l = [...up(), ...Array(lag).fill(100)],
      r = [...Array(lag).fill(100), ...up()];
    const { c } = drive(
      repsPerSide({ reps: UP, sideMetric }),
      l.map((v, i) => ({ l: v, r: r[i] })),
    );
    expect([c.reps(), c.reps('left'), c.reps('right')]).toEqual([2, 1, 1]);
  });

  it('a side whose top the exercise refused is not doing reps: its partials are not judged until it counts one', () => {
    // The right arm reaches a top the exercise refuses (a supporting arm), then makes a partial: neither is said.
    const r = [...up(), 100, 100, 100, 138, 138, 138, 138, 100, 100, 100];
    const spec = repsPerSide({ reps: UP, sideMetric, isRep: (b, s) => !(s === 'right' && input(b).ok === false) });
    const { c, events } = drive(
      spec,
      r.map((v) => ({ r: v, ok: false })),
    );
    expect(c.reps('right')).toBe(0);
    expect(events.filter((e) => e.type === 'rep')).toEqual([]);
  });
});

describe('alternating', () => {
  const spec = alternating({ reps: UP, sideMetric });
  /** Touches: a side per touch, one touch every `gap` frames (at the top on frames 2–4 of each). */
  const touches = (sides: (Side | 'both')[], gap = 10, extra: (i: number, k: number) => Partial<In> = () => ({})): In[] =>
    sides.flatMap((s, i) =>
      Array.from({ length: gap }, (_, k) => {
        const v = k >= 2 && k < 5 ? 170 : 100;
        return { l: s === 'left' || s === 'both' ? v : 100, r: s === 'right' || s === 'both' ? v : 100, ...extra(i, k) };
      }),
    );

  it('counts touches that alternate, and takes a second touch on the same side in a row as no rep', () => {
    const { c } = drive(spec, touches(['left', 'right', 'right', 'left']));
    expect([c.reps(), c.reps('left'), c.reps('right')]).toEqual([3, 2, 1]);
  });

  it('after a pause of ALTERNATE_RESET_MS either side may start again', () => {
    const pause = Array.from({ length: ALTERNATE_RESET_MS / 100 }, () => ({ l: 100, r: 100 }));
    const { c } = drive(spec, [...touches(['left']), ...pause, ...touches(['left'])]);
    expect(c.reps('left')).toBe(2);
  });

  it('both knees at the top within SAME_TOUCH_MS are one touch seen twice', () => {
    const { c } = drive(spec, touches(['both']));
    expect(c.reps()).toBe(1);
  });

  describe("with the exercise's witness", () => {
    /** The witness says what the frame's input says (a side, or nothing seen yet: wait). */
    const witnessed = alternating({
      reps: UP,
      sideMetric,
      witness: (f) => {
        const s = input(f.b).seen;
        return s ? { side: s } : 'wait';
      },
    });

    it('a top waits for its witness and is counted on the frame it comes, on the side the witness names', () => {
      // Left-labelled tops (held from 200 ms, offered once held minTopMs): the first witnessed on its last top frame as
      // right, the second at once as left.
      const { c, events } = drive(
        witnessed,
        touches(['left', 'left'], 10, (i, k) => ({ seen: i === 0 ? (k === 4 ? 'right' : null) : 'left' })),
      );
      expect(counted(events)).toEqual([
        { t: 400, side: 'right', index: 1 },
        { t: 1300, side: 'left', index: 2 },
      ]);
      expect([c.reps('left'), c.reps('right')]).toEqual([1, 1]);
    });

    it('a top never witnessed is refused: no rep, and a refused rep event for the rep checks', () => {
      const { c, events } = drive(
        witnessed,
        touches(['left', 'right'], 10, () => ({ seen: null })),
      );
      expect(c.reps()).toBe(0);
      const refused = events.flatMap((e) => (e.type === 'rep' && e.rep.kind === 'refused' ? [{ t: e.t, side: e.rep.side }] : []));
      expect(refused).toEqual([
        { t: 500, side: 'left' },
        { t: 1500, side: 'right' },
      ]);
      // A refused top is no rep-end either.
      expect(events.some((e) => e.type === 'rep' && e.rep.kind === 'rep-end')).toBe(false);
    });

    it('the witness owns the alternation: the same side twice is counted when it says so', () => {
      const { c } = drive(
        witnessed,
        touches(['left', 'right'], 10, () => ({ seen: 'left' })),
      );
      expect(c.reps('left')).toBe(2);
    });
  });
});

describe('hold', () => {
  it('times the position only with good form, and is judged only in position', () => {
    const spec = hold({ hold: HOLD, inPosition: (b) => input(b).ok !== false });
    const frames: In[] = [...Array(20).fill({}), ...Array(10).fill({ formOk: false }), ...Array(10).fill({ ok: false })];
    const { c, events } = drive(spec, frames);
    expect(c.heldMs()).toBe(1900);
    expect(events.map((e) => e.type)).toEqual(['hold-start', 'hold-tick', 'hold-end']);
    expect(c.shape).toEqual({ mode: 'hold', sides: false, holdsToo: false });
    expect(c.inPosition(Object.assign(createBody(), { input: { ok: false } }) as Body, CTX)).toBe(false);
  });

  it('a running hold carries on through a camera cut for CUT_SETTLE_MS', () => {
    const spec = hold({ hold: HOLD, inPosition: (b) => input(b).ok !== false });
    const n = CUT_SETTLE_MS / 100;
    const frames: In[] = [...Array(10).fill({}), { ok: false, cut: true }, ...Array(n + 5).fill({ ok: false })];
    const { c } = drive(spec, frames);
    expect(c.heldMs()).toBe(900 + CUT_SETTLE_MS);
    expect(c.holding).toBe(false);
  });
});

describe('hold per side', () => {
  it('times each side apart', () => {
    const spec = holdPerSide({ hold: HOLD, heldSide: (b) => input(b).side ?? null });
    const { c } = drive(spec, [...Array(10).fill({ side: 'left' }), ...Array(10).fill({ side: 'right' })]);
    expect([c.heldMs('left'), c.heldMs('right')]).toEqual([900, 900]);
    expect(c.shape.sides).toBe(true);
  });
});

describe('reps then hold', () => {
  it('counts the reps and times the good-form hold at each top', () => {
    const top = (n: number) => [...Array(3).fill(100), ...Array(n).fill(170), ...Array(3).fill(100)];
    const { c } = drive(
      repsThenHold({ reps: UP, hold: HOLD }),
      [...top(10), ...top(10)].map((v) => ({ v })),
    );
    expect(c.reps()).toBe(2);
    expect(c.heldMs()).toBe(2 * 900);
    expect(c.shape).toEqual({ mode: 'reps', sides: false, holdsToo: true });
  });
});
