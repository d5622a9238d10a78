// Edit the routine: sets, reps or hold, rest per exercise. Saved only when parseRoutine accepts it;
// otherwise its message says what to fix.
import { useState } from 'react';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import type { Routine, RoutineBlock } from '../../session/routine';
import { RoutineError } from '../../session/routine';
import { resetRoutine, saveRoutine } from './routineStore';

export interface RoutineEditorProps {
  routine: Routine;
  onSaved: (r: Routine) => void;
}

type Draft = { exerciseId: string; sets: string; amount: string; restSec: string; hold: boolean };

const toDraft = (r: Routine): Draft[] =>
  r.blocks.map((b) => ({
    exerciseId: b.exerciseId,
    sets: String(b.sets),
    restSec: String(b.restSec),
    hold: b.holdSec !== undefined,
    amount: String(b.holdSec ?? b.reps ?? ''),
  }));

/** Empty or non-numeric stays NaN, so parseRoutine names the field. */
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

export function RoutineEditor({ routine, onSaved }: RoutineEditorProps) {
  const [draft, setDraft] = useState<Draft[]>(() => toDraft(routine));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const edit = (i: number, patch: Partial<Draft>) => setDraft((d) => d.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const save = () => {
    const blocks: RoutineBlock[] = draft.map((d) => {
      const b: RoutineBlock = { exerciseId: d.exerciseId, sets: num(d.sets), restSec: num(d.restSec) };
      if (d.hold) b.holdSec = num(d.amount);
      else b.reps = num(d.amount);
      return b;
    });
    try {
      const saved = saveRoutine({ id: 'mine', name: 'My routine', blocks });
      setMsg({ ok: true, text: 'Saved. The routine now uses these numbers.' });
      onSaved(saved);
    } catch (e) {
      setMsg({ ok: false, text: e instanceof RoutineError ? `Not saved: ${e.message}.` : 'Not saved: the browser refused to store it.' });
    }
  };
  const reset = () => {
    const r = resetRoutine();
    setDraft(toDraft(r));
    setMsg({ ok: true, text: 'Back to the starting defaults.' });
    onSaved(r);
  };

  return (
    <div className="routine-editor">
      <p className="hint">
        These are starting numbers, not a prescription: change them to what you and your physiotherapist agree. Holds are in seconds (per
        side where the exercise has sides).
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Exercise</th>
            <th scope="col">Sets</th>
            <th scope="col">Reps or hold (s)</th>
            <th scope="col">Rest (s)</th>
          </tr>
        </thead>
        <tbody>
          {draft.map((d, i) => {
            const name = isExerciseId(d.exerciseId) ? EXERCISES[d.exerciseId].name : d.exerciseId;
            return (
              <tr key={d.exerciseId + i}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={10}
                    aria-label={`${name}: sets`}
                    value={d.sets}
                    onChange={(e) => edit(i, { sets: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    aria-label={`${name}: ${d.hold ? 'hold seconds' : 'reps'}`}
                    value={d.amount}
                    onChange={(e) => edit(i, { amount: e.target.value })}
                  />
                  <span className="unit">{d.hold ? 's hold' : 'reps'}</span>
                </td>
                <td>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    aria-label={`${name}: rest seconds`}
                    value={d.restSec}
                    onChange={(e) => edit(i, { restSec: e.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row">
        <button type="button" className="primary" onClick={save}>
          Save routine
        </button>
        <button type="button" onClick={reset}>
          Reset to defaults
        </button>
      </div>
      {msg && (
        <p className={msg.ok ? 'hint' : 'form-error'} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </p>
      )}
    </div>
  );
}
