// Renders one finished (or crashed) set as one story: for a hold, the time held against the target and how
// much of that time had good form; for reps, the reps against the target and how many were judged well.
// Then the faults with how often and when, range of motion, a chart of the key angle over the set (broken
// where nobody was in view, its axis sized to what the exercise's rules judge), and pain before/after. It
// renders a saved record; it computes no form.
import { useMemo } from 'react';
import type { SessionRecord } from '../../storage/schema';
import { painChange, painText } from '../../session/pain';
import { LineChart } from '../charts/LineChart';
import type { ChartSeries } from '../charts/LineChart';
import { faultWhen } from './faultTimes';
import {
  attemptLines,
  chartRange,
  chartSeries,
  clock,
  countLines,
  exerciseName,
  faultHeldLine,
  formLine,
  notHeldLine,
  rangeOfMotion,
} from './format';
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
  const form = formLine(r);
  const notHeld = notHeldLine(r);
  const faultHeld = faultHeldLine(r);
  const attempts = attemptLines(r);
  const counted = r.reps.total > 0 || r.holdSec.total > 0;
  const when = new Date(r.startedAt);
  const chart = useMemo(() => {
    const { x, y } = chartSeries(r.metric.series);
    const series: ChartSeries[] = [{ label: r.metric.label, values: y, color: '#3ee0c8' }];
    const marks = r.faults.flatMap((f) => f.atSec);
    return { x, series, marks, range: chartRange(r) };
  }, [r]);

  return (
    <section className="summary" aria-label="Summary" data-testid="summary">
      <header className="summary-head">
        <h2>{exerciseName(r.exerciseId)}</h2>
        <p className="hint">
          {r.source === 'analysis' ? 'Analysed recording' : 'Live set'}, {when.toLocaleDateString()}{' '}
          {when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
          {r.endedAt === null && ' — cut short (saved as it happened)'}
        </p>
      </header>

      <div className="summary-grid">
        <dl className="summary-counts" data-testid="summary-counts">
          {lines.map((l) => (
            <div key={l.label} className="count">
              <dt>{l.label}</dt>
              <dd>
                {l.value}
                {l.done && <span className="done"> ✓ target reached</span>}
              </dd>
            </div>
          ))}
          {form && (
            <div className="count">
              <dt>{form.label}</dt>
              <dd data-testid="good-form">{form.value}</dd>
            </div>
          )}
          {attempts && attempts.withFault !== null && attempts.withFault > 0 && (
            <div className="count">
              <dt>Reps with a form problem</dt>
              <dd data-testid="reps-with-fault">
                {attempts.withFault}
                <small> (counted, not judged good form: see “What to work on”)</small>
              </dd>
            </div>
          )}
          {attempts && attempts.partial !== null && attempts.partial > 0 && (
            <div className="count">
              <dt>Attempts not counted</dt>
              <dd data-testid="partial-attempts">
                {attempts.partial}
                <small> (started and not completed: the movement stopped short of the top)</small>
              </dd>
            </div>
          )}
          {faultHeld && (
            <div className="count fault-held">
              <dt>Held with a form problem</dt>
              <dd data-testid="fault-held">
                {faultHeld}
                <small> (counted as held, not as good form)</small>
              </dd>
            </div>
          )}
          {notHeld && (
            <div className="count">
              <dt>Not counted</dt>
              <dd data-testid="not-held">
                {notHeld}
                <small> (the hold stops while a form problem lasts or you are out of position)</small>
              </dd>
            </div>
          )}
          {rom && (
            <div className="count">
              <dt>{rom.title}</dt>
              <dd className="rom" data-testid="rom">
                {rom.text}
              </dd>
            </div>
          )}
        </dl>

        <div className="summary-faults">
          <h3>What to work on</h3>
          {r.faults.length === 0 ? (
            <p>{counted ? 'No form problems were seen. Well done.' : 'Nothing was counted, so there is no form to judge.'}</p>
          ) : (
            <ul data-testid="fault-list">
              {r.faults.map((f) => (
                <li key={f.id}>
                  <strong>{f.message}</strong> —{' '}
                  {faultWhen(f, r) !== null && !onSeek ? (
                    <span data-testid="fault-when">{faultWhen(f, r)}</span>
                  ) : (
                    <>
                      {f.count === 1 ? 'once' : `${f.count} times`}
                      <span className="times">
                        {' at '}
                        {f.atSec.map((t, i) => (
                          <span key={`${t}-${i}`}>
                            {i > 0 && ', '}
                            {onSeek ? (
                              <button
                                type="button"
                                className="linkish"
                                onClick={() => onSeek(t)}
                                aria-label={`Show ${clock(t)} in the video`}
                              >
                                {clock(t)}
                              </button>
                            ) : (
                              clock(t)
                            )}
                          </span>
                        ))}
                      </span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <PainLine before={r.painBefore} after={r.painAfter} />
        </div>
      </div>

      <LineChart
        title={`${r.metric.label} over the set`}
        summary={
          r.metric.min !== null && r.metric.max !== null
            ? `${r.metric.label} ranged from ${r.metric.min} to ${r.metric.max} over ${clock(chart.x.at(-1) ?? 0)}.`
            : 'No angle was measured.'
        }
        x={chart.x}
        xLabel="time into the set"
        yLabel={r.metric.unit === '°' ? 'degrees' : r.metric.unit || r.metric.label}
        series={chart.series}
        marks={chart.marks}
        {...(chart.range ? { yRange: chart.range } : {})}
        testId="summary-chart"
      />
      {chart.marks.length > 0 && <p className="hint">Dashed red lines: where a form problem began.</p>}
    </section>
  );
}

function PainLine({ before, after }: { before: number | null; after: number | null }) {
  if (before === null && after === null) return null;
  const c = painChange(before, after);
  return (
    <p data-testid="pain" className={c?.stop ? 'pain-advice' : undefined}>
      Pain this session (0–10), before → after: {painText(before, after)}
    </p>
  );
}
