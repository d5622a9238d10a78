// The hold timer: seconds held, paused (never reset) when the position or the form breaks; optional sides.
import type { Side } from '../geometry';
import type { CountFrame, CounterEvent, HoldThresholds } from './types';

type HoldEvent = Extract<CounterEvent, { type: 'hold-start' | 'hold-tick' | 'hold-end' }>;
/** Where a hold's events go (a strategy's list of counter events, or its output). */
export interface HoldSink {
  push(e: HoldEvent): unknown;
}

/** Seconds held, with pause (never reset) when the position or the form breaks; optional sides. */
export class HoldCounter {
  holding = false;
  side: Side | undefined = undefined;
  totalMs = 0;
  readonly sideMs = { left: 0, right: 0 };
  private candSince = -1;
  private candSide: Side | undefined = undefined;
  private candBreak = -1;
  private breakSince = -1;
  private segMs = 0;
  private lastT = -1;
  private lastTick = 0;
  /** Time of the frames in the current break where nobody was seen (ms): credited if the hold resumes (see step). */
  private unseenMs = 0;
  /** The current break has had only unseen frames so far. */
  private unseenOnly = true;
  constructor(readonly th: HoldThresholds) {}

  private credit(ms: number): void {
    this.totalMs += ms;
    this.segMs += ms;
    if (this.side) this.sideMs[this.side] += ms;
  }

  /**
   * One frame: `ok` when the position is held with good form. `unseen`: the model found nobody on this frame, so
   * nothing can be said of it. A run of such frames inside a hold, with the hold going on at once after it (within
   * exitMs, the same side, in position), is the hold going on: a model losing the person for a frame or two (a
   * darker room, a backlit window) cost the hold each of those frames. Any frame seen and not held in the break, or a
   * break that outlasts exitMs, and the unseen time is not credited: never time under a fault.
   */
  step(ok: boolean, side: Side | undefined, t: number, out: HoldSink, unseen = false): void {
    const dt = this.lastT < 0 ? 0 : Math.max(0, t - this.lastT);
    this.lastT = t;
    const gapOk = dt <= this.th.maxGapMs;
    if (this.holding) {
      const sameSide = side === this.side;
      if (ok && sameSide) {
        if (this.breakSince >= 0) {
          this.breakSince = -1;
          if (this.unseenOnly) this.credit(this.unseenMs);
        }
        if (gapOk) this.credit(dt);
      } else {
        if (this.breakSince < 0) {
          this.breakSince = t;
          this.unseenMs = 0;
          this.unseenOnly = true;
        }
        if (!unseen) this.unseenOnly = false;
        else if (gapOk) this.unseenMs += dt;
        if (t - this.breakSince >= this.th.exitMs || (!sameSide && ok)) this.end(out);
      }
    }
    if (!this.holding) {
      if (ok && (this.candSince < 0 || side !== this.candSide)) {
        this.candSince = t;
        this.candSide = side;
      }
      // A break shorter than exitMs does not restart the wait for the hold either (a point lost for a frame,
      // c09's flickering ankles), but a longer one does.
      if (ok) this.candBreak = -1;
      else if (this.candSince >= 0) {
        if (this.candBreak < 0) this.candBreak = t;
        if (t - this.candBreak >= this.th.exitMs) {
          this.candSince = -1;
          this.candBreak = -1;
        }
      }
      if (ok && this.candSince >= 0 && t - this.candSince >= this.th.enterMs) {
        this.holding = true;
        this.side = side;
        this.segMs = 0;
        this.breakSince = -1;
        out.push({ type: 'hold-start', side });
        this.credit(t - this.candSince);
        this.candSince = -1;
      }
    }
    const sec = Math.floor(this.totalMs / 1000);
    if (this.holding && sec > this.lastTick) {
      this.lastTick = sec;
      out.push({ type: 'hold-tick', side: this.side, sec });
    }
  }

  /** Ends a running hold now (form broke for good, the set ended, or the stream ended). */
  end(out: HoldSink): void {
    if (!this.holding) return;
    this.holding = false;
    out.push({ type: 'hold-end', side: this.side, sec: this.segMs / 1000 });
    this.side = undefined;
    this.breakSince = -1;
  }
}

/** After a camera cut a running hold is kept this long (ms) whatever the position reads (see stepHold). */
export const CUT_SETTLE_MS = 1200;

/**
 * One frame of a strategy's hold: `ok` when the position holds with good form. A camera cut changes the view, not
 * the person: a running hold carries on through the cut and the cross-fade after it (c04's dissolves read as a 20°
 * jump of the chest, then a settling). Not when the new view is one the exercise cannot be judged from (c14's
 * dissolve to head-on), and not while a fault stands or is being confirmed (15: its feet sliding 0.8 s after the cut
 * were credited 0.4 s of good-form hold).
 */
export function stepHold(h: HoldCounter, ok: boolean, side: Side | undefined, f: CountFrame, out: HoldSink): void {
  // Never under a fault: the cut carries the position through, not the form.
  if (!ok && f.formOk && h.holding && f.t - f.cutT < CUT_SETTLE_MS && f.active && f.points >= 4 && f.judgeableView(f.b)) {
    ok = true;
    side = h.side;
  }
  h.step(ok, side, f.t, out, f.points < 4);
}
