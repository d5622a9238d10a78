// Beside the analysed video: every marked moment with the key angle then, and the spans where nothing was
// counted with the reason. Each time is a button that shows that moment in the video.
import { clock } from '../format/time';
import type { Moment, Span } from './review';

export function MarkedMoments({ moments, label, onSeek }: { moments: readonly Moment[]; label: string; onSeek: (sec: number) => void }) {
  if (moments.length === 0) return null;
  return (
    <div className="review-moments" data-testid="marked-moments">
      <h3>Marked moments</h3>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">What</th>
              <th scope="col">{label}</th>
            </tr>
          </thead>
          <tbody>
            {moments.map((m, i) => (
              <tr key={`${m.sec}-${i}`} data-testid="moment">
                <td>
                  <button type="button" className="linkish" onClick={() => onSeek(m.sec)} aria-label={`Show ${clock(m.sec)} in the video`}>
                    {clock(m.sec)}
                  </button>
                </td>
                <td>{m.what}</td>
                <td>{m.angle}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function NotCounted({ spans, onSeek }: { spans: readonly Span[]; onSeek: (sec: number) => void }) {
  if (spans.length === 0) return null;
  return (
    <div className="review-gaps" data-testid="not-counted">
      <h3>Not counted</h3>
      <ul>
        {spans.map((s) => (
          <li key={s.startSec}>
            <button
              type="button"
              className="linkish"
              onClick={() => onSeek(s.startSec)}
              aria-label={`Show ${clock(s.startSec)} in the video`}
            >
              {clock(s.startSec)}–{clock(s.endSec)}
            </button>
            : {s.why}
          </li>
        ))}
      </ul>
    </div>
  );
}
