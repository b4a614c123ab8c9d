import { describe, expect, it } from 'vitest';
import { intervalBarOption, renderSvg, trendOption } from './charts.js';

type RenderItem = (params: { coordSys: { x: number; y: number; width: number; height: number } }, api: { value(d: number): number; coord(p: [number, number]): [number, number] }) => {
  children: { shape: { x1: number; y1: number; x2: number; y2: number }; style: { lineDash?: number[] } }[];
};

/** The custom (error bar) series of an option, and its rows. */
function whiskers(option: ReturnType<typeof intervalBarOption>) {
  const series = (option as { series: { type: string; data: unknown[]; renderItem?: RenderItem }[] }).series;
  const custom = series.find((s) => s.type === 'custom')!;
  return { data: custom.data as number[][], renderItem: custom.renderItem! };
}

describe('intervalBarOption', () => {
  const bars = [
    { name: 'Crowd', value: 70, lower: 60, upper: 80, note: '70% · n 200' },
    { name: 'Experts', value: 92, lower: 88, upper: null },
    { name: 'New', value: null, lower: null, upper: null },
  ];

  it('puts each bar value in the bar series and each interval in the error-bar series (NaN for an open end, nothing without a lower end)', () => {
    const option = intervalBarOption(bars, { name: 'Gold accuracy (%)', min: 0, max: 100 }) as { series: { data: unknown[] }[]; xAxis: { data: string[] } };
    expect(option.series[0]!.data).toEqual([70, 92, null]);
    const { data } = whiskers(option as never);
    expect(data).toEqual([
      [0, 60, 80],
      [1, 88, Number.NaN],
    ]);
    expect(option.xAxis.data).toEqual(['Crowd\n70% · n 200', 'Experts', 'New']);
  });

  it('draws a whisker from the lower to the upper bound with caps, worked out on a hand-made axis', () => {
    // Hand-made coordinates: x index i at 100 + 50 i, y value v at 300 − 2v.
    const api = (row: number[]) => ({ value: (d: number) => row[d]!, coord: ([x, y]: [number, number]) => [100 + 50 * x, 300 - 2 * y] as [number, number] });
    const params = { coordSys: { x: 40, y: 20, width: 500, height: 280 } };
    const { renderItem } = whiskers(intervalBarOption(bars, { name: 'a' }));
    const closed = renderItem(params, api([0, 60, 80])).children;
    expect(closed.map((c) => c.shape)).toEqual([
      { x1: 100, y1: 180, x2: 100, y2: 140 }, // the interval: 300 − 2·60 to 300 − 2·80
      { x1: 93, y1: 180, x2: 107, y2: 180 }, // lower cap, 7 px each side
      { x1: 93, y1: 140, x2: 107, y2: 140 }, // upper cap
    ]);
    expect(closed[0]!.style.lineDash).toBeUndefined();
    const open = renderItem(params, api([1, 88, Number.NaN])).children;
    // No upper bound: dashed to the top of the plot (y = 20), and no upper cap.
    expect(open.map((c) => c.shape)).toEqual([
      { x1: 150, y1: 124, x2: 150, y2: 20 },
      { x1: 143, y1: 124, x2: 157, y2: 124 },
    ]);
    expect(open[0]!.style.lineDash).toEqual([4, 3]);
  });
});

describe('renderSvg', () => {
  it('draws an option to a standalone SVG of the asked size without a DOM', () => {
    const svg = renderSvg(intervalBarOption([{ name: 'Crowd', value: 70, lower: 60, upper: 80 }], { name: 'Gold accuracy (%)', min: 0, max: 100 }), { width: 400, height: 200 });
    expect(svg).toMatch(/^<svg width="400" height="200" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('>Crowd</text>');
    expect(svg).toContain('>Gold accuracy (%)</text>');
    expect(svg.match(/<path /g)!.length).toBeGreaterThan(5);
    expect(svg).not.toMatch(/<script|<image|href="http/);
  });

  it('draws a line per trend, a gap where a week had no value', () => {
    const svg = renderSvg(trendOption(['Nov 2', 'Nov 9', 'Nov 16'], [{ name: 'A & B', values: [70, null, 80] }], { name: '%', min: 0, max: 100 }), { width: 500, height: 200 });
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('>Nov 9</text>');
  });
});
