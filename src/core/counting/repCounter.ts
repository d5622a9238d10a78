// A rep counter as a hysteresis state machine (the shape of ML Kit's RepetitionCounter: named enter/exit
// thresholds, a state, events out). It never counts on its own, formats strings or makes sounds: the counting
// strategy that owns it decides whether a top is a rep.
import type { Side } from '../geometry';
import type { CounterEvent, RepPhase, RepThresholds } from './types';

/**
 * A partial rep is a deliberate attempt: it must start from a rest held at least this long and stay
 * out of rest at least this long (ms). A metric bouncing back over `exit` for a frame or two right
 * after a rep (wrists flickering at 15 fps, fixture 23 at 6.7 s) is not a second, partial rep.
 */
export const PARTIAL_SETTLED_MS = 250;

/** Before rest has been seen, a metric within this share of the rest–top band from rest is taken as rest. */
export const INIT_REST_SHARE = 0.2;

/**
 * Follows one metric through rest → moving → top and back. Starts in 'unknown': a body first seen at the top is
 * not doing a rep. A top reached and held is offered (a 'top' event): the strategy counts it or refuses it.
 */
export class RepCounter {
  phase: RepPhase = 'unknown';
  private leftRestAt = 0;
  private restSince = 0;
  private settled = false;
  private topSince = -1;
  /** This top was offered already (once per top). */
  private offered = false;
  private leftTopAt = -1;
  private peak = -Infinity;
  private lastKnownT = -Infinity;
  /** The last known metric, flipped to 'up' units. */
  private lastX = -Infinity;
  /** Furthest from the top seen since the last rest began (flipped metric units), for backFromPeak. */
  private restLow = Infinity;
  /** Mutable only so a model switched mid-set (another keypoint space) takes its thresholds (Counting.useSpace). */
  constructor(public th: RepThresholds, readonly side?: Side) {}

  /** v = metric this frame (null = unknown: the state holds). Pushes events into out. */
  step(v: number | null, t: number, out: CounterEvent[]): void {
    if (v === null || !Number.isFinite(v)) {
      if (this.th.topHeldWhileUnseen && this.phase === 'top' && !this.offered && this.lastX >= (this.th.direction === 'up' ? 1 : -1) * this.th.enter && t - this.topSince >= this.th.minTopMs) {
        this.offered = true;
        out.push({ type: 'top', side: this.side, durationMs: Math.max(0, this.topSince - this.leftRestAt), peak: (this.th.direction === 'up' ? 1 : -1) * this.peak });
      }
      const u = this.th.unknownIsRestMs;
      if (u !== undefined && this.phase !== 'rest' && t - this.lastKnownT >= u) { this.toRest(t); this.leftTopAt = -1; }
      else if (u !== undefined && this.phase === 'rest') this.leftRestAt = t;
      return;
    }
    this.lastKnownT = t;
    const { direction, enter, exit, partialMin, minTopMs } = this.th;
    const s = direction === 'up' ? 1 : -1;
    const x = s * v, en = s * enter, ex = s * exit;
    this.lastX = x;
    switch (this.phase) {
      case 'unknown':
        // First seen near the top: with backFromPeak, coming back that far from the best value also
        // shows where rest is (the rest end may never pass `exit` in this view).
        if (x > this.peak) this.peak = x;
        // Near the rest end counts as rest: a clip (or a camera) that starts as the first rep leaves the
        // rest position is not at the top (c15 opens at 147° with the row's rest at ≥ 150°).
        if (x <= ex + INIT_REST_SHARE * (en - ex) || (this.th.backFromPeak !== undefined && x <= this.peak - this.th.backFromPeak)) { this.toRest(t); return; }
        // ... and a body seen travelling that far into the top is doing a rep, not found there.
        if (this.th.backFromPeak !== undefined) {
          if (x < this.restLow) { this.restLow = x; this.leftRestAt = t; }
          if (this.reached(x, en)) { this.phase = 'top'; this.topSince = t; this.offered = false; this.settled = false; }
        }
        return;
      case 'rest':
        if (x < this.restLow) this.restLow = x;
        if (x > ex) { this.phase = 'moving'; this.peak = x; this.settled = this.leftRestAt - this.restSince >= PARTIAL_SETTLED_MS; } else { this.leftRestAt = t; }
        if (this.reached(x, en)) { this.phase = 'top'; this.topSince = t; this.offered = false; this.peak = x; }
        return;
      case 'moving':
        if (x > this.peak) this.peak = x;
        // With backFromPeak the top is judged from the lowest point since rest: a higher value before
        // that low belongs to an excursion that already came back, not to this top (Lightning on 14 at
        // 0.87 s: 41° then down to 22°, so the top reached at 1.47 s ended on its first 29° frame).
        if (x < this.restLow) { this.restLow = x; if (this.th.backFromPeak !== undefined) this.peak = x; }
        if (this.reached(x, en)) { this.phase = 'top'; this.topSince = t; this.offered = false; }
        else if (x <= ex) {
          if (partialMin !== undefined && this.peak >= s * partialMin && this.settled && t - this.leftRestAt >= PARTIAL_SETTLED_MS) {
            out.push({ type: 'partial', side: this.side, peak: s * this.peak });
          }
          this.toRest(t);
        }
        return;
      case 'top':
        if (x > this.peak) this.peak = x;
        // Counted only on a frame that is still at the top: a one-frame spike past `enter` (a hip
        // point lost for a frame moves the hip midpoint, 14 at 2.73 s) is not held and never counts.
        if (!this.offered && x >= en && t - this.topSince >= minTopMs) {
          this.offered = true;
          out.push({ type: 'top', side: this.side, durationMs: Math.max(0, this.topSince - this.leftRestAt), peak: s * this.peak });
        }
        if (x >= en) { this.leftTopAt = -1; if (this.th.backFromPeak === undefined || x > this.peak - this.th.backFromPeak) return; }
        if (this.leftTopAt < 0) this.leftTopAt = t;
        if (x <= ex || (this.th.backFromPeak !== undefined && x <= this.peak - this.th.backFromPeak)) {
          if (this.offered) out.push({ type: 'rep-end', side: this.side, downMs: t - this.leftTopAt, topMs: this.leftTopAt - this.topSince, cycleMs: t - this.leftRestAt });
          else if (partialMin !== undefined && this.settled) out.push({ type: 'partial', side: this.side, peak: s * this.peak });
          this.toRest(t);
          this.leftTopAt = -1;
        }
        return;
    }
  }

  /** The top is reached at `enter`, and with backFromPeak only after coming that far back in again. */
  private reached(x: number, en: number): boolean {
    const k = this.th.backFromPeak, r = this.th.minRange;
    return x >= en && (k === undefined || x >= this.restLow + k) && (r === undefined || x >= this.restLow + r);
  }

  private toRest(t: number): void {
    this.restLow = Infinity;
    this.phase = 'rest';
    this.leftRestAt = t;
    this.restSince = t;
  }
}
