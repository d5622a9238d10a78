// Small pure helpers for `npm run bench`: order statistics, long-task attribution, the targets of issue 6.

/** The p-th percentile (0–100) by the nearest-rank method (no interpolation); NaN for no data. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * s.length);
  return s[Math.max(0, rank - 1)]!;
}

export const median = (xs: readonly number[]): number => percentile(xs, 50);

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

export interface Interval {
  start: number;
  end: number;
}
export interface LongTaskSplit {
  total: number;
  /** Long tasks that overlap a model call: the inference is (at least part of) what made them long. */
  inference: number;
  /** Long tasks with no model call in them: our code (engine, drawing, React) or the browser's. */
  other: number;
}

/** Attributes each long task to inference when it overlaps any model-call interval, else to "other". */
export function splitLongTasks(tasks: readonly Interval[], inference: readonly Interval[]): LongTaskSplit {
  let inf = 0;
  for (const t of tasks) if (inference.some((i) => i.start < t.end && t.start < i.end)) inf += 1;
  return { total: tasks.length, inference: inf, other: tasks.length - inf };
}

export type Verdict = 'pass' | 'FAIL' | 'n/a';
export function verdict(value: number, op: '<=' | '>=', limit: number): Verdict {
  if (!Number.isFinite(value)) return 'n/a';
  return (op === '<=' ? value <= limit : value >= limit) ? 'pass' : 'FAIL';
}

/** Issue 6's targets, in one place so the table and results.json agree. */
export const TARGETS = {
  liveOverRaw: { op: '<=', limit: 1.1, text: 'live ≤ 1.10 × raw' },
  backlog: { op: '<=', limit: 0, text: 'backlog 0' },
  otherLongTasks: { op: '<=', limit: 0, text: 'no long task from our code' },
  engineMedianUs: { op: '<=', limit: 50, text: 'engine median ≤ 50 µs' },
  engineP99Us: { op: '<=', limit: 200, text: 'engine p99 ≤ 200 µs' },
  analyzerOverRaw: { op: '>=', limit: 0.9, text: 'analyzer ≥ 0.9 × raw fps' },
  firstSkeletonMs: { op: '<=', limit: 2000, text: 'first skeleton ≤ 2 s after camera permission' },
  initialJsGzipKB: { op: '<=', limit: 120, text: 'initial JS ≤ 120 KB gzip' },
  // Issue 19: threaded wasm against one thread (the default model, live, ms per frame), and its latency.
  threadedOverSingle: { op: '<=', limit: 0.7, text: 'threaded ≤ 0.7 × 1-thread ms (default model, live)' },
  threadedLatencyP95Ms: { op: '<=', limit: 80, text: 'latency p95 ≤ 80 ms (default model, threaded)' },
  analyzerParallelGain: { op: '>=', limit: 1.6, text: 'analyzer ≥ 1.6 × its 1-worker fps' },
} as const satisfies Record<string, { op: '<=' | '>='; limit: number; text: string }>;

export type TargetName = keyof typeof TARGETS;
export function check(name: TargetName, value: number): { target: string; value: number; verdict: Verdict } {
  const t = TARGETS[name];
  return { target: t.text, value, verdict: verdict(value, t.op, t.limit) };
}

/** Plain-text table with padded columns (the bench prints it and README quotes it as Markdown). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => '| ' + w.map((n, i) => (r[i] ?? '').padEnd(n)).join(' | ') + ' |';
  return [line(head), '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}
