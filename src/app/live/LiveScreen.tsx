// The live set: check-in, then the picture with the skeleton and, beside it, the framing checklist, the
// counter, the one line for the person and the controls. It renders the set flow's state (store.live); it
// computes no form. Space pauses/resumes and Escape ends the exercise, wherever the focus is.
//
// Controls keep their DOM node while the screen updates (a click on a slow laptop is never dropped): each is
// rendered at one place, its words changing, not its element. Accessible names carry no glyphs or key symbols:
// "Pause (Space)", "End exercise (Esc)".
import { useEffect, useRef } from 'react';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import { VOICE_WORDS } from '../../words/liveWords';
import { Stage } from '../components/Stage';
import { ErrorScreen } from '../components/ErrorScreen';
import { useVoiceState } from '../components/useVoiceState';
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
  const failed = useApp((s) => s.error !== null);
  // An error replaces the framing step: nothing is written over it.
  const text = failed
    ? null
    : live.stage === 'countdown'
      ? String(live.countdown)
      : live.stage === 'paused'
        ? 'Paused'
        : live.stage === 'framing' && live.lineKind === 'setup' && !live.canStart
          ? live.line
          : null;
  if (!text) return null;
  const { side, size } = live.banner;
  // The band beside the body the text may fill, as a share of the picture (at least a fifth, so it reads).
  const band = `${Math.round(Math.max(0.2, Math.min(0.5, size)) * 100)}%`;
  const style = side === 'top' || side === 'bottom' ? { height: band } : { width: band };
  const cls = `video-text at-${side}${live.stage === 'countdown' ? ' countdown' : ''}`;
  return (
    <div className={cls} style={style} aria-hidden="true" data-testid="video-text" data-side={side}>
      {text}
    </div>
  );
}

function LiveSet({ live }: { live: LiveState }) {
  const session = useSession();
  const coach = useApp((s) => s.coach);
  const error = useApp((s) => s.error);
  const mirror = useApp((s) => s.settings.mirror);
  const units = useApp((s) => s.settings.timeUnits);
  const cameraRunning = useApp((s) => s.phase === 'running');
  const pauseRef = useRef<HTMLButtonElement>(null);
  const stage = useRef(live.stage);
  // Counting begins ("Go"): the focus goes to Pause, so Space and Enter do what the person expects and a screen
  // reader lands on the set's controls.
  useEffect(() => {
    if (live.stage === 'counting' && (stage.current === 'countdown' || stage.current === 'framing')) pauseRef.current?.focus();
    stage.current = live.stage;
  }, [live.stage]);
  const def = isExerciseId(live.exerciseId) ? EXERCISES[live.exerciseId] : null;
  if (!def) return null;

  const counting = live.stage === 'counting' || live.stage === 'paused';
  const message = live.stage === 'rest' ? 'Rest' : live.stage === 'countdown' ? `Get ready: ${live.countdown}` : (live.line ?? '');
  const cueClass = live.stage === 'paused' ? 'paused' : (live.lineKind ?? 'none');
  const resumes = live.stage === 'paused' && live.paused !== 'setup';

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
        {live.stage === 'framing' ? (
          <FramingChecklist live={live} />
        ) : (
          live.stage !== 'rest' && <Counter coach={counting ? coach : null} live={live} units={units} />
        )}
        {counting && coach?.goodForm && (
          <p className="live-good-form" data-testid="live-good-form">
            {GOOD_FORM_LABEL}: {coach.goodForm}
          </p>
        )}
        {live.stage !== 'framing' && (
          <p className={`cue cue-${cueClass}`} aria-live="polite" data-testid="cue">
            {message}
          </p>
        )}
        <VoiceNote />
        <div className="live-controls">
          {live.stage !== 'rest' && live.stage !== 'framing' && (
            <button
              type="button"
              ref={pauseRef}
              className="primary"
              onClick={() => session.send({ type: 'toggle-pause' })}
              disabled={!counting || (live.paused === 'camera' && !cameraRunning)}
              aria-keyshortcuts="Space"
              data-testid="pause"
            >
              {/* The name is the words ("Pause (Space)"): the glyph is hidden from screen readers. */}
              <span aria-hidden="true">{resumes ? '▶ ' : '❚❚ '}</span>
              {resumes ? 'Resume' : 'Pause'}{' '}
              <span className="key-hint">
                (<kbd>Space</kbd>)
              </span>
            </button>
          )}
          <button type="button" onClick={() => session.send({ type: 'stop' })} aria-keyshortcuts="Escape">
            <span aria-hidden="true">■ </span>End exercise{' '}
            <span className="key-hint">
              (<kbd>Esc</kbd>)
            </span>
          </button>
          {live.nextSet && live.stage !== 'rest' && (
            <button type="button" onClick={() => session.send({ type: 'skip-set' })}>
              Skip to next set
            </button>
          )}
          {live.inRoutine && live.stage !== 'rest' && (
            <button type="button" onClick={() => session.send({ type: 'skip-exercise' })}>
              Skip to next exercise
            </button>
          )}
          <label className="check">
            <input type="checkbox" checked={mirror} onChange={(e) => updateSettings({ mirror: e.target.checked })} />
            <span>Mirror</span>
          </label>
        </div>
      </aside>
    </div>
  );
}

