// A rep counter as a hysteresis state machine (the shape of ML Kit's RepetitionCounter: named enter/exit
// thresholds, a state, events out). It never counts on its own, formats strings or makes sounds: the counting
// strategy that owns it decides whether a top is a rep. Every exercise's counter behaves the same way; an exercise
// gives only its thresholds.
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
 * Follows one metric through rest → moving → top and back, with hysteresis: the top is reached at `enter`, rest at
 * `exit`, and the band between them (|enter − exit|) is the hysteresis. Starts in 'unknown': a body first seen at the
 * top is not doing a rep. A top reached and held `minTopMs` is offered (a 'top' event): the strategy counts it or
 * refuses it.
 *
 * Where the rest is does not have to be fixed: the body is back at rest at `exit`, or once it has come back from the
 * top's best value by the whole band, and the next top needs a rise of the band again from the lowest point since.
 * A rest level that drifts (a curl measured above a remembered rest, a leg stretched toward the camera and
 * foreshortened) still ends each rep, and a rep is always a full swing of the band: a limb held part-bent that moves a
 * little past `enter` (a one-arm row's supporting arm, c15 at 17–19 s: 146° → 129°, band 22°) is not doing reps.
 *
 * Unknown frames (the metric not measured) hold the state: a joint lost at the bottom of a press does not end the
 * rep, and a top seen again is the same top. A top that was reached and then lost before `minTopMs` passed (a knee
 * drawn in behind the other leg at 15 fps, c18: seen on one frame, then unseen for 0.2–0.3 s) counts once it has
 * lasted `minTopMs` without being contradicted.
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
  /** The last known metric, flipped to 'up' units. */
  private lastX = -Infinity;
  /** Furthest from the top seen since the last rest began (flipped metric units). */
  private restLow = Infinity;
  /** Mutable only so a model switched mid-set (another keypoint space) takes its thresholds (Counting.useSpace). */
  constructor(
    public th: RepThresholds,
    readonly side?: Side,
  ) {}

  /** v = metric this frame (null = unknown: the state holds). Pushes events into out. */
  step(v: number | null, t: number, out: CounterEvent[]): void {
    const s = this.th.direction === 'up' ? 1 : -1;
    const en = s * this.th.enter,
      ex = s * this.th.exit,
      band = en - ex;
    if (v === null || !Number.isFinite(v)) {
      // A top reached, then unseen: held until something says otherwise.
      if (this.phase === 'top' && !this.offered && this.lastX >= en && t - this.topSince >= this.th.minTopMs) this.offer(s, out);
      return;
    }
    const { partialMin, minTopMs } = this.th;
    const x = s * v;
    this.lastX = x;
    switch (this.phase) {
      case 'unknown':
        if (x > this.peak) this.peak = x;
        // Near the rest end counts as rest: a clip (or a camera) that starts as the first rep leaves the rest
        // position is not at the top (c15 opens at 147° with the row's rest at ≥ 150°). So does coming back the
        // band from the best value seen (the rest end may never pass `exit` in this view). Until then nothing is
        // counted: a body first seen at or on the way to the top is not a rep the counter saw.
        if (x <= ex + INIT_REST_SHARE * band || x <= this.peak - band) this.toRest(t);
        return;
      case 'rest':
        if (x < this.restLow) this.restLow = x;
        if (x > ex) {
          this.phase = 'moving';
          this.peak = x;
          this.settled = this.leftRestAt - this.restSince >= PARTIAL_SETTLED_MS;
        } else {
          this.leftRestAt = t;
        }
        if (this.reached(x, en, band)) {
          this.toTop(t);
          this.peak = x;
        }
        return;
      case 'moving':
        if (x > this.peak) this.peak = x;
        // The top is judged from the lowest point since rest: a higher value before that low belongs to an
        // excursion that already came back, not to this top (Lightning on 14 at 0.87 s: 41° then down to 22°, so
        // the top reached at 1.47 s ended on its first 29° frame).
        if (x < this.restLow) {
          this.restLow = x;
          this.peak = x;
        }
        if (this.reached(x, en, band)) this.toTop(t);
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
        if (!this.offered && x >= en && t - this.topSince >= minTopMs) this.offer(s, out);
        if (x >= en) {
          this.leftTopAt = -1;
          if (x > this.peak - band) return;
        }
        if (this.leftTopAt < 0) this.leftTopAt = t;
        if (x <= ex || x <= this.peak - band) {
          if (this.offered)
            out.push({
              type: 'rep-end',
              side: this.side,
              downMs: t - this.leftTopAt,
              topMs: this.leftTopAt - this.topSince,
              cycleMs: t - this.leftRestAt,
            });
          else if (partialMin !== undefined && this.settled) out.push({ type: 'partial', side: this.side, peak: s * this.peak });
          this.toRest(t);
          this.leftTopAt = -1;
        }
        return;
    }
  }

  private offer(s: number, out: CounterEvent[]): void {
    this.offered = true;
    out.push({ type: 'top', side: this.side, durationMs: Math.max(0, this.topSince - this.leftRestAt), peak: s * this.peak });
  }

  /** The top is reached at `enter`, after a rise of the whole band from the lowest point since rest. */
  private reached(x: number, en: number, band: number): boolean {
    return x >= en && x >= this.restLow + band;
  }

  private toTop(t: number): void {
    this.phase = 'top';
    this.topSince = t;
    this.offered = false;
  }

  private toRest(t: number): void {
    this.restLow = Infinity;
    this.phase = 'rest';
    this.leftRestAt = t;
    this.restSince = t;
  }
}
