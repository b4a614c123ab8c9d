import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from './mann-whitney.js';

describe('mannWhitneyU', () => {
  it('matches scipy 1.17.1 mannwhitneyu(method="asymptotic", use_continuity=True) with ties', () => {
    // scipy.stats.mannwhitneyu(x, y, alternative='two-sided', method='asymptotic', use_continuity=True)
    const r = mannWhitneyU([1.1, 2.2, 2.2, 3.5, 4.0, 5.1, 5.1, 6.3], [2.2, 3.0, 4.4, 5.1, 6.0, 7.7, 8.1, 9.0, 9.5]);
    expect(r.u).toBe(17);
    expect(r.pValue).toBeCloseTo(0.07362217358394241, 12);
  });

  it('matches scipy on rounded normal samples of 40 and 55 (many ties)', () => {
    // numpy default_rng(5): round(normal(0, 1, 40), 1) and round(normal(0.3, 1, 55), 1).
    const a = [-0.8, -1.3, -0.2, 0.4, 1.1, 0.1, -0.6, -0.8, 0.7, 1.6, 0.3, -1.2, -1.0, 1.6, 0.2, -1.7, -0.1, -1.2, -0.6, -0.5, -0.7, 0.6, -0.1, -0.6, 0.4, 0.8, -1.6, -0.3, -1.0, -0.2, -1.3, 0.0, -0.0, -0.3, -1.0, -0.4, -1.1, -1.4, 0.2, -1.1];
    const b = [1.5, 1.0, -1.7, 0.6, -0.8, 0.3, 0.3, -1.7, 0.1, 0.0, 1.3, -0.9, 1.0, -0.8, -0.0, -0.5, 1.7, 0.9, 2.7, 0.9, 1.1, 1.1, -0.3, 0.2, 1.7, -0.1, 0.5, 0.3, 0.9, -0.1, 0.1, 0.5, 0.4, -0.6, 1.2, -1.0, -0.9, -1.0, 1.3, -0.1, -0.7, -0.8, 0.7, -0.8, -1.0, 0.9, -0.9, -0.0, 0.3, -0.1, 0.2, 1.6, -0.2, -1.0, -1.5];
    const r = mannWhitneyU(b, a); // scipy's statistic 770.5 is U of a; U of b is 40·55 − 770.5
    expect(r.u).toBe(40 * 55 - 770.5);
    expect(r.pValue).toBeCloseTo(0.013064450900508872, 12);
  });

  it('gives p = 1 for identical samples and refuses an empty one', () => {
    expect(mannWhitneyU([1, 2, 3], [1, 2, 3])).toMatchObject({ u: 4.5, pValue: 1 });
    expect(() => mannWhitneyU([], [1])).toThrow(RangeError);
  });
});
