/**
 * Two raters' (vendors') accuracy on the same gold items, using *every* judgment: a paired cluster bootstrap over
 * items with a symmetric studentized (bootstrap-t) interval and p-value.
 *
 * Data: for each gold item i both sides judged, side A's judgments of it (kᴬᵢ right of nᴬᵢ, by any of A's
 * annotators) and side B's (kᴮᵢ of nᴮᵢ). Each item's accuracy for a side is the mean over that side's judgments of it,
 * and the item's difference dᵢ = kᴬᵢ/nᴬᵢ − kᴮᵢ/nᴮᵢ. The estimate is the mean over items, D = Σdᵢ / n, i.e. the
 * difference in accuracy with every shared item weighing the same (an item judged five times by A counts once, so the
 * fastest annotators, who reach an item first and most often, do not set the figure).
 *
 * Clustering: judgments of one item are correlated (the item's difficulty, for both sides: that is what pairing
 * removes) and so are judgments by one annotator (their skill). The item is the unit resampled, with all its
 * judgments by both sides together ("pairs cluster bootstrap": Field & Welsh, "Bootstrapping clustered data", JRSS B
 * 69(3):369–390, 2007, doi:10.1111/j.1467-9868.2007.00593.x; Cameron, Gelbach & Miller, "Bootstrap-based improvements
 * for inference with clustered errors", Rev Econ Stat 90(3):414–427, 2008, doi:10.1162/rest.90.3.414, who show the
 * studentized version is the one to use with few clusters). Given the annotators who did the work, items are
 * independent, so this is exact in its assumptions for the question "were the judgments A delivered on these items
 * more accurate than B's?". It takes each side's annotators as given: it does not generalise to other annotators the
 * vendor might staff (that needs annotators as a second random factor, Cameron, Gelbach & Miller 2011,
 * doi:10.1198/jbes.2010.07136, and with four annotators a side has too little power to be useful; see BENCHMARKS.md).
 *
 * Method (Hall, "The Bootstrap and Edgeworth Expansion", Springer 1992, §3.6: symmetric bootstrap-t intervals have
 * coverage error O(n⁻²); Efron & Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 12 and 16.4):
 * SE = sd(d)/√n; t = D/SE; for each of B resamples of n items with replacement, t* = (D* − D)/SE*. With q the
 * `level` quantile of |t*|, the interval is D ± q·SE (clipped to [−1, 1]) and the two-sided p-value is
 * (1 + #{|t*| ≥ |t|}) / (B + 1), so the interval excludes 0 exactly when p < 1 − level (up to the resolution 1/(B+1)).
 * A resample whose differences are all equal has SE* = 0: its t* is 0 when D* = D, else ±∞ (it counts as extreme).
 * When the observed items all say the same (SE = 0) there is no interval (null) and p is 1 if D = 0, else the
 * sign-flip bound min(1, 2^(1 − N)) (Fisher's randomisation argument: all N items on one side by chance).
 *
 * Cost O(B·n). The random source is passed in (seeded: the same input and seed give the same output, bit for bit).
 */
import type { Rng } from '../random.js';

export interface PairedClusterInput {
  /** Per item: side A's correct judgments, and its judgments (items with none on either side are left out). */
  readonly correctA: ArrayLike<number>;
  readonly judgedA: ArrayLike<number>;
  readonly correctB: ArrayLike<number>;
  readonly judgedB: ArrayLike<number>;
}

export interface PairedClusterOptions {
  /** Bootstrap resamples (default 1999, so (B + 1)·0.05 is whole). */
  readonly replicates?: number;
  /** Confidence level of the interval (default 0.95). */
  readonly level?: number;
}

export interface PairedClusterResult {
  /** Items both sides judged (the clusters resampled). */
  readonly items: number;
  /** Judgments on those items, each side. */
  readonly judgmentsA: number;
  readonly judgmentsB: number;
  /** Mean over the items of each side's per-item accuracy (null without items). */
  readonly accuracyA: number | null;
  readonly accuracyB: number | null;
  /** accuracyA − accuracyB (null without items). */
  readonly difference: number | null;
  /** Standard error of the difference, sd(d)/√n. */
  readonly standardError: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** t = D / SE (±∞ when SE is 0 and D is not). */
  readonly statistic: number | null;
  /** Two-sided bootstrap-t p-value (null without items). */
  readonly pValue: number | null;
  readonly level: number;
  readonly replicates: number;
}

interface Sums {
  kA: number;
  nA: number;
  kB: number;
  nB: number;
}

/**
 * The linearised standard error of the difference of the two ratios over the items picked (`idx`); their sums go to `sums`:
 * with p̂ = Σk/Σn and n̄ = Σn/N for each side, eᵢ = (kᴬᵢ − p̂ᴬnᴬᵢ)/n̄ᴬ − (kᴮᵢ − p̂ᴮnᴮᵢ)/n̄ᴮ and SE² = Σeᵢ² / (N(N − 1))
 * (Cochran, "Sampling Techniques", 3rd ed. 1977, §6.4, the ratio estimator's variance; the cluster-robust
 * sandwich with the small-sample factor N/(N − 1)). eᵢ is linear in the item's four counts, so Σeᵢ² comes from their
 * sums of squares and products in the same single pass as the sums.
 */
