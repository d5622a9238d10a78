// A line chart over uPlot, loaded on first use (a dynamic import) so the library stays out of the
// first-paint bundle. uPlot draws on a canvas: the figure carries a text summary for screen readers.
import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  /** One value per x; null leaves a gap (or is bridged when `span` is set). */
  values: (number | null)[];
  color: string;
  /** 'y' (left axis, default) or 'y2' (right axis). */
  scale?: 'y' | 'y2';
  dash?: number[];
  /** Draw points (for sparse series such as one value per day). */
  points?: boolean;
  span?: boolean;
}

export interface LineChartProps {
  /** Accessible name and text summary of the chart. */
  title: string;
  summary: string;
  x: number[];
  /** x values are epoch seconds (dates on the axis) rather than seconds into the set. */
  xTime?: boolean;
  xLabel?: string;
  yLabel: string;
  y2Label?: string;
  /** Fixed range for the left axis (e.g. 0–100 %). */
  yRange?: [number, number];
  /** Fixed range for the right axis (e.g. pain 0–10). */
  y2Range?: [number, number];
  series: ChartSeries[];
  /** Vertical marks (e.g. where faults started), in x units. */
  marks?: number[];
  height?: number;
  testId?: string;
}

/** uPlot and its stylesheet (the browser loads a dynamic import once and reuses it after). */
function loadUplot(): Promise<typeof uPlot> {
  return Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => m.default);
}

const DAY = 86_400;
const AXIS = { stroke: '#a9b4bf', grid: { stroke: '#2c3640', width: 1 }, ticks: { stroke: '#2c3640', width: 1 } };

export function LineChart(props: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const { title, summary, x, xTime, xLabel, yLabel, yRange, y2Label, y2Range, series, marks, height = 220, testId } = props;

  useEffect(() => {
    const el = box.current;
    if (!el || x.length === 0) return;
    let plot: uPlot | null = null;
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    loadUplot()
      .then((UPlot) => {
        if (cancelled) return;
        const width = Math.max(240, el.clientWidth);
        const opts: uPlot.Options = {
          width,
          height,
          scales: {
            // One day alone would sit on the axis edge with no date under it: give it a day either side.
            x: {
              time: xTime === true,
              ...(xTime && x.length === 1 ? { range: [(x[0] ?? 0) - DAY, (x[0] ?? 0) + DAY] as uPlot.Range.MinMax } : {}),
            },
            ...(yRange ? { y: { range: yRange } } : {}),
            ...(y2Label ? { y2: y2Range ? { range: y2Range } : {} } : {}),
          },
          // A fixed key (no live cursor read-out): easier to read from a distance.
          legend: { show: true, live: false },
          cursor: { drag: { x: false, y: false } },
          axes: [
            {
              ...AXIS,
              label: xLabel,
              ...(xTime
                ? // Progress is one point per day: ticks on whole days, labelled with the date only.
                  {
                    incrs: [DAY, 2 * DAY, 7 * DAY, 30 * DAY],
                    values: (_u: uPlot, v: number[]) =>
                      v.map((s) => new Date(s * 1000).toLocaleDateString([], { month: 'short', day: 'numeric' })),
                  }
                : { values: (_u: uPlot, v: number[]) => v.map((s) => `${s}s`) }),
            },
            { ...AXIS, label: yLabel, size: 60 },
            ...(y2Label ? [{ ...AXIS, label: y2Label, scale: 'y2', side: 1 as const, grid: { show: false } }] : []),
          ],
          series: [
            {},
            ...series.map((s) => ({
              label: s.label,
              stroke: s.color,
              width: 2.5,
              scale: s.scale ?? 'y',
              dash: s.dash,
              spanGaps: s.span === true,
              points: { show: s.points === true, size: 7, fill: s.color },
            })),
          ],
          hooks:
            marks && marks.length > 0
              ? {
                  draw: [
                    (u: uPlot) => {
                      const c = u.ctx;
                      c.save();
                      c.strokeStyle = 'rgba(255,107,96,0.85)';
                      c.setLineDash([4, 4]);
                      c.lineWidth = 2;
                      for (const m of marks) {
                        const px = u.valToPos(m, 'x', true);
                        c.beginPath();
                        c.moveTo(px, u.bbox.top);
                        c.lineTo(px, u.bbox.top + u.bbox.height);
                        c.stroke();
                      }
                      c.restore();
                    },
                  ],
                }
              : {},
        };
        const data: uPlot.AlignedData = [x, ...series.map((s) => s.values)];
        plot = new UPlot(opts, data, el);
        observer = new ResizeObserver(() => {
          if (plot) plot.setSize({ width: Math.max(240, el.clientWidth), height });
        });
        observer.observe(el);
      })
      .catch((e: unknown) => {
        console.error('chart:', e);
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [x, xTime, xLabel, yLabel, yRange, y2Label, y2Range, series, marks, height]);

  return (
    <figure className="chart" aria-label={title} data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      {x.length === 0 ? (
        <p className="hint">Nothing to chart yet.</p>
      ) : (
        <div ref={box} className="chart-box" role="img" aria-label={summary} style={{ minHeight: height }} />
      )}
      {failed && <p className="hint">The chart could not be drawn. {summary}</p>}
    </figure>
  );
}
