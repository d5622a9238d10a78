// The live set: check-in, then the picture with the skeleton and, beside it, the framing checklist, the
// counter, the one line for the person and the controls. It renders the set flow's state (store.live); it
// computes no form. Space pauses/resumes and Escape stops, wherever the focus is.
import { useEffect } from 'react';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import { Stage } from '../components/Stage';
import { ErrorScreen } from '../components/ErrorScreen';
import type { CoachView, LiveState } from '../store';
import { updateSettings, useApp } from '../store';
import { formatTime } from '../format/time';
import { CheckIn } from './CheckIn';
import { FramingChecklist } from './FramingChecklist';
import { useSession } from './sessionContext';
import { counterText, holdLeftText } from './target';
import { GOOD_FORM_LABEL } from '../../session/figures';

export function LiveScreen() {
  const live = useApp((s) => s.live);
  const session = useSession();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA')) return;
      if (e.key === ' ' || e.code === 'Space') {
        // Also stops Space from clicking a focused button: Space means pause here.
        e.preventDefault();
        session.send({ type: 'toggle-pause' });
      } else if (e.key === 'Escape') {
        e.preventDefault();
        session.send({ type: 'stop' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);

  if (!live) return null;
  if (live.stage === 'check-in') return <CheckIn live={live} />;
  return <LiveSet live={live} />;
}

/** The text on the picture, beside the body (never over the joints the exercise is about). */
export function OnPicture({ live }: { live: LiveState }) {
  const text = live.stage === 'countdown' ? String(live.countdown)
    : live.stage === 'paused' ? 'Paused'
    : live.stage === 'framing' && live.lineKind === 'setup' && !live.canStart ? live.line
    : null;
  if (!text) return null;
  const { side, size } = live.banner;
  // The band beside the body the text may fill, as a share of the picture (at least a fifth, so it reads).
  const band = `${Math.round(Math.max(0.2, Math.min(0.5, size)) * 100)}%`;
  const style = side === 'top' || side === 'bottom' ? { height: band } : { width: band };
  const cls = `video-text at-${side}${live.stage === 'countdown' ? ' countdown' : ''}`;
  return <div className={cls} style={style} aria-hidden="true" data-testid="video-text" data-side={side}>{text}</div>;
}

function LiveSet({ live }: { live: LiveState }) {
  const session = useSession();
  const coach = useApp((s) => s.coach);
  const error = useApp((s) => s.error);
  const mirror = useApp((s) => s.settings.mirror);
  const units = useApp((s) => s.settings.timeUnits);
  const cameraRunning = useApp((s) => s.phase === 'running');
  const def = isExerciseId(live.exerciseId) ? EXERCISES[live.exerciseId] : null;
  if (!def) return null;

  const counting = live.stage === 'counting' || live.stage === 'paused';
  const message = live.stage === 'rest' ? 'Rest'
    : live.stage === 'countdown' ? `Get ready: ${live.countdown}`
    : live.line ?? '';
  const cueClass = live.stage === 'paused' ? 'paused' : live.lineKind ?? 'none';

  return (
    <div className="live">
      <section className="live-stage stage-wrap" aria-label="Camera">
        <Stage>{live.stage !== 'rest' && <OnPicture live={live} />}</Stage>
        {live.stage === 'rest' && live.rest && <RestPanel live={live} units={units} />}
        {error && <ErrorScreen error={error} />}
      </section>
      <aside className="live-side" aria-label="Your set">
        <h2 className="live-title">{def.name}</h2>
        {live.setLabel && <p className="set-label">{live.setLabel}</p>}
        {live.stage === 'framing'
          ? <FramingChecklist live={live} />
          : live.stage !== 'rest' && <Counter coach={counting ? coach : null} live={live} units={units} />}
        {counting && coach?.goodForm && <p className="live-good-form" data-testid="live-good-form">{GOOD_FORM_LABEL}: {coach.goodForm}</p>}
        {live.stage !== 'framing' && (
          <p className={`cue cue-${cueClass}`} aria-live="polite" data-testid="cue">{message}</p>
        )}
        <div className="live-controls">
          {live.stage !== 'rest' && live.stage !== 'framing' && (
            <button type="button" className="primary" onClick={() => session.send({ type: 'toggle-pause' })}
              disabled={!counting || (live.paused === 'camera' && !cameraRunning)} aria-keyshortcuts="Space">
              {live.stage === 'paused' && live.paused !== 'setup' ? '▶ Resume' : '❚❚ Pause'} <kbd>Space</kbd>
            </button>
          )}
          <button type="button" onClick={() => session.send({ type: 'stop' })} aria-keyshortcuts="Escape">■ Stop <kbd>Esc</kbd></button>
          {live.inRoutine && live.stage !== 'rest' && <button type="button" onClick={() => session.send({ type: 'skip-exercise' })}>Skip exercise</button>}
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
  // Keyed on the rep count: each counted rep mounts the block again and replays its pulse.
  const cls = `counter-block${live.repPulse > 0 ? ' pulse' : ''}`;
  if (coach?.sides) {
    const left = hold ? holdLeftText(Math.min(coach.left, coach.right), live.target, units) : null;
    return (
      <div key={live.repPulse} className={cls} data-testid="counter" data-pulse={live.repPulse}>
        <p className="counter-label">{label} per side</p>
        <p className="counter side"><span className="side-name">Left</span> <Split text={counterText(mode, coach.left, live.target, units)} /></p>
        <p className="counter side"><span className="side-name">Right</span> <Split text={counterText(mode, coach.right, live.target, units)} /></p>
        {left && <p className="hold-left" data-testid="hold-left">{left} on the shorter side</p>}
      </div>
    );
  }
  const left = hold ? holdLeftText(total, live.target, units) : null;
  return (
    <div key={live.repPulse} className={cls} data-pulse={live.repPulse}>
      <p className="counter-label">{label}</p>
      <p className="counter" data-testid="counter"><Split text={counterText(mode, total, live.target, units)} /></p>
      {left && <p className="hold-left" data-testid="hold-left">{left}</p>}
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
  const session = useSession();
  const rest = live.rest;
  if (!rest) return null;
  const next = rest.nextExerciseId && isExerciseId(rest.nextExerciseId) ? EXERCISES[rest.nextExerciseId].name : null;
  return (
    <div className="rest-panel" role="region" aria-label="Rest">
      <p className="rest-title">Rest</p>
      <p className="rest-time" data-testid="rest-time">{formatTime(rest.remainingSec, units)}</p>
      {next && <p className="rest-next">Next: {next}</p>}
      <div className="row big-actions">
        <button type="button" className="primary" onClick={() => session.send({ type: 'skip-rest' })}>Skip rest</button>
        {live.inRoutine && <button type="button" onClick={() => session.send({ type: 'skip-exercise' })}>Skip exercise</button>}
      </div>
    </div>
  );
}
