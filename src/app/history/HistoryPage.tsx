// The history page: every saved set (click one for its summary), progress per exercise across days
// (range of motion and hold time or reps, with pain beside them), export/import as JSON, delete one or
// all with a confirmation. State lives in historyStore; this only lays it out.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SessionRecord } from '../../storage/schema';
import { goodFormShare } from '../../session/sessionRecorder';
import { LineChart } from '../charts/LineChart';
import type { ChartSeries } from '../charts/LineChart';
import { SummaryView } from '../summary/SummaryView';
import { clock, hasRangeOfMotion, exerciseName, percent } from '../summary/format';
import { HistoryNotices } from './HistoryNotices';
import {
  deleteAllSessions, deleteSession, downloadHistory, importHistoryText, loadHistory, useHistory,
} from './historyStore';
import { exercisesWithSessions, progressByDay } from './progress';
import '../summary/summary.css';
import './history.css';

export function HistoryPage() {
  const status = useHistory((s) => s.status);
  const sessions = useHistory((s) => s.sessions);
  const [openId, setOpenId] = useState<string | null>(null);
  useEffect(() => { void loadHistory(); }, []);

  const open = openId ? sessions.find((s) => s.id === openId) ?? null : null;
  if (open) {
    return (
      <section className="history" aria-label="History">
        <button type="button" className="back" onClick={() => setOpenId(null)}>← Back to history</button>
        <HistoryNotices />
        <SummaryView record={open} />
      </section>
    );
  }
  return (
    <section className="history" aria-label="History">
      <header className="history-head">
        <h2>History</h2>
        <HistoryActions hasSessions={sessions.length > 0} />
      </header>
      <HistoryNotices />
      <ImportReportLine />
      {status === 'loading' && <p>Loading your sessions…</p>}
      {status !== 'loading' && sessions.length === 0 && (
        <div className="history-empty" data-testid="history-empty">
          <p>No sessions yet.</p>
          <p className="hint">Every set you do is saved here as it happens, on this device only. You can also analyse a recording, or import an export file.</p>
        </div>
      )}
      {sessions.length > 0 && <Progress sessions={sessions} />}
      {sessions.length > 0 && <SessionList sessions={sessions} onOpen={setOpenId} />}
    </section>
  );
}

function HistoryActions({ hasSessions }: { hasSessions: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="row history-actions">
      <button type="button" onClick={() => void downloadHistory()} disabled={!hasSessions}>Export (JSON)</button>
      <button type="button" onClick={() => file.current?.click()}>Import…</button>
      <input
        ref={file} type="file" accept="application/json,.json" hidden aria-label="Import a history file"
        data-testid="import-input"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void f.text().then(importHistoryText);
        }}
      />
      {!confirming && <button type="button" onClick={() => setConfirming(true)} disabled={!hasSessions}>Delete all…</button>}
      {confirming && (
        <span className="confirm" role="group" aria-label="Confirm delete all">
          Delete every saved session?
          <button type="button" className="danger" onClick={() => { setConfirming(false); void deleteAllSessions(); }}>Yes, delete all</button>
          <button type="button" onClick={() => setConfirming(false)} autoFocus>Keep them</button>
        </span>
      )}
    </div>
  );
}

function ImportReportLine() {
  const r = useHistory((s) => s.lastImport);
  if (!r) return null;
  if (r.error) return <p className="import-report error" role="status">Import failed: {r.error}</p>;
  return (
    <div className="import-report" role="status" data-testid="import-report">
      <p>Imported {r.added} session{r.added === 1 ? '' : 's'}.{r.rejected.length > 0 && ` ${r.rejected.length} could not be read and ${r.rejected.length === 1 ? 'was' : 'were'} skipped:`}</p>
      {r.rejected.length > 0 && (
        <ul>{r.rejected.slice(0, 10).map((x) => <li key={x.index}>session {x.index + 1}: {x.reason}</li>)}</ul>
      )}
    </div>
  );
}

function countText(s: SessionRecord): string {
  const parts: string[] = [];
  if (s.reps.total > 0 || s.holdSec.total === 0) {
    parts.push(`${s.reps.total} rep${s.reps.total === 1 ? '' : 's'}${s.reps.left + s.reps.right > 0 ? ` (L ${s.reps.left}, R ${s.reps.right})` : ''}`);
  }
  if (s.holdSec.total > 0) {
    parts.push(`held ${clock(s.holdSec.total)}${s.holdSec.left + s.holdSec.right > 0 ? ` (L ${clock(s.holdSec.left)}, R ${clock(s.holdSec.right)})` : ''}`);
  }
  return parts.join(', ');
}

