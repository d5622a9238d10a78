// Reps that alternate sides (a bicycle: each elbow to the opposite knee in turn). Each side has its own metric and
// counter; a top is taken only on the side whose turn it is, so a side seen twice in a row is one touch.
import type { Body, Side } from '../geometry';
import type { Memory } from '../ruleContext';
import { RepCounting, readSides, type RepOptions } from './repCounting';
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

export interface AlternatingOptions extends RepOptions {
  /** The metric of one side (null when unknown). */
  readonly sideMetric: (b: Body, side: Side) => number | null;
  /**
   * The exercise's own witness of a change of side, besides the side labels: a reading taken at each touch, and how
   * far it changes between touches on opposite sides. A touch whose reading moved that far since the last one is on
   * the other side, whatever its label says (the bicycle's trunk turn: in silhouette the model swaps the knees).
   */
  readonly switchWitness?: { readonly read: (b: Body) => number | null; readonly change: number } | undefined;
}

const SHAPE: CounterShape = { mode: 'reps', sides: true, holdsToo: false };

export function alternating<M extends Memory = Memory>(o: AlternatingOptions): CountingSpec<M> {
  return { kind: 'alternating', shape: SHAPE, reps: o.reps, sideMetric: o.sideMetric, create: () => new Alternating<M>(o) };
}

class Alternating<M extends Memory> extends RepCounting<M> {
  readonly shape = SHAPE;
  private readonly lastRepT = { left: -Infinity, right: -Infinity };
  /** Side of the last counted touch. */
  private lastSide: Side | null = null;
  /** The witness's reading at the last touch taken, NaN when unknown. */
  private lastWitness = NaN;
  constructor(private readonly opts: AlternatingOptions) { super(opts, ['left', 'right']); }

  protected read(f: CountFrame<M>, out: (number | null)[]): boolean {
    return readSides(f, this.counters, this.opts.sideMetric, out);
  }

  protected override takes(top: Extract<CounterEvent, { type: 'top' }>, f: CountFrame<M>): boolean {
    const side = top.side, t = f.t;
    const lastAny = Math.max(this.lastRepT.left, this.lastRepT.right);
    const w = this.opts.switchWitness;
    const reading = w ? w.read(f.b) : null;
    const switched = w !== undefined && reading !== null && Number.isFinite(this.lastWitness) && Math.abs(reading - this.lastWitness) >= w.change;
    // A second touch on the same side in a row is not a rep, unless the set paused in between (then either side may
    // start again), or a camera cut came since (left and right are not trusted across a change of view), or the
    // witness says the side switched.
    if (side && this.lastSide === side && t - lastAny < ALTERNATE_RESET_MS && !(f.cutT > lastAny) && !switched) return false;
    // Nobody touches both sides within SAME_TOUCH_MS: the other knee counted just now is this touch seen twice
    // (both knees drawn onto one spot: c18 at 3.0–3.2 s).
    if (side && this.lastSide !== null && this.lastSide !== side && t - lastAny < SAME_TOUCH_MS) return false;
    this.lastWitness = reading ?? NaN;
    return true;
  }

  protected override count(side: Side | undefined, t: number): void {
    super.count(side, t);
    if (side) { this.lastSide = side; this.lastRepT[side] = t; }
  }
}