function ratioDifference(k1: Float64Array, n1: Float64Array, k2: Float64Array, n2: Float64Array, N: number, idx: Int32Array, sums: Sums): number {
  let kA = 0, nA = 0, kB = 0, nB = 0; // prettier-ignore
  let kk1 = 0, kn1 = 0, nn1 = 0, kk2 = 0, kn2 = 0, nn2 = 0, x11 = 0, x12 = 0, x21 = 0, x22 = 0; // prettier-ignore
  for (let j = 0; j < N; j++) {
    const i = idx[j]!;
    const a = k1[i]!;
    const b = n1[i]!;
    const c = k2[i]!;
    const d = n2[i]!;
    kA += a;
    nA += b;
    kB += c;
    nB += d;
    kk1 += a * a;
    kn1 += a * b;
    nn1 += b * b;
    kk2 += c * c;
    kn2 += c * d;
    nn2 += d * d;
    x11 += a * c;
    x12 += a * d;
    x21 += b * c;
    x22 += b * d;
  }
  sums.kA = kA;
  sums.nA = nA;
  sums.kB = kB;
  sums.nB = nB;
  const pA = kA / nA;
  const pB = kB / nB;
  if (N < 2) return 0;
  // eᵢ = u·(kᴬ − pA·nᴬ) − v·(kᴮ − pB·nᴮ), u = N/nA, v = N/nB; expand the square and sum.
  const u = N / nA;
  const v = N / nB;
  const sA = kk1 - 2 * pA * kn1 + pA * pA * nn1;
  const sB = kk2 - 2 * pB * kn2 + pB * pB * nn2;
  const sAB = x11 - pB * x12 - pA * x21 + pA * pB * x22;
  // Rounding in the expansion leaves ~1e-13 where every eᵢ is 0; a real spread gives Σeᵢ² of order 1/n̄² or more.
  const raw = u * u * sA + v * v * sB - 2 * u * v * sAB;
  const ss = raw < 1e-9 ? 0 : raw;
  return Math.sqrt(ss / (N * (N - 1)));
}

/** The paired cluster bootstrap-t comparison of two sides' accuracy on shared items (see the module comment). */
export function pairedClusterBootstrap(input: PairedClusterInput, rng: Rng, opts: PairedClusterOptions = {}): PairedClusterResult {
  const B = opts.replicates ?? 1999;
  const level = opts.level ?? 0.95;
  if (!(Number.isInteger(B) && B >= 1)) throw new RangeError(`replicates must be a positive integer, got ${B}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const m = input.correctA.length;
  if (input.judgedA.length !== m || input.correctB.length !== m || input.judgedB.length !== m) throw new RangeError('the four arrays must have one entry per item');
  const [k1, n1, k2, n2] = [new Float64Array(m), new Float64Array(m), new Float64Array(m), new Float64Array(m)];
  let N = 0;
  for (let i = 0; i < m; i++) {
    const [ka, na, kb, nb] = [input.correctA[i]!, input.judgedA[i]!, input.correctB[i]!, input.judgedB[i]!];
    if (!(na > 0 && nb > 0)) continue;
    if (ka < 0 || ka > na || kb < 0 || kb > nb) throw new RangeError(`item ${i}: correct must lie between 0 and judged`);
    [k1[N], n1[N], k2[N], n2[N]] = [ka, na, kb, nb];
    N++;
  }
  const sums: Sums = { kA: 0, nA: 0, kB: 0, nB: 0 };
  if (N === 0) {
    return { items: 0, judgmentsA: 0, judgmentsB: 0, level, replicates: B, accuracyA: null, accuracyB: null, difference: null, standardError: null, lower: null, upper: null, statistic: null, pValue: null };
  }
  const idx = Int32Array.from({ length: N }, (_, j) => j);
  const se = ratioDifference(k1, n1, k2, n2, N, idx, sums);
  const D = sums.kA / sums.nA - sums.kB / sums.nB;
  const base = { items: N, judgmentsA: sums.nA, judgmentsB: sums.nB, level, replicates: B, accuracyA: sums.kA / sums.nA, accuracyB: sums.kB / sums.nB, difference: D, standardError: se };
  if (se === 0) {
    // Every item says the same: no spread to resample, so no interval. The p-value falls back to the sign-flip
    // (permutation) bound: if the sides were exchangeable within items, all N items would favour one side with
    // probability 2·2⁻ᴺ (two items that agree prove little: p = 0.5).
    return { ...base, lower: null, upper: null, statistic: D === 0 ? 0 : D > 0 ? Infinity : -Infinity, pValue: D === 0 ? 1 : Math.min(1, 2 ** (1 - N)) };
  }
  const tObs = Math.abs(D / se);
  const absT = new Float64Array(B);
  let extreme = 0;
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < N; j++) idx[j] = rng.nextInt(N);
    const seb = ratioDifference(k1, n1, k2, n2, N, idx, sums);
    const Db = sums.kA / sums.nA - sums.kB / sums.nB;
    const t = seb > 0 ? Math.abs(Db - D) / seb : Db === D ? 0 : Infinity;
    absT[b] = t;
    if (t >= tObs) extreme++;
  }
  absT.sort();
  // The level quantile of |t*|: the ⌈(B + 1)·level⌉-th smallest (Efron & Tibshirani 1993, §12.5).
  const q = absT[Math.min(B, Math.ceil((B + 1) * level)) - 1]!;
  return { ...base, lower: Math.max(-1, D - q * se), upper: Math.min(1, D + q * se), statistic: D / se, pValue: (1 + extreme) / (B + 1) };
}
