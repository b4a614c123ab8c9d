/**
 * Pieces shared by the categorical aggregation models: the majority-vote start, gold checks and result assembly.
 */
import { indexByItem, type ItemIndex } from '../observations.js';
import type { GoldLabels, Observations } from '../types.js';

/**
 * Turns the log-scores `a[off .. off+k)` into probabilities in place (subtracting the maximum before exponentiating,
 * so nothing overflows) and returns their log-sum-exp, the row's contribution to the log-likelihood.
 */
export function softmaxInPlace(a: Float64Array, off: number, k: number): number {
  let max = -Infinity;
  for (let t = 0; t < k; t++) max = Math.max(max, a[off + t]!);
  let sum = 0;
  for (let t = 0; t < k; t++) {
    const v = Math.exp(a[off + t]! - max);
    a[off + t] = v;
    sum += v;
  }
  for (let t = 0; t < k; t++) a[off + t]! /= sum;
  return max + Math.log(sum);
}

/** Checks a gold vector against the observations and returns it (or an all-unknown vector when absent). */
export function resolveGold(obs: Observations, gold: GoldLabels | undefined): Int32Array {
  if (gold === undefined) return new Int32Array(obs.nItems).fill(-1);
  if (gold.length !== obs.nItems) throw new RangeError(`gold has ${gold.length} entries for ${obs.nItems} items`);
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    if (g < -1 || g >= obs.nClasses) throw new RangeError(`gold[${i}] = ${g} is not a class index or -1`);
  }
  return gold instanceof Int32Array ? gold : Int32Array.from(gold);
}

/** Counts of each class over all judgments. */
export function classCounts(obs: Observations): Float64Array {
  const c = new Float64Array(obs.nClasses);
  for (let o = 0; o < obs.label.length; o++) c[obs.label[o]!]!++;
  return c;
}

/**
 * Soft majority vote: each item's row is the fraction of its judgments in each class (Crowd-Kit's
 * `MajorityVote.probas_`, the usual start of EM). Items without judgments get the overall class frequencies;
 * gold items get their known class with probability 1. Written into `post` when given (zeroed, nItems × K).
 */
export function softMajority(
  obs: Observations,
  gold: Int32Array,
  index: ItemIndex = indexByItem(obs),
  post: Float64Array = new Float64Array(obs.nItems * obs.nClasses),
): Float64Array {
  const K = obs.nClasses;
  const overall = classCounts(obs);
  normalizeInPlace(overall, 0, K, 1 / Math.max(K, 1));
  for (let i = 0; i < obs.nItems; i++) {
    const off = i * K;
    if (gold[i]! >= 0) {
      post[off + gold[i]!] = 1;
      continue;
    }
    const s = index.start[i]!;
    const e = index.start[i + 1]!;
    if (s === e) {
      for (let k = 0; k < K; k++) post[off + k] = overall[k]!;
      continue;
    }
    const share = 1 / (e - s);
    for (let p = s; p < e; p++) post[off + obs.label[index.order[p]!]!]! += share;
  }
  return post;
}

/** Normalises `a[off..off+k-1]` to sum 1; when the sum is 0 or not finite, fills with `fallback`. */
export function normalizeInPlace(a: Float64Array, off: number, k: number, fallback: number): void {
  let s = 0;
  for (let c = 0; c < k; c++) s += a[off + c]!;
  if (s > 0 && Number.isFinite(s)) {
    const inv = 1 / s;
    for (let c = 0; c < k; c++) a[off + c]! *= inv;
  } else {
    for (let c = 0; c < k; c++) a[off + c] = fallback;
  }
}

/** Mean of the posterior rows (class priors estimated from soft labels), with `alpha` pseudo-counts per class. */
export function estimatePriors(post: Float64Array, nItems: number, K: number, alpha: number): Float64Array {
  const pi = new Float64Array(K).fill(alpha);
  for (let i = 0; i < nItems; i++) for (let k = 0; k < K; k++) pi[k]! += post[i * K + k]!;
  normalizeInPlace(pi, 0, K, 1 / Math.max(K, 1));
  return pi;
}

/** `log(p)` with log(0) mapped to a large negative finite number, so that 0 · log 0 stays 0 and sums stay finite. */
export function safeLog(p: number): number {
  return p > 0 ? Math.log(p) : -1e3;
}

/** Validates the common iterative options and fills defaults. */
export function iterationSettings(opts: { maxIter?: number; tol?: number }, defaults = { maxIter: 100, tol: 1e-6 }) {
  const maxIter = opts.maxIter ?? defaults.maxIter;
  const tol = opts.tol ?? defaults.tol;
  if (!(Number.isInteger(maxIter) && maxIter >= 0)) throw new RangeError(`maxIter must be an integer ≥ 0, got ${maxIter}`);
  if (!(tol >= 0)) throw new RangeError(`tol must be ≥ 0, got ${tol}`);
  return { maxIter, tol };
}
