import { describe, expect, it } from 'vitest';
import { clopperPearsonInterval, jeffreysInterval } from './beta-interval.js';
import { wilsonInterval } from './wilson.js';

// Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
// Statistics in Medicine 17:857–872 (1998), doi:10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E,
// Table II: 95% intervals for 81/263, 15/148, 0/20 and 1/29 (method 3 = Wilson score, method 5 = Clopper–Pearson).
const newcombe: [number, number, [number, number], [number, number]][] = [
  [81, 263, [0.2553, 0.3662], [0.2527, 0.3676]],
  [15, 148, [0.0624, 0.1605], [0.0578, 0.1617]],
  [0, 20, [0, 0.1611], [0, 0.1684]],
  [1, 29, [0.0061, 0.1718], [0.0009, 0.1776]],
];

describe('wilsonInterval', () => {
  it.each(newcombe)('reproduces Newcombe (1998) Table II for %i/%i', (k, n, w) => {
    const r = wilsonInterval(k, n);
    expect(r.lower).toBeCloseTo(w[0], 4);
    expect(r.upper).toBeCloseTo(w[1], 4);
    expect(r.n).toBe(n);
    expect(r.k).toBe(k);
  });
  it('returns the whole unit interval and a NaN estimate when n is 0', () => {
    const r = wilsonInterval(0, 0);
    expect([r.lower, r.upper, r.n]).toEqual([0, 1, 0]);
    expect(r.estimate).toBeNaN();
  });
  it('rejects k > n', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
  });
});

describe('clopperPearsonInterval', () => {
  it.each(newcombe)('reproduces Newcombe (1998) Table II for %i/%i', (k, n, _w, cp) => {
    const r = clopperPearsonInterval(k, n);
    expect(r.lower).toBeCloseTo(cp[0], 4);
    expect(r.upper).toBeCloseTo(cp[1], 4);
  });
});

describe('jeffreysInterval', () => {
  // Quantiles of Beta(k+½, n−k+½) from SciPy 1.17.1 `scipy.stats.beta.ppf([0.025, 0.975], k + .5, n - k + .5)`.
  it('is the equal-tailed Beta(k+½, n−k+½) interval', () => {
    const r = jeffreysInterval(81, 263);
    expect(r.lower).toBeCloseTo(0.25452193, 7);
    expect(r.upper).toBeCloseTo(0.3656475, 7);
    const s = jeffreysInterval(1, 29);
    expect(s.lower).toBeCloseTo(0.00374617, 7);
    expect(s.upper).toBeCloseTo(0.15007769, 7);
  });
  it('sets the lower bound to 0 when there is no success, and the upper to 1 when all succeed', () => {
    expect(jeffreysInterval(0, 20).lower).toBe(0);
    expect(jeffreysInterval(0, 20).upper).toBeCloseTo(0.116638983, 7);
    expect(jeffreysInterval(20, 20).upper).toBe(1);
  });
});
