/**
 * Cohen's kappa for two raters, unweighted or weighted.
 *
 * From the K × K table p_ab of joint proportions (rater 1 says a, rater 2 says b) with margins p_a·, p_·b:
 *   κ = (p_o − p_e) / (1 − p_e),  p_o = Σ_a p_aa,  p_e = Σ_a p_a· p_·a                (Cohen 1960)
 * and with disagreement weights w_ab (linear |a − b|, quadratic (a − b)²), κ_w = 1 − Σ w p_ab / Σ w p_a· p_·b
 * (Cohen 1968). Cohen, "A Coefficient of Agreement for Nominal Scales", Educational and Psychological Measurement
 * 20(1):37–46, 1960, doi:10.1177/001316446002000104; Cohen, "Weighted kappa", Psychological Bulletin 70(4):213–220,
 * 1968, doi:10.1037/h0026256. Cost O(n + K²).
 */

export type KappaWeights = 'none' | 'linear' | 'quadratic';

export interface CohenResult {
  readonly kappa: number;
  /** Observed and chance agreement (for weighted kappa: 1 − the weighted disagreements). */
  readonly observed: number;
  readonly expected: number;
  /** Number of items rated by both raters. */
  readonly n: number;
  readonly weights: KappaWeights;
}

/** Cohen's kappa from a K × K table of counts (row-major: rows rater 1, columns rater 2). */
export function cohenKappaFromTable(table: ArrayLike<number>, nClasses: number, weights: KappaWeights = 'none'): CohenResult {
  const K = nClasses;
  if (table.length !== K * K) throw new RangeError(`table must have ${K}×${K} entries`);
  let n = 0;
  for (let x = 0; x < table.length; x++) {
    if (!(table[x]! >= 0)) throw new RangeError('table counts must be ≥ 0');
    n += table[x]!;
  }
  const row = new Float64Array(K);
  const col = new Float64Array(K);
  for (let a = 0; a < K; a++)
    for (let b = 0; b < K; b++) {
      row[a]! += table[a * K + b]! / n;
      col[b]! += table[a * K + b]! / n;
    }
  const w = (a: number, b: number): number =>
    weights === 'none' ? (a === b ? 0 : 1) : weights === 'linear' ? Math.abs(a - b) : (a - b) * (a - b);
  let dObs = 0;
  let dExp = 0;
  for (let a = 0; a < K; a++)
    for (let b = 0; b < K; b++) {
      dObs += w(a, b) * (table[a * K + b]! / n);
      dExp += w(a, b) * row[a]! * col[b]!;
    }
  if (n === 0) return { kappa: NaN, observed: NaN, expected: NaN, n, weights };
  // With 0/1 weights, 1 − dObs = p_o and 1 − dExp = p_e, so κ = 1 − dObs/dExp is the usual formula.
  return { kappa: dExp > 0 ? 1 - dObs / dExp : NaN, observed: 1 - dObs, expected: 1 - dExp, n, weights };
}

/** Cohen's kappa from two raters' class indices on the same items (`a[i]`, `b[i]` for item i). */
export function cohenKappa(a: ArrayLike<number>, b: ArrayLike<number>, nClasses: number, weights: KappaWeights = 'none'): CohenResult {
  if (a.length !== b.length) throw new RangeError('both raters must rate the same items');
  const K = nClasses;
  const table = new Float64Array(K * K);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!(x >= 0 && x < K && y >= 0 && y < K)) throw new RangeError(`item ${i}: class outside 0..${K - 1}`);
    table[x * K + y]!++;
  }
  return cohenKappaFromTable(table, K, weights);
}
