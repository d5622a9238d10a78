// Reps that alternate sides (a bicycle: each elbow to the opposite knee in turn). Each side has its own metric and
// counter. A top is a touch only once the exercise's witness says so (its `witness` hook: the bicycle's elbow met the
// knee, or its trunk turned), and the witness names the touch's side; a side seen twice in a row is one touch.
import type { Body, Side } from '../geometry';
import type { Memory } from '../ruleContext';
import { RepCounting, readSides, type RepOptions, type TopVerdict } from './repCounting';
import type { CounterEvent, CounterShape, CountFrame, CountingSpec } from './types';

/**
 * After this long without a rep (ms) the next may be on either side. The slow bicycle demos (09, b09) touch every
 * ≈1.3–2 s, so twice the slowest is a pause, not a missed side.
 */
export const ALTERNATE_RESET_MS = 4000;
/**
 * Two touches closer than this (ms) on either side are one touch seen twice. The fastest catalogued pace is
 * ≈1.2 s a side (c18); 09 and b09 ≈1.3–2 s.
 */
export const SAME_TOUCH_MS = 500;

/** The last touch counted, as the witness sees it: its side (null before any) and time (-Infinity before any). */
export interface LastTouch {
  readonly side: Side | null;
  readonly t: number;
}

/**
 * The exercise's witness of a touch, asked on the frame a side's top is reached and on every frame after while that
 * side stays at the top: count it, on the side the witness names (which may not be the label of the side whose top
 * it is); 'wait' while nothing witnesses it yet; or 'refuse' (not a touch, silently). A top still waited on when it
 * is left is refused for want of the witness (a `refused` rep event). The witness also owns the alternation: the
 * strategy does not refuse a witnessed touch for being on the last one's side.
 */
export type TouchWitness<M extends Memory = Memory> = (
  f: CountFrame<M>,
  top: { readonly side?: Side | undefined },
  last: LastTouch,
) => TopVerdict;

export interface AlternatingOptions<M extends Memory = Memory> extends RepOptions {
  /** The metric of one side (null when unknown). */
  readonly sideMetric: (b: Body, side: Side) => number | null;
  /** The exercise's witness of a touch and its side; without one a top is a touch on its own side. */
  readonly witness?: TouchWitness<M> | undefined;
}

const SHAPE: CounterShape = { mode: 'reps', sides: true, holdsToo: false };

export function alternating<M extends Memory = Memory>(o: AlternatingOptions<M>): CountingSpec<M> {
  return { kind: 'alternating', shape: SHAPE, reps: o.reps, sideMetric: o.sideMetric, create: () => new Alternating<M>(o) };
}

class Alternating<M extends Memory> extends RepCounting<M> {
  readonly shape = SHAPE;
  /** The last counted touch. */
  private last: LastTouch = { side: null, t: -Infinity };
  constructor(private readonly opts: AlternatingOptions<M>) {
    super(opts, ['left', 'right']);
  }

  protected read(f: CountFrame<M>, out: (number | null)[]): boolean {
    return readSides(f, this.counters, this.opts.sideMetric, out);
  }

  protected override judge(top: Extract<CounterEvent, { type: 'top' }>, f: CountFrame<M>): TopVerdict {
    const t = f.t;
    const v = this.opts.witness ? this.opts.witness(f, top, this.last) : { side: top.side };
    if (v === 'wait' || v === 'refuse') return v;
    const side = v.side,
      lastAny = this.last.t;
    // Without a witness, a second top on the same side in a row is not a rep, unless the set paused in between (then
    // either side may start again). A witness decides that itself (a trunk seen turning toward the same side again
    // went the other way in between, whatever was counted there).
    if (!this.opts.witness && side && this.last.side === side && t - lastAny < ALTERNATE_RESET_MS) return 'refuse';
    // Nobody touches both sides within SAME_TOUCH_MS: the other side counted just now is this touch seen twice
    // (both knees drawn onto one spot: c18 at 3.0–3.2 s).
    if (side && this.last.side !== null && this.last.side !== side && t - lastAny < SAME_TOUCH_MS) return 'refuse';
    return v;
  }

  protected override count(side: Side | undefined, t: number): void {
    super.count(side, t);
    if (side) this.last = { side, t };
  }
}
