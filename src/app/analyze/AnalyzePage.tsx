// Analyse a recording: choose the exercise first (nothing is assumed), then a video file; the same
// pipeline as the live coach runs
// over it frame by frame (analyzeVideo.ts) with progress and cancel; then the same summary, plus a
// timeline of holds, reps and faults where a click seeks the video. The result can be saved to history.
// Bad input (not a video, damaged, cut short) ends in one clear message.
import { useEffect, useMemo, useRef, useState } from 'react';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import type { ExerciseId } from '../../core/exercises';
import { appStore, useApp } from '../store';
import { MODEL_LABELS } from '../models';
import { accuracyLabel } from '../settings/accuracy';
import { SummaryView } from '../summary/SummaryView';
import { saveSession } from '../history/historyStore';
import { HistoryNotices } from '../history/HistoryNotices';
import type { AnalyzeResult } from './analyzeVideo';
import { AnalysisCancelled, analyzeVideo, VideoFileError } from './analyzeVideo';
import { describeFailure } from '../errors';
import { Timeline } from './Timeline';
import { ReviewOverlay } from './ReviewOverlay';
import { MarkedMoments, NotCounted } from './ReviewTables';
import { markedMoments, notCountedSpans, timeLeftText } from './review';
import '../summary/summary.css';
import './analyze.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; text: string; done: number; total: number; elapsedMs: number }
  | { kind: 'error'; text: string; technical: string }
  | { kind: 'cancelled' }
  | { kind: 'done'; result: AnalyzeResult };

const ALL = Object.values(EXERCISES);

