// A small chart for the report, drawn as SVG so it prints sharp and in the page's own colours: one group per
// session along the bottom, bars or lines, the value axis always from 0 (a gain is never exaggerated). Series are
// told apart by shape and dash as well as colour, so a black-and-white printout still reads. It only lays out the
// numbers it is given.
import './report.css';

export interface ReportSeries {
  name: string;
  values: (number | null)[];
  kind: 'bar' | 'line';
  /** CSS class for its colour and dash (report.css), e.g. 'rc-a', 'rc-b'. */
  cls: string;
}

export interface ReportChartProps {
  title: string;
  /** The chart's content in words (its accessible name's description, and what a screen reader reads). */
  summary: string;
  labels: string[];
  series: ReportSeries[];
  /** What the values are, for the axis ("degrees", "% of reps", "pain 0–10"). */
  unit: string;
  /** A fixed top for the axis (100 for %, 10 for pain); else a round number above the data. */
  yMax?: number;
  /** 'half' for a chart that shares the width with another: drawn narrower, so its words print as large. */
  size?: 'wide' | 'half';
  testId?: string;
}

const L = 46,
  R = 10,
  T = 12,
  B = 34;

/** Labels for sessions along the bottom: the day ("Dec 4"), with the time where two share a day. */
export function sessionLabels(times: readonly number[]): string[] {
  const day = (ms: number) => new Date(ms).toLocaleDateString([], { day: 'numeric', month: 'short' });
  const days = times.map(day);
  return times.map((t, i) =>
    days.indexOf(days[i]!) !== days.lastIndexOf(days[i]!)
      ? `${days[i]} ${new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
      : days[i]!,
  );
}

/** Axis ticks from 0 in round steps (1, 2 or 5 × a power of ten), 3 to 6 of them, the last at or above `top`. */
export function niceTicks(top: number): number[] {
  const max = top > 0 ? top : 1;
  const raw = max / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((st) => st >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

export function ReportChart({ title, summary, labels, series, unit, yMax, size = 'wide', testId }: ReportChartProps) {
  const W = size === 'half' ? 380 : 640,
    H = size === 'half' ? 180 : 190;
  const n = labels.length;
  const data = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(yMax ?? Math.max(0, ...data));
  const top = ticks.at(-1)!;
  const plotW = W - L - R,
    plotH = H - T - B;
  const slot = plotW / Math.max(1, n);
  const x = (i: number) => L + slot * (i + 0.5);
  const y = (v: number) => T + plotH * (1 - Math.max(0, Math.min(top, v)) / top);
  const bars = series.filter((s) => s.kind === 'bar');
  const barW = Math.min(28, (slot * 0.7) / Math.max(1, bars.length));
  const every = Math.max(1, Math.ceil(n / (size === 'half' ? 5 : 10)));
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  return (
    <figure className="report-chart" data-testid={testId}>
      <figcaption className="rc-title">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${summary}`} preserveAspectRatio="xMidYMid meet">
        {ticks.map((v) => (
          <g key={v}>
            <line className="rc-grid" x1={L} x2={W - R} y1={y(v)} y2={y(v)} />
            <text className="rc-tick" x={L - 6} y={y(v) + 4} textAnchor="end">
              {fmt(v)}
            </text>
          </g>
        ))}
        <line className="rc-axis" x1={L} x2={W - R} y1={y(0)} y2={y(0)} />
        <line className="rc-axis" x1={L} x2={L} y1={T} y2={y(0)} />
        <text className="rc-unit" x={12} y={T + plotH / 2} transform={`rotate(-90 12 ${T + plotH / 2})`} textAnchor="middle">
          {unit}
        </text>
        {labels.map(
          (l, i) =>
            (i % every === 0 || i === n - 1) && (
              <text key={`${l}-${i}`} className="rc-tick" x={x(i)} y={H - B + 16} textAnchor="middle">
                {l}
              </text>
            ),
        )}
        {bars.map((s, k) =>
          s.values.map(
            (v, i) =>
              v !== null && (
                <rect
                  key={`${s.name}-${i}`}
                  className={`rc-bar ${s.cls}`}
                  width={barW}
                  height={Math.max(0, y(0) - y(v))}
                  x={x(i) - (barW * bars.length) / 2 + k * barW}
                  y={y(v)}
                />
              ),
          ),
        )}
        {series
          .filter((s) => s.kind === 'line')
          .map((s, k) => {
            const pts = s.values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const)));
            const path = pts.reduce((d, p, i) => (p ? `${d}${d && pts[i - 1] ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}` : d), '');
            return (
              <g key={s.name} className={`rc-line ${s.cls}`}>
                <path d={path} />
                {pts.map(
                  (p, i) =>
                    p &&
                    (k % 2 === 0 ? (
                      <circle key={i} cx={p[0]} cy={p[1]} r={4.5} />
                    ) : (
                      <rect key={i} x={p[0] - 4} y={p[1] - 4} width={8} height={8} />
                    )),
                )}
              </g>
            );
          })}
      </svg>
      {series.length > 1 && (
        <p className="rc-legend" aria-hidden="true">
          {series.map((s, k) => (
            <span
              key={s.name}
              className={`rc-key ${s.cls} ${s.kind === 'bar' ? 'rc-key-bar' : k % 2 === 0 ? 'rc-key-dot' : 'rc-key-square'}`}
            >
              {s.name}
            </span>
          ))}
        </p>
      )}
    </figure>
  );
}
