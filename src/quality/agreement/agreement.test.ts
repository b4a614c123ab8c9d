import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaFromTable } from './cohen.js';
import { fleissKappa } from './fleiss.js';
import { percentAgreement } from './percent-agreement.js';

// Fleiss, "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5):378–382 (1971),
// doi:10.1037/h0031619, Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (depression, personality disorder,
// schizophrenia, neurosis, other); the paper reports κ = .430 (p. 380). Counts transcribed from the table (blank = 0).
const FLEISS_1971 = [
  [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
  [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
  [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
  [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
];

describe('fleissKappa', () => {
  it('reproduces Fleiss (1971): κ = 0.430 on the 30-patient example', () => {
    const r = fleissKappa(FLEISS_1971.flat(), 5);
    expect(r.kappa).toBeCloseTo(0.43, 3);
    expect(r.nItems).toBe(30);
    expect(r.raters).toBe(6);
    // The paper's P̄ = .556 and P̄_e = .220 (p. 380).
    expect(r.observed).toBeCloseTo(0.556, 3);
    expect(r.expected).toBeCloseTo(0.22, 3);
  });
  it('rejects items with different numbers of ratings', () => {
    expect(() => fleissKappa([2, 0, 1, 2], 2)).toThrow(RangeError);
  });
});

describe('cohenKappa', () => {
  // Fleiss, Levin & Paik, Statistical Methods for Rates and Proportions, 3rd ed., Wiley 2003, Table 18.1: two
  // raters, 100 subjects, diagnoses psychotic / neurotic / organic. p_o = .89, p_e = .66, κ = (.89 − .66)/(1 − .66) = .676.
  const table = [75, 1, 4, 5, 4, 1, 0, 0, 10];
  it('reproduces the textbook example of Fleiss, Levin & Paik (2003), κ = 0.676', () => {
    const r = cohenKappaFromTable(table, 3);
    expect(r.observed).toBeCloseTo(0.89, 12);
    expect(r.expected).toBeCloseTo(0.66, 12);
    expect(r.kappa).toBeCloseTo(0.23 / 0.34, 12);
    expect(r.n).toBe(100);
  });
  it('gives the same value from the two raters’ labels', () => {
    const a: number[] = [];
    const b: number[] = [];
    table.forEach((c, x) => {
      for (let j = 0; j < c; j++) {
        a.push(Math.floor(x / 3));
        b.push(x % 3);
      }
    });
    expect(cohenKappa(a, b, 3).kappa).toBeCloseTo(0.23 / 0.34, 12);
  });
  it('computes quadratic weighted kappa by hand on a 2 × 2 table, where it equals unweighted kappa', () => {
    expect(cohenKappaFromTable([20, 5, 10, 15], 2, 'quadratic').kappa).toBeCloseTo(0.4, 12);
    expect(cohenKappaFromTable([20, 5, 10, 15], 2).kappa).toBeCloseTo(0.4, 12);
  });
});

describe('percentAgreement', () => {
  it('pools agreeing pairs over items', () => {
    // Item 0: labels 0,0,1 → 1 agreeing pair of 3; item 1: 1,1 → 1 of 1; item 2 has one label (no pair).
    const obs = {
      item: Int32Array.of(0, 0, 0, 1, 1, 2),
      worker: Int32Array.of(0, 1, 2, 0, 1, 0),
      label: Int32Array.of(0, 0, 1, 1, 1, 0),
      nItems: 3,
      nWorkers: 3,
      nClasses: 2,
    };
    expect(percentAgreement(obs)).toEqual({ agreement: 0.5, pairs: 4, nItems: 2 });
  });
});