/** Test and bench builds: ?analysisWorkers=N sets how many pose models run side by side (default: the cores). */
function workersFromUrl(): number | undefined {
  if (!__FORM_COACH_HOOKS__) return undefined;
  const n = Number(new URLSearchParams(globalThis.location?.search ?? '').get('analysisWorkers') ?? NaN);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** A file we could not read says so in our own words; anything else is worded by errors.ts (raw text in Details). */
function analysisError(e: unknown): Status {
  if (e instanceof VideoFileError) return { kind: 'error', text: e.message, technical: '' };
  const a = describeFailure(e, 'starting');
  console.error(`Form Coach: ${a.title}.`, e);
  return { kind: 'error', text: `${a.title}. ${a.detail.replace(/`/g, '')}`, technical: a.technical };
}

export function AnalyzePage() {
  const video = useRef<HTMLVideoElement>(null);
  const preview = useRef<HTMLCanvasElement>(null);
  const abort = useRef<AbortController | null>(null);
  const url = useRef<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  // No default: analysing a video as the wrong exercise gives a confident, wrong summary.
  const [exerciseId, setExerciseId] = useState<ExerciseId | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const showDebug = useApp((s) => s.settings.showDebug);
  const [saved, setSaved] = useState(false);
  const settings = appStore.getState().settings;

  // Stop the analysis and free the file when leaving the page.
  useEffect(
    () => () => {
      abort.current?.abort();
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [],
  );

  async function run(): Promise<void> {
    const v = video.current;
    if (!file || !v || !exerciseId) return;
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = URL.createObjectURL(file);
    setSaved(false);
    setStatus({ kind: 'running', text: 'Opening the video…', done: 0, total: 0, elapsedMs: 0 });
    // The pace (for the time left) is taken from the first analysed frame on, not from opening the model.
    let firstAt = Number.NaN;
    try {
      const result = await analyzeVideo({
        url: url.current,
        fileName: file.name,
        exerciseId,
        model: settings.model,
        backend: settings.backend,
        video: v,
        preview: preview.current,
        signal: ctrl.signal,
        workers: workersFromUrl(),
        onProgress: (done, total) => {
          const t = performance.now();
          if (Number.isNaN(firstAt) && done > 0) firstAt = t;
          setStatus((s) => (s.kind === 'running' ? { ...s, done, total, elapsedMs: Number.isNaN(firstAt) ? 0 : t - firstAt } : s));
        },
        onStatus: (text) => setStatus((s) => (s.kind === 'running' ? { ...s, text } : s)),
      });
      if (!ctrl.signal.aborted) setStatus({ kind: 'done', result });
    } catch (e) {
      if (e instanceof AnalysisCancelled || ctrl.signal.aborted) setStatus({ kind: 'cancelled' });
      else setStatus(analysisError(e));
    }
  }

  const seek = (sec: number) => {
    const v = video.current;
    if (!v) return;
    v.currentTime = sec;
    v.scrollIntoView({ block: 'nearest' });
  };

  const running = status.kind === 'running';
  const done = status.kind === 'done' ? status.result : null;
  const review = useMemo(() => {
    if (!done) return null;
    const def = EXERCISES[done.summary.exercise];
    const label = done.record.metric.label;
    return {
      moments: markedMoments(done.frames, done.summary, done.repsAt, done.record.metric.unit),
      spans: notCountedSpans(done.frames, def),
      label: label ? label.charAt(0).toUpperCase() + label.slice(1) : 'Measured',
    };
  }, [done]);
  return (
    <section className="analyze" aria-label="Analyse a recording">
      <h2>Analyse a recording</h2>
      <p className="hint">
        Choose the exercise, then a video of yourself doing it. The video is analysed here, on this computer; nothing is uploaded. Accuracy:{' '}
        {accuracyLabel(settings.model) ?? MODEL_LABELS[settings.model].name}; change it in Settings.
      </p>
      <ol className="analyze-controls">
        <li>
          <label className="field">
            <span>1. Exercise in the video</span>
            <select
              value={exerciseId ?? ''}
              disabled={running}
              data-testid="analyze-exercise"
              onChange={(e) => {
                if (isExerciseId(e.target.value)) {
                  setExerciseId(e.target.value);
                  setStatus({ kind: 'idle' });
                }
              }}
            >
              <option value="" disabled>
                Choose the exercise…
              </option>
              <optgroup label="Stretches">
                {ALL.filter((d) => d.group === 'stretch').map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Strengthening">
                {ALL.filter((d) => d.group === 'strength').map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
        </li>
        <li>
          <label className="field">
            <span>2. Video file</span>
            <input
              type="file"
              accept="video/*"
              disabled={running || !exerciseId}
              data-testid="video-input"
              aria-describedby={exerciseId ? undefined : 'analyze-first'}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setStatus({ kind: 'idle' });
              }}
            />
          </label>
          {!exerciseId && (
            <p className="hint" id="analyze-first">
              Choose the exercise first.
            </p>
          )}
        </li>
        <li className="row">
          <button type="button" className="start" disabled={!file || !exerciseId || running} onClick={() => void run()}>
            Analyse
          </button>
          {running && (
            <button type="button" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          )}
        </li>
      </ol>

      {status.kind === 'running' && (
        <div className="analyze-progress" role="status" aria-live="polite">
          <span>{status.text}</span>
          <progress max={Math.max(1, status.total)} value={status.done} aria-label="Analysis progress" />
          <span>{status.total > 0 ? `${Math.round((100 * status.done) / status.total)} %` : ''}</span>
          <span data-testid="time-left">{timeLeftText(status.elapsedMs, status.done, status.total) ?? ''}</span>
        </div>
      )}
      {status.kind === 'error' && (
        <div role="alert">
          <p className="analyze-error" data-testid="analyze-error">
            {status.text}
          </p>
          {status.technical && (
            <details className="error-details">
              <summary>Details</summary>
              <pre>{status.technical}</pre>
            </details>
          )}
        </div>
      )}
      {status.kind === 'cancelled' && <p role="status">Analysis cancelled.</p>}
      {done?.partial && (
        <p className="analyze-error" role="alert">
          {done.partial}
        </p>
      )}
      {done && done.summary.poseCoverage === 0 && (
        <p className="analyze-error" role="alert">
          No person was found in this recording, so nothing was counted.
        </p>
      )}

      <div className="analyze-media" hidden={status.kind === 'idle' || status.kind === 'error'}>
        <div className="review-wrap">
          <video ref={video} className="analyze-video" controls={!running} playsInline muted data-testid="analyze-video" />
          {done && <ReviewOverlay video={video.current} frames={done.frames} size={done.frameSize} />}
        </div>
        {/* Always mounted, so the analysis has it from the first frame; shown while it runs. */}
        <canvas
          ref={preview}
          className="analyze-preview"
          hidden={!running}
          aria-label="The frame being analysed, with the body points found"
        />
      </div>

      {done && (
        <>
          <p className="hint" data-testid="analysis-timing">
            Analysed {done.durationSec.toFixed(1)} s of video in {(done.timing.totalMs / 1000).toFixed(1)} s
            {done.timing.workers > 1 ? `, ${done.timing.workers} parts side by side` : ''}.
            {showDebug && (
              <>
                {' '}
                {done.timing.frames} frames: {Math.round(done.timing.modelMs / Math.max(1, done.timing.frames))} ms per frame in the pose
                model, {Math.round(done.timing.seekMs / Math.max(1, done.timing.frames))} ms reading the video.
              </>
            )}
          </p>
          <Timeline
            durationSec={done.durationSec}
            holds={done.summary.holds}
            faults={done.summary.faults}
            repsAt={done.repsAt}
            onSeek={seek}
            gaps={review?.spans ?? []}
          />
          {review && done.summary.poseCoverage > 0 && (
            <div className="review-tables">
              <MarkedMoments moments={review.moments} label={review.label} onSeek={seek} />
              <NotCounted spans={review.spans} onSeek={seek} />
            </div>
          )}
          <div className="row">
            <button
              type="button"
              onClick={() => {
                void saveSession(done.record).then(() => setSaved(true));
              }}
              disabled={saved}
            >
              {saved ? 'Saved to history' : 'Save to history'}
            </button>
            <span className="hint">Kept apart from your own sessions: a recording may show someone else.</span>
          </div>
          <HistoryNotices />
          <SummaryView record={done.record} onSeek={seek} />
        </>
      )}
    </section>
  );
}
