// Renders one finished (or crashed) set: counts per side and hold time against the target, share of
// good form, faults with how often and when, range of motion, a chart of the key angle over the set,
// and pain before/after with the caution when it rose. It renders a saved record; it computes no form.
import { useMemo } from 'react';
import type { SessionRecord } from '../../storage/schema';
import { goodFormShare, painAdvice } from '../../session/sessionRecorder';
import { LineChart } from '../charts/LineChart';
import type { ChartSeries } from '../charts/LineChart';
import { clock, countLines, exerciseName, percent, rangeOfMotion } from './format';
import './summary.css';

export interface SummaryViewProps {
  record: SessionRecord;
  /** When given (analysis of a recording), fault times become buttons that seek the video. */
  onSeek?: (sec: number) => void;
}

export function SummaryView({ record, onSeek }: SummaryViewProps) {
  const r = record;
  const lines = countLines(r);
  const rom = rangeOfMotion(r);
  const share = goodFormShare(r);
  const advice = painAdvice(r.painBefore, r.painAfter);
  const when = new Date(r.startedAt);
  const chart = useMemo(() => {
    const x = r.metric.series.map((p) => p[0]);
    const series: ChartSeries[] = [{ label: r.metric.label, values: r.metric.series.map((p) => p[1]), color: '#3ee0c8' }];
    const marks = r.faults.flatMap((f) => f.atSec);
    return { x, series, marks };
  }, [r.metric, r.faults]);

  return (
    <section className="summary" aria-label="Summary" data-testid="summary">
      <header className="summary-head">
        <h2>{exerciseName(r.exerciseId)}</h2>
        <p className="hint">
          {r.source === 'analysis' ? 'Analysed recording' : 'Live set'}, {when.toLocaleDateString()} {when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
          {r.endedAt === null && ' — cut short (saved as it happened)'}
        </p>
      </header>

      <div className="summary-grid">
        <dl className="summary-counts" data-testid="summary-counts">
          {lines.map((l) => (
            <div key={l.label} className="count">
              <dt>{l.label}</dt>
              <dd>{l.value}{l.done && <span className="done"> ✓ target reached</span>}</dd>
            </div>
          ))}
          <div className="count">
            <dt>Good form</dt>
            <dd data-testid="good-form">{percent(share)}<small> of {clock(r.activeSec)} in position</small></dd>
          </div>
          {rom && (
            <div className="count">
              <dt>{rom.title}</dt>
              <dd className="rom" data-testid="rom">{rom.text}</dd>
            </div>
          )}
        </dl>

        <div className="summary-faults">
          <h3>What to work on</h3>
          {r.faults.length === 0
            ? <p>No form problems were seen. Well done.</p>
            : (
              <ul data-testid="fault-list">
                {r.faults.map((f) => (
                  <li key={f.id}>
                    <strong>{f.message}</strong> — {f.count === 1 ? 'once' : `${f.count} times`}
                    <span className="times">
                      {' at '}
                      {f.atSec.map((t, i) => (
                        <span key={`${t}-${i}`}>
                          {i > 0 && ', '}
                          {onSeek
                            ? <button type="button" className="linkish" onClick={() => onSeek(t)} aria-label={`Show ${clock(t)} in the video`}>{clock(t)}</button>
                            : clock(t)}
                        </span>
                      ))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          <PainLine before={r.painBefore} after={r.painAfter} />
          {advice && <p className="pain-advice" role="alert">{advice}</p>}
        </div>
      </div>

      <LineChart
        title={`${r.metric.label} over the set`}
        summary={r.metric.min !== null && r.metric.max !== null
          ? `${r.metric.label} ranged from ${r.metric.min} to ${r.metric.max} over ${clock(chart.x.at(-1) ?? 0)}.`
          : 'No angle was measured.'}
        x={chart.x}
        xLabel="time into the set"
        yLabel={r.metric.unit === '°' ? 'degrees' : r.metric.unit || r.metric.label}
        series={chart.series}
        marks={chart.marks}
        testId="summary-chart"
      />
      {chart.marks.length > 0 && <p className="hint">Dashed red lines: where a form problem began.</p>}
    </section>
  );
}

function PainLine({ before, after }: { before: number | null; after: number | null }) {
  if (before === null && after === null) return null;
  const b = before === null ? '—' : `${before}/10`;
  const a = after === null ? '—' : `${after}/10`;
  return <p data-testid="pain">Pain before: {b} · after: {a}</p>;
}
