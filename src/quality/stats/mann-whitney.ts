/**
 * The Mann–Whitney U test (Wilcoxon rank-sum): do two independent samples come from the same distribution, against
 * one tending to larger values? Mann & Whitney, "On a test of whether one of two random variables is stochastically
 * larger than the other", Ann. Math. Statist. 18:50–60 (1947). Large-sample form: U₁ = R₁ − n₁(n₁+1)/2 from mid-ranks,
 * mean n₁n₂/2, variance n₁n₂/12 · ((n+1) − Σ(t³ − t)/(n(n−1))) over tie groups of size t (Lehmann, Nonparametrics,
 * 1975, §1.4), two-sided p = 2·(1 − Φ((max(U₁, U₂) − n₁n₂/2 − ½)/σ)) with the continuity correction, capped at 1:
 * what scipy.stats.mannwhitneyu(method='asymptotic', use_continuity=True) computes. Cost O(n log n).
 */
import { normalCdf } from './special.js';

export interface MannWhitneyResult {
  /** U of the first sample: pairs (x, y) with x > y, ties counting ½. */
  u: number;
  z: number;
  /** Two-sided p-value. */
  pValue: number;
}

export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitneyU needs two non-empty samples');
  const all = [...x.map((v) => ({ v, first: true })), ...y.map((v) => ({ v, first: false }))].sort((a, b) => a.v - b.v);
  const n = all.length;
  let r1 = 0;
  let ties = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[j + 1]!.v === all[i]!.v) j++;
    const rank = (i + j + 2) / 2; // mid-rank of positions i..j (1-based)
    for (let m = i; m <= j; m++) if (all[m]!.first) r1 += rank;
    const t = j - i + 1;
    ties += t * t * t - t;
    i = j + 1;
  }
  const u = r1 - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1))));
  if (sigma === 0) return { u, z: 0, pValue: 1 };
  const z = (Math.max(u, n1 * n2 - u) - mean - 0.5) / sigma;
  return { u, z, pValue: Math.min(1, 2 * (1 - normalCdf(z))) };
}
