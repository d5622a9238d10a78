// A hold per side (a stretch to the left, then to the right): seconds held on each side, a target per side.
import type { Body, Side } from '../geometry';
import type { CheckContext, Memory } from '../ruleContext';
import { HoldCounting } from './holdCounting';
import type { CounterShape, CountFrame, CountingSpec, HoldThresholds } from './types';

export interface HoldPerSideOptions<M extends Memory> {
  readonly hold: HoldThresholds;
  /** The side being held on this frame, or null when the position is not held. */
  readonly heldSide: (b: Body, ctx: CheckContext<M>) => Side | null;
}

const SHAPE: CounterShape = { mode: 'hold', sides: true, holdsToo: false };

export function holdPerSide<M extends Memory = Memory>(o: HoldPerSideOptions<M>): CountingSpec<M> {
  return { kind: 'hold-per-side', shape: SHAPE, hold: o.hold, create: () => new HoldPerSide<M>(o) };
}

class HoldPerSide<M extends Memory> extends HoldCounting<M> {
  readonly shape = SHAPE;
  constructor(private readonly o: HoldPerSideOptions<M>) {
    super(o.hold);
  }
  protected held(f: CountFrame<M>): boolean {
    const hs = this.o.heldSide(f.b, f.ctx);
    this.side = hs ?? undefined;
    return hs !== null;
  }
}
