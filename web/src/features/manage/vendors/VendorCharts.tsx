/**
 * Two charts beside the scorecards: gold accuracy per vendor with its 95% interval, and cost per correct label with
 * its interval (the vendors paid in the most common currency; the others are named under the chart). Both use the
 * app's Chart (ECharts, SVG), whose figure carries a summary and the same numbers as a table. The shared Chart has
 * no error-bar series, so each interval is drawn as its band; the table's rows carry true error bars as well.
 */
import { useMemo } from 'react';
import { Chart } from '../../../components/Chart';
import { currencyDigits, mostCommonCurrency } from '@core/figures/words';
import { formatMinor } from './format';
import type { VendorScorecard } from './types';

const pctAxis = { min: 0, max: 100, minInterval: 0 };
const formatPct = (x: number) => `${Math.round(x)}%`;
const scaled = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export function AccuracyChart({ vendors }: { vendors: readonly VendorScorecard[] }) {
  const chart = useMemo(
    () => ({
      categories: vendors.map((v) => v.name),
      series: [{ name: 'Gold accuracy (%)', kind: 'bar' as const, values: vendors.map((v) => scaled(v.gold.rate)), colorVar: '--accent' }],
      band: { name: '95% interval', lower: vendors.map((v) => scaled(v.gold.lower)), upper: vendors.map((v) => scaled(v.gold.upper)), colorVar: '--accent' },
    }),
    [vendors],
  );
  return (
    <Chart
      title="Gold accuracy by vendor"
      summary="Each bar is a vendor's share of correct gold judgments, with its Wilson 95% interval; vendors whose intervals do not overlap differ clearly. The head-to-head below tests a difference."
      categories={chart.categories}
      series={chart.series}
      band={chart.band}
      yAxis={pctAxis}
      formatValue={formatPct}
      categoryName="Vendor"
      height={240}
    />
  );
}

/** The currency most vendors are paid in (first seen on a tie), or null when none has pay terms; shared with the HTML report. */
export const chartCurrency = (vendors: readonly VendorScorecard[]): string | null => mostCommonCurrency(vendors);

export function CostChart({ vendors }: { vendors: readonly VendorScorecard[] }) {
  const currency = chartCurrency(vendors);
  const chart = useMemo(() => {
    if (!currency) return null;
    const paid = vendors.filter((v) => v.cost?.currency === currency);
    const digits = currencyDigits(currency);
    const major = (minor: number | null | undefined) => (minor === null || minor === undefined ? null : minor / 10 ** digits);
    return {
      digits,
      categories: paid.map((v) => v.name),
      series: [{ name: `Cost per correct label (${currency})`, kind: 'bar' as const, values: paid.map((v) => major(v.cost?.perCorrectJudgment.estimate)), colorVar: '--warn' }],
      band: {
        name: '95% interval',
        lower: paid.map((v) => major(v.cost?.perCorrectJudgment.lower)),
        upper: paid.map((v) => major(v.cost?.perCorrectJudgment.upper)),
        colorVar: '--warn',
      },
      others: vendors.filter((v) => v.cost && v.cost.currency !== currency).map((v) => v.name),
      unpaid: vendors.filter((v) => !v.cost).map((v) => v.name),
    };
  }, [vendors, currency]);
  if (!currency || !chart) return <p className="muted">No vendor on this project has pay terms yet, so there is no cost per correct label to chart.</p>;
  return (
    <>
      <Chart
        title="Cost per correct label by vendor"
        summary={`Cost per judgment divided by gold accuracy, in ${currency}, with the 95% interval that follows from the accuracy interval (an open upper bound is left out). Lower is better.`}
        categories={chart.categories}
        series={chart.series}
        band={chart.band}
        yAxis={{ min: 0, minInterval: 0 }}
        formatValue={(x) => formatMinor(x * 10 ** chart.digits, currency)}
        categoryName="Vendor"
        height={240}
      />
      {chart.others.length > 0 && <p className="muted small">Paid in another currency, not charted: {chart.others.join(', ')}.</p>}
      {chart.unpaid.length > 0 && <p className="muted small">No pay terms: {chart.unpaid.join(', ')}.</p>}
    </>
  );
}

/** Gold accuracy per ISO week, one line per vendor; a week a vendor had no gold is a gap. */
export function TrendChart({ vendors }: { vendors: readonly VendorScorecard[] }) {
  const chart = useMemo(() => {
    const weeks = [...new Set(vendors.flatMap((v) => v.trend.map((t) => t.weekStart)))].sort();
    return {
      categories: weeks.map((w) => `Week of ${new Date(w).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })}`),
      series: vendors.map((v) => {
        const byWeek = new Map(v.trend.map((t) => [t.weekStart, t.rate]));
        return { name: v.name, kind: 'line' as const, values: weeks.map((w) => scaled(byWeek.get(w) ?? null)) };
      }),
    };
  }, [vendors]);
  if (chart.categories.length === 0) return <p className="muted">No gold judgments yet, so no weekly trend.</p>;
  return (
    <Chart
      title="Gold accuracy by week"
      summary="Each line is a vendor's share of correct gold judgments in each week (Monday to Sunday, UTC), each week on its own; a gap is a week without gold."
      categories={chart.categories}
      series={chart.series}
      yAxis={pctAxis}
      formatValue={formatPct}
      categoryName="Week"
      height={240}
    />
  );
}
