import { describe, expect, it } from 'vitest';
import { mcnemarExact, newcombeDifference, newcombePairedDifference, twoProportionZTest } from './two-proportions.js';

// Newcombe, "Interval estimation for the difference between independent proportions: comparison of eleven
// methods", Stat Med 17:873–890 (1998), Table II, method 10 (hybrid score, no continuity correction).
const independent: [number, number, number, number, [number, number]][] = [
  [56, 70, 48, 80, [0.0524, 0.3339]],
  [9, 10, 3, 10, [0.1705, 0.809]],
  [6, 7, 2, 7, [0.0582, 0.8062]],
  [5, 56, 0, 29, [-0.0381, 0.1926]],
  [0, 10, 0, 20, [-0.1611, 0.2775]],
  [0, 10, 0, 10, [-0.2775, 0.2775]],
];

// Newcombe, "Improved confidence intervals for the difference between binomial proportions based on paired data",
// Stat Med 17:2635–2650 (1998), Table III, method 10; cells are (both, first only, second only, neither).
const paired: [number, number, number, number, [number, number]][] = [
  [36, 12, 2, 0, [0.0569, 0.3404]],
  [20, 12, 2, 16, [0.0562, 0.3292]],
  [18, 12, 2, 18, [0.0562, 0.329]],
  [36, 14, 0, 0, [0.1528, 0.4167]],
  [35, 14, 0, 1, [0.1461, 0.4175]],
  [18, 14, 0, 18, [0.1441, 0.3963]],
  [54, 0, 0, 0, [-0.0664, 0.0664]],
  [53, 0, 0, 1, [-0.0729, 0.0729]],
  [27, 0, 0, 27, [-0.0351, 0.0351]],
];

describe('newcombeDifference', () => {
  it.each(independent)('reproduces Newcombe (1998) Table II for %i/%i − %i/%i', (k1, n1, k2, n2, [lo, hi]) => {
    const r = newcombeDifference(k1, n1, k2, n2);
    expect(r.difference).toBeCloseTo(k1 / n1 - k2 / n2, 12);
    expect(r.lower).toBeCloseTo(lo, 4);
    expect(r.upper).toBeCloseTo(hi, 4);
  });
  it('is the whole range with a NaN difference when a sample is empty', () => {
    const r = newcombeDifference(0, 0, 3, 5);
    expect(r.difference).toBeNaN();
    expect([r.lower, r.upper]).toEqual([-1, 1]);
  });
});

describe('twoProportionZTest', () => {
  it('matches a hand computation for 56/70 vs 48/80', () => {
    // pooled = 104/150; se = √(0.69333·0.30667·(1/70 + 1/80)) = 0.075467…; z = 0.2 / se = 2.6502…
    const pooled = 104 / 150;
    const z = 0.2 / Math.sqrt(pooled * (1 - pooled) * (1 / 70 + 1 / 80));
    const r = twoProportionZTest(56, 70, 48, 80);
    expect(z).toBeCloseTo(2.6502, 4);
    expect(r.statistic).toBeCloseTo(z, 10);
    expect(r.pValue).toBeCloseTo(0.00804, 4); // 2·(1 − Φ(2.6502)) = 2·0.00402 (normal table), from normal tables
  });
  it('gives z = 0 and p = 1 for equal proportions and for no variance', () => {
    expect(twoProportionZTest(5, 10, 10, 20)).toEqual({ statistic: 0, pValue: 1 });
    expect(twoProportionZTest(10, 10, 20, 20)).toEqual({ statistic: 0, pValue: 1 });
  });
});

describe('newcombePairedDifference', () => {
  it.each(paired)('reproduces Newcombe (1998b) Table III for (%i, %i, %i, %i)', (a, b, c, d, [lo, hi]) => {
    const r = newcombePairedDifference({ a, b, c, d });
    expect(r.difference).toBeCloseTo((b - c) / (a + b + c + d), 12);
    expect(r.lower).toBeCloseTo(lo, 4);
    expect(r.upper).toBeCloseTo(hi, 4);
  });
});

describe('mcnemarExact', () => {
  it('is twice the binomial tail of the smaller discordant count', () => {
    // b = 12, c = 2: 2·(C(14,0) + C(14,1) + C(14,2)) / 2¹⁴ = 2·106/16384 = 0.012939…
    expect(mcnemarExact(12, 2).pValue).toBeCloseTo(212 / 16384, 12);
    expect(mcnemarExact(2, 12).statistic).toBe(2);
  });
  it('caps at 1 and is 1 without discordant pairs', () => {
    expect(mcnemarExact(5, 5).pValue).toBe(1);
    expect(mcnemarExact(0, 0).pValue).toBe(1);
  });
  it('does not underflow for many discordant pairs', () => {
    // b = c = 500: symmetric, p = 1; b = 600, c = 400: z ≈ 6.3, p ≈ 3e-10
    expect(mcnemarExact(500, 500).pValue).toBe(1);
    const p = mcnemarExact(600, 400).pValue;
    expect(p).toBeGreaterThan(1e-10);
    expect(p).toBeLessThan(1e-9);
  });
});
