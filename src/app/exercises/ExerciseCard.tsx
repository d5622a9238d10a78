// One exercise on the home page, compact: a small moving figure, the name, how to stand to the camera,
// what to have ready, the numbers (sets and reps or hold), changeable right here, and Start. The steps
// fold out under "How to do it". Start says only "Start" on screen; its full name ("Start Plank") is for
// screen readers and begins with the visible word.
import { useState } from 'react';
import type { ExerciseDef } from '../../core/exercises';
import type { RoutineBlock } from '../../session/routine';
import { RoutineError } from '../../session/routine';
import type { Amounts } from '../routine/routineStore';
import { DemoFigure } from './DemoFigure';
import { cameraNeeds, equipmentText } from './cardText';
import './exercises.css';

export interface ExerciseCardProps {
  def: ExerciseDef;
  /** The routine's numbers for this exercise; null when the routine leaves it out (the defaults show). */
  block: RoutineBlock | null;
  /** Saves changed numbers; throws RoutineError with words fit to show when they are out of range. */
  onAmounts: (a: Amounts) => void;
  onStart: () => void;
}

const perSide = (def: ExerciseDef) => def.counter.shape.sides;

export function ExerciseCard({ def, block, onAmounts, onStart }: ExerciseCardProps) {
  const headingId = `ex-${def.id}`;
  const stepsId = `steps-${def.id}`;
  const [showSteps, setShowSteps] = useState(false);
  return (
    <article className="exercise-card" aria-labelledby={headingId} data-testid={`exercise-card-${def.id}`}>
      <DemoFigure exerciseId={def.id} name={def.name} size={72} />
      <h3 id={headingId}>{def.name}</h3>
      <div className="card-body">
        {block ? (
          <AmountsEditor def={def} block={block} onAmounts={onAmounts} />
        ) : (
          <p className="card-line amounts-text">{defaultsText(def)}</p>
        )}
        <p className="card-line">
          <span className="label">Camera:</span> {cameraNeeds(def)}
        </p>
        <p className="card-line">
          <span className="label">You need:</span> {equipmentText(def.id)}
        </p>
        <div className="card-actions">
          <button type="button" className="start" onClick={onStart} aria-label={`Start ${def.name}`}>
            Start
          </button>
          <button
            type="button"
            className="how-to-toggle"
            aria-expanded={showSteps}
            aria-controls={stepsId}
            onClick={() => setShowSteps((v) => !v)}
            aria-label={`How to do it: ${def.name}`}
          >
            How to do it
          </button>
        </div>
        <ol className="steps" id={stepsId} hidden={!showSteps}>
          {def.instructions.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </div>
    </article>
  );
}

function defaultsText(def: ExerciseDef): string {
  const d = def.defaults;
  const sets = `${d.sets ?? 1} set${(d.sets ?? 1) === 1 ? '' : 's'}`;
  const side = perSide(def) ? ' each side' : '';
  return d.holdSec !== undefined ? `${sets}, hold ${d.holdSec} s${side}` : `${sets} of ${d.reps ?? 10} reps${side}`;
}

/**
 * Sets and reps (or hold seconds) as two number fields. A change is saved when the field is left or
 * Enter is pressed; numbers out of range are refused with a message, and the routine keeps the old ones.
 */
function AmountsEditor({ def, block, onAmounts }: { def: ExerciseDef; block: RoutineBlock; onAmounts: (a: Amounts) => void }) {
  const hold = block.holdSec !== undefined;
  const saved = { sets: String(block.sets), amount: String(hold ? block.holdSec : block.reps) };
  const [draft, setDraft] = useState<typeof saved | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? saved;
  const errorId = `amounts-error-${def.id}`;

  const commit = () => {
    if (!draft) return;
    const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
    const a: Amounts = { sets: num(draft.sets) };
    if (hold) a.holdSec = num(draft.amount);
    else a.reps = num(draft.amount);
    try {
      onAmounts(a);
      setDraft(null);
      setError(null);
    } catch (e) {
      setError(e instanceof RoutineError ? `Not changed: ${e.message}.` : 'Not changed: this browser would not store it.');
    }
  };
  const field = (key: 'sets' | 'amount', label: string, min: number, max: number) => (
    <input
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      className="amount-input"
      aria-label={`${def.name}: ${label}`}
      aria-invalid={error !== null}
      aria-describedby={error ? errorId : undefined}
      value={shown[key]}
      onChange={(e) => setDraft({ ...shown, [key]: e.target.value })}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
  const side = perSide(def) ? ' each side' : '';
  return (
    <div className="amounts">
      <p className="card-line amounts-line">
        {field('sets', 'sets', 1, 10)} <span>{block.sets === 1 && !draft ? 'set' : 'sets'} ×</span>{' '}
        {hold ? field('amount', `hold seconds${side}`, 5, 600) : field('amount', `reps${side}`, 1, 100)}{' '}
        <span>{hold ? 's hold' : 'reps'}</span>
        {side && <span>{side.trim()}</span>}
      </p>
      {error && (
        <p className="form-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
