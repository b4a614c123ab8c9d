import { describe, expect, it } from 'vitest';
import type { VendorScorecard } from '../services/vendors/scorecards.js';
import { accuracyBars, costBars, trendLines } from './vendor-charts.js';

/** A scorecard with the fields the charts read; the rest left empty. */
function card(name: string, over: { gold?: Partial<VendorScorecard['gold']>; cost?: { currency: string; estimate: number | null; lower: number | null; upper: number | null } | null; trend?: [string, number | null][] } = {}): VendorScorecard {
  const c = over.cost;
  return {
    vendorId: name.toLowerCase(),
    name,
    kind: 'crowd',
    payTerms: null,
    alpha: null,
    gold: { n: 200, k: 140, rate: 0.7, lower: 0.6332, upper: 0.7594, ...over.gold },
    smallSample: false,
    agreement: null,
    review: { decided: 0, accepted: 0, rejected: 0, corrected: 0, acceptance: { n: 0, k: 0, rate: null, lower: null, upper: null }, rejectionReasons: [] },
    throughput: { judgments: 200, activeHours: 1, perActiveHour: 200, medianTimeMs: 18_000 },
    cost:
      c === undefined || c === null
        ? null
        : { currency: c.currency, payModel: 'per_task', total: 1000, perJudgment: 5, perAcceptedJudgment: { estimate: null, lower: null, upper: null }, perCorrectJudgment: { estimate: c.estimate, lower: c.lower, upper: c.upper } },
    trend: (over.trend ?? []).map(([weekStart, rate]) => ({ weekStart, n: 10, correct: 7, rate, lower: null, upper: null })),
  };
}

describe('accuracyBars', () => {
  it('gives each vendor its accuracy and Wilson bounds in percent (one decimal), and its rate and n under its name', () => {
    expect(accuracyBars([card('Crowd'), card('New', { gold: { n: 0, k: 0, rate: null, lower: null, upper: null } })])).toEqual([
      { name: 'Crowd', value: 70, lower: 63.3, upper: 75.9, note: '70% · n 200' },
      { name: 'New', value: null, lower: null, upper: null, note: 'no gold yet' },
    ]);
  });
});

describe('costBars', () => {
  it('charts the most common currency in major units, and names the vendors it leaves out', () => {
    const vendors = [
      card('Crowd', { cost: { currency: 'USD', estimate: 7, lower: 7, upper: 8 } }),
      card('Experts', { cost: { currency: 'USD', estimate: 8696, lower: 8247, upper: null } }),
      card('Tokyo', { cost: { currency: 'JPY', estimate: 12, lower: 10, upper: 15 } }),
      card('Unpaid'),
      card('Wrong', { cost: { currency: 'USD', estimate: null, lower: 60, upper: null } }),
    ];
    expect(costBars(vendors)).toEqual({
      currency: 'USD',
      bars: [
        { name: 'Crowd', value: 0.07, lower: 0.07, upper: 0.08, note: '$0.07' },
        { name: 'Experts', value: 86.96, lower: 82.47, upper: null, note: '$86.96' },
      ],
      otherCurrency: ['Tokyo'],
      unpaid: ['Unpaid', 'Wrong'],
    });
  });

  it('uses the currency’s own minor unit: yen have none', () => {
    const c = costBars([card('Tokyo', { cost: { currency: 'JPY', estimate: 1234, lower: 1100, upper: 1400 } })])!;
    expect(c.bars[0]).toEqual({ name: 'Tokyo', value: 1234, lower: 1100, upper: 1400, note: '¥1,234' });
  });

  it('is null when no vendor has pay terms', () => {
    expect(costBars([card('Crowd')])).toBeNull();
  });
});

describe('trendLines', () => {
  it('puts every vendor on the union of weeks, in order, with a gap where it had no gold', () => {
    const t = trendLines([
      card('A', { trend: [['2026-11-09T00:00:00.000Z', 0.8], ['2026-11-02T00:00:00.000Z', 0.75]] }),
      card('B', { trend: [['2026-11-16T00:00:00.000Z', 0.5]] }),
    ]);
    expect(t.categories).toEqual(['Nov 2', 'Nov 9', 'Nov 16']);
    expect(t.lines).toEqual([
      { name: 'A', values: [75, 80, null] },
      { name: 'B', values: [null, null, 50] },
    ]);
  });
});
