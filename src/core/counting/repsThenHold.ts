// Reps, each held at the top (a ball crunch: curl up, hold, lower): the reps are counted, and the time held at the
// top with good form is timed.
import type { Side } from '../geometry';
import type { Memory } from '../ruleContext';
import { HoldCounter, stepHold } from './holdCounter';
import { RepCounting, type RepOptions } from './repCounting';
import type { CounterEvent, CounterShape, CountEvent, CountFrame, CountingSpec, HoldThresholds } from './types';

export interface RepsThenHoldOptions extends RepOptions {
  readonly hold: HoldThresholds;
}

const SHAPE: CounterShape = { mode: 'reps', sides: false, holdsToo: true };

export function repsThenHold<M extends Memory = Memory>(o: RepsThenHoldOptions): CountingSpec<M> {
  return { kind: 'reps+hold', shape: SHAPE, reps: o.reps, hold: o.hold, create: () => new RepsThenHold<M>(o) };
}

class RepsThenHold<M extends Memory> extends RepCounting<M> {
  readonly shape = SHAPE;
  private readonly timer: HoldCounter;
  constructor(o: RepsThenHoldOptions) {
    super(o, [undefined]);
    this.timer = new HoldCounter(o.hold);
  }

  protected read(f: CountFrame<M>, out: (number | null)[]): boolean {
    out.push(f.metric);
    return true;
  }

  protected override afterReps(f: CountFrame<M>, raw: CounterEvent[]): void {
    stepHold(this.timer, f.active && f.formOk && this.counters[0]?.phase === 'top', undefined, f, raw);
  }

  override end(out: CountEvent[]): void {
    this.timer.end(out);
  }
  override get holding(): boolean {
    return this.timer.holding;
  }
  override get holdSide(): Side | null {
    return this.timer.holding && this.timer.side ? this.timer.side : null;
  }
  override heldMs(side?: Side): number {
    return side ? this.timer.sideMs[side] : this.timer.totalMs;
  }
}
