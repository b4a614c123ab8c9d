/**
 * One chart wrapper for the whole app (progress now, quality screens later): Apache ECharts from `echarts/core`
 * with only the pieces registered below, so the chunk stays small; the SVG renderer (crisp at any zoom, and no
 * canvas needed). It creates the chart once the element has a size, follows resizes, and disposes it on unmount.
 * Colours come from the CSS tokens, so the chart follows the theme. The picture is hidden from assistive tech:
 * a text summary and the same numbers as a table stand beside it.
 */
import { useEffect, useId, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import './chart.css';

echarts.use([BarChart, LineChart, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  /** One value per category; null is a gap. */
  values: readonly (number | null)[];
  /** A CSS custom property holding the colour, e.g. `--accent`. */
  colorVar?: string;
  /** Series with the same stack id are stacked. */
  stack?: string;
}

export interface ChartProps {
  /** The chart's name: its heading for assistive tech and the table's caption. */
  title: string;
  /** What the chart shows, in a sentence or two, for everyone who cannot see it (shown under it). */
  summary: string;
  /** The x axis: one label per value. */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Shorter text for axis labels (the table keeps the full category). */
  formatAxisLabel?: (category: string) => string;
  yName?: string;
  /** Heading of the table's first column ("Hour", "Annotator"). */
  categoryName?: string;
  height?: number;
}

const DEFAULT_COLOURS = ['--accent', '--warn', '--ok', '--danger', '--muted'];

function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The ECharts option for the props: a dataset (category column, one column per series) and themed axes. */
export function chartOption({ categories, series, formatAxisLabel, yName }: Pick<ChartProps, 'categories' | 'series' | 'formatAxisLabel' | 'yName'>): EChartsCoreOption {
  const text = cssVar('--text', '#1b2230');
  const muted = cssVar('--muted', '#5b6472');
  const border = cssVar('--border', '#d9dde3');
  const reduceMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return {
    animation: !reduceMotion,
    color: series.map((s, i) => cssVar(s.colorVar ?? DEFAULT_COLOURS[i % DEFAULT_COLOURS.length]!, '#2a4fb8')),
    textStyle: { color: text, fontFamily: cssVar('--font', 'system-ui, sans-serif') },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: text } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    dataset: { source: [['category', ...series.map((s) => s.name)], ...categories.map((c, i) => [c, ...series.map((s) => s.values[i] ?? null)])] },
    xAxis: {
      type: 'category',
      axisLabel: { color: muted, hideOverlap: true, ...(formatAxisLabel && { formatter: formatAxisLabel }) },
      axisLine: { lineStyle: { color: border } },
      axisTick: { alignWithLabel: true, lineStyle: { color: border } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: yName,
      nameTextStyle: { color: muted },
      axisLabel: { color: muted },
      splitLine: { lineStyle: { color: border } },
    },
    series: series.map((s, i) => ({
      type: s.kind,
      name: s.name,
      encode: { x: 0, y: i + 1 },
      ...(s.stack && { stack: s.stack }),
      ...(s.kind === 'line' ? { showSymbol: false, smooth: false, lineStyle: { width: 2 } } : { barMaxWidth: 28 }),
    })),
  };
}

export function Chart(props: ChartProps) {
  const { title, summary, categories, series, formatAxisLabel, yName, categoryName = 'Category', height = 280 } = props;
  const id = useId();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef<EChartsCoreOption | null>(null);

  // Create on first size (a chart in a hidden tab has none yet), follow resizes, dispose on unmount.
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const ensure = () => {
      if (chart.current) chart.current.resize();
      else if (el.clientWidth > 0) {
        chart.current = echarts.init(el, null, { renderer: 'svg' });
        if (latest.current) chart.current.setOption(latest.current);
      }
    };
    ensure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(ensure);
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  // Callers pass memoised arrays, so this runs when the data changes, not on every render.
  useEffect(() => {
    latest.current = chartOption({ categories, series, formatAxisLabel, yName });
    chart.current?.setOption(latest.current, { notMerge: true });
  }, [categories, series, formatAxisLabel, yName]);

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <span className="chart-title" id={`${id}-title`}>
          {title}
        </span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <div ref={element} className="chart-canvas" style={{ height }} aria-hidden="true" />
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <div className="chart-table-wrap">
          <table className="data">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryName}</th>
                {series.map((s) => (
                  <th key={s.name} scope="col" className="num">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={i}>
                  <th scope="row">{c}</th>
                  {series.map((s) => (
                    <td key={s.name} className="num">
                      {s.values[i] ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
