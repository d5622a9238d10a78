// The analysed video's timeline: holds, reps and faults along its duration. Each mark is a button that
// seeks the video there (keyboard reachable); colour is not the only signal: rows are labelled and each
// fault carries its name. Only rows with something on them are drawn, and nothing at all when the
// recording had nothing to mark (the summary says why): no empty tracks.
import type { Summary } from '../../core/summary';
import { clock } from '../summary/format';
import type { Span } from './review';

export interface TimelineProps {
  durationSec: number;
  holds: Summary['holds'];
  faults: Summary['faults'];
  repsAt: number[];
  onSeek: (sec: number) => void;
  /** Spans where nothing was counted, with the reason (review.ts). */
  gaps?: readonly Span[];
}

export function Timeline({ durationSec, holds, faults, repsAt, onSeek, gaps = [] }: TimelineProps) {
  // Spans not counted alone make no timeline: with nothing counted or marked the page says why in words.
  if (holds.length === 0 && faults.length === 0 && repsAt.length === 0) return null;
  const d = Math.max(durationSec, 0.001);
  const pct = (s: number) => `${Math.max(0, Math.min(100, (100 * s) / d))}%`;
  const width = (a: number, b: number) => `${Math.max(0.8, (100 * (b - a)) / d)}%`;
  const ticks = Array.from({ length: Math.floor(d) + 1 }, (_, i) => i).filter((s) => d <= 20 || s % 5 === 0);
  return (
    <figure className="timeline" aria-label="Timeline of the recording" data-testid="timeline">
      <figcaption className="chart-title">Timeline — click a mark to see that moment in the video</figcaption>
      {holds.length > 0 && (
        <div className="tl-row">
          <span className="tl-label">Held</span>
          <div className="tl-track">
            {holds.map((h) => (
              <button
                key={`h${h.startSec}`}
                type="button"
                className="tl-hold"
                style={{ left: pct(h.startSec), width: width(h.startSec, h.endSec) }}
                onClick={() => onSeek(h.startSec)}
                aria-label={`Hold from ${clock(h.startSec)} to ${clock(h.endSec)}${h.side ? `, ${h.side} side` : ''}`}
                title={`${h.startSec}–${h.endSec} s`}
              />
            ))}
          </div>
        </div>
      )}
      {repsAt.length > 0 && (
        <div className="tl-row">
          <span className="tl-label">Reps</span>
          <div className="tl-track">
            {repsAt.map((t, i) => (
              <button
                key={`r${t}-${i}`}
                type="button"
                className="tl-rep"
                style={{ left: pct(t) }}
                onClick={() => onSeek(t)}
                aria-label={`Rep ${i + 1} at ${clock(t)}`}
                title={`rep ${i + 1}: ${t} s`}
              >
                {i + 1}
              </button>
            ))}
          </div>
        </div>
      )}
      {faults.length > 0 && (
        <div className="tl-row">
          <span className="tl-label">Faults</span>
          <div className="tl-track tl-faults">
            {faults.map((f, i) => (
              <button
                key={`f${f.id}${f.startSec}`}
                type="button"
                className="tl-fault"
                data-testid="timeline-fault"
                style={{ left: pct(f.startSec), width: width(f.startSec, f.endSec), top: `${(i % 3) * 0.9}rem` }}
                onClick={() => onSeek(f.startSec)}
                aria-label={`${f.message} from ${clock(f.startSec)} to ${clock(f.endSec)}`}
                title={f.message}
              >
                <span>{f.message}</span>
              </button>
            ))}
          </div>
        </div>
      )}
      {gaps.length > 0 && (
        <div className="tl-row">
          <span className="tl-label">Not counted</span>
          <div className="tl-track">
            {gaps.map((g) => (
              <button
                key={`g${g.startSec}`}
                type="button"
                className="tl-gap"
                data-testid="timeline-gap"
                style={{ left: pct(g.startSec), width: width(g.startSec, g.endSec) }}
                onClick={() => onSeek(g.startSec)}
                aria-label={`Not counted from ${clock(g.startSec)} to ${clock(g.endSec)}: ${g.why}`}
                title={g.why}
              >
                <span>{g.why}</span>
              </button>
            ))}
          </div>
        </div>
      )}
      <div className="tl-row tl-axis" aria-hidden="true">
        <span className="tl-label" />
        <div className="tl-track">
          {ticks.map((s) => (
            <span key={s} className="tl-tick" style={{ left: pct(s) }}>
              {s}s
            </span>
          ))}
        </div>
      </div>
    </figure>
  );
}
