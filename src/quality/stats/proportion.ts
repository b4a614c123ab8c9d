/**
 * The one definition of every proportion Assay shows (gold accuracy, agreement with the consensus, review
 * acceptance), wherever it is shown: the observed share k / n, its Wilson score 95% interval and n. The console's
 * Quality and Vendors tabs, the API (`quality/annotators`, scorecards), the HTML report and the CLI all take it from
 * here, so "0 of 2 right" reads 0 % (interval 0–66 %) everywhere, never a posterior mean of 25 % in one place and 0 %
 * in another. Wilson rather than a Beta posterior mean: the point estimate is what a reader expects "k of n" to be,
 * and the interval keeps near-nominal coverage at small n (Brown, Cai & DasGupta 2001; see `wilson.ts`).
 *
 * The quality gate's decision rule (`core/gold/quality-gate.ts`) is a rule, not a displayed figure, and has its own.
 */
import { wilsonInterval } from './wilson.js';

/** Confidence level of every displayed interval. */
export const FIGURE_LEVEL = 0.95;
export const PROPORTION_METHOD = 'observed share k / n with its Wilson score 95% interval';

/** A proportion with its Wilson interval and n; rate and bounds null when n is 0. */
export interface Proportion {
  n: number;
  k: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}

/** k of n as the figure every surface shows. */
export function proportionOf(k: number, n: number): Proportion {
  if (n === 0) return { n, k, rate: null, lower: null, upper: null };
  const w = wilsonInterval(k, n, FIGURE_LEVEL);
  return { n, k, rate: w.estimate, lower: w.lower, upper: w.upper };
}
