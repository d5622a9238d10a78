// A hold: seconds held in the exercise's position with good form (a plank). The position is also the attempt the
// rules judge: out of it, nothing is judged.
import type { Body } from '../geometry';
import type { CheckContext, Memory } from '../ruleContext';
import { HoldCounting } from './holdCounting';
import type { CounterShape, CountFrame, CountingSpec, HoldThresholds } from './types';

export interface HoldOptions<M extends Memory> {
  readonly hold: HoldThresholds;
  /** In the exercise's position on this frame (the rules judge it, and the hold may run). */
  readonly inPosition: (b: Body, ctx: CheckContext<M>) => boolean;
}

const SHAPE: CounterShape = { mode: 'hold', sides: false, holdsToo: false };

export function hold<M extends Memory = Memory>(o: HoldOptions<M>): CountingSpec<M> {
  return { kind: 'hold', shape: SHAPE, hold: o.hold, create: () => new Hold<M>(o) };
}

class Hold<M extends Memory> extends HoldCounting<M> {
  readonly shape = SHAPE;
  constructor(private readonly o: HoldOptions<M>) {
    super(o.hold);
  }
  override inPosition(b: Body, ctx: CheckContext<M>): boolean {
    return this.o.inPosition(b, ctx);
  }
  protected held(f: CountFrame<M>): boolean {
    return f.inPos;
  }
}
