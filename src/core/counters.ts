// Counters as hysteresis state machines (the shape of ML Kit's RepetitionCounter: named enter/exit
// thresholds, a state, events out). They never format strings or make sounds; the engine turns their
// events into EngineEvents and the UI turns those into words.

import type { Side } from './geometry';

export type CounterEvent =
  | { type: 'rep'; side?: Side | undefined; durationMs: number; peak: number }
  /**
   * The top was left again; downMs = time from leaving the top to being back at rest; cycleMs = the
   * whole excursion, from the last frame at rest to the first frame back at rest.
   */
  | { type: 'rep-end'; side?: Side | undefined; downMs: number; topMs: number; cycleMs: number }
  /** Left rest, moved at least `partialMin`, came back without reaching the top. */
  | { type: 'partial'; side?: Side | undefined; peak: number }
  | { type: 'hold-start'; side?: Side | undefined }
  | { type: 'hold-tick'; side?: Side | undefined; sec: number }
  | { type: 'hold-end'; side?: Side | undefined; sec: number };

export interface RepThresholds {
  /** 'up': the metric rises toward the top (e.g. elbow angle at lockout); 'down': it falls. */
  direction: 'up' | 'down';
  /** Metric at or beyond which the top is reached. */
  enter: number;
  /** Metric at or before which the body is back at rest (between exit and enter: moving). */
  exit: number;
  /** A trip from rest that reached at least this far but not `enter` is a partial rep. */
  partialMin?: number | undefined;
  /** The top must be held this long (ms) to count: jitter across `enter` never counts. */
  minTopMs: number;
  /**
   * When set: a metric unknown this long (ms) means the body is back at rest, silently (no partial,
   * no rep-end). Only for exercises where the model is known to lose the joints at the rest end and
   * the top alone is trusted (bench press: NOTES.md, the arms collapse at the bottom in every model).
   */
  unknownIsRestMs?: number | undefined;
  /**
   * When set: besides `exit`, the body is back at rest once the metric has come back this far from
   * the best value of the current top (metric units). For a signal whose rest end is foreshortened
   * by the view (a leg stretched toward the camera, fixture 09) the top is clear but the rest end is not.
   */
  backFromPeak?: number | undefined;
  /**
   * When set: the top counts only once the metric has moved at least this far (metric units) from the
   * rest value seen before it. A limb held part-bent that moves a little past `enter` (the supporting arm
   * of a one-arm row, c15 at 17–19 s: 146° → 129°) is not doing reps.
   */
  minRange?: number | undefined;
}

/**
 * A partial rep is a deliberate attempt: it must start from a rest held at least this long and stay
 * out of rest at least this long (ms). A metric bouncing back over `exit` for a frame or two right
 * after a rep (wrists flickering at 15 fps, fixture 23 at 6.7 s) is not a second, partial rep.
 */
export const PARTIAL_SETTLED_MS = 250;

/** Before rest has been seen, a metric within this share of the rest–top band from rest is taken as rest. */
export const INIT_REST_SHARE = 0.2;

export type RepPhase = 'unknown' | 'rest' | 'moving' | 'top';

/** Counts reps on one metric. Starts in 'unknown': a body first seen at the top is not a rep. */
export class RepCounter {
  phase: RepPhase = 'unknown';
  count = 0;
  private leftRestAt = 0;
  private restSince = 0;
  private settled = false;
  private topSince = -1;
  private counted = false;
  private leftTopAt = -1;
  private peak = -Infinity;
  private lastKnownT = -Infinity;
  /** Furthest from the top seen since the last rest began (flipped metric units), for backFromPeak. */
  private restLow = Infinity;
  constructor(readonly th: RepThresholds, readonly side?: Side) {}

