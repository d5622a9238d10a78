// The report for the physiotherapist: the last session, or the last 7 or 30 days, laid out from
// src/session/report.ts (which computes every figure). It prints cleanly (report.css has the print stylesheet:
// the browser's "Save as PDF" gives a tidy document), and offers the same sets as a spreadsheet (CSV).
import { useEffect, useMemo, useState } from 'react';
import type { ExerciseReport, Report, ReportPeriod } from '../../session/report';
import { BASELINE_SESSIONS, PERIODS, PERIOD_LABELS, buildReport } from '../../session/report';
import { planText } from '../../session/reminders';
import { painText, PAIN_RISE_STOP } from '../../session/pain';
import { clock } from '../format/time';
import { exerciseName } from '../summary/format';
import { faultWhen } from '../summary/faultTimes';
import { downloadCsv, useHistory } from '../history/historyStore';
import { loadRoutine } from '../routine/routineStore';
import { ReportChart, sessionLabels } from './ReportChart';
import { loadPlan, loadReportName, saveReportName } from './reminderStore';
import './report.css';

const day = (ms: number) => new Date(ms).toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const shortDay = (ms: number) => new Date(ms).toLocaleDateString([], { day: 'numeric', month: 'short' });
const dayTime = (ms: number) => `${day(ms)} ${new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
/** A session's time in the table (the period's heading has the year): "Mon, Nov 9, 6:00 PM". */
const sessionWhen = (ms: number) =>
  new Date(ms).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
/** Sets whose fault times are written out (the latest); the others are counted. */
const WHEN_SETS = 4;
const deg = (v: number) => `${Math.round(v)}°`;
const signedDeg = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(Math.round(v))}°`;

export function ReportPage({ onBack }: { onBack: () => void }) {
  const sessions = useHistory((s) => s.sessions);
  const status = useHistory((s) => s.status);
  const [period, setPeriod] = useState<ReportPeriod>('7');
  const [name, setName] = useState(loadReportName);
  const [now] = useState(() => Date.now());
  const report = useMemo(() => buildReport(sessions, { period, now, plan: loadPlan(), routine: loadRoutine() }), [sessions, period, now]);
  const periodSets = useMemo(() => [...report.sessions.flatMap((g) => g.sets), ...report.recordings], [report]);
  // Every printed page's foot names the report and its person (report.css @page reads it); gone with the page.
  const footer = `Form Coach exercise report${name.trim() ? ` · ${name.trim()}` : ''} · ${PERIOD_LABELS[period].toLowerCase()} to ${day(now)}`;
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--report-footer', JSON.stringify(footer));
    return () => {
      root.style.removeProperty('--report-footer');
    };
  }, [footer]);

  return (
    <article className="report" aria-labelledby="report-title" data-testid="report">
      <button type="button" className="back no-print" onClick={onBack}>
        ← Back to history
      </button>
      <div className="report-controls no-print">
        <fieldset className="report-period">
          <legend>Period</legend>
          {PERIODS.map((p) => (
            <label key={p} className="check">
              <input type="radio" name="report-period" value={p} checked={period === p} onChange={() => setPeriod(p)} />
              <span>{PERIOD_LABELS[p]}</span>
            </label>
          ))}
        </fieldset>
        <label className="field report-name">
          <span>Name on the report (optional)</span>
          <input
            type="text"
            value={name}
            maxLength={80}
            autoComplete="name"
            onChange={(e) => {
              setName(e.target.value);
              saveReportName(e.target.value);
            }}
          />
        </label>
        <div className="row">
          <button type="button" className="primary" onClick={() => window.print()}>
            Print or save as PDF
          </button>
          <button type="button" onClick={() => downloadCsv(periodSets, 'report')} disabled={periodSets.length === 0}>
            Download these sets (CSV)
          </button>
        </div>
        <p className="hint">
          To save a PDF, choose “Save as PDF” as the printer. Nothing is uploaded: the report is made on this computer.
        </p>
      </div>

      <header className="report-head">
        <h2 id="report-title">Exercise report{name.trim() ? `: ${name.trim()}` : ''}</h2>
        <p data-testid="report-period">
          {PERIOD_LABELS[period]}:{' '}
          {report.sessions.length > 0
            ? `${day(report.from)} to ${day(report.period === 'last' ? report.sessions.at(-1)!.endedAt : report.to)}`
            : 'no sessions'}
          . Made on {day(report.generatedAt)} by Form Coach.
        </p>
        <p className="report-note">
          The person recorded these sessions themselves with a laptop camera. Form Coach counts reps and holds and judges form from body
          points it finds in the picture: the figures are its estimates, made to follow change over time, and are not a clinical
          measurement.
        </p>
      </header>
      <section className="report-key" aria-labelledby="key-title">
        <h3 id="key-title">How to read this report</h3>
        <ul>
          <li>
            <strong>Good form</strong>: for holds, the share of the time held with no form problem; for reps, the share of reps with no form
            problem. The same figure the person saw after each set.
          </li>
          <li>
            <strong>Reps with a form problem</strong> were counted, but a form problem was seen during them.{' '}
            <strong>Partial attempts</strong> were started and not completed (the movement stopped short): they are not counted as reps.
          </li>
          <li>
            <strong>Held with a form problem</strong>: time held while a form problem was seen (it counts as held, not as good form).
          </li>
          <li>
            <strong>Range of motion</strong> compares the latest session with the mean of the person’s first {BASELINE_SESSIONS} sessions of
            that exercise, in degrees, as estimated from the camera. Changes of a few degrees are within what the camera can tell apart.
          </li>
          <li>
            <strong>Pain</strong> is the person’s own answer from 0 (none) to 10 (worst imaginable), before and after each session. A rise
            of {PAIN_RISE_STOP} or more during a session is marked ▲: the app then advised stopping for the day and telling their
            physiotherapist.
          </li>
        </ul>
      </section>
      {status === 'loading' && <p>Loading the sessions…</p>}
      {status !== 'loading' && report.sessions.length === 0 ? (
        <p data-testid="report-empty">
          No sessions of the person’s own in this period.{report.recordings.length > 0 && ' Analysed recordings are listed below.'}
        </p>
      ) : (
        <Overview report={report} />
      )}
      {report.exercises.map((e) => (
        <ExerciseSection key={e.id} e={e} report={report} />
      ))}
      <Recordings report={report} />
    </article>
  );
}

