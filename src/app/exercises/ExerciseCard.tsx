// SEAM (owned by the "history/analysis/summary" helper; the live-flow helper's home screen lists these).
// One exercise: name, what the camera must see, the steps in our own words, and an animated demo figure.
import type { ExerciseDef } from '../../core/exercises';

export interface ExerciseCardProps {
  def: ExerciseDef;
  onStart: (id: string) => void;
}

export function ExerciseCard({ def, onStart }: ExerciseCardProps) {
  return (
    <article aria-label={def.name}>
      <h3>{def.name}</h3>
      <button type="button" onClick={() => onStart(def.id)}>Start {def.name}</button>
    </article>
  );
}
