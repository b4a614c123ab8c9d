/**
 * The quality report's charts: ECharts rendered on the server to SVG strings (`ssr: true`, no DOM, no canvas), so
 * the report is one self-contained file that shows its charts offline and in print. Each chart is a pure option
 * builder (tested on its numbers) and `renderSvg` draws any option. Intervals are true error bars: a `custom`
 * series drawing a whisker from the lower to the upper bound of each bar, dashed to the top of the plot where the
 * upper bound is open (a cost per correct label whose accuracy interval reaches 0).
 */
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, CustomChart, GridComponent, LegendComponent, SVGRenderer]);

export const PALETTE = ['#2a4fb8', '#b35c00', '#1f7a4d', '#a4262c', '#6b4fa0', '#4d5b6a'];
const TEXT = '#1b2230';
const MUTED = '#5b6472';
const BORDER = '#d9dde3';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** One bar with its interval; null where undefined (no data, or an open bound). */
export interface IntervalBar {
  name: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** Under the category's name on the axis, e.g. "92% · n 200": the value stays legible however short the bar. */
  note?: string;
}

/** One line of a trend: a value per category, null for a gap. */
export interface TrendLine {
  name: string;
  values: readonly (number | null)[];
}

export interface ChartSize {
  width: number;
  height: number;
}

const base = {
  animation: false,
  textStyle: { color: TEXT, fontFamily: FONT, fontSize: 12 },
  grid: { left: 8, right: 24, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
};

const valueAxis = (opts: { min?: number; max?: number; name: string; format?: string }) => ({
  type: 'value',
  ...(opts.min !== undefined && { min: opts.min }),
  ...(opts.max !== undefined && { max: opts.max }),
  name: opts.name,
  nameTextStyle: { color: MUTED, align: 'left' },
  axisLabel: { color: MUTED, ...(opts.format && { formatter: opts.format }) },
  splitLine: { lineStyle: { color: BORDER } },
});

/** Every category labelled (long names cut with an ellipsis, not hidden); `notes` go on a second line. */
const categoryAxis = (data: readonly string[], notes?: readonly (string | undefined)[]) => ({
  type: 'category',
  data: data.map((d, i) => (notes?.[i] ? `${d}\n${notes[i]}` : d)),
  axisLabel: { color: TEXT, interval: 0, width: 120, overflow: 'truncate', lineHeight: 16 },
  axisLine: { lineStyle: { color: BORDER } },
  axisTick: { alignWithLabel: true, lineStyle: { color: BORDER } },
});

interface RenderApi {
  value(dim: number): number;
  coord(point: [number, number]): [number, number];
}
interface RenderParams {
  coordSys: { x: number; y: number; width: number; height: number };
}

/** Draws the whisker of one bar: a vertical line from lower to upper with caps; dashed up to the plot's top when upper is open. */
function whisker(params: RenderParams, api: RenderApi) {
  const x = api.value(0);
  const lower = api.value(1);
  const upper = api.value(2);
  const [cx, yLow] = api.coord([x, lower]);
  const open = Number.isNaN(upper);
  const yHigh = open ? params.coordSys.y : api.coord([x, upper])[1];
  const cap = 7;
  const stroke = { stroke: TEXT, lineWidth: 1.5 };
  const children: object[] = [
    { type: 'line', shape: { x1: cx, y1: yLow, x2: cx, y2: yHigh }, style: open ? { ...stroke, lineDash: [4, 3] } : stroke },
    { type: 'line', shape: { x1: cx - cap, y1: yLow, x2: cx + cap, y2: yLow }, style: stroke },
  ];
  if (!open) children.push({ type: 'line', shape: { x1: cx - cap, y1: yHigh, x2: cx + cap, y2: yHigh }, style: stroke });
  return { type: 'group', children };
}

/** Bars with 95% error bars, one category per bar (a vendor). */
export function intervalBarOption(bars: readonly IntervalBar[], axis: { name: string; min?: number; max?: number; format?: string }, color = PALETTE[0]!): EChartsCoreOption {
  return {
    ...base,
    xAxis: categoryAxis(bars.map((b) => b.name), bars.map((b) => b.note)),
    yAxis: valueAxis(axis),
    series: [
      {
        type: 'bar',
        name: axis.name,
        data: bars.map((b) => b.value),
        itemStyle: { color },
        barMaxWidth: 56,
      },
      {
        type: 'custom',
        name: '95% interval',
        // NaN marks an open upper bound for `whisker`; rows without a lower bound draw nothing.
        data: bars.flatMap((b, i) => (b.lower === null ? [] : [[i, b.lower, b.upper ?? Number.NaN]])),
        encode: { x: 0, y: [1, 2] },
        renderItem: whisker,
        z: 10,
        silent: true,
      },
    ],
  };
}

/** One line per group (a vendor) over the categories (weeks), on a 0–100% axis. */
export function trendOption(categories: readonly string[], lines: readonly TrendLine[], axis: { name: string; min?: number; max?: number; format?: string }): EChartsCoreOption {
  return {
    ...base,
    color: PALETTE,
    legend: { top: 0, left: 0, textStyle: { color: TEXT, width: 160, overflow: 'truncate' } },
    grid: { ...base.grid, top: 64 },
    xAxis: categoryAxis(categories),
    yAxis: valueAxis(axis),
    series: lines.map((l) => ({ type: 'line', name: l.name, data: [...l.values], showSymbol: true, symbolSize: 7, lineStyle: { width: 2 }, connectNulls: false })),
  };
}

/** The option drawn as a standalone SVG document fragment. */
export function renderSvg(option: EChartsCoreOption, size: ChartSize = { width: 720, height: 300 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
