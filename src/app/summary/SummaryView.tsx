// SEAM (owned by the "history/analysis/summary" helper; the live-flow helper mounts it).
// Renders one finished (or crashed) set: counts per side, hold time, share of good form, faults
// with how often and when, range of motion, and a chart of the key angle over the set.
import type { SessionRecord } from '../../storage/schema';

export interface SummaryViewProps {
  record: SessionRecord;
  /** When given (analysis of a recording), fault times become buttons that seek the video. */
  onSeek?: (sec: number) => void;
}

export function SummaryView({ record }: SummaryViewProps) {
  return (
    <section aria-label="Summary">
      <h2>Summary</h2>
      <p>{record.exerciseId}: {record.reps.total} reps, {record.holdSec.total} s held</p>
    </section>
  );
}