function Overview({ report }: { report: Report }) {
  const { plan, pain } = report;
  const labels = sessionLabels(report.sessions.map((g) => g.startedAt));
  return (
    <section className="report-section report-overview" aria-labelledby="overview-title">
      <h3 id="overview-title">At a glance</h3>
      <dl className="report-facts" data-testid="report-overview">
        <div>
          <dt>Sessions</dt>
          <dd data-testid="report-sessions">{report.sessions.length}</dd>
        </div>
        <div>
          <dt>Sets</dt>
          <dd data-testid="report-sets">{report.sets}</dd>
        </div>
        {plan && (
          <div className="wide">
            <dt>Against the plan</dt>
            <dd data-testid="report-plan">
              {plan.doneDays} of {plan.plannedDays} planned {plan.plannedDays === 1 ? 'day' : 'days'} done ({planText(plan.plan)})
              {plan.missed.length > 0 && <>; missed {plan.missed.map(shortDay).join(', ')}</>}
              {plan.extraSessions > 0 && (
                <>
                  ; {plan.extraSessions} {plan.extraSessions === 1 ? 'session' : 'sessions'} on other days
                </>
              )}
              .
            </dd>
          </div>
        )}
        {!plan && report.period !== 'last' && (
          <div className="wide">
            <dt>Against the plan</dt>
            <dd className="muted">No exercise days were set (History → Reminders).</dd>
          </div>
        )}
        <div className="wide">
          <dt>Pain</dt>
          <dd data-testid="report-pain-trend">{pain.text}</dd>
        </div>
      </dl>
      <table className="report-table" data-testid="report-session-table">
        <caption>Sessions</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Exercises (sets)</th>
            <th scope="col">Pain before → after (0–10)</th>
          </tr>
        </thead>
        <tbody>
          {report.sessions.map((g) => {
            const counts = new Map<string, number>();
            for (const s of g.sets) counts.set(s.exerciseId, (counts.get(s.exerciseId) ?? 0) + 1);
            return (
              <tr key={g.id} data-testid="report-session-row" className={g.pain?.stop ? 'pain-rose' : undefined}>
                <td className="nowrap">{sessionWhen(g.startedAt)}</td>
                <td>{[...counts].map(([id, n]) => `${exerciseName(id)} (${n})`).join(', ')}</td>
                <td>
                  {g.pain?.stop && <span aria-hidden="true">▲ </span>}
                  {painText(g.painBefore, g.painAfter)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {report.sessions.length >= 2 && pain.sessions > 0 && (
        <ReportChart
          title="Pain before and after each session"
          unit="pain 0–10"
          yMax={10}
          labels={labels}
          testId="report-pain-chart"
          summary={pain.text}
          series={[
            { name: 'Before', values: report.sessions.map((g) => g.painBefore), kind: 'line', cls: 'rc-a' },
            { name: 'After', values: report.sessions.map((g) => g.painAfter), kind: 'line', cls: 'rc-b' },
          ]}
        />
      )}
    </section>
  );
}

function ExerciseSection({ e, report }: { e: ExerciseReport; report: Report }) {
  const labels = sessionLabels(e.perSession.map((p) => p.at));
  const charts = e.perSession.length >= 2;
  return (
    <section className="report-section report-exercise" aria-labelledby={`rx-${e.id}`} data-testid={`report-exercise-${e.id}`}>
      <h3 id={`rx-${e.id}`}>
        {e.name}
        {e.target && <small> · target {e.target} a set</small>}
      </h3>
      <table className="report-table report-figures">
        <tbody>
          <tr>
            <th scope="row">Sets</th>
            <td data-testid="rx-sets">
              {e.sets}
              {e.setsPlanned !== null && <> of {e.setsPlanned} planned</>}
              {e.cutShort > 0 && <> ({e.cutShort} cut short; counts kept)</>}
            </td>
          </tr>
          {e.reps && (
            <>
              <tr>
                <th scope="row">Reps counted</th>
                <td data-testid="rx-reps">
                  {e.reps.total}
                  {e.sides && e.reps.left + e.reps.right > 0 && ` (left ${e.reps.left}, right ${e.reps.right})`}
                </td>
              </tr>
              <tr>
                <th scope="row">With good form</th>
                <td data-testid="rx-reps-clean">{e.reps.clean ?? 'not recorded'}</td>
              </tr>
              <tr>
                <th scope="row">With a form problem</th>
                <td data-testid="rx-reps-fault">{e.reps.withFault ?? 'not recorded'}</td>
              </tr>
              <tr>
                <th scope="row">Partial attempts (not counted)</th>
                <td data-testid="rx-partial">{e.reps.partial ?? 'not recorded'}</td>
              </tr>
            </>
          )}
          {e.hold && (
            <>
              <tr>
                <th scope="row">Time held</th>
                <td data-testid="rx-held">
                  {clock(e.hold.held)}
                  {e.sides && e.hold.left + e.hold.right > 0 && ` (left ${clock(e.hold.left)}, right ${clock(e.hold.right)})`}
                </td>
              </tr>
              <tr>
                <th scope="row">Held with good form</th>
                <td data-testid="rx-held-good">{e.hold.good === null ? 'not recorded' : clock(e.hold.good)}</td>
              </tr>
              <tr>
                <th scope="row">Held with a form problem</th>
                <td data-testid="rx-held-fault">{e.hold.underFault === null ? 'not recorded' : clock(e.hold.underFault)}</td>
              </tr>
            </>
          )}
          <tr>
            <th scope="row">Good form</th>
            <td data-testid="rx-good-form">{e.goodForm?.text ?? 'nothing counted'}</td>
          </tr>
        </tbody>
      </table>

      {e.rom && (
        <div className="report-rom" data-testid="rx-rom">
          <h4>Range of motion: {e.rom.label.toLowerCase()}</h4>
          <table className="report-table">
            <thead>
              <tr>
                {e.rom.parts.length > 1 && <th scope="col">Side</th>}
                <th scope="col">
                  First {e.rom.baselineSessions === 1 ? 'session' : `${e.rom.baselineSessions} sessions`} ({shortDay(e.rom.baselineFrom)}
                  {e.rom.baselineTo !== e.rom.baselineFrom && `–${shortDay(e.rom.baselineTo)}`})
                </th>
                <th scope="col">Latest ({shortDay(e.rom.latestAt)})</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {e.rom.parts.map((p) => (
                <tr key={p.side} data-testid={`rx-rom-${p.side}`}>
                  {e.rom!.parts.length > 1 && <th scope="row">{p.side === 'left' ? 'To the left' : 'To the right'}</th>}
                  <td>{deg(p.baseline)}</td>
                  <td>{deg(p.latest)}</td>
                  <td className="rom-change">
                    {e.rom!.baselineSessions === 1 && p.latest === p.baseline ? 'first session' : signedDeg(p.change)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {e.rom.overlaps && <p className="hint">The first sessions (the base of the comparison) are part of this period.</p>}
        </div>
      )}

      <div className="report-faults">
        <h4>Form problems seen</h4>
        {e.faults.length === 0 ? (
          <p data-testid="rx-no-faults">{e.goodForm ? 'None.' : 'Nothing was counted, so form was not judged.'}</p>
        ) : (
          <ul data-testid="rx-faults">
            {e.faults.map((f) => (
              <li key={f.id} data-testid="rx-fault">
                <strong>{f.message}</strong>: {f.count === 1 ? 'once' : `${f.count} times`}, in {f.sets} of {e.sets}{' '}
                {e.sets === 1 ? 'set' : 'sets'}
                <span className="when">
                  {' '}
                  (
                  {f.when
                    .slice(-WHEN_SETS)
                    .map(
                      (w) =>
                        `${shortDay(w.setStartedAt)}: ${faultWhen(w.tally, w.set) ?? `at ${w.atSec.slice(0, 6).map(clock).join(', ')}${w.atSec.length > 6 ? '…' : ''} into the set`}`,
                    )
                    .join('; ')}
                  {f.when.length > WHEN_SETS &&
                    `; and in ${f.when.length - WHEN_SETS} earlier ${f.when.length - WHEN_SETS === 1 ? 'set' : 'sets'}`}
                  )
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>

      {charts && (
        <div className="report-charts">
          <ReportChart
            title="Good form per session"
            unit="% good form"
            yMax={100}
            size="half"
            labels={labels}
            testId={`rx-chart-form-${e.id}`}
            summary={e.perSession.map((p) => `${shortDay(p.at)}: ${p.goodFormPct ?? 'not judged'} %`).join('; ')}
            series={[{ name: 'Good form (%)', values: e.perSession.map((p) => p.goodFormPct), kind: 'bar', cls: 'rc-a' }]}
          />
          <ReportChart
            title={e.mode === 'reps' ? 'Reps per session' : 'Seconds held per session'}
            unit={e.mode === 'reps' ? 'reps' : 'seconds'}
            labels={labels}
            testId={`rx-chart-count-${e.id}`}
            size="half"
            summary={e.perSession.map((p) => `${shortDay(p.at)}: ${p.count}`).join('; ')}
            series={[
              { name: e.mode === 'reps' ? 'Reps' : 'Seconds held', values: e.perSession.map((p) => p.count), kind: 'bar', cls: 'rc-b' },
            ]}
          />
          {e.rom && e.rom.perSession.length >= 2 && (
            <ReportChart
              title="Range of motion per session (best set)"
              unit="degrees"
              size="half"
              labels={sessionLabels(e.rom.perSession.map((p) => p.at))}
              testId={`rx-chart-rom-${e.id}`}
              summary={e.rom.perSession
                .map((p) => `${shortDay(p.at)}: ${p.reading.value ?? `left ${p.reading.left}, right ${p.reading.right}`}°`)
                .join('; ')}
              series={
                e.rom.perSession[0]!.reading.value !== null
                  ? [{ name: 'Degrees', values: e.rom.perSession.map((p) => p.reading.value), kind: 'line', cls: 'rc-a' }]
                  : [
                      { name: 'To the left', values: e.rom.perSession.map((p) => p.reading.left), kind: 'line', cls: 'rc-a' },
                      { name: 'To the right', values: e.rom.perSession.map((p) => p.reading.right), kind: 'line', cls: 'rc-b' },
                    ]
              }
            />
          )}
        </div>
      )}
      {report.period !== 'last' && !charts && (
        <p className="hint no-print">Charts appear once there are two sessions of this exercise in the period.</p>
      )}
    </section>
  );
}

function Recordings({ report }: { report: Report }) {
  if (report.recordings.length === 0) return null;
  return (
    <section className="report-section report-recordings" aria-labelledby="recordings-title" data-testid="report-recordings">
      <h3 id="recordings-title">Analysed recordings (not part of the figures above)</h3>
      <p>
        These come from video files analysed in the app. A recording may show someone else, so they are kept apart from the person’s own
        sessions.
      </p>
      <ul>
        {report.recordings.map((r) => (
          <li key={r.id}>
            {dayTime(r.startedAt)}: {exerciseName(r.exerciseId)},{' '}
            {r.reps.total > 0 ? `${r.reps.total} reps` : `held ${clock(r.holdSec.total)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
