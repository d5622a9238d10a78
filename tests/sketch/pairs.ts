// A sketch of a seventh counter kind, not shipped (only the arm-raise sketch uses it): reps made of a pair of tops, one
// on each side, in either order and close enough together (both arms raised at once, or one after the other, is one
// rep). It is a strategy like those in src/core/counting/: it owns its state, shows its shape, and the engine and the
// app read only that; shipping it would be moving this file there, nothing else.
import type { Body, Side } from '../../src/core/geometry';
import { forFamily, type ModelFamily, type PerFamily } from '../../src/core/pose';
import type { CheckContext, Memory } from '../../src/core/ruleContext';
import { RepCounter } from '../../src/core/counting/repCounter';
import type {
  CounterEvent,
  CounterShape,
  CountEvent,
  CountFrame,
  Counting,
  CountingSpec,
  RepPhase,
  RepThresholds,
} from '../../src/core/counting/types';

/** The second top of a pair must come within this long (ms) of the first, or the first is forgotten. */
export const PAIR_WITHIN_MS = 3000;

export interface PairsOptions {
  readonly reps: PerFamily<RepThresholds>;
  /** The metric of one side (null when unknown). */
  readonly sideMetric: (b: Body, side: Side) => number | null;
}

const SHAPE: CounterShape = { mode: 'reps', sides: false, holdsToo: false };
const SIDES: readonly Side[] = ['left', 'right'];
const ORDER = { unknown: 0, rest: 1, moving: 2, top: 3 } as const;

export function pairs<M extends Memory = Memory>(o: PairsOptions): CountingSpec<M> {
  return { kind: 'pairs', shape: SHAPE, reps: o.reps, sideMetric: o.sideMetric, create: () => new Pairs<M>(o) };
}

class Pairs<M extends Memory> implements Counting<M> {
  readonly shape = SHAPE;
  readonly holding = false;
  readonly holdSide = null;
  busy = false;
  startedShort = false;
  private readonly counters: RepCounter[] = [];
  private space: ModelFamily | null = null;
  private readonly raw: CounterEvent[] = [];
  /** When each side last reached its top in the pair under way (-Infinity: not yet). */
  private readonly topT = { left: -Infinity, right: -Infinity };
  private total = 0;

  constructor(private readonly o: PairsOptions) {}

  useSpace(space: ModelFamily): void {
    if (this.space === space) return;
    this.space = space;
    const th = forFamily(this.o.reps, space);
    if (this.counters.length === 0) for (const s of SIDES) this.counters.push(new RepCounter(th, s));
    else for (const rc of this.counters) rc.th = th;
  }

  inPosition(_b: Body, _ctx: CheckContext<M>): boolean {
    return true;
  }

  step(f: CountFrame<M>, out: CountEvent[]): void {
    const raw = this.raw;
    raw.length = 0;
    if (f.active && f.points >= 4) {
      for (const rc of this.counters) {
        const v = this.o.sideMetric(f.b, rc.side as Side);
        rc.step(typeof v === 'number' && Number.isFinite(v) ? v : null, f.t, raw);
      }
    }
    let busy = raw.some((e) => e.type === 'top');
    for (const rc of this.counters)
      if (rc.phase === 'moving' || rc.phase === 'top') {
        busy = true;
        this.startedShort = true;
      }
    this.busy = busy;
    for (const e of raw) {
      if (e.type !== 'top' || !e.side) continue;
      const other = e.side === 'left' ? 'right' : 'left';
      this.topT[e.side] = f.t;
      if (f.t - this.topT[other] > PAIR_WITHIN_MS) continue;
      this.total++;
      this.topT.left = this.topT.right = -Infinity;
      this.startedShort = false;
      out.push({
        type: 'rep',
        rep: { kind: 'rep', side: undefined, durationMs: e.durationMs, topMs: 0, cycleMs: 0, peak: e.peak, index: this.total },
      });
    }
  }

  end(): void {}

  get phase(): RepPhase {
    let p: RepPhase = 'unknown';
    for (const rc of this.counters) if (ORDER[rc.phase] > ORDER[p]) p = rc.phase;
    return p;
  }

  reps(side?: Side): number {
    return side ? 0 : this.total;
  }
  heldMs(): number {
    return 0;
  }
}
