/**
 * Beta-quantile intervals for a binomial proportion: Jeffreys and Clopper–Pearson.
 *
 * - Jeffreys: the equal-tailed credible interval of the posterior Beta(k + ½, n − k + ½) under the Jeffreys prior
 *   Beta(½, ½), with the bound set to 0 (1) when k = 0 (k = n). Coverage close to nominal, recommended with Wilson by
 *   Brown, Cai & DasGupta (Statistical Science 16(2):101–133, 2001, doi:10.1214/ss/1009213286).
 * - Clopper–Pearson ("exact"): lower = Beta⁻¹(α/2; k, n−k+1), upper = Beta⁻¹(1−α/2; k+1, n−k); coverage at least
 *   nominal, conservative (Clopper & Pearson, Biometrika 26(4):404–413, 1934, doi:10.1093/biomet/26.4.404).
 * Both need the inverse regularised incomplete beta function (`special.ts`); cost O(1) up to its iterations.
 */
import { inverseRegularizedBeta } from './special.js';
import { checkCounts, type ProportionInterval } from './wilson.js';

/** Jeffreys interval for k successes out of n (default level 0.95). */
export function jeffreysInterval(k: number, n: number, level = 0.95): ProportionInterval {
  checkCounts(k, n, level);
  if (n === 0) return { estimate: NaN, lower: 0, upper: 1, k, n, level };
  const alpha = 1 - level;
  const a = k + 0.5;
  const b = n - k + 0.5;
  return {
    estimate: k / n,
    lower: k === 0 ? 0 : inverseRegularizedBeta(alpha / 2, a, b),
    upper: k === n ? 1 : inverseRegularizedBeta(1 - alpha / 2, a, b),
    k,
    n,
    level,
  };
}

/** Clopper–Pearson interval for k successes out of n (default level 0.95). */
export function clopperPearsonInterval(k: number, n: number, level = 0.95): ProportionInterval {
  checkCounts(k, n, level);
  if (n === 0) return { estimate: NaN, lower: 0, upper: 1, k, n, level };
  const alpha = 1 - level;
  return {
    estimate: k / n,
    lower: k === 0 ? 0 : inverseRegularizedBeta(alpha / 2, k, n - k + 1),
    upper: k === n ? 1 : inverseRegularizedBeta(1 - alpha / 2, k + 1, n - k),
    k,
    n,
    level,
  };
}

/** A Beta posterior's mean with its equal-tailed credible interval. */
export interface BetaPosterior {
  /** Posterior mean a / (a + b). */
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

/**
 * Mean and equal-tailed credible interval of Beta(a, b), e.g. an annotator's accuracy on gold under a uniform
 * prior: Beta(1 + correct, 1 + wrong). Lower = Beta⁻¹(α/2; a, b), upper = Beta⁻¹(1 − α/2; a, b).
 */
export function betaPosterior(a: number, b: number, level = 0.95): BetaPosterior {
  if (!(a > 0 && b > 0)) throw new RangeError(`Beta parameters must be positive, got a=${a}, b=${b}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be within (0, 1), got ${level}`);
  const alpha = 1 - level;
  return {
    mean: a / (a + b),
    lower: inverseRegularizedBeta(alpha / 2, a, b),
    upper: inverseRegularizedBeta(1 - alpha / 2, a, b),
    level,
  };
}
