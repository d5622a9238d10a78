// The framing step's panel: a verdict per need in plain words, the one line of guidance, and one Start button
// (it starts now, ticked or not; the set also starts by itself once every need is met). It renders the set
// flow's verdicts; it judges nothing itself.
import { EXERCISES, isExerciseId } from '../../core/exercises';
import type { LiveState } from '../store';
import { useApp } from '../store';
import type { Verdict } from './framing';
import { useSession } from './sessionContext';
import { NEEDS, needLabel } from '../../words/liveWords';

const MARK: Record<Verdict, { sign: string; words: string }> = {
  ok: { sign: '✓', words: 'yes' },
  no: { sign: '✗', words: 'not yet' },
  unknown: { sign: '…', words: 'checking' },
};

export function FramingChecklist({ live }: { live: LiveState }) {
  const session = useSession();
  const failed = useApp((s) => s.error !== null);
  if (!isExerciseId(live.exerciseId)) return null;
  const def = EXERCISES[live.exerciseId];
  if (failed) {
    // An error replaces the framing step: no verdicts to tick while nothing can be seen, and Start waits.
    return (
      <section className="framing" aria-labelledby="framing-title" data-testid="framing">
        <h3 id="framing-title">Before the set</h3>
        <p className="hint" data-testid="framing-blocked">
          The set can start once the problem shown beside is put right.
        </p>
        <div className="row big-actions">
          <button type="button" className="primary" disabled>
            Start now
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="framing" aria-labelledby="framing-title" data-testid="framing">
      <h3 id="framing-title">Before the set</h3>
      <ul className="verdicts">
        {NEEDS.map((n) => {
          const v = live.verdicts[n];
          return (
            <li key={n} className={`verdict verdict-${v}`} data-testid={`verdict-${n}`} data-verdict={v}>
              <span className="verdict-sign" aria-hidden="true">
                {MARK[v].sign}
              </span>
              <span>
                {needLabel(def, n)}
                <span className="visually-hidden">: {MARK[v].words}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <p className={`cue cue-${live.canStart ? 'praise' : 'setup'}`} aria-live="polite" data-testid="cue">
        {live.line ?? ''}
      </p>
      {live.autoStart && <p className="hint">The set starts by itself once everything is ticked.</p>}
      <div className="row big-actions">
        {/* One Start, always the same button (its node is kept while the verdicts update, so a click is never lost):
            it starts now, ticked or not; only an error (nothing to see with) disables it. */}
        {/* On the live screen the focus lands here (not on the page body) when the check-in's button goes. */}
        <button type="button" className="primary" autoFocus={live.autoStart} onClick={() => session.send({ type: 'start', anyway: true })}>
          Start now
        </button>
      </div>
    </section>
  );
}
