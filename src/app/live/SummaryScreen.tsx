// After a set or a routine: the summary of each set (SummaryView), a pain check-in, the caution when
// pain rose, and where to go next.
import { EXERCISES, isExerciseId } from '../../core/exercises';
import { painAdvice } from '../../session/sessionRecorder';
import { SummaryView } from '../summary/SummaryView';
import { go, useApp } from '../store';
import { openExercise, setPainAfter } from './liveController';
import { PainCheck } from './PainCheck';

export function SummaryScreen() {
  const summary = useApp((s) => s.summary);
  if (!summary) {
    return (
      <section className="summary-screen">
        <h2>Nothing to summarise</h2>
        <button type="button" onClick={() => go('home')}>Back home</button>
      </section>
    );
  }
  const advice = painAdvice(summary.painBefore, summary.painAfter);
  const next = summary.nextExerciseId && isExerciseId(summary.nextExerciseId) ? EXERCISES[summary.nextExerciseId] : null;
  return (
    <section className="summary-screen" aria-labelledby="summary-title">
      <h2 id="summary-title">{summary.routineName ? `Routine finished: ${summary.routineName}` : 'Set finished'}</h2>
      {summary.records.length === 0 && <p>Nothing was counted this time: the set stopped before counting began.</p>}
      {summary.routineName && summary.records.length > 0 && (
        <p>{summary.records.length} {summary.records.length === 1 ? 'set' : 'sets'} done.</p>
      )}
      <div className="pain-after">
        <PainCheck legend="How much does your back hurt now? (optional)" value={summary.painAfter} onChange={setPainAfter} />
        {summary.painBefore !== null && <p className="hint">Before: {summary.painBefore} / 10</p>}
        {advice && <p className="advice" role="alert">{advice}</p>}
        {summary.painAfter !== null && !advice && <p className="hint" role="status">Thanks, noted with this session.</p>}
      </div>
      <div className="row big-actions">
        {next && <button type="button" className="primary" onClick={() => openExercise(next.id)}>Next exercise: {next.name}</button>}
        <button type="button" onClick={() => go('home')}>Back home</button>
        <button type="button" onClick={() => go('history')}>See history</button>
      </div>
      <div className="summary-list">
        {summary.records.map((r) => <SummaryView key={r.id} record={r} />)}
      </div>
    </section>
  );
}
