// One exercise on the start screen: its name, what the camera must see, the steps in our own words,
// the editable starting amounts, and an animated demo figure drawn from recorded keypoints.
import type { ExerciseDef } from '../../core/exercises';
import { DemoFigure } from './DemoFigure';
import { cameraNeeds, startingAmounts } from './cardText';
import './exercises.css';

export interface ExerciseCardProps {
  def: ExerciseDef;
  onStart: (id: string) => void;
}

export function ExerciseCard({ def, onStart }: ExerciseCardProps) {
  const headingId = `ex-${def.id}`;
  return (
    <article className="exercise-card" aria-labelledby={headingId} data-testid={`exercise-card-${def.id}`}>
      <DemoFigure exerciseId={def.id} name={def.name} />
      <div className="exercise-text">
        <h3 id={headingId}>{def.name}</h3>
        <p className="camera-needs"><span className="label">Camera: </span>{cameraNeeds(def)}</p>
        <ol className="steps">
          {def.instructions.map((s) => <li key={s}>{s}</li>)}
        </ol>
        <p className="hint">{startingAmounts(def)}</p>
        <button type="button" className="start" onClick={() => onStart(def.id)}>Start {def.name}</button>
      </div>
    </article>
  );
}