function SessionList({ sessions, onOpen }: { sessions: SessionRecord[]; onOpen: (id: string) => void }) {
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const newestFirst = useMemo(() => [...sessions].reverse(), [sessions]);
  return (
    <div className="history-list">
      <h3>Sessions</h3>
      <div className="table-scroll">
      <table data-testid="session-table">
        <thead>
          <tr><th scope="col">Date</th><th scope="col">Exercise</th><th scope="col">Done</th><th scope="col">Good form</th><th scope="col">Pain before → after</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          {newestFirst.map((s) => {
            const d = new Date(s.startedAt);
            return (
              <tr key={s.id} data-testid="session-row">
                <td>{d.toLocaleDateString()} {d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</td>
                <td>
                  <button type="button" className="linkish" onClick={() => onOpen(s.id)}>{exerciseName(s.exerciseId)}</button>
                  {s.source === 'analysis' && <small> (recording)</small>}
                </td>
                <td>{countText(s)}</td>
                <td>{percent(goodFormShare(s))}</td>
                <td>{s.painBefore ?? '—'} → {s.painAfter ?? '—'}{s.painBefore !== null && s.painAfter !== null && s.painAfter > s.painBefore ? ' ▲ rose' : ''}</td>
                <td>
                  {confirmId === s.id
                    ? (
                      <span className="confirm">
                        <button type="button" className="danger" onClick={() => { setConfirmId(null); void deleteSession(s.id); }}>Delete</button>
                        <button type="button" onClick={() => setConfirmId(null)}>Keep</button>
                      </span>
                    )
                    : <button type="button" onClick={() => setConfirmId(s.id)} aria-label={`Delete the ${exerciseName(s.exerciseId)} session of ${d.toLocaleString()}`}>Delete…</button>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </div>
  );
}

const PAIN_RANGE: [number, number] = [0, 10];
const PERCENT_RANGE: [number, number] = [0, 100];

function Progress({ sessions }: { sessions: SessionRecord[] }) {
  const ids = useMemo(() => exercisesWithSessions(sessions), [sessions]);
  const [chosen, setChosen] = useState<string | null>(null);
  const id = chosen && ids.includes(chosen) ? chosen : ids[0] ?? '';
  const days = useMemo(() => progressByDay(sessions, id), [sessions, id]);
  const charts = useMemo(() => {
    const x = days.map((d) => d.day);
    const pain: ChartSeries[] = [
      { label: 'Pain before (0–10)', values: days.map((d) => d.painBefore), color: '#ffd166', scale: 'y2', points: true, span: true, dash: [6, 4] },
      { label: 'Pain after (0–10)', values: days.map((d) => d.painAfter), color: '#ff6b60', scale: 'y2', points: true, span: true, dash: [2, 4] },
    ];
    const sample = sessions.find((s) => s.exerciseId === id);
    const unit = sample?.metric.unit ?? '';
    // Stretches: how far the person got. Strengthening: how well they kept form (a bigger or smaller key
    // angle is not "better" there, e.g. the bicycle's elbow-to-knee distance).
    const rom: ChartSeries = hasRangeOfMotion(id)
      ? { label: `Best range (${unit || 'value'})`, values: days.map((d) => d.rom), color: '#3ee0c8', points: true, span: true }
      : { label: 'Good form (% of time)', values: days.map((d) => d.goodFormPct), color: '#3ee0c8', points: true, span: true };
    const hasHold = days.some((d) => d.holdSec !== null);
    const work: ChartSeries = hasHold
      ? { label: 'Longest hold (s)', values: days.map((d) => d.holdSec), color: '#8ab4ff', points: true, span: true }
      : { label: 'Reps that day', values: days.map((d) => d.reps), color: '#8ab4ff', points: true, span: true };
    return { x, pain, rom, work, unit, hasHold };
  }, [days, sessions, id]);
  const isRom = hasRangeOfMotion(id);
  const last = days.at(-1);
  return (
    <div className="progress" data-testid="progress">
      <div className="progress-head">
        <h3>Progress</h3>
        <label className="field-inline">
          <span>Exercise</span>
          <select value={id} onChange={(e) => setChosen(e.target.value)}>
            {ids.map((x) => <option key={x} value={x}>{exerciseName(x)}</option>)}
          </select>
        </label>
        <p className="hint">{days.length} day{days.length === 1 ? '' : 's'} with this exercise. One point per day; pain on the right axis.</p>
      </div>
      <div className="progress-charts">
        <LineChart
          title={isRom ? 'Range of motion by day' : 'Good form by day'}
          summary={last
            ? `Latest day: ${isRom ? `best ${last.rom ?? 'unknown'}${charts.unit}` : `good form ${last.goodFormPct ?? 'unknown'} %`}, pain before ${last.painBefore ?? 'not given'}, after ${last.painAfter ?? 'not given'}.`
            : 'No data.'}
          x={charts.x} xTime yLabel={isRom ? (charts.unit === '°' ? 'degrees' : charts.unit || 'value') : '% of time'} yRange={isRom ? undefined : PERCENT_RANGE} y2Label="pain" y2Range={PAIN_RANGE}
          series={[charts.rom, ...charts.pain]} height={200} testId="progress-rom"
        />
        <LineChart
          title={charts.hasHold ? 'Hold time by day' : 'Reps by day'}
          summary={last ? (charts.hasHold ? `Latest day: longest hold ${clock(last.holdSec ?? 0)}.` : `Latest day: ${last.reps ?? 0} reps.`) : 'No data.'}
          x={charts.x} xTime yLabel={charts.hasHold ? 'seconds' : 'reps'} y2Label="pain" y2Range={PAIN_RANGE}
          series={[charts.work, ...charts.pain]} height={200} testId="progress-work"
        />
      </div>
    </div>
  );
}
