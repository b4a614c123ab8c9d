import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Chart, chartOption, errorBarData, type ChartSeries } from './Chart';

const series: ChartSeries[] = [
  { name: 'Judgments', kind: 'bar', values: [4, 0, 7], colorVar: '--accent' },
  { name: 'Skips', kind: 'line', values: [1, null, 2], colorVar: '--warn' },
];
const categories = ['09:00', '10:00', '11:00'];

afterEach(() => document.documentElement.removeAttribute('style'));

describe('Chart', () => {
  it('is a named figure whose summary and numbers stand in for the picture', async () => {
    render(<Chart title="Judgments per hour" summary="11 judgments and 3 skips; the busiest hour was 11:00." categories={categories} series={series} categoryName="Hour" />);
    const figure = screen.getByRole('figure', { name: 'Judgments per hour' });
    expect(figure).toHaveTextContent('11 judgments and 3 skips; the busiest hour was 11:00.');
    expect(figure.querySelector('.chart-canvas')).toHaveAttribute('aria-hidden', 'true');
    await userEvent.setup().click(within(figure).getByText('Show the numbers'));
    const table = within(figure).getByRole('table', { name: 'Judgments per hour' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Hour', 'Judgments', 'Skips']);
    expect(within(table).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(categories);
    expect(rows).toEqual([
      ['4', '1'],
      ['0', '—'],
      ['7', '2'],
    ]);
  });

  it('takes its colours from the theme tokens and puts the data in a dataset', () => {
    document.documentElement.style.setProperty('--accent', '#123456');
    document.documentElement.style.setProperty('--warn', '#abcdef');
    const option = chartOption({ categories, series }) as { color: string[]; dataset: { source: unknown[][] }; series: { type: string; encode: unknown }[] };
    expect(option.color).toEqual(['#123456', '#abcdef']);
    expect(option.dataset.source).toEqual([
      ['category', 'Judgments', 'Skips'],
      ['09:00', 4, 1],
      ['10:00', 0, null],
      ['11:00', 7, 2],
    ]);
    expect(option.series.map((s) => [s.type, s.encode])).toEqual([
      ['bar', { x: 0, y: 1 }],
      ['line', { x: 0, y: 2 }],
    ]);
  });

  it('draws a band as its lower edge and width stacked, and lists its edges in the table', async () => {
    const alpha: ChartSeries[] = [{ name: 'Alpha', kind: 'line', values: [0.5, 0.7] }];
    const band = { name: '95% interval', lower: [-0.25, 0.5], upper: [0.75, null] };
    const option = chartOption({ categories: ['Mon', 'Tue'], series: alpha, band, yAxis: { min: -1, max: 1, minInterval: 0 } }) as {
      dataset: { source: unknown[][] };
      series: { name: string; stack?: string; encode: unknown }[];
      yAxis: { min: number; max: number; minInterval: number };
    };
    expect(option.dataset.source).toEqual([
      ['category', 'Alpha', 'band lower', 'band width'],
      ['Mon', 0.5, -0.25, 1],
      ['Tue', 0.7, null, null],
    ]);
    expect(option.series.map((s) => [s.name, s.stack, s.encode])).toEqual([
      ['95% interval lower', 'band', { x: 0, y: 2 }],
      ['95% interval', 'band', { x: 0, y: 3 }],
      ['Alpha', undefined, { x: 0, y: 1 }],
    ]);
    expect(option.yAxis).toMatchObject({ min: -1, max: 1, minInterval: 0 });

    render(<Chart title="Agreement" summary="Alpha by day." categories={['Mon', 'Tue']} series={alpha} band={band} formatValue={(v) => v.toFixed(2)} />);
    await userEvent.setup().click(screen.getByText('Show the numbers'));
    const table = screen.getByRole('table', { name: 'Agreement' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Category', 'Alpha', '95% interval: lower', '95% interval: upper']);
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['0.50', '-0.25', '0.75'],
      ['0.70', '0.50', '—'],
    ]);
  });

  it('draws an error bar per category as a custom series over the bars, skipping a category without both ends', async () => {
    const accuracy: ChartSeries[] = [{ name: 'Accuracy (%)', kind: 'bar', values: [0, 70, 90], labels: true }];
    const errorBars = { name: '95% interval', lower: [0, 60, null], upper: [20, 80, 95] };
    expect(errorBarData(errorBars)).toEqual([
      [0, 0, 20],
      [1, 60, 80],
    ]);
    const option = chartOption({ categories: ['A', 'B', 'C'], series: accuracy, errorBars, formatValue: (v) => `${v}%` }) as {
      series: { type: string; name: string; data?: unknown; barMinHeight?: number }[];
      xAxis: { axisLabel: { formatter: (category: string, index: number) => string } };
    };
    expect(option.series.map((s) => s.type)).toEqual(['bar', 'custom']);
    expect(option.series[1]).toMatchObject({ name: '95% interval', data: [['A', 0, 20], ['B', 60, 80]] });
    // A zero bar keeps a hairline, and each category says its figure under its name: "0%", not nothing.
    expect(option.series[0]!.barMinHeight).toBeGreaterThan(0);
    expect(['A', 'B', 'C'].map((c, i) => option.xAxis.axisLabel.formatter(c, i))).toEqual(['A\n0%', 'B\n70%', 'C\n90%']);

    render(<Chart title="Accuracy" summary="By vendor." categories={['A', 'B', 'C']} series={accuracy} errorBars={errorBars} formatValue={(v) => `${v}%`} />);
    const figure = screen.getByRole('figure', { name: 'Accuracy' });
    expect(figure.querySelector('.chart-canvas')).toHaveAttribute('data-error-bars', '2');
    await userEvent.setup().click(within(figure).getByText('Show the numbers'));
    expect(within(figure).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Category', 'Accuracy (%)', '95% interval: lower', '95% interval: upper']);
  });
});
