// What the hold strategies share (hold.ts, holdPerSide.ts): the hold timer, credited on the frames the strategy
// says are held with good form, and carried through a camera cut.
import type { Body, Side } from '../geometry';
import type { CheckContext, Memory } from '../ruleContext';
import { HoldCounter, stepHold } from './holdCounter';
import type { CounterShape, CountEvent, CountFrame, Counting, HoldThresholds, RepPhase } from './types';

export abstract class HoldCounting<M extends Memory = Memory> implements Counting<M> {
  abstract readonly shape: CounterShape;
  busy = false;
  readonly startedShort = false;
  readonly phase: RepPhase = 'unknown';
  protected readonly timer: HoldCounter;
  /** The side `held` found on this frame (per-side holds). */
  protected side: Side | undefined = undefined;

  constructor(th: HoldThresholds) {
    this.timer = new HoldCounter(th);
  }

  /** Whether the position is held on this frame (asked only while counting is on and the form is good); may set `side`. */
  protected abstract held(f: CountFrame<M>): boolean;

  useSpace(): void {}
  inPosition(_b: Body, _ctx: CheckContext<M>): boolean {
    return true;
  }

  step(f: CountFrame<M>, out: CountEvent[]): void {
    this.side = undefined;
    const ok = f.active && f.formOk ? this.held(f) : false;
    stepHold(this.timer, ok, this.side, f, out);
    this.busy = this.timer.holding;
  }

  end(out: CountEvent[]): void {
    this.timer.end(out);
  }

  get holding(): boolean {
    return this.timer.holding;
  }
  get holdSide(): Side | null {
    return this.timer.holding && this.timer.side ? this.timer.side : null;
  }
  reps(): number {
    return 0;
  }
  heldMs(side?: Side): number {
    return side ? this.timer.sideMs[side] : this.timer.totalMs;
  }
}
