// After a set or a routine: the summary of each set (SummaryView), a pain check-in, the caution when
// pain rose, and where to go next ("Next exercise" only inside a routine that has one). Focus moves to the
// heading, so a keyboard or screen-reader user lands on the result after Stop.
import { useEffect, useRef } from 'react';
import { EXERCISES, isExerciseId } from '../../core/exercises';
import { painAdvice } from '../../session/sessionRecorder';
import { SummaryView } from '../summary/SummaryView';
import type { SummaryState } from '../store';
import { go, useApp } from '../store';
import { PainCheck } from './PainCheck';
import { useSession } from './sessionContext';

/** A set stopped before anything was counted is not called finished. */
function title(summary: SummaryState, counted: boolean): string {
  if (!counted) return summary.routineName ? `Routine stopped: ${summary.routineName}` : 'Stopped before anything was counted';
  if (summary.routineName) return `Routine finished: ${summary.routineName}`;
  return summary.records.length > 1 ? `${summary.records.length} sets finished` : 'Set finished';
}

export function SummaryScreen() {
  const summary = useApp((s) => s.summary);
  const session = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  if (!summary) {
    return (
      <section className="summary-screen">
        <h2>Nothing to summarise</h2>
        <button type="button" onClick={() => go('home')}>
          Back home
        </button>
      </section>
    );
  }
  const advice = painAdvice(summary.painBefore, summary.painAfter);
  const nextId = summary.nextExerciseId;
  const next = nextId && isExerciseId(nextId) ? EXERCISES[nextId] : null;
  const counted = summary.records.some((r) => r.reps.total > 0 || r.holdSec.total > 0);
  return (
    <section className="summary-screen" aria-labelledby="summary-title">
      <h2 id="summary-title" ref={heading} tabIndex={-1}>
        {title(summary, counted)}
      </h2>
      {!counted && (
        <p data-testid="nothing-counted">
          {summary.records.length === 0
            ? 'Nothing was counted: the set stopped before counting began.'
            : summary.records.some((r) => r.faults.length > 0)
              ? 'Nothing was counted this time: a form problem was seen, and the count waits until it is put right. See “What to work on” below.'
              : 'Nothing was counted this time. The coach could not see the exercise being done: check the picture on the framing step next time.'}
        </p>
      )}
      {summary.routineName && summary.records.length > 0 && (
        <p>
          {summary.records.length} {summary.records.length === 1 ? 'set' : 'sets'} done.
        </p>
      )}
      {/* Pain after the session: only when something was done (a set stopped before anything counted asks nothing). */}
      {counted && (
        <div className="pain-after" data-testid="pain-after">
          <PainCheck
            legend="How much does your back hurt now? (optional)"
            value={summary.painAfter}
            onChange={(p) => session.send({ type: 'pain-after', pain: p })}
          />
          {summary.painBefore !== null && <p className="hint">Before: {summary.painBefore} / 10</p>}
          {advice && (
            <p className="advice" role="alert" data-testid="pain-advice">
              {advice}
            </p>
          )}
          {summary.painAfter !== null && summary.painSaved && !advice && (
            <p className="hint" role="status">
              Thanks, noted with this session.
            </p>
          )}
        </div>
      )}
      <div className="row big-actions">
        {next && (
          <button type="button" className="primary" onClick={() => session.send({ type: 'next-exercise' })}>
            Next exercise: {next.name}
          </button>
        )}
        <button type="button" onClick={() => go('home')}>
          Back home
        </button>
        <button type="button" onClick={() => go('history')}>
          See history
        </button>
      </div>
      <div className="summary-list">
        {summary.records.map((r) => (
          <SummaryView key={r.id} record={r} />
        ))}
      </div>
    </section>
  );
}
