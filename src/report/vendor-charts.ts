/**
 * The report's three charts from the vendor scorecards, as data first (tested on their numbers) and then as
 * ECharts options: gold accuracy per vendor with its 95% error bar, cost per correct label with its interval (the
 * vendors paid in the most common currency; the rest are named beside the chart), and gold accuracy per week.
 */
import type { VendorScorecard } from '../services/vendors/scorecards.js';
import { currencyDigits, mostCommonCurrency } from '../core/figures/words.js';
import { intervalBarOption, PALETTE, trendOption, type IntervalBar, type TrendLine } from './charts.js';
import { money, percent, weekLabel } from './format.js';

const scaled = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** Gold accuracy bars in percent, labelled with the rate and n. */
export function accuracyBars(vendors: readonly VendorScorecard[]): IntervalBar[] {
  return vendors.map((v) => ({
    name: v.name,
    value: scaled(v.gold.rate),
    lower: scaled(v.gold.lower),
    upper: scaled(v.gold.upper),
    note: v.gold.rate === null ? 'no gold yet' : `${percent(v.gold.rate, 0)} · n ${v.gold.n}`,
  }));
}

export interface CostBars {
  currency: string;
  /** In major units (dollars, not cents). */
  bars: IntervalBar[];
  /** Vendors left out: paid in another currency, or without pay terms. */
  otherCurrency: string[];
  unpaid: string[];
}

/** Cost per correct label in major units of the chart's currency; null when no vendor has pay terms. */
export function costBars(vendors: readonly VendorScorecard[]): CostBars | null {
  const currency = mostCommonCurrency(vendors);
  if (currency === null) return null;
  const unit = 10 ** currencyDigits(currency);
  const major = (minor: number | null) => (minor === null ? null : minor / unit);
  const paid = vendors.filter((v) => v.cost?.currency === currency && v.cost.perCorrectJudgment.estimate !== null);
  return {
    currency,
    bars: paid.map((v) => {
      const c = v.cost!.perCorrectJudgment;
      return { name: v.name, value: major(c.estimate), lower: major(c.lower), upper: major(c.upper), note: money(c.estimate, currency) };
    }),
    otherCurrency: vendors.filter((v) => v.cost && v.cost.currency !== currency).map((v) => v.name),
    unpaid: vendors.filter((v) => !v.cost || (v.cost.currency === currency && v.cost.perCorrectJudgment.estimate === null)).map((v) => v.name),
  };
}

/** Weeks (Monday, UTC) and a line per vendor of its accuracy in percent; null where a vendor had no gold that week. */
export function trendLines(vendors: readonly VendorScorecard[]): { weeks: string[]; categories: string[]; lines: TrendLine[] } {
  const weeks = [...new Set(vendors.flatMap((v) => v.trend.map((t) => t.weekStart)))].sort();
  return {
    weeks,
    categories: weeks.map(weekLabel),
    lines: vendors.map((v) => {
      const byWeek = new Map(v.trend.map((t) => [t.weekStart, t.rate]));
      return { name: v.name, values: weeks.map((w) => scaled(byWeek.get(w) ?? null)) };
    }),
  };
}

export const accuracyOption = (vendors: readonly VendorScorecard[]) => intervalBarOption(accuracyBars(vendors), { name: 'Gold accuracy (%)', min: 0, max: 100 }, PALETTE[0]);

export const costOption = (c: CostBars) => intervalBarOption(c.bars, { name: `Cost per correct label (${c.currency})`, min: 0 }, PALETTE[1]);

export function trendChartOption(vendors: readonly VendorScorecard[]) {
  const t = trendLines(vendors);
  return t.weeks.length === 0 ? null : trendOption(t.categories, t.lines, { name: 'Gold accuracy (%)', min: 0, max: 100 });
}
