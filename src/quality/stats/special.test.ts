import { describe, expect, it } from 'vitest';
import {
  inverseRegularizedBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  regularizedGammaP,
} from './special.js';

// Reference values below were computed with SciPy 1.17.1 (scipy.special / scipy.stats, which wrap Boost.Math and
// Cephes — an independent implementation), e.g. `scipy.stats.beta.ppf(0.025, 7.5, 3.5)`; R's `qbeta` gives the same
// digits. Closed forms are used where they exist.

describe('logGamma', () => {
  it('matches factorials and known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
    expect(logGamma(50.5)).toBeCloseTo(146.51925549072064, 11);
    expect(logGamma(1e-5)).toBeCloseTo(11.512919692895826, 10);
  });
});

describe('regularizedBeta', () => {
  it('matches closed forms and SciPy betainc', () => {
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedBeta(0.3, 2, 1)).toBeCloseTo(0.09, 14);
    // I_x(1/2, 1/2) = (2/π) asin √x
    expect(regularizedBeta(0.9, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.9)), 13);
    expect(regularizedBeta(0.3, 2, 5)).toBeCloseTo(0.5798250000000003, 13);
    expect(regularizedBeta(0.5, 100, 120)).toBeCloseTo(0.9117960627949818, 12);
    expect(regularizedBeta(0.01, 0.1, 10)).toBeCloseTo(0.8244896709066988, 12);
  });
  it('is 0 and 1 at the ends', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });
});

describe('inverseRegularizedBeta', () => {
  const cases: [number, number, number, number][] = [
    [0.025, 0.5, 0.5, 0.001541333133436012],
    [0.975, 7.5, 3.5, 0.9073054060618468],
    [0.025, 7.5, 3.5, 0.3941816818513287],
    [0.025, 85.5, 15.5, 0.7704693407690483],
    [0.975, 85.5, 15.5, 0.9096304836473574],
    [1e-6, 2, 3, 0.0004083594602042573],
    [0.5, 0.1, 0.2, 0.04165249555559618],
    [0.99, 200, 300, 0.451442305391317],
    [0.025, 0.5, 20.5, 2.4246478459242733e-5],
  ];
  it.each(cases)('gives the %f quantile of Beta(%f, %f) as in SciPy', (p, a, b, x) => {
    const got = inverseRegularizedBeta(p, a, b);
    expect(Math.abs(got - x) / x).toBeLessThan(1e-10);
  });
  it('matches closed forms: Beta(1,1) is uniform, Beta(a,1) has quantile p^(1/a), Beta(½,½) is arcsine', () => {
    for (const p of [1e-9, 0.01, 0.3, 0.5, 0.77, 0.999]) {
      expect(inverseRegularizedBeta(p, 1, 1)).toBeCloseTo(p, 13);
      expect(inverseRegularizedBeta(p, 3.7, 1)).toBeCloseTo(Math.pow(p, 1 / 3.7), 12);
      expect(inverseRegularizedBeta(p, 0.5, 0.5)).toBeCloseTo(Math.sin((Math.PI * p) / 2) ** 2, 12);
    }
  });
  it('round-trips through regularizedBeta', () => {
    for (const [a, b] of [[0.3, 0.7], [2, 50], [1000, 3], [15.5, 15.5]] as const) {
      for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) {
        expect(regularizedBeta(inverseRegularizedBeta(p, a, b), a, b)).toBeCloseTo(p, 11);
      }
    }
  });
});

describe('normal distribution', () => {
  it('matches SciPy norm.cdf and norm.ppf', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 11);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalCdf(-5) / 2.866515718791933e-7).toBeCloseTo(1, 11);
    expect(normalCdf(1.3)).toBeCloseTo(0.9031995154143897, 14);
  });
  it('P(1/2, x²/2) is the two-sided normal mass', () => {
    expect(regularizedGammaP(0.5, 0.5 * 1.959963984540054 ** 2)).toBeCloseTo(0.95, 13);
  });
});
