import { describe, expect, it } from 'vitest';
import { krippendorffAlpha, krippendorffAlphaInterval, type ReliabilityData } from './krippendorff.js';

// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), repository.upenn.edu/asc_papers/43, section C
// ("Nominal data, any number of observers, missing values"), the 4 observers × 12 units example; the paper gives
// α = 0.743 (nominal, p. 6), 0.815 (ordinal, p. 8), 0.849 (interval, p. 9) and 0.797 (ratio, p. 10) for these data.
// '.' marks a missing value; unit 12 has one value only and is not pairable.
const MATRIX = [
  '1 2 3 3 2 1 4 1 2 . . .', // observer A
  '1 2 3 3 2 2 4 1 2 5 . 3', // observer B
  '. 3 3 3 2 3 4 2 2 5 1 .', // observer C
  '1 2 3 3 2 4 4 1 2 5 1 .', // observer D
];

function fromMatrix(rows: string[]): ReliabilityData {
  const unit: number[] = [];
  const value: number[] = [];
  for (const row of rows)
    row.split(' ').forEach((v, u) => {
      if (v !== '.') {
        unit.push(u);
        value.push(Number(v));
      }
    });
  return { unit: Int32Array.from(unit), value: Float64Array.from(value), nUnits: rows[0]!.split(' ').length };
}

describe('krippendorffAlpha', () => {
  const data = fromMatrix(MATRIX);
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('reproduces Krippendorff (2011) for %s data: %f', (level, expected) => {
    const r = krippendorffAlpha(data, level);
    expect(r.alpha).toBeCloseTo(expected, 3);
    expect(r.nUnits).toBe(11);
    expect(r.nValues).toBe(40);
  });
  it('computes the expected nominal disagreement from the value counts of the worked example', () => {
    // Pairable values per class, counted by hand from the matrix (units 1–11): 1 → 3+1+3+2 = 9,
    // 2 → 3+4+1+1+4 = 13, 3 → 1+4+4+1 = 10, 4 → 1+4 = 5, 5 → 3; n = 40, Σ n_c² = 81+169+100+25+9 = 384, so
    // D_e = (n² − Σ n_c²) / (n(n − 1)) = (1600 − 384) / 1560.
    const r = krippendorffAlpha(data, 'nominal');
    expect(r.expected).toBeCloseTo(1216 / 1560, 12);
    expect(1 - r.observed / r.expected).toBeCloseTo(r.alpha, 12);
  });
  it('is 1 for perfect agreement and undefined without variation', () => {
    const same = { unit: Int32Array.of(0, 0, 1, 1), value: Float64Array.of(1, 1, 2, 2), nUnits: 2 };
    expect(krippendorffAlpha(same).alpha).toBe(1);
    const constant = { unit: Int32Array.of(0, 0, 1, 1), value: Float64Array.of(1, 1, 1, 1), nUnits: 2 };
    expect(krippendorffAlpha(constant).alpha).toBeNaN();
  });
});

describe('krippendorffAlphaInterval', () => {
  const data = fromMatrix(MATRIX);
  it('brackets the point estimate and repeats exactly with the same seed', () => {
    const a = krippendorffAlphaInterval(data, { level: 'interval', replicates: 500, seed: 7 });
    const b = krippendorffAlphaInterval(data, { level: 'interval', replicates: 500, seed: 7 });
    expect(a).toEqual(b);
    expect(a.lower).toBeLessThanOrEqual(a.alpha);
    expect(a.upper).toBeGreaterThanOrEqual(a.alpha);
    expect(a.upper).toBeLessThanOrEqual(1);
  });
  it('narrows as the number of units grows', () => {
    const big = fromMatrix(MATRIX.map((r) => Array.from({ length: 20 }, () => r).join(' ')));
    const small = krippendorffAlphaInterval(data, { replicates: 400, seed: 1 });
    const large = krippendorffAlphaInterval(big, { replicates: 400, seed: 1 });
    expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
  });
});
