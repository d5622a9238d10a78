// Before a set (or a routine): what to do, what the camera must see, why the camera is asked for, and
// an optional pain check-in. Start is focused, so Enter starts from the keyboard.
import { useState } from 'react';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import { PainCheck } from './PainCheck';
import { useSession } from './sessionContext';
import { viewNeeded } from '../../words/liveWords';
import type { LiveState } from '../store';
import { useApp } from '../store';
import { formatTime } from '../format/time';

export function CheckIn({ live }: { live: LiveState }) {
  const [pain, setPain] = useState<number | null>(null);
  const units = useApp((s) => s.settings.timeUnits);
  const session = useSession();
  if (!isExerciseId(live.exerciseId)) return null;
  const def = EXERCISES[live.exerciseId];
  const goal = live.target.holdSec !== undefined ? `Hold for ${formatTime(live.target.holdSec, units)}` : `${live.target.reps ?? 0} reps`;
  return (
    <section className="check-in" aria-labelledby="check-in-title">
      <h2 id="check-in-title">{def.name}</h2>
      {live.setLabel && <p className="set-label">{live.setLabel}</p>}
      <p className="goal">
        {goal}
        {def.counter.shape.sides && (def.counter.shape.mode === 'reps' || live.target.holdSec !== undefined) ? ' on each side' : ''}
      </p>
      <div className="check-in-grid">
        <div>
          <h3>
            How to do it<span className="visually-hidden">: {def.name}</span>
          </h3>
          <ol className="steps">
            {def.instructions.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <p>
            <strong>Camera:</strong> {viewNeeded(def)}. Put the laptop 2–3 m away, at floor or chair height.
          </p>
        </div>
        <div>
          <h3>About the camera</h3>
          <p>
            Your browser will ask to use the camera. Form Coach looks at the picture to find your joints and count; the video stays on this
            computer and is never uploaded or saved.
          </p>
          <PainCheck legend="How much does your back hurt right now? (optional)" value={pain} onChange={setPain} />
        </div>
      </div>
      <div className="row big-actions">
        <button type="button" className="primary" autoFocus onClick={() => session.send({ type: 'check-in', pain })}>
          Turn on the camera and start
        </button>
        <button type="button" onClick={() => session.send({ type: 'stop' })}>
          Back
        </button>
      </div>
    </section>
  );
}
