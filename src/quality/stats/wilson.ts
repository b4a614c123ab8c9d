/**
 * Wilson score interval for a binomial proportion (e.g. an annotator's accuracy on gold items).
 *
 * Model: k successes in n independent trials with success probability p. The interval is the set of p whose
 * score test is not rejected at level 1 − `level`:
 *   centre = (k + z²/2) / (n + z²),  half-width = z·√(k(n−k)/n + z²/4) / (n + z²),  z = Φ⁻¹(1 − (1−level)/2).
 * Unlike the Wald interval it never leaves [0, 1] and keeps close to nominal coverage for small n and extreme p
 * (Brown, Cai & DasGupta, Statistical Science 16(2):101–133, 2001, doi:10.1214/ss/1009213286).
 * Wilson, JASA 22(158):209–212, 1927, doi:10.1080/01621459.1927.10502953. Cost O(1).
 */
import { normalQuantile } from './special.js';

/** A proportion with its interval and the sample it came from. */
export interface ProportionInterval {
  /** The point estimate k/n (NaN when n is 0). */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Successes. */
  readonly k: number;
  /** Trials: the sample size. */
  readonly n: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
}

/** Wilson score interval for k successes out of n at the given confidence level (default 0.95). */
export function wilsonInterval(k: number, n: number, level = 0.95): ProportionInterval {
  checkCounts(k, n, level);
  if (n === 0) return { estimate: NaN, lower: 0, upper: 1, k, n, level };
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2 = z * z;
  const denom = n + z2;
  const centre = (k + z2 / 2) / denom;
  const half = (z * Math.sqrt((k * (n - k)) / n + z2 / 4)) / denom;
  return {
    estimate: k / n,
    lower: k === 0 ? 0 : Math.max(0, centre - half),
    upper: k === n ? 1 : Math.min(1, centre + half),
    k,
    n,
    level,
  };
}

/** Throws a `RangeError` unless 0 ≤ k ≤ n and 0 < level < 1 (k and n may be fractional, for weighted counts). */
export function checkCounts(k: number, n: number, level: number): void {
  if (!(n >= 0 && k >= 0 && k <= n)) throw new RangeError(`need 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
}
