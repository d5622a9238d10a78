import { useApp } from '../store';

/**
 * The engine's view: counter and current cue in large text. Empty until the engine is wired
 * (src/core/engine.ts); the frame loop pushes changes through the store.
 */
export function CoachPanel() {
  const coach = useApp((s) => s.coach);
  if (!coach) return null;
  return (
    <section className="panel coach" aria-label="Coaching">
      <p className="counter" data-testid="reps">{coach.reps > 0 ? `${coach.reps} reps` : `${coach.holdSec.toFixed(0)} s`}</p>
      <p className="cue" aria-live="assertive">{coach.cue ?? ''}</p>
    </section>
  );
}
