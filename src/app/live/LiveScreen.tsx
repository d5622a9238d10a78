// The live set: the video with the skeleton, set-up guidance and the countdown written large on it,
// the counter and the one current cue beside it (readable from across the room), and the controls.
// Space pauses/resumes and Escape stops, wherever the focus is.
import { useEffect } from 'react';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import { Stage } from '../components/Stage';
import { ErrorScreen } from '../components/ErrorScreen';
import type { CoachView, LiveState } from '../store';
import { updateSettings, useApp } from '../store';
import { CheckIn } from './CheckIn';
import { skipExercise, skipRest, stop, togglePause } from './liveController';
import { counterText, formatTime } from './target';

const PAUSE_TEXT = {
  user: 'Paused. Press Space to carry on.',
  hidden: 'Paused while the tab was hidden. Press Space to carry on.',
  // The longer how-to ("reconnect it…") is on the video; this line is read from across the room.
  camera: 'Camera stopped. Your count is kept.',
} as const;

export function LiveScreen() {
  const live = useApp((s) => s.live);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA')) return;
      if (e.key === ' ' || e.code === 'Space') {
        // Also stops Space from clicking a focused button: Space means pause here.
        e.preventDefault();
        togglePause();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        stop();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!live) return null;
  if (live.stage === 'check-in') return <CheckIn live={live} />;
  return <LiveSet live={live} />;
}

function LiveSet({ live }: { live: LiveState }) {
  const coach = useApp((s) => s.coach);
  const error = useApp((s) => s.error);
  const mirror = useApp((s) => s.settings.mirror);
  const units = useApp((s) => s.settings.timeUnits);
  const cameraRunning = useApp((s) => s.phase === 'running');
  const def = isExerciseId(live.exerciseId) ? EXERCISES[live.exerciseId] : null;
  if (!def) return null;

  // The one line the person needs now, also announced to screen readers.
  let message: string;
  if (live.stage === 'rest') message = `Rest`;
  else if (live.paused) message = PAUSE_TEXT[live.paused];
  else if (live.stage === 'countdown') message = `Get ready: ${live.countdown}`;
  else if (live.guidance) message = live.guidance;
  else message = coach?.cue ?? (live.stage === 'active' ? 'Counting' : 'Getting you into view…');

  const counting = live.stage === 'active';
  const onVideo = live.stage === 'countdown' ? String(live.countdown) : live.paused ? 'Paused' : live.guidance;

  return (
    <div className="live">
      <section className="live-stage stage-wrap" aria-label="Camera">
        <Stage>
          {onVideo && live.stage !== 'rest' && (
            <div className={live.stage === 'countdown' ? 'video-text countdown' : 'video-text'} aria-hidden="true" data-testid="video-text">
              {onVideo}
            </div>
          )}
        </Stage>
        {live.stage === 'rest' && live.rest && <RestPanel live={live} units={units} />}
        {error && <ErrorScreen error={error} />}
      </section>
      <aside className="live-side" aria-label="Your set">
        <h2 className="live-title">{def.name}</h2>
        {live.setLabel && <p className="set-label">{live.setLabel}</p>}
        {live.stage !== 'rest' && <Counter coach={counting ? coach : null} live={live} units={units} />}
        <p className={`cue cue-${live.paused ? 'paused' : coach?.cueKind ?? 'none'}`} aria-live="polite" data-testid="cue">{message}</p>
        <div className="live-controls">
          {live.stage !== 'rest' && (
            <button type="button" className="primary" onClick={togglePause} disabled={!counting || (live.paused === 'camera' && !cameraRunning)} aria-keyshortcuts="Space">
              {live.paused ? '▶ Resume' : '❚❚ Pause'} <kbd>Space</kbd>
            </button>
          )}
          <button type="button" onClick={stop} aria-keyshortcuts="Escape">■ Stop <kbd>Esc</kbd></button>
          {live.inRoutine && live.stage !== 'rest' && <button type="button" onClick={skipExercise}>Skip exercise</button>}
          <label className="check">
            <input type="checkbox" checked={mirror} onChange={(e) => updateSettings({ mirror: e.target.checked })} />
            <span>Mirror</span>
          </label>
        </div>
      </aside>
    </div>
  );
}

function Counter({ coach, live, units }: { coach: CoachView | null; live: LiveState; units: 'seconds' | 'minutes' }) {
  const hold = live.target.holdSec !== undefined;
  const mode = hold ? 'hold' : 'reps';
  const total = coach ? (hold ? coach.holdSec : coach.reps) : 0;
  const label = hold ? 'Hold time' : 'Reps';
  if (coach?.sides) {
    return (
      <div className="counter-block" data-testid="counter">
        <p className="counter-label">{label}{hold ? ' per side' : ' per side'}</p>
        <p className="counter side"><span className="side-name">Left</span> <Split text={counterText(mode, coach.left, live.target, units)} /></p>
        <p className="counter side"><span className="side-name">Right</span> <Split text={counterText(mode, coach.right, live.target, units)} /></p>
      </div>
    );
  }
  return (
    <div className="counter-block">
      <p className="counter-label">{label}</p>
      <p className="counter" data-testid="counter"><Split text={counterText(mode, total, live.target, units)} /></p>
    </div>
  );
}

/** "0:22 / 0:30": the count large, the target smaller (the text reads the same to a screen reader). */
function Split({ text }: { text: string }) {
  const i = text.indexOf(' / ');
  if (i < 0) return <>{text}</>;
  return <><span className="count-now">{text.slice(0, i)}</span><span className="count-of">{text.slice(i)}</span></>;
}

function RestPanel({ live, units }: { live: LiveState; units: 'seconds' | 'minutes' }) {
  const rest = live.rest;
  if (!rest) return null;
  const next = rest.nextExerciseId && isExerciseId(rest.nextExerciseId) ? EXERCISES[rest.nextExerciseId].name : null;
  return (
    <div className="rest-panel" role="region" aria-label="Rest">
      <p className="rest-title">Rest</p>
      <p className="rest-time" data-testid="rest-time">{formatTime(rest.remainingSec, units)}</p>
      {next && <p className="rest-next">Next: {next}</p>}
      <div className="row big-actions">
        <button type="button" className="primary" onClick={skipRest}>Skip rest</button>
        <button type="button" onClick={skipExercise}>Skip exercise</button>
      </div>
    </div>
  );
}
