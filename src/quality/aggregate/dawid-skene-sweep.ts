/**
 * The inner loop of Dawid–Skene (`dawid-skene.ts`): one EM sweep over the items, E-step fused with the M-step
 * accumulation of expected counts, over the [worker][given][true] tables described there. `sweep2` … `sweep6` are
 * the generic per-item code (`dawid-skene-item.ts`) with the class loop unrolled, written out from one template by
 * scripts/generate-dawid-skene-sweeps.ts; they are what makes the fast version fast, and `dawid-skene.test.ts`
 * checks every path against the readable reference.
 */
import { itemGeneric } from './dawid-skene-item.js';
import { sweep2, sweep3, sweep4, sweep5, sweep6 } from './dawid-skene-sweep-unrolled.generated.js';

/**
 * One EM sweep over the items: the E-step of each item (a product of probabilities; see `itemGeneric` for the
 * rescaling and the log-space fallback) fused with the M-step accumulation of expected counts. Returns the
 * log-likelihood. The sweep is a small function of its own so V8 optimises it whole, and for K ≤ 6 it is unrolled
 * over the classes (`sweep2` … `sweep6`, generated from one template): keeping the K running
 * products in locals instead of a scratch array halves the time per iteration. Items that are clamped, have more
 * than 8 judgments or underflow take the generic path.
 */
export function sweep(
  nItems: number,
  K: number,
  start: Int32Array,
  cell: Int32Array,
  gold: Int32Array,
  theta: Float64Array,
  pi: Float64Array,
  post: Float64Array,
  counts: Float64Array,
  priorCounts: Float64Array,
  r: Float64Array,
): number {
  switch (K) {
    case 2:
      return sweep2(nItems, start, cell, gold, theta, pi, post, counts, priorCounts, r);
    case 3:
      return sweep3(nItems, start, cell, gold, theta, pi, post, counts, priorCounts, r);
    case 4:
      return sweep4(nItems, start, cell, gold, theta, pi, post, counts, priorCounts, r);
    case 5:
      return sweep5(nItems, start, cell, gold, theta, pi, post, counts, priorCounts, r);
    case 6:
      return sweep6(nItems, start, cell, gold, theta, pi, post, counts, priorCounts, r);
  }
  let ll = 0;
  for (let i = 0; i < nItems; i++) ll += itemGeneric(i, K, start[i]!, start[i + 1]!, cell, gold, theta, pi, post, counts, priorCounts, r);
  return ll;
}
