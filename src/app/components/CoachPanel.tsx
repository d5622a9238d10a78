import { EXERCISES } from '../../core/exercises';
import { clock } from '../format/time';
import { updateSettings, useApp } from '../store';

const CHOICES = Object.values(EXERCISES).map((d) => ({ id: d.id, name: d.name, group: d.group }));

/**
 * Exercise choice for the camera check, and the engine's view: the counter and the current cue in large
 * text. The live session steps the engine and pushes only changes through the store.
 */
export function CoachPanel() {
  const exerciseId = useApp((s) => s.settings.exerciseId);
  const coach = useApp((s) => s.coach);
  return (
    <section className="panel coach" aria-labelledby="coach-title">
      <h2 id="coach-title">Exercise</h2>
      <label className="field">
        <select
          aria-label="Choose an exercise"
          value={exerciseId ?? ''}
          onChange={(e) => updateSettings({ exerciseId: e.target.value || null })}
        >
          <option value="">None: just show the skeleton</option>
          <optgroup label="Stretches">
            {CHOICES.filter((x) => x.group === 'stretch').map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Strengthening">
            {CHOICES.filter((x) => x.group === 'strength').map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {exerciseId && coach && (
        <>
          <p className="counter" data-testid="counter">
            {coach.mode === 'hold' ? clock(coach.holdSec) : `${coach.reps} reps`}
          </p>
          <p className="cue" aria-live="polite">
            {coach.cue ?? ''}
          </p>
        </>
      )}
    </section>
  );
}
