/**
 * Costs stay exact until they are written: a scorecard's cost figures in fractional minor units, against a hand
 * computation (Wilson bounds computed apart, in Python: z = 1.959963984540054, 8 of 10 → [0.490162, 0.943318]).
 */
import { describe, expect, it } from 'vitest';
import { costOf, proportion } from './scorecard-figures.js';
import { formatMinor, formatMinorInterval } from '../../core/figures/money.js';

describe('cost figures, exact minor units', () => {
  // $12.50 an hour, 10 judgments of 5 s each: 1250 ¢ × 50 s / 3600 s = 17.3611 ¢ in all, 1.73611 ¢ a judgment.
  const terms = { model: 'per_hour' as const, rateMinor: 1250, currency: 'USD' };
  const cost = costOf(terms, 10, 50_000, proportion(0, 0), proportion(8, 10))!;

  it('keeps the total and the cost per judgment unrounded', () => {
    expect(cost.total).toBeCloseTo(17.361111, 5);
    expect(cost.perJudgment).toBeCloseTo(1.7361111, 6);
    // It was written "$0.02" when rounded to the cent; now the sub-cent figure shows.
    expect(formatMinor(cost.perJudgment!, 'USD', 'en-US')).toBe('$0.0174');
  });

  it('divides by the accuracy and its Wilson bounds, and the interval contains the estimate', () => {
    const c = cost.perCorrectJudgment;
    expect(c.estimate).toBeCloseTo(2.1701389, 6); // 1.7361 / 0.8
    expect(c.lower).toBeCloseTo(1.8404307, 5); // 1.7361 / 0.943318
    expect(c.upper).toBeCloseTo(3.5419095, 5); // 1.7361 / 0.490162
    expect(c.lower! <= c.estimate! && c.estimate! <= c.upper!).toBe(true);
    expect(formatMinorInterval({ estimate: c.estimate!, lower: c.lower, upper: c.upper }, 'USD', 'en-US')).toEqual({ estimate: '$0.0217', lower: '$0.0184', upper: '$0.0355' });
  });

  it('leaves an end open where a bound of the rate is 0, and nothing reviewed undefined', () => {
    const none = costOf({ model: 'per_task', rateMinor: 5, currency: 'USD' }, 4, 0, proportion(0, 0), proportion(0, 2))!;
    expect(none.perJudgment).toBe(5);
    expect(none.perCorrectJudgment).toMatchObject({ estimate: null, upper: null });
    expect(none.perAcceptedJudgment).toEqual({ estimate: null, lower: null, upper: null });
  });
});
