/**
 * Percent agreement: the share of agreeing pairs among all pairs of judgments on the same item.
 *
 * For an item with m_i judgments, n_ik of them in class k, the agreeing pairs are Σ_k n_ik(n_ik − 1)/2 out of
 * m_i(m_i − 1)/2. The result pools pairs over items (items with one judgment have none), so it is the probability
 * that two judgments of a random pair on a common item agree. It is not chance-corrected; report it beside alpha or
 * kappa, never instead (Krippendorff, Content Analysis, 4th ed., 2019, §12.1). Cost O(n + I·K).
 */
import type { Observations } from '../types.js';

export interface PercentAgreementResult {
  /** Agreeing pairs / all pairs (NaN when there is no pair). */
  readonly agreement: number;
  /** Pairs counted, and items with at least two judgments. */
  readonly pairs: number;
  readonly nItems: number;
}

export function percentAgreement(obs: Observations): PercentAgreementResult {
  const K = obs.nClasses;
  const counts = new Float64Array(obs.nItems * K);
  const m = new Float64Array(obs.nItems);
  for (let o = 0; o < obs.item.length; o++) {
    counts[obs.item[o]! * K + obs.label[o]!]!++;
    m[obs.item[o]!]!++;
  }
  let agree = 0;
  let pairs = 0;
  let items = 0;
  for (let i = 0; i < obs.nItems; i++) {
    if (m[i]! < 2) continue;
    items++;
    pairs += (m[i]! * (m[i]! - 1)) / 2;
    for (let k = 0; k < K; k++) agree += (counts[i * K + k]! * (counts[i * K + k]! - 1)) / 2;
  }
  return { agreement: pairs > 0 ? agree / pairs : NaN, pairs, nItems: items };
}