/** Whether the cues are heard: said when they are not, with what to do about it. */
function VoiceNote() {
  const state = useVoiceState();
  if (state === 'off')
    return (
      <p className="voice-note" data-testid="voice-note">
        {VOICE_WORDS.off}
      </p>
    );
  if (state !== 'unavailable') return null;
  return (
    <p className="voice-note" data-testid="voice-note">
      <strong>{VOICE_WORDS.unavailable}</strong> {VOICE_WORDS.howTo}
    </p>
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
    const now = live.sides?.now ?? null;
    const nowCount = now === 'left' ? coach.left : now === 'right' ? coach.right : Math.min(coach.left, coach.right);
    const left = hold ? holdLeftText(nowCount, live.target, units) : null;
    const side = (key: 'left' | 'right', name: string, n: number) => {
      const done = live.sides?.done[key] ?? false;
      return (
        <p
          className={`counter side${now === key ? ' now' : ''}${done ? ' done' : ''}`}
          data-side={key}
          aria-current={now === key ? 'step' : undefined}
        >
          <span className="side-name">
            {name}
            {done ? <span className="side-mark"> done</span> : now === key ? <span className="side-mark"> now</span> : null}
          </span>{' '}
          <Split text={counterText(mode, n, live.target, units)} />
        </p>
      );
    };
    return (
      <div key={live.repPulse} className={cls} data-testid="counter" data-pulse={live.repPulse}>
        <p className="counter-label">{label} per side</p>
        {side('left', 'Left', coach.left)}
        {side('right', 'Right', coach.right)}
        {left && (
          <p className="hold-left" data-testid="hold-left">
            {left}
            {now ? ` on the ${now} side` : ' on the shorter side'}
          </p>
        )}
      </div>
    );
  }
  const left = hold ? holdLeftText(total, live.target, units) : null;
  return (
    <div key={live.repPulse} className={cls} data-pulse={live.repPulse}>
      <p className="counter-label">{label}</p>
      <p className="counter" data-testid="counter">
        <Split text={counterText(mode, total, live.target, units)} />
      </p>
      {left && (
        <p className="hold-left" data-testid="hold-left">
          {left}
        </p>
      )}
    </div>
  );
}

/** "0:22 / 0:30": the count large, the target smaller (the text reads the same to a screen reader). */
function Split({ text }: { text: string }) {
  const i = text.indexOf(' / ');
  if (i < 0) return <>{text}</>;
  return (
    <>
      <span className="count-now">{text.slice(0, i)}</span>
      <span className="count-of">{text.slice(i)}</span>
    </>
  );
}

function RestPanel({ live, units }: { live: LiveState; units: 'seconds' | 'minutes' }) {
  const session = useSession();
  const rest = live.rest;
  if (!rest) return null;
  const next = rest.nextExerciseId && isExerciseId(rest.nextExerciseId) ? EXERCISES[rest.nextExerciseId].name : null;
  return (
    <div className="rest-panel" role="region" aria-label="Rest">
      <p className="rest-title">Rest</p>
      <p className="rest-time" data-testid="rest-time">
        {formatTime(rest.remainingSec, units)}
      </p>
      {next && <p className="rest-next">Next: {next}</p>}
      <div className="row big-actions">
        <button type="button" className="primary" onClick={() => session.send({ type: 'skip-rest' })}>
          Skip rest
        </button>
        {live.inRoutine && (
          <button type="button" onClick={() => session.send({ type: 'skip-exercise' })}>
            Skip to next exercise
          </button>
        )}
      </div>
    </div>
  );
}
