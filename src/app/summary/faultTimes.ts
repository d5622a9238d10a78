// How long a fault stood, in words, for the summaries ("from 0:01 to the end, 45 s"): a fault that lasted the
// whole set is not reported as happening "once at 0:01" (issue 21). Pure; read from the record's spans.
import type { FaultTally, SessionRecord } from '../../storage/schema';
import { clock } from '../format/time';

/** A span ending this close to the set's end (s) ran "to the end". */
const TO_END_SEC = 1.5;

const seconds = (s: number) => (s < 1 ? 'a moment' : `${Math.round(s)} s`);

/** When the fault stood and for how long; null for records without spans (older ones), where its starts are listed. */
export function faultWhen(f: FaultTally, r: Pick<SessionRecord, 'setSec' | 'metric'>): string | null {
  const spans = f.spans;
  if (!spans || spans.length === 0) return null;
  const end = r.setSec ?? r.metric.series[r.metric.series.length - 1]?.[0] ?? Number.POSITIVE_INFINITY;
  const one = ([a, b]: [number, number]) =>
    end - b < TO_END_SEC ? `from ${clock(a)} to the end` : a === b ? `at ${clock(a)}` : `from ${clock(a)} to ${clock(b)}`;
  const total = spans.reduce((s, [a, b]) => s + (b - a), 0);
  if (spans.length === 1) return `${one(spans[0]!)}, ${seconds(total)}`;
  const shown = spans.slice(0, 3).map(one).join('; ');
  return `${spans.length} times, ${seconds(total)} in all: ${shown}${spans.length > 3 ? '; …' : ''}`;
}
