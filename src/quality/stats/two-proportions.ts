/**
 * Comparing two proportions (e.g. two vendors' accuracy on gold), so "vendor A is worse" comes with an interval and
 * a p-value rather than an anecdote.
 *
 * Independent samples (each vendor's own gold judgments):
 * - Difference p₁ − p₂ with Newcombe's hybrid score interval ("square-and-add" of the two Wilson intervals):
 *   L = θ̂ − √((p₁−l₁)² + (u₂−p₂)²), U = θ̂ + √((u₁−p₁)² + (p₂−l₂)²). Newcombe, "Interval estimation for the
 *   difference between independent proportions: comparison of eleven methods", Stat Med 17:873–890 (1998), method 10.
 * - Two-proportion z-test with the pooled proportion, z = (p₁ − p₂) / √(p̄(1−p̄)(1/n₁ + 1/n₂)), two-sided p = 2Φ(−|z|).
 *
 * Paired samples (the same gold items judged by both; a = both right, b = only the first, c = only the second,
 * d = both wrong), both offered, the test is the one responses name:
 * - Difference (b − c)/n with Newcombe's paired square-and-add interval, which corrects the two Wilson intervals'
 *   combination by the (continuity-corrected) phi coefficient of the 2×2 table: Newcombe, "Improved confidence intervals for the
 *   difference between binomial proportions based on paired data", Stat Med 17:2635–2650 (1998), method 10.
 * - McNemar's exact test: under H₀ the discordant pairs split Binomial(b + c, ½); two-sided p = min(1, 2·P(X ≤ min(b, c))).
 * Cost O(1), except the exact test: O(min(b, c)).
 */
import { normalCdf } from './special.js';
import { wilsonInterval } from './wilson.js';

export interface DifferenceInterval {
  /** p₁ − p₂ (NaN when either sample is empty). */
  readonly difference: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

export interface TestResult {
  /** The test statistic (z for the z-test; the smaller discordant count for McNemar's exact test). */
  readonly statistic: number;
  /** Two-sided p-value. */
  readonly pValue: number;
}

/** Newcombe's hybrid score interval (1998, method 10) for p₁ − p₂ of independent samples k₁/n₁ and k₂/n₂. */
export function newcombeDifference(k1: number, n1: number, k2: number, n2: number, level = 0.95): DifferenceInterval {
  if (n1 === 0 || n2 === 0) return { difference: NaN, lower: -1, upper: 1, level };
  const w1 = wilsonInterval(k1, n1, level);
  const w2 = wilsonInterval(k2, n2, level);
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const d = p1 - p2;
  return {
    difference: d,
    lower: Math.max(-1, d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2)),
    upper: Math.min(1, d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2)),
    level,
  };
}

/** Two-sided two-proportion z-test with the pooled proportion; z = 0 and p = 1 when the pooled variance is 0. */
export function twoProportionZTest(k1: number, n1: number, k2: number, n2: number): TestResult {
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN };
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (k1 / n1 - k2 / n2) / se;
  return { statistic: z, pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}

/** A paired 2×2 table: a both right, b first only, c second only, d both wrong. */
export interface PairedTable {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

/**
 * Newcombe's paired interval (1998b, method 10) for p₁ − p₂ = (b − c)/n: the Wilson limits of both marginal
 * proportions combined with φ = (ad − bc)/√((a+b)(c+d)(a+c)(b+d)), continuity-corrected when ad > bc to
 * max(ad − bc − n/2, 0)/√(…) (without that correction it is method 8), and 0 when a margin is empty.
 */
export function newcombePairedDifference(t: PairedTable, level = 0.95): DifferenceInterval {
  const n = t.a + t.b + t.c + t.d;
  if (n === 0) return { difference: NaN, lower: -1, upper: 1, level };
  const k1 = t.a + t.b;
  const k2 = t.a + t.c;
  const w1 = wilsonInterval(k1, n, level);
  const w2 = wilsonInterval(k2, n, level);
  const p1 = k1 / n;
  const p2 = k2 / n;
  const denom = Math.sqrt((t.a + t.b) * (t.c + t.d) * (t.a + t.c) * (t.b + t.d));
  const cross = t.a * t.d - t.b * t.c;
  const phi = denom === 0 ? 0 : (cross > 0 ? Math.max(0, cross - n / 2) : cross) / denom;
  const d = p1 - p2;
  const l1 = p1 - w1.lower;
  const u2 = w2.upper - p2;
  const u1 = w1.upper - p1;
  const l2 = p2 - w2.lower;
  const delta = Math.sqrt(Math.max(0, l1 * l1 - 2 * phi * l1 * u2 + u2 * u2));
  const eps = Math.sqrt(Math.max(0, u1 * u1 - 2 * phi * u1 * l2 + l2 * l2));
  return { difference: d, lower: Math.max(-1, d - delta), upper: Math.min(1, d + eps), level };
}

/** McNemar's exact (binomial) test on the discordant pairs b and c; p = 1 when there are none. */
export function mcnemarExact(b: number, c: number): TestResult {
  const m = b + c;
  const k = Math.min(b, c);
  if (m === 0) return { statistic: 0, pValue: 1 };
  // P(X ≤ k) for X ~ Binomial(m, ½), summed in log space so large m does not underflow term by term.
  let logTerm = -m * Math.LN2; // log C(m, 0) / 2^m
  let cdf = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((m - i + 1) / i);
    cdf += Math.exp(logTerm);
  }
  return { statistic: k, pValue: Math.min(1, 2 * cdf) };
}
