/**
 * Two charts beside the scorecards: gold accuracy per vendor with its 95% interval, and cost per correct label with
 * its interval (the vendors paid in the most common currency; the others are named under the chart). Both use the
 * app's Chart (ECharts, SVG), whose figure carries a summary and the same numbers as a table. Each vendor's interval
 * is its own error bar; each vendor's figure is written under its name, so a vendor at 0% shows "0%" rather than nothing; a
 * vendor without a cost bar is named under the chart with the reason (no pay terms, no correct gold judgment yet, …).
 */
import { useMemo } from 'react';
import { Chart } from '../../../components/Chart';
import { currencyDigits, mostCommonCurrency } from '@core/figures/words';
import { formatMinor } from './format';
import type { VendorScorecard } from './types';

const pctAxis = { min: 0, max: 100, minInterval: 0 };
const costAxis = { min: 0, minInterval: 0 };
const formatPct = (x: number) => `${Math.round(x)}%`;
const scaled = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export function AccuracyChart({ vendors }: { vendors: readonly VendorScorecard[] }) {
  const chart = useMemo(
    () => ({
      categories: vendors.map((v) => v.name),
      series: [{ name: 'Gold accuracy (%)', kind: 'bar' as const, values: vendors.map((v) => scaled(v.gold.rate)), colorVar: '--accent', labels: true }],
      errorBars: { name: '95% interval', lower: vendors.map((v) => scaled(v.gold.lower)), upper: vendors.map((v) => scaled(v.gold.upper)) },
    }),
    [vendors],
  );
  const noGold = vendors.filter((v) => v.gold.rate === null).map((v) => v.name);
  return (
    <>
      <Chart
        title="Gold accuracy by vendor"
        summary="Each bar is a vendor's share of correct gold judgments, its figure written under its name, with its Wilson 95% interval as an error bar; vendors whose intervals do not overlap differ clearly. The head-to-head below tests a difference."
        categories={chart.categories}
        series={chart.series}
        errorBars={chart.errorBars}
        yAxis={pctAxis}
        formatValue={formatPct}
        categoryName="Vendor"
        height={240}
      />
      {noGold.length > 0 && <p className="muted small">No bar: {noGold.map((name) => `${name} (no gold judgments yet)`).join('; ')}.</p>}
    </>
  );
}

/** Why a vendor has no cost-per-correct bar in `currency`, or null when it has one. */
export function noCostReason(v: VendorScorecard, currency: string): string | null {
  if (!v.cost) return 'no pay terms set';
  if (v.cost.currency !== currency) return `paid in ${v.cost.currency}, not charted`;
  if (v.cost.perCorrectJudgment.estimate !== null) return null;
  if (v.cost.perJudgment === null) return 'no judgments yet';
  if (v.gold.n === 0) return 'no gold judgments yet, so no accuracy to divide by';
  if (v.gold.k === 0) return `no correct gold judgments yet (0 of ${v.gold.n.toLocaleString()})`;
  return 'no estimate yet';
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
      categories: paid.map((v) => v.name),
      series: [{ name: `Cost per correct label (${currency})`, kind: 'bar' as const, values: paid.map((v) => major(v.cost?.perCorrectJudgment.estimate)), colorVar: '--warn', labels: true }],
      errorBars: {
        name: '95% interval',
        lower: paid.map((v) => major(v.cost?.perCorrectJudgment.lower)),
        upper: paid.map((v) => major(v.cost?.perCorrectJudgment.upper)),
      },
      formatValue: (x: number) => formatMinor(x * 10 ** digits, currency),
      missing: vendors.flatMap((v) => {
        const reason = noCostReason(v, currency);
        return reason ? [`${v.name} (${reason})`] : [];
      }),
    };
  }, [vendors, currency]);
  if (!currency || !chart) return <p className="muted">No vendor on this project has pay terms yet, so there is no cost per correct label to chart.</p>;
  return (
    <>
      <Chart
        title="Cost per correct label by vendor"
        summary={`Cost per judgment divided by gold accuracy, in ${currency}, with the 95% interval that follows from the accuracy interval as an error bar (none where the upper end is open: an accuracy interval reaching 0%). Lower is better.`}
        categories={chart.categories}
        series={chart.series}
        errorBars={chart.errorBars}
        yAxis={costAxis}
        formatValue={chart.formatValue}
        categoryName="Vendor"
        height={240}
      />
      {chart.missing.length > 0 && <p className="muted small no-cost-bar">No cost bar: {chart.missing.join('; ')}.</p>}
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
