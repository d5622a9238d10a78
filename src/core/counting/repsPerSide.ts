// Reps counted per arm (a row): each side's own metric and counter, a target per side. Both arms reaching the top
// together (a two-arm row or press) are one rep in the total, one on each side.
import type { Body, Side } from '../geometry';
import type { Memory } from '../ruleContext';
import { RepCounting, readSides, type RepOptions } from './repCounting';
import type { CounterShape, CountFrame, CountingSpec } from './types';

/** Two per-side reps this close together are one two-arm rep (ms). */
export const BOTH_ARMS_MS = 500;

export interface RepsPerSideOptions extends RepOptions {
  /** The metric of one side (null when unknown). */
  readonly sideMetric: (b: Body, side: Side) => number | null;
}

const SHAPE: CounterShape = { mode: 'reps', sides: true, holdsToo: false };

export function repsPerSide<M extends Memory = Memory>(o: RepsPerSideOptions): CountingSpec<M> {
  return { kind: 'reps-per-side', shape: SHAPE, reps: o.reps, sideMetric: o.sideMetric, create: () => new RepsPerSide<M>(o) };
}

class RepsPerSide<M extends Memory> extends RepCounting<M> {
  readonly shape = SHAPE;
  private readonly lastRepT = { left: -Infinity, right: -Infinity };
  constructor(private readonly opts: RepsPerSideOptions) {
    super(opts, ['left', 'right']);
  }

  protected read(f: CountFrame<M>, out: (number | null)[]): boolean {
    return readSides(f, this.counters, this.opts.sideMetric, out);
  }

  protected override count(side: Side | undefined, t: number): void {
    const other = side === 'left' ? this.lastRepT.right : side === 'right' ? this.lastRepT.left : -Infinity;
    if (side) {
      this.lastRepT[side] = t;
      this.perSide[side]++;
    }
    if (!(t - other <= BOTH_ARMS_MS)) this.total++;
  }
}
