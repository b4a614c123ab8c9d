/**
 * One chart wrapper for the whole app (progress now, quality screens later): Apache ECharts from `echarts/core`
 * with only the pieces registered below, so the chunk stays small; the SVG renderer (crisp at any zoom, and no
 * canvas needed). It creates the chart once the element has a size, follows resizes, and disposes it on unmount.
 * Colours come from the CSS tokens, so the chart follows the theme. The picture is hidden from assistive tech:
 * a text summary and the same numbers as a table stand beside it.
 */
import { useEffect, useId, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import './chart.css';

echarts.use([BarChart, CustomChart, LineChart, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  /** One value per category; null is a gap. */
  values: readonly (number | null)[];
  /** A CSS custom property holding the colour, e.g. `--accent`. */
  colorVar?: string;
  /** Series with the same stack id are stacked. */
  stack?: string;
  /**
   * Write each bar's value under its category on the axis (with the chart's `formatValue`), where neither an error
   * bar nor a short bar can hide it, so a zero reads "0%" instead of vanishing; a zero bar also keeps a hairline.
   */
  labels?: boolean;
}

/**
 * An interval per category drawn as an error bar (a vertical line with end caps) over the first series, e.g. a
 * bar's 95% interval; listed in the table as two columns. A category with either end missing gets none (an open
 * upper end: the caller passes the axis' top and says so in the summary).
 */
export interface ChartErrorBars {
  /** Its name in the table, e.g. "95% interval"; the columns are "<name>: lower" and "<name>: upper". */
  name: string;
  lower: readonly (number | null)[];
  upper: readonly (number | null)[];
  colorVar?: string;
}

/** A shaded interval around a line (e.g. a 95% interval): drawn as a band, listed as two columns in the table. */
export interface ChartBand {
  /** Its name in the table, e.g. "95% interval"; the columns are "<name>: lower" and "<name>: upper". */
  name: string;
  lower: readonly (number | null)[];
  upper: readonly (number | null)[];
  colorVar?: string;
}

/** The value axis: its range, and the smallest tick step (1 by default: counts). */
export interface ChartValueAxis {
  min?: number;
  max?: number;
  minInterval?: number;
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
  yAxis?: ChartValueAxis;
  band?: ChartBand;
  errorBars?: ChartErrorBars;
  /** How the table (and a series' labels) write a value (default: as is). */
  formatValue?: (value: number) => string;
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
export function chartOption({
  categories,
  series,
  formatAxisLabel,
  yName,
  yAxis,
  band,
  errorBars,
  formatValue,
}: Pick<ChartProps, 'categories' | 'series' | 'formatAxisLabel' | 'yName' | 'yAxis' | 'band' | 'errorBars' | 'formatValue'>): EChartsCoreOption {
  const text = cssVar('--text', '#1b2230');
  const muted = cssVar('--muted', '#5b6472');
  const border = cssVar('--border', '#d9dde3');
  const reduceMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  // A band is two stacked lines: its lower edge (invisible) and its width above it, filled. Its columns follow the
  // series' in the dataset.
  const bandColumns = band ? categories.map((_, i) => bandRow(band, i)) : [];
  const bandSeries = band
    ? [
        { type: 'line', name: `${band.name} lower`, encode: { x: 0, y: series.length + 1 }, stack: 'band', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true },
        {
          type: 'line',
          name: band.name,
          encode: { x: 0, y: series.length + 2 },
          stack: 'band',
          stackStrategy: 'all',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { color: cssVar(band.colorVar ?? '--accent', '#2a4fb8'), opacity: 0.18 },
          tooltip: { show: false },
          silent: true,
        },
      ]
    : [];
  const colors = series.map((s, i) => cssVar(s.colorVar ?? DEFAULT_COLOURS[i % DEFAULT_COLOURS.length]!, '#2a4fb8'));
  return {
    animation: !reduceMotion,
    color: colors,
    textStyle: { color: text, fontFamily: cssVar('--font', 'system-ui, sans-serif') },
    grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, textStyle: { color: text }, data: series.map((s) => s.name) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    dataset: {
      source: [
        ['category', ...series.map((s) => s.name), ...(band ? ['band lower', 'band width'] : [])],
        ...categories.map((c, i) => [c, ...series.map((s) => s.values[i] ?? null), ...(bandColumns[i] ?? [])]),
      ],
    },
    xAxis: {
      type: 'category',
      axisLabel: { color: muted, hideOverlap: true, ...(axisLabelFormatter(categories, series, formatAxisLabel, formatValue) && { formatter: axisLabelFormatter(categories, series, formatAxisLabel, formatValue) }) },
      axisLine: { lineStyle: { color: border } },
      axisTick: { alignWithLabel: true, lineStyle: { color: border } },
    },
    yAxis: {
      type: 'value',
      minInterval: yAxis?.minInterval ?? 1,
      ...(yAxis?.min !== undefined && { min: yAxis.min }),
      ...(yAxis?.max !== undefined && { max: yAxis.max }),
      name: yName,
      nameTextStyle: { color: muted },
      axisLabel: { color: muted },
      splitLine: { lineStyle: { color: border } },
    },
    // The band first, so the lines are drawn over it; error bars last, over the bars.
    series: [
      ...bandSeries,
      ...series.map((s, i) => seriesOption(s, i, categories.length, band ? colors[i] : undefined)),
      ...(errorBars ? [errorBarSeries(errorBars, categories, text)] : []),
    ],
  };
}

/** The x axis' label: the (shortened) category, and under it the value of the labelled series, if any. */
function axisLabelFormatter(
  categories: readonly string[],
  series: readonly ChartSeries[],
  formatAxisLabel: ((category: string) => string) | undefined,
  formatValue: ((value: number) => string) | undefined,
): ((category: string, index: number) => string) | undefined {
  const labelled = series.find((s) => s.labels);
  if (!labelled) return formatAxisLabel;
  return (category, index) => {
    const name = formatAxisLabel ? formatAxisLabel(category) : category;
    const v = labelled.values[categories.indexOf(category) >= 0 ? categories.indexOf(category) : index];
    return v === null || v === undefined ? `${name}\n—` : `${name}\n${formatValue ? formatValue(v) : v}`;
  };
}

/** The categories that get an error bar: [category index, lower, upper] where both ends are known. */
export function errorBarData(bars: ChartErrorBars): [number, number, number][] {
  return bars.lower.flatMap((lo, i) => {
    const hi = bars.upper[i];
    return lo === null || lo === undefined || hi === null || hi === undefined ? [] : [[i, lo, hi] as [number, number, number]];
  });
}

interface RenderApi {
  value(dim: number): number;
  coord(point: [number, number]): [number, number];
  size(range: [number, number]): [number, number];
}

/**
 * A custom series: per category a vertical line from lower to upper with a cap at each end. Its data name the
 * category (a bare index would add categories of its own to the axis the dataset fills).
 */
function errorBarSeries(bars: ChartErrorBars, categories: readonly string[], fallback: string) {
  const stroke = cssVar(bars.colorVar ?? '--text', fallback);
  return {
    type: 'custom',
    name: bars.name,
    data: errorBarData(bars).map(([i, lo, hi]) => [categories[i], lo, hi]),
    encode: { x: 0, y: [1, 2] },
    z: 10,
    silent: true,
    tooltip: { show: false },
    renderItem: (_params: unknown, api: RenderApi) => {
      const x = api.value(0);
      const [lx, ly] = api.coord([x, api.value(1)]);
      const [, hy] = api.coord([x, api.value(2)]);
      const cap = Math.max(4, Math.min(10, api.size([1, 0])[0] * 0.12));
      const style = { stroke, lineWidth: 1.5 };
      return {
        type: 'group',
        children: [
          { type: 'line', shape: { x1: lx, y1: ly, x2: lx, y2: hy }, style },
          { type: 'line', shape: { x1: lx - cap, y1: ly, x2: lx + cap, y2: ly }, style },
          { type: 'line', shape: { x1: lx - cap, y1: hy, x2: lx + cap, y2: hy }, style },
        ],
      };
    },
  };
}

/** A series' option; `color` is set when the band's series come first and would shift the palette. */
function seriesOption(s: ChartSeries, i: number, points: number, color?: string) {
  return {
    type: s.kind,
    name: s.name,
    encode: { x: 0, y: i + 1 },
    ...(color && { color }),
    ...(s.stack && { stack: s.stack }),
    // A zero bar keeps a hairline of height; its figure is written under its category (see the x axis).
    ...(s.labels && { barMinHeight: 2 }),
    // A lone point has no line to show it: draw its symbol.
    ...(s.kind === 'line' ? { showSymbol: points === 1, smooth: false, lineStyle: { width: 2 } } : { barMaxWidth: 28 }),
  };
}

/** A band's lower edge and width at category i (null for both where either edge is missing). */
function bandRow(band: ChartBand, i: number): [number | null, number | null] {
  const lo = band.lower[i];
  const hi = band.upper[i];
  return lo === null || lo === undefined || hi === null || hi === undefined ? [null, null] : [lo, hi - lo];
}

export function Chart(props: ChartProps) {
  const { title, summary, categories, series, formatAxisLabel, yName, yAxis, band, errorBars, formatValue, categoryName = 'Category', height = 280 } = props;
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
    latest.current = chartOption({ categories, series, formatAxisLabel, yName, yAxis, band, errorBars, formatValue });
    chart.current?.setOption(latest.current, { notMerge: true });
  }, [categories, series, formatAxisLabel, yName, yAxis, band, errorBars, formatValue]);

  // The table's columns: each series, then the band's two edges.
  const columns = [
    ...series.map((s) => ({ name: s.name, values: s.values })),
    ...(band ? [{ name: `${band.name}: lower`, values: band.lower }, { name: `${band.name}: upper`, values: band.upper }] : []),
    ...(errorBars ? [{ name: `${errorBars.name}: lower`, values: errorBars.lower }, { name: `${errorBars.name}: upper`, values: errorBars.upper }] : []),
  ];
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatValue ? formatValue(v) : v);

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <span className="chart-title" id={`${id}-title`}>
          {title}
        </span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      {/* data-error-bars: how many error bars are drawn (one per category with an interval), for tests and tools. */}
      <div ref={element} className="chart-canvas" style={{ height }} aria-hidden="true" data-error-bars={errorBars ? errorBarData(errorBars).length : undefined} />
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <div className="chart-table-wrap">
          <table className="data">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryName}</th>
                {columns.map((s) => (
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
                  {columns.map((s) => (
                    <td key={s.name} className="num">
                      {cell(s.values[i])}
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
