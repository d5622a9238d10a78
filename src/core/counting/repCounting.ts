// What the rep strategies share (reps.ts, repsPerSide.ts, alternating.ts, repsThenHold.ts): their rep counters
// (one, or one per side), the frames kept while set-up clears, and the offer of each top. A strategy says which
// metric each counter reads and what it makes of each top: count it (on which side), refuse it, or wait for its
// exercise's witness while the top lasts; the exercise may refuse a top too (its isRep hook).
import type { Body, Side } from '../geometry';
import { forFamily, type ModelFamily, type PerFamily } from '../pose';
import type { CheckContext, Memory } from '../ruleContext';
import { RepCounter } from './repCounter';
import type { CounterEvent, CounterShape, CountEvent, CountFrame, Counting, RepPhase, RepThresholds } from './types';

/** What every rep strategy is built from. */
export interface RepOptions {
  /** The counter's thresholds, per keypoint space. */
  readonly reps: PerFamily<RepThresholds>;
  /**
   * The exercise's word on a top its counter reached (false: not a rep, no cue): a row's top has the hand pulled
   * back toward the hip. A side whose top was refused so is not doing reps: its rep ends and partials are not
   * judged until it counts one.
   */
  readonly isRep?: ((b: Body, side: Side | undefined) => boolean) | undefined;
}

type Top = Extract<CounterEvent, { type: 'top' }>;

/**
 * A strategy's answer to a top: count it, on this side; refuse it (silently: not a rep); or wait. A top waited on is
 * offered again on every frame while its counter stays at the top; one never counted before the counter leaves the
 * top is refused, and reported to the rep checks as a `refused` rep event (the exercise's witness never came).
 */
export type TopVerdict = { readonly side: Side | undefined } | 'refuse' | 'wait';
const PHASE_ORDER = { unknown: 0, rest: 1, moving: 2, top: 3 } as const;

export abstract class RepCounting<M extends Memory = Memory> implements Counting<M> {
  abstract readonly shape: CounterShape;
  busy = false;
  startedShort = false;
  protected readonly counters: RepCounter[] = [];
  private space: ModelFamily | null = null;
  /**
   * Counter inputs of the frames since set-up became clear, not yet confirmed (SETUP_CLEAR_MS). Replayed into the
   * counters when counting starts, so a rep begun inside that window, from a rest the counter saw, is not lost
   * (14: the first curl peaks 0.1 s after counting starts). A body first seen at the top stays 'unknown' in the
   * counter and is still not a rep.
   */
  private readonly preroll: { t: number; v: (number | null)[] }[] = [];
  /** This frame's counter inputs (reused every frame). */
  private readonly input: (number | null)[] = [];
  private readonly raw: CounterEvent[] = [];
  protected total = 0;
  protected readonly perSide = { left: 0, right: 0 };
  /** Per side: the last top was refused by the exercise (RepOptions.isRep). */
  private readonly idle = { left: false, right: false };
  /** Per counter: the top being waited on (TopVerdict 'wait'), else null. */
  private readonly waiting: (Top | null)[] = [];

  constructor(
    protected readonly o: RepOptions,
    private readonly sides: readonly (Side | undefined)[],
  ) {}

  /** Fills `out` with this frame's input to each counter; false when the counters skip the frame. */
  protected abstract read(f: CountFrame<M>, out: (number | null)[]): boolean;

  /** The strategy's own rule on a top (before the exercise's isRep): count it on its own side by default. */
  protected judge(top: Top, _f: CountFrame<M>): TopVerdict {
    return { side: top.side };
  }

  /** Counts a taken top. */
  protected count(side: Side | undefined, _t: number): void {
    this.total++;
    if (side) this.perSide[side]++;
  }

  /** Runs after the rep counters stepped on a frame, before their events are offered (a hold at the top). */
  protected afterReps(_f: CountFrame<M>, _raw: CounterEvent[]): void {}

  useSpace(space: ModelFamily): void {
    if (this.space === space) return;
    this.space = space;
    const th = forFamily(this.o.reps, space);
    if (this.counters.length === 0) for (const side of this.sides) this.counters.push(new RepCounter(th, side));
    else for (const rc of this.counters) rc.th = th;
  }

  inPosition(_b: Body, _ctx: CheckContext<M>): boolean {
    return true;
  }