  /** v = metric this frame (null = unknown: the state holds). Pushes events into out. */
  step(v: number | null, t: number, out: CounterEvent[]): void {
    if (v === null || !Number.isFinite(v)) {
      const u = this.th.unknownIsRestMs;
      if (u !== undefined && this.phase !== 'rest' && t - this.lastKnownT >= u) { this.toRest(t); this.leftTopAt = -1; }
      else if (u !== undefined && this.phase === 'rest') this.leftRestAt = t;
      return;
    }
    this.lastKnownT = t;
    const { direction, enter, exit, partialMin, minTopMs } = this.th;
    const s = direction === 'up' ? 1 : -1;
    const x = s * v, en = s * enter, ex = s * exit;
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
          if (this.reached(x, en)) { this.phase = 'top'; this.topSince = t; this.counted = false; this.settled = false; }
        }
        return;
      case 'rest':
        if (x < this.restLow) this.restLow = x;
        if (x > ex) { this.phase = 'moving'; this.peak = x; this.settled = this.leftRestAt - this.restSince >= PARTIAL_SETTLED_MS; } else { this.leftRestAt = t; }
        if (this.reached(x, en)) { this.phase = 'top'; this.topSince = t; this.counted = false; this.peak = x; }
        return;
      case 'moving':
        if (x > this.peak) this.peak = x;
        // With backFromPeak the top is judged from the lowest point since rest: a higher value before
        // that low belongs to an excursion that already came back, not to this top (Lightning on 14 at
        // 0.87 s: 41° then down to 22°, so the top reached at 1.47 s ended on its first 29° frame).
        if (x < this.restLow) { this.restLow = x; if (this.th.backFromPeak !== undefined) this.peak = x; }
        if (this.reached(x, en)) { this.phase = 'top'; this.topSince = t; this.counted = false; }
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
        if (!this.counted && x >= en && t - this.topSince >= minTopMs) {
          this.counted = true;
          this.count++;
          out.push({ type: 'rep', side: this.side, durationMs: Math.max(0, this.topSince - this.leftRestAt), peak: s * this.peak });
        }
        if (x >= en) { this.leftTopAt = -1; if (this.th.backFromPeak === undefined || x > this.peak - this.th.backFromPeak) return; }
        if (this.leftTopAt < 0) this.leftTopAt = t;
        if (x <= ex || (this.th.backFromPeak !== undefined && x <= this.peak - this.th.backFromPeak)) {
          if (this.counted) out.push({ type: 'rep-end', side: this.side, downMs: t - this.leftTopAt, topMs: this.leftTopAt - this.topSince, cycleMs: t - this.leftRestAt });
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

  /** Takes back the last counted rep (the engine's alternation rule rejected it). */
  uncount(): void {
    if (this.count > 0) this.count--;
  }

  /** Time spent at the top so far (ms), 0 when not there. */
  topMs(t: number): number {
    return this.phase === 'top' ? t - this.topSince : 0;
  }
}

export interface HoldThresholds {
  /** Position must be held this long before the hold starts (credited from its beginning). */
  enterMs: number;
  /** A break shorter than this does not end the hold (and its time is not credited). */
  exitMs: number;
  /** Frame gaps longer than this are not credited (the person or the camera went away). */
  maxGapMs: number;
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
  constructor(readonly th: HoldThresholds) {}

  private credit(ms: number): void {
    this.totalMs += ms;
    this.segMs += ms;
    if (this.side) this.sideMs[this.side] += ms;
  }

  step(ok: boolean, side: Side | undefined, t: number, out: CounterEvent[]): void {
    const dt = this.lastT < 0 ? 0 : Math.max(0, t - this.lastT);
    this.lastT = t;
    const gapOk = dt <= this.th.maxGapMs;
    if (this.holding) {
      const sameSide = side === this.side;
      if (ok && sameSide) {
        if (this.breakSince >= 0) this.breakSince = -1;
        if (gapOk) this.credit(dt);
      } else {
        if (this.breakSince < 0) this.breakSince = t;
        if (t - this.breakSince >= this.th.exitMs || !sameSide && ok) this.end(out);
      }
    }
    if (!this.holding) {
      if (ok && (this.candSince < 0 || side !== this.candSide)) { this.candSince = t; this.candSide = side; }
      // A break shorter than exitMs does not restart the wait for the hold either (a point lost for a frame,
      // c09's flickering ankles), but a longer one does.
      if (ok) this.candBreak = -1;
      else if (this.candSince >= 0) {
        if (this.candBreak < 0) this.candBreak = t;
        if (t - this.candBreak >= this.th.exitMs) { this.candSince = -1; this.candBreak = -1; }
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
  end(out: CounterEvent[]): void {
    if (!this.holding) return;
    this.holding = false;
    out.push({ type: 'hold-end', side: this.side, sec: this.segMs / 1000 });
    this.side = undefined;
    this.breakSince = -1;
  }
}
