// Home: the safety note, the routine (start, or edit its numbers), and the eleven exercises grouped as
// stretches and strengthening.
import { useState } from 'react';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import type { Routine } from '../../session/routine';
import { ExerciseCard } from '../exercises/ExerciseCard';
import { openExercise, openRoutine } from '../live/liveController';
import { RoutineEditor } from '../routine/RoutineEditor';
import { loadRoutine } from '../routine/routineStore';

const ALL = Object.values(EXERCISES);

/** A rough length for the routine: the set times plus rests (reps taken at ~3 s each). */
function routineMinutes(r: Routine): number {
  let sec = 0;
  for (const b of r.blocks) sec += b.sets * ((b.holdSec ?? (b.reps ?? 0) * 3) + 20) + Math.max(0, b.sets - 1) * b.restSec;
  return Math.max(1, Math.round(sec / 60));
}

export function HomeScreen() {
  const [routine, setRoutine] = useState<Routine>(loadRoutine);
  const sets = routine.blocks.reduce((s, b) => s + b.sets, 0);
  return (
    <div className="home">
      <section className="safety" aria-labelledby="safety-title">
        <h2 id="safety-title">Before you start</h2>
        <p>
          Check with your doctor or physiotherapist that these exercises suit your back. Move slowly and within
          what feels comfortable; <strong>if the pain gets worse, stop</strong> and get advice before trying again.
        </p>
      </section>

      <section className="routine-card" aria-labelledby="routine-title">
        <h2 id="routine-title">Your routine</h2>
        <p>
          {routine.blocks.length} exercises, {sets} sets, about {routineMinutes(routine)} minutes, with rests between sets.
          The numbers are editable defaults.
        </p>
        <ol className="routine-list">
          {routine.blocks.map((b, i) => (
            <li key={b.exerciseId + i}>
              {isExerciseId(b.exerciseId) ? EXERCISES[b.exerciseId].name : b.exerciseId}: {b.sets} × {b.holdSec !== undefined ? `${b.holdSec} s hold` : `${b.reps} reps`}
            </li>
          ))}
        </ol>
        <div className="row">
          <button type="button" className="primary big" onClick={() => openRoutine(routine)}>Start routine</button>
        </div>
        <details className="routine-details">
          <summary>Edit the routine</summary>
          <RoutineEditor routine={routine} onSaved={setRoutine} />
        </details>
      </section>

      <section aria-labelledby="stretches-title">
        <h2 id="stretches-title">Stretches</h2>
        <div className="card-grid">
          {ALL.filter((d) => d.group === 'stretch').map((d) => <ExerciseCard key={d.id} def={d} onStart={openExercise} />)}
        </div>
      </section>
      <section aria-labelledby="strength-title">
        <h2 id="strength-title">Strengthening</h2>
        <div className="card-grid">
          {ALL.filter((d) => d.group === 'strength').map((d) => <ExerciseCard key={d.id} def={d} onStart={openExercise} />)}
        </div>
      </section>
    </div>
  );
}
