// The history page: every saved set, grouped into the sessions they were done in (pain once per session, a rise
// of 2 or more marked; click a set for its summary), the pain trend across sessions, the person's own progress per
// exercise across days (analysed recordings kept apart), reminders, the report for the physiotherapist
// (#/history/report), export as JSON or CSV, import, delete one or all with a confirmation. State lives in
// historyStore; the figures come from src/session; this only lays them out.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SessionRecord } from '../../storage/schema';
import { goodForm } from '../../session/figures';
import { painText, painTrend, PAIN_RISE_STOP } from '../../session/pain';
import type { SessionGroup } from '../../session/sessions';
import { groupSessions } from '../../session/sessions';
import { LineChart } from '../charts/LineChart';
import type { ChartSeries } from '../charts/LineChart';
import { SummaryView } from '../summary/SummaryView';
import { clock, exerciseName, hasRangeOfMotion } from '../summary/format';
import { ReportChart, sessionLabels } from '../report/ReportChart';
import { ReportPage } from '../report/ReportPage';
import { Reminders } from '../report/Reminders';
import { HistoryNotices } from './HistoryNotices';
import { deleteAllSessions, deleteSession, downloadCsv, downloadHistory, importHistoryText, loadHistory, useHistory } from './historyStore';
import { exercisesWithSessions, progressByDay } from './progress';
import '../summary/summary.css';
import './history.css';

const REPORT_HASH = '#/history/report';

/** Whether the URL asks for the report (#/history/report), following Back and Forward. */
function useReportRoute(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => globalThis.location?.hash === REPORT_HASH);
  useEffect(() => {
    const sync = () => setOn(location.hash === REPORT_HASH);
    window.addEventListener('hashchange', sync);
    window.addEventListener('popstate', sync);
    return () => {
      window.removeEventListener('hashchange', sync);
      window.removeEventListener('popstate', sync);
    };
  }, []);
  const go = (next: boolean) => {
    const hash = next ? REPORT_HASH : '#/history';
    if (location.hash !== hash) history.pushState(null, '', hash);
    setOn(next);
    window.scrollTo(0, 0);
  };
  return [on, go];
}

export function HistoryPage() {
  const status = useHistory((s) => s.status);
  const sessions = useHistory((s) => s.sessions);
  const [openId, setOpenId] = useState<string | null>(null);
  const [report, showReport] = useReportRoute();
  useEffect(() => {
    void loadHistory();
  }, []);

  if (report) return <ReportPage onBack={() => showReport(false)} />;
  const open = openId ? (sessions.find((s) => s.id === openId) ?? null) : null;
  if (open) {
    return (
      <section className="history" aria-label="History">
        <button type="button" className="back" onClick={() => setOpenId(null)}>
          ← Back to history
        </button>
        <HistoryNotices />
        <SummaryView record={open} />
      </section>
    );
  }
  return (
    <section className="history" aria-label="History">
      <header className="history-head">
        <h2>History</h2>
        <HistoryActions hasSessions={sessions.length > 0} onReport={() => showReport(true)} />
      </header>
      <HistoryNotices />
      <ImportReportLine />
      {status === 'loading' && <p>Loading your sessions…</p>}
      {status !== 'loading' && sessions.length === 0 && (
        <div className="history-empty" data-testid="history-empty">
          <p>No sessions yet.</p>
          <p className="hint">
            Every set you do is saved here as it happens, on this device only. You can also analyse a recording, or import an export file.
          </p>
        </div>
      )}
      {sessions.length > 0 && <PainTrend sessions={sessions} />}
      {sessions.length > 0 && <Progress sessions={sessions} />}
      <Reminders />
      {sessions.length > 0 && <SessionList sessions={sessions} onOpen={setOpenId} />}
    </section>
  );
}

function HistoryActions({ hasSessions, onReport }: { hasSessions: boolean; onReport: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="row history-actions">
      <button type="button" className="primary" onClick={onReport} disabled={!hasSessions}>
        Report for your physiotherapist
      </button>
      <button type="button" onClick={() => downloadCsv()} disabled={!hasSessions}>
        Export sets (CSV)
      </button>
      <button type="button" onClick={() => void downloadHistory()} disabled={!hasSessions}>
        Backup (JSON)
      </button>
      <button type="button" onClick={() => file.current?.click()}>
        Import a backup…
      </button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Import a history file"
        data-testid="import-input"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void f.text().then(importHistoryText);
        }}
      />
      {!confirming && (
        <button type="button" onClick={() => setConfirming(true)} disabled={!hasSessions}>
          Delete all…
        </button>
      )}
      {confirming && (
        <span className="confirm" role="group" aria-label="Confirm delete all">
          Delete every saved session?
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              void deleteAllSessions();
            }}
          >
            Yes, delete all
          </button>
          <button type="button" onClick={() => setConfirming(false)} autoFocus>
            Keep them
          </button>
        </span>
      )}
    </div>
  );
}

