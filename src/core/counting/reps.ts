// Reps on one metric: every top the counter reaches and holds is a rep (unless the exercise says it is not).
import type { Memory } from '../ruleContext';
import { RepCounting, type RepOptions } from './repCounting';
import type { CounterShape, CountFrame, CountingSpec } from './types';

const SHAPE: CounterShape = { mode: 'reps', sides: false, holdsToo: false };

export function reps<M extends Memory = Memory>(o: RepOptions): CountingSpec<M> {
  return { kind: 'reps', shape: SHAPE, reps: o.reps, create: () => new Reps<M>(o) };
}

class Reps<M extends Memory> extends RepCounting<M> {
  readonly shape = SHAPE;
  constructor(o: RepOptions) {
    super(o, [undefined]);
  }
  protected read(f: CountFrame<M>, out: (number | null)[]): boolean {
    out.push(f.metric);
    return true;
  }
}
