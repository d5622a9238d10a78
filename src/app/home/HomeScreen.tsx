// Home: how a session works in three steps, the safety note, the routine (what it needs, start it,
// change its numbers), and the eleven exercises as compact cards, stretches first. Start routine is the
// first control after the menu, so it is a few Tab presses from page load.
import { useEffect, useRef, useState } from 'react';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import type { ExerciseId } from '../../core/exercises';
import type { Routine } from '../../session/routine';
import { ExerciseCard } from '../exercises/ExerciseCard';
import { routineEquipment } from '../exercises/cardText';
import { useSend } from '../live/sessionContext';
import { useApp } from '../store';
import { clock } from '../format/time';
import { interruptedText } from '../../words/liveWords';
import { RoutineEditor } from '../routine/RoutineEditor';
import { DueToday } from '../report/DueToday';
import { blockFor, loadRoutine, saveAmounts } from '../routine/routineStore';

const ALL = Object.values(EXERCISES);

/** A rough length for the routine: the set times plus rests (reps taken at ~3 s each). */
function routineMinutes(r: Routine): number {
  let sec = 0;
  for (const b of r.blocks) sec += b.sets * ((b.holdSec ?? (b.reps ?? 0) * 3) + 20) + Math.max(0, b.sets - 1) * b.restSec;
  return Math.max(1, Math.round(sec / 60));
}

const listWords = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export function HomeScreen() {
  const send = useSend();
  const [routine, setRoutine] = useState<Routine>(loadRoutine);
  // The editor keeps its own draft; a number changed on a card gives it a fresh start from the routine.
  const [editorKey, setEditorKey] = useState(0);
  const sets = routine.blocks.reduce((s, b) => s + b.sets, 0);
  const ids = routine.blocks.map((b) => b.exerciseId).filter(isExerciseId);
  const gear = routineEquipment(ids).map((g) => g.charAt(0).toLowerCase() + g.slice(1));

  const card = (id: ExerciseId) => {
    const def = EXERCISES[id];
    return (
      <ExerciseCard
        key={id}
        def={def}
        block={blockFor(routine, id)}
        onAmounts={(a) => {
          setRoutine(saveAmounts(routine, id, a));
          setEditorKey((k) => k + 1);
        }}
        onStart={() => send({ type: 'open-exercise', exerciseId: id })}
      />
    );
  };

  return (
    <div className="home">
      <Interrupted />
      <div className="home-intro">
        <section className="how-it-works" aria-labelledby="how-title">
          <h2 id="how-title">How it works</h2>
          <ol className="how-steps">
            <li>
              <strong>Laptop low, 2–3 m away</strong>
              <span>On the floor or a chair. Turn side-on or face it, as each exercise says.</span>
            </li>
            <li>
              <strong>It counts and talks</strong>
              <span>Reps and holds are counted, and you hear and see the one thing to fix.</span>
            </li>
            <li>
              <strong>Nothing leaves this computer</strong>
              <span>The camera picture is checked here, never recorded or sent.</span>
            </li>
          </ol>
        </section>
        <section className="safety" aria-labelledby="safety-title">
          <h2 id="safety-title">Before you start</h2>
          <p>
            Ask your doctor or physiotherapist whether these exercises suit your back. Go slowly, within what feels comfortable.{' '}
            <strong>If the pain gets worse, stop</strong> and get advice.
          </p>
        </section>
      </div>

      <section className="routine-card" aria-labelledby="routine-title">
        <div className="routine-head">
          <div>
            <h2 id="routine-title">Your routine</h2>
            <p className="routine-facts">
              {routine.blocks.length} exercises, {sets} sets, about {routineMinutes(routine)} minutes with rests.
              {gear.length > 0 && <> You will need {listWords(gear)}.</>}
            </p>
            <DueToday routineName={routine.name} />
          </div>
          <button type="button" className="primary big" onClick={() => send({ type: 'open-routine', routine })}>
            Start routine
          </button>
        </div>
        <ol className="routine-list">
          {routine.blocks.map((b, i) => (
            <li key={b.exerciseId + i}>
              {isExerciseId(b.exerciseId) ? EXERCISES[b.exerciseId].name : b.exerciseId}: {b.sets} ×{' '}
              {b.holdSec !== undefined ? `${b.holdSec} s hold` : `${b.reps} reps`}
            </li>
          ))}
        </ol>
        <details className="routine-details">
          <summary>Change rests and numbers for the whole routine</summary>
          <RoutineEditor key={editorKey} routine={routine} onSaved={setRoutine} />
        </details>
      </section>

      <nav className="jump" aria-label="On this page">
        Jump to: <JumpLink to="stretches-title">Stretches</JumpLink> · <JumpLink to="strength-title">Strengthening</JumpLink>
      </nav>
      <section aria-labelledby="stretches-title">
        <h2 id="stretches-title" tabIndex={-1}>
          Stretches
        </h2>
        <div className="card-grid">{ALL.filter((d) => d.group === 'stretch').map((d) => card(d.id))}</div>
      </section>
      <section aria-labelledby="strength-title">
        <h2 id="strength-title" tabIndex={-1}>
          Strengthening
        </h2>
        <div className="card-grid">{ALL.filter((d) => d.group === 'strength').map((d) => card(d.id))}</div>
      </section>
    </div>
  );
}

/** Moves the focus to a heading on this page (not a hash link: the hash is the screen). */
function JumpLink({ to, children }: { to: string; children: string }) {
  return (
    <a
      href={`#${to}`}
      onClick={(e) => {
        e.preventDefault();
        const el = document.getElementById(to);
        el?.focus();
        el?.scrollIntoView({ block: 'start' });
      }}
    >
      {children}
    </a>
  );
}

/** A set cut off by a reload or a crash: carry on with it, or keep what was done. */
function Interrupted() {
  const send = useSend();
  const cut = useApp((s) => s.interrupted);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (cut) yes.current?.focus();
  }, [cut]);
  if (!cut || !isExerciseId(cut.exerciseId)) return null;
  const text = interruptedText(EXERCISES[cut.exerciseId].name, cut.atSec === null ? null : clock(cut.atSec), cut.set, cut.sets);
  return (
    <section className="interrupted panel" role="region" aria-labelledby="interrupted-text" data-testid="interrupted">
      <p id="interrupted-text">
        <strong>{text}</strong>
      </p>
      <div className="row big-actions">
        <button type="button" ref={yes} className="primary" onClick={() => send({ type: 'resume-interrupted' })}>
          Yes, carry on
        </button>
        <button type="button" onClick={() => send({ type: 'discard-interrupted' })}>
          No, keep what I did
        </button>
      </div>
    </section>
  );
}