  step(f: CountFrame<M>, out: CountEvent[]): void {
    const raw = this.raw,
      input = this.input;
    raw.length = 0;
    input.length = 0;
    const has = this.read(f, input);
    if (f.active) {
      for (const p of this.preroll) this.stepCounters(p.t, p.v, raw);
      this.preroll.length = 0;
      if (has) this.stepCounters(f.t, input, raw);
    } else if (f.setupClear && has) {
      this.preroll.push({ t: f.t, v: input.slice() });
    } else {
      this.preroll.length = 0;
    }
    this.afterReps(f, raw);
    // Something is being counted: a hold running, a rep under way (a counter out of rest) or reached now.
    let busy = this.holding || raw.some((e) => e.type === 'top');
    for (const rc of this.counters)
      if (rc.phase === 'moving' || rc.phase === 'top') {
        busy = true;
        this.startedShort = true;
      }
    this.busy = busy;
    // A top waited on since an earlier frame is offered again while its counter is still at the top.
    this.counters.forEach((rc, i) => {
      const top = this.waiting[i];
      if (top && rc.phase === 'top') this.take(top, i, f, out);
    });
    for (const e of raw) {
      switch (e.type) {
        case 'top':
          this.take(e, this.counterOf(e.side), f, out);
          break;
        case 'rep-end': {
          const i = this.counterOf(e.side),
            top = this.waiting[i];
          if (top) {
            // Left the top without ever being counted: refused for want of the witness.
            this.waiting[i] = null;
            out.push({
              type: 'rep',
              rep: {
                kind: 'refused',
                side: e.side,
                durationMs: top.durationMs,
                topMs: e.topMs,
                cycleMs: e.cycleMs,
                peak: top.peak,
                index: this.total,
              },
            });
            break;
          }
          if (e.side && this.idle[e.side]) break;
          out.push({
            type: 'rep',
            rep: { kind: 'rep-end', side: e.side, durationMs: e.downMs, topMs: e.topMs, cycleMs: e.cycleMs, peak: 0, index: this.total },
          });
          break;
        }
        case 'partial':
          if (e.side && this.idle[e.side]) break;
          out.push({
            type: 'rep',
            rep: { kind: 'partial', side: e.side, durationMs: 0, topMs: 0, cycleMs: 0, peak: e.peak, index: this.total },
          });
          break;
        default:
          out.push(e);
      }
    }
  }

  /** Which counter a side's events come from (the only one without sides). */
  private counterOf(side: Side | undefined): number {
    const i = this.counters.findIndex((rc) => rc.side === side);
    return i < 0 ? 0 : i;
  }

  /** A top is offered: counted (a rep event out), refused, or waited on. */
  private take(top: Top, i: number, f: CountFrame<M>, out: CountEvent[]): void {
    const v = this.offer(top, f);
    this.waiting[i] = v === 'wait' ? top : null;
    if (v === 'wait' || v === 'refuse') return;
    this.count(v.side, f.t);
    this.startedShort = false;
    out.push({
      type: 'rep',
      rep: { kind: 'rep', side: v.side, durationMs: top.durationMs, topMs: 0, cycleMs: 0, peak: top.peak, index: this.total },
    });
  }

  /** The strategy's rule, then the exercise's. */
  private offer(top: Top, f: CountFrame<M>): TopVerdict {
    const v = this.judge(top, f);
    if (v === 'wait' || v === 'refuse') return v;
    const side = top.side;
    if (this.o.isRep && !this.o.isRep(f.b, side)) {
      if (side) this.idle[side] = true;
      return 'refuse';
    }
    if (side) this.idle[side] = false;
    return v;
  }

  private stepCounters(t: number, v: readonly (number | null)[], out: CounterEvent[]): void {
    this.counters.forEach((rc, i) => rc.step(v[i] ?? null, t, out));
  }

  end(_out: CountEvent[]): void {}

  get phase(): RepPhase {
    let phase: RepPhase = 'unknown';
    for (const rc of this.counters) if (PHASE_ORDER[rc.phase] > PHASE_ORDER[phase]) phase = rc.phase;
    return phase;
  }

  get holding(): boolean {
    return false;
  }
  get holdSide(): Side | null {
    return null;
  }
  reps(side?: Side): number {
    return side ? this.perSide[side] : this.total;
  }
  heldMs(_side?: Side): number {
    return 0;
  }
}

/** The per-side rep strategies' input: each side's own metric, on frames with a person. */
export function readSides(
  f: CountFrame,
  counters: readonly RepCounter[],
  sideMetric: (b: Body, side: Side) => number | null,
  out: (number | null)[],
): boolean {
  if (f.points < 4) return false;
  for (const rc of counters) {
    const v = sideMetric(f.b, rc.side as Side);
    out.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
  }
  return true;
}