function ImportReportLine() {
  const r = useHistory((s) => s.lastImport);
  if (!r) return null;
  if (r.error)
    return (
      <p className="import-report error" role="status">
        Import failed: {r.error}
      </p>
    );
  return (
    <div className="import-report" role="status" data-testid="import-report">
      <p>
        Imported {r.added} session{r.added === 1 ? '' : 's'}.
        {r.rejected.length > 0 && ` ${r.rejected.length} could not be read and ${r.rejected.length === 1 ? 'was' : 'were'} skipped:`}
      </p>
      {r.rejected.length > 0 && (
        <ul>
          {r.rejected.slice(0, 10).map((x) => (
            <li key={x.index}>
              session {x.index + 1}: {x.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function countText(s: SessionRecord): string {
  const parts: string[] = [];
  if (s.reps.total > 0 || s.holdSec.total === 0) {
    parts.push(
      `${s.reps.total} rep${s.reps.total === 1 ? '' : 's'}${s.reps.left + s.reps.right > 0 ? ` (L ${s.reps.left}, R ${s.reps.right})` : ''}`,
    );
  }
  if (s.holdSec.total > 0) {
    parts.push(
      `held ${clock(s.holdSec.total)}${s.holdSec.left + s.holdSec.right > 0 ? ` (L ${clock(s.holdSec.left)}, R ${clock(s.holdSec.right)})` : ''}`,
    );
  }
  return parts.join(', ');
}

function SessionList({ sessions, onOpen }: { sessions: SessionRecord[]; onOpen: (id: string) => void }) {
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const groups = useMemo(() => groupSessions(sessions).reverse(), [sessions]);
  return (
    <div className="history-list">
      <h3>Sessions</h3>
      <p className="hint">
        Newest first. Pain is asked once a session, before and after; ▲ marks a rise of {PAIN_RISE_STOP} or more (you were advised to stop
        for that day).
      </p>
      <div className="table-scroll">
        <table data-testid="session-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Exercise</th>
              <th scope="col">Done</th>
              <th scope="col">Good form</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={`${g.source}-${g.id}`} className={g.source === 'analysis' ? 'recording' : undefined}>
              <SessionHead g={g} />
              {g.sets.map((s) => {
                const d = new Date(s.startedAt);
                return (
                  <tr key={s.id} data-testid="session-row">
                    <td>{d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</td>
                    <td>
                      <button type="button" className="linkish" onClick={() => onOpen(s.id)}>
                        {exerciseName(s.exerciseId)}
                      </button>
                    </td>
                    <td>{countText(s)}</td>
                    <td data-testid="row-good-form">{goodForm(s)?.text ?? '—'}</td>
                    <td>
                      {confirmId === s.id ? (
                        <span className="confirm">
                          <button
                            type="button"
                            className="danger"
                            onClick={() => {
                              setConfirmId(null);
                              void deleteSession(s.id);
                            }}
                          >
                            Delete
                          </button>
                          <button type="button" onClick={() => setConfirmId(null)}>
                            Keep
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          onClick={() => setConfirmId(s.id)}
                          aria-label={`Delete the ${exerciseName(s.exerciseId)} set of ${d.toLocaleString()}`}
                        >
                          Delete…
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}

/** A session's heading row: its day and time, how many sets, and its pain once (a rise of 2 or more marked). */
function SessionHead({ g }: { g: SessionGroup }) {
  const d = new Date(g.startedAt);
  const when = `${d.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })} ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
  if (g.source === 'analysis') {
    return (
      <tr className="session-head recording" data-testid="session-group">
        <th scope="rowgroup" colSpan={5}>
          {when} · <span data-testid="recording-mark">Analysed recording: not part of your progress or report figures</span> (it may show
          someone else)
        </th>
      </tr>
    );
  }
  return (
    <tr className={`session-head${g.pain?.stop ? ' pain-rose' : ''}`} data-testid="session-group">
      <th scope="rowgroup" colSpan={5}>
        {when} · {g.sets.length} {g.sets.length === 1 ? 'set' : 'sets'} ·{' '}
        <span data-testid="session-pain">
          Pain before → after: {g.pain?.stop && <span aria-hidden="true">▲ </span>}
          {painText(g.painBefore, g.painAfter)}
        </span>
      </th>
    </tr>
  );
}

/** Pain before and after each of the person's own sessions, oldest first, on a 0–10 axis. */
function PainTrend({ sessions }: { sessions: SessionRecord[] }) {
  const groups = useMemo(
    () =>
      groupSessions(sessions)
        .filter((g) => g.source === 'live' && (g.painBefore !== null || g.painAfter !== null))
        .slice(-30),
    [sessions],
  );
  const trend = useMemo(() => painTrend(groups.map((g) => ({ at: g.startedAt, before: g.painBefore, after: g.painAfter }))), [groups]);
  if (groups.length === 0) return null;
  return (
    <div className="pain-trend panel" data-testid="pain-trend">
      <h3>Pain across your sessions</h3>
      <p data-testid="pain-trend-text">
        {trend.text}
        {groups.length === 30 && ' (the last 30 sessions)'}
      </p>
      {groups.length >= 2 && (
        <ReportChart
          title="Pain before and after each session"
          unit="pain 0–10"
          yMax={10}
          summary={trend.text}
          labels={sessionLabels(groups.map((g) => g.startedAt))}
          series={[
            { name: 'Before', values: groups.map((g) => g.painBefore), kind: 'line', cls: 'rc-a' },
            { name: 'After', values: groups.map((g) => g.painAfter), kind: 'line', cls: 'rc-b' },
          ]}
        />
      )}
    </div>
  );
}

const PERCENT_RANGE: [number, number] = [0, 100];

/** An axis from 0 to a little above the data: a gain is never made to look bigger than it is. */
const fromZero = (values: (number | null)[]): [number, number] => [0, Math.max(1, ...values.filter((v): v is number => v !== null)) * 1.15];

function Progress({ sessions }: { sessions: SessionRecord[] }) {
  const ids = useMemo(() => exercisesWithSessions(sessions), [sessions]);
  const recordings = useMemo(() => sessions.filter((s) => s.source === 'analysis').length, [sessions]);
  const [chosen, setChosen] = useState<string | null>(null);
  const id = chosen && ids.includes(chosen) ? chosen : (ids[0] ?? '');
  const days = useMemo(() => progressByDay(sessions, id), [sessions, id]);
  const isRom = hasRangeOfMotion(id);
  const charts = useMemo(() => {
    const x = days.map((d) => d.day);
    // Stretches: how far the person got. Strengthening: how well they kept form (a bigger or smaller key
    // angle is not "better" there, e.g. the bicycle's elbow-to-knee distance).
    const romValues = days.map((d) => d.rom);
    const rom: ChartSeries = isRom
      ? { label: 'Best range (degrees)', values: romValues, color: '#3ee0c8', points: true, span: true }
      : { label: 'Good form (%)', values: days.map((d) => d.goodFormPct), color: '#3ee0c8', points: true, span: true };
    const hasHold = days.some((d) => d.holdSec !== null);
    const workValues = hasHold ? days.map((d) => d.holdSec) : days.map((d) => d.reps);
    const work: ChartSeries = hasHold
      ? { label: 'Longest hold (s)', values: workValues, color: '#8ab4ff', points: true, span: true }
      : { label: 'Reps that day', values: workValues, color: '#8ab4ff', points: true, span: true };
    return { x, rom, work, hasHold, romRange: isRom ? fromZero(romValues) : PERCENT_RANGE, workRange: fromZero(workValues) };
  }, [days, isRom]);
  const last = days.at(-1);
  if (ids.length === 0) {
    return (
      <p className="hint" data-testid="progress-none">
        Your progress charts show your own live sets. {recordings > 0 && 'Analysed recordings are not part of them.'}
      </p>
    );
  }
  return (
    <div className="progress" data-testid="progress">
      <div className="progress-head">
        <h3>Your progress</h3>
        <label className="field-inline">
          <span>Exercise</span>
          <select value={id} onChange={(e) => setChosen(e.target.value)}>
            {ids.map((x) => (
              <option key={x} value={x}>
                {exerciseName(x)}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">
          {days.length} day{days.length === 1 ? '' : 's'} with this exercise, one point per day. Your own live sets only
          {recordings > 0 ? `: ${recordings} analysed ${recordings === 1 ? 'recording is' : 'recordings are'} left out` : ''}.
        </p>
      </div>
      <div className="progress-charts">
        <LineChart
          title={isRom ? 'Range of motion by day' : 'Good form by day'}
          summary={
            last ? `Latest day: ${isRom ? `best ${last.rom ?? 'unknown'}°` : `good form ${last.goodFormPct ?? 'unknown'} %`}.` : 'No data.'
          }
          x={charts.x}
          xTime
          yLabel={isRom ? 'degrees' : '% good form'}
          yRange={charts.romRange}
          series={[charts.rom]}
          height={200}
          testId="progress-rom"
        />
        <LineChart
          title={charts.hasHold ? 'Hold time by day' : 'Reps by day'}
          summary={
            last
              ? charts.hasHold
                ? `Latest day: longest hold ${clock(last.holdSec ?? 0)}.`
                : `Latest day: ${last.reps ?? 0} reps.`
              : 'No data.'
          }
          x={charts.x}
          xTime
          yLabel={charts.hasHold ? 'seconds' : 'reps'}
          yRange={charts.workRange}
          series={[charts.work]}
          height={200}
          testId="progress-work"
        />
      </div>
    </div>
  );
}
