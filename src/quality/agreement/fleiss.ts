/**
 * Fleiss' kappa: chance-corrected agreement of a fixed number m of raters per item on a nominal scale.
 *
 * With n_ij the number of raters who put item i in class j (Σ_j n_ij = m for every item), N items,
 *   p_j = Σ_i n_ij / (N m),   P_i = (Σ_j n_ij² − m) / (m(m − 1)),   P̄ = mean_i P_i,   P̄_e = Σ_j p_j²,
 *   κ = (P̄ − P̄_e) / (1 − P̄_e).
 * Fleiss, "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5):378–382, 1971,
 * doi:10.1037/h0031619. The raters need not be the same people for every item. Cost O(N·K).
 * The large-sample standard error under the null hypothesis of no agreement is Fleiss' eq. 12 (also returned).
 */

export interface FleissResult {
  readonly kappa: number;
  /** Mean observed agreement P̄ and chance agreement P̄_e. */
  readonly observed: number;
  readonly expected: number;
  /** Items N and raters per item m. */
  readonly nItems: number;
  readonly raters: number;
  /** Standard error of κ under H0: κ = 0 (Fleiss 1971, eq. 12). */
  readonly nullStandardError: number;
}

/** Fleiss' kappa from an N × K count matrix (row-major), each row summing to the same m ≥ 2. */
export function fleissKappa(counts: ArrayLike<number>, nClasses: number): FleissResult {
  const K = nClasses;
  if (!(K >= 1) || counts.length % K !== 0) throw new RangeError('counts must be an N × nClasses matrix');
  const N = counts.length / K;
  let m = -1;
  const pj = new Float64Array(K);
  let sumP = 0;
  for (let i = 0; i < N; i++) {
    let row = 0;
    let sq = 0;
    for (let j = 0; j < K; j++) {
      const c = counts[i * K + j]!;
      if (!(c >= 0)) throw new RangeError(`counts[${i}][${j}] must be ≥ 0`);
      row += c;
      sq += c * c;
      pj[j]! += c;
    }
    if (m < 0) m = row;
    if (row !== m) throw new RangeError(`item ${i} has ${row} ratings, item 0 has ${m}: Fleiss' kappa needs the same number`);
    sumP += (sq - m) / (m * (m - 1));
  }
  if (N === 0 || m < 2) return { kappa: NaN, observed: NaN, expected: NaN, nItems: N, raters: Math.max(m, 0), nullStandardError: NaN };
  let pe = 0;
  let pe3 = 0;
  for (let j = 0; j < K; j++) {
    pj[j]! /= N * m;
    pe += pj[j]! ** 2;
    pe3 += pj[j]! ** 3;
  }
  const pBar = sumP / N;
  const se = Math.sqrt((2 * (pe - (2 * m - 3) * pe * pe + 2 * (m - 2) * pe3)) / (N * m * (m - 1))) / (1 - pe);
  return { kappa: (pBar - pe) / (1 - pe), observed: pBar, expected: pe, nItems: N, raters: m, nullStandardError: se };
}
