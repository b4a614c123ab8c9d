/**
 * Bayesian Dawid–Skene: a posterior over each worker's confusion matrix instead of a point estimate, so that an
 * item judged by workers without a track record is not shown as near-certain.
 *
 * Model (independent Bayesian classifier combination, IBCC). Item i has a true class z_i ~ Categorical(κ); worker
 * w gives class g with probability π_w[t][g] when z_i = t. Priors: κ ~ Dirichlet(ν₀), and each confusion row
 * π_w[t][·] ~ Dirichlet(α₀[t][·]) with α₀[t][g] = a + d·[g = t] + b·π̄[t][g]: a symmetric part a, extra mass d on
 * the diagonal ("workers tend to be right"), and (when b > 0) an empirical-Bayes part centred on the pooled
 * confusion matrix π̄ of all workers, re-estimated from the expected counts at every iteration.
 * Variational Bayes (mean field q(z)·q(π)·q(κ); Kim & Ghahramani, "Bayesian Classifier Combination", AISTATS 2012,
 * PMLR 22:619–627; Simpson, Roberts, Psorakis & Smith, "Dynamic Bayesian Combination of Multiple Imperfect
 * Classifiers", 2013, arXiv:1206.1831, §3):
 *   q(π_w[t]) = Dirichlet(α_w[t]),  α_w[t][g] = α₀[t][g] + N_w[t][g],  N_w[t][g] = Σ_{i: w gave i g} T_it
 *   q(κ)      = Dirichlet(ν),       ν_t = ν₀ + Σ_i T_it
 *   E[ln π_w[t][g]] = ψ(α_w[t][g]) − ψ(Σ_h α_w[t][h]),   E[ln κ_t] = ψ(ν_t) − ψ(Σ_s ν_s)      (ψ the digamma)
 *   T_it ∝ exp(E[ln κ_t] + Σ_{(w,g) of i} E[ln π_w[t][g]]).
 * Leave-one-out (`leaveOneOut`, the default): the judgment (w, g) of item i is scored with q(π_w) fitted without
 * that item's own expected count (α_w[t][g] − T_it, with T the previous iterate), a cavity as in expectation
 * propagation (Minka, UAI 2001). Otherwise a worker's only judgment would vouch for itself: with full-count VB a
 * worker seen once "agrees with the truth" on that one item and so looks reliable, which makes two such workers who
 * disagree look certain. With the cavity, two workers without a track record who disagree leave the item at the
 * class prior. The cavity update is a fixed-point iteration rather than a coordinate ascent on the evidence lower
 * bound, so `lossHistory` records the largest change of a posterior entry per iteration and the stopping rule is
 * that change ≤ `tol` (default 1e-6). Items with a known answer (`gold`) are clamped (T_i the indicator) and are
 * scored on their own judgments' counts only when they are not clamped.
 * Starts from the soft majority vote. Cost per iteration O(n·K) digamma evaluations plus O(W·K²), memory O(n + I·K + W·K²).
 */
import { digamma } from '../stats/special.js';
import { indexByItem } from '../observations.js';
import type { GoldLabels, IterativeOptions, Observations } from '../types.js';
import { iterationSettings, resolveGold, softMajority, softmaxInPlace } from './common.js';
import { assemble } from './dawid-skene-result.js';
import type { DawidSkeneResult } from './dawid-skene.js';

export interface BayesianDawidSkeneOptions extends IterativeOptions {
  /** Symmetric Dirichlet pseudo-count a on every confusion cell (default `RECOMMENDED_BDS_OPTIONS`). */
  readonly prior?: number;
  /** Extra pseudo-count d on the diagonal cells. */
  readonly diagonalPrior?: number;
  /** Strength b of the empirical-Bayes part centred on the pooled confusion matrix. */
  readonly pooling?: number;
  /** Dirichlet pseudo-count ν₀ on each class of κ. */
  readonly classPrior?: number;
  /** Score each judgment with its worker's counts excluding the item's own contribution (default true). */
  readonly leaveOneOut?: boolean;
  /** Known classes (class index, or −1), one per item; these items are clamped. */
  readonly gold?: GoldLabels;
}

/** The settings chosen on the public data sets (BENCHMARKS.md "Calibrated confidence"). */
export const RECOMMENDED_BDS_OPTIONS = { prior: 0.5, diagonalPrior: 1, pooling: 0, classPrior: 1, leaveOneOut: true } as const;

/** Fits Bayesian Dawid–Skene by variational Bayes (with the leave-one-out cavity by default). */
export function bayesianDawidSkene(obs: Observations, opts: BayesianDawidSkeneOptions = {}): DawidSkeneResult {
  const { nItems, nWorkers, nClasses: K } = obs;
  const { maxIter, tol } = iterationSettings(opts);
  const a = opts.prior ?? RECOMMENDED_BDS_OPTIONS.prior;
  const d = opts.diagonalPrior ?? RECOMMENDED_BDS_OPTIONS.diagonalPrior;
  const b = opts.pooling ?? RECOMMENDED_BDS_OPTIONS.pooling;
  const nu0 = opts.classPrior ?? RECOMMENDED_BDS_OPTIONS.classPrior;
  const loo = opts.leaveOneOut ?? RECOMMENDED_BDS_OPTIONS.leaveOneOut;
  if (!(a >= 0 && d >= 0 && b >= 0 && nu0 > 0)) throw new RangeError('prior pseudo-counts must be ≥ 0 (classPrior > 0)');
  if (!(a + d + b > 0)) throw new RangeError('the confusion prior needs some mass: prior, diagonalPrior or pooling > 0');
  const gold = resolveGold(obs, opts.gold);
  const index = indexByItem(obs);
  const KK = K * K;
  // Per judgment, in item order: the offset of its (worker, given) cell in the [worker][true][given] table (row t
  // adds t·K) and of its worker's row sums.
  const n = obs.label.length;
  const cell = new Int32Array(n);
  const sumAt = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const o = index.order[p]!;
    cell[p] = obs.worker[o]! * KK + obs.label[o]!;
    sumAt[p] = obs.worker[o]! * K;
  }
  const st: State = {
    nItems,
    nWorkers,
    K,
    start: index.start,
    cell,
    sumAt,
    gold,
    alpha: new Float64Array(nWorkers * KK),
    rowSum: new Float64Array(nWorkers * K),
    eLog: new Float64Array(nWorkers * KK),
    eLogKappa: new Float64Array(K),
    pooled: new Float64Array(KK),
    a,
    d,
    b,
    nu0,
    loo,
  };
  let post: Float64Array = softMajority(obs, gold, index);
  let next: Float64Array = new Float64Array(nItems * K);
  const lossHistory: number[] = [];
  let iterations = 0;
  let converged = maxIter === 0;
  updateParameters(st, post);
  while (iterations < maxIter) {
    const change = eStep(st, post, next);
    [post, next] = [next, post];
    updateParameters(st, post);
    iterations++;
    lossHistory.push(change);
    if (change <= tol) {
      converged = true;
      break;
    }
  }

  // Posterior means of the confusion rows, [worker][true][given], and of κ.
  const { alpha, rowSum, eLogKappa } = st;
  const conf = new Float64Array(nWorkers * KK);
  for (let w = 0; w < nWorkers; w++)
    for (let t = 0; t < K; t++) for (let g = 0; g < K; g++) conf[w * KK + t * K + g] = alpha[w * KK + t * K + g]! / rowSum[w * K + t]!;
  const priors = new Float64Array(K);
  let total = 0;
  for (let t = 0; t < K; t++) total += (priors[t] = Math.exp(eLogKappa[t]!));
  for (let t = 0; t < K; t++) priors[t]! /= total;
  return assemble(obs, post, conf, priors, iterations, converged, lossHistory, 'bds');
}

interface State {
  readonly nItems: number;
  readonly nWorkers: number;
  readonly K: number;
  readonly start: Int32Array;
  readonly cell: Int32Array;
  readonly sumAt: Int32Array;
  readonly gold: Int32Array;
  /** Dirichlet parameters of q(π), [worker][true][given]: prior plus expected counts. */
  readonly alpha: Float64Array;
  /** Σ_g alpha[w][t][g], [worker][true]. */
  readonly rowSum: Float64Array;
  /** E[ln π] under q (without the cavity only). */
  readonly eLog: Float64Array;
  readonly eLogKappa: Float64Array;
  readonly pooled: Float64Array;
  readonly a: number;
  readonly d: number;
  readonly b: number;
  readonly nu0: number;
  readonly loo: boolean;
}

/** The q(π) and q(κ) update from the posterior `post`. */
function updateParameters(st: State, post: Float64Array): void {
  const { nItems, nWorkers, K, start, cell, alpha, rowSum, eLog, eLogKappa, pooled, a, d, b, nu0, loo } = st;
  const KK = K * K;
  alpha.fill(0);
  const nu = new Float64Array(K).fill(nu0);
  for (let i = 0; i < nItems; i++) {
    const off = i * K;
    for (let t = 0; t < K; t++) nu[t]! += post[off + t]!;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const c = cell[p]!;
      for (let t = 0; t < K; t++) alpha[c + t * K]! += post[off + t]!;
    }
  }
  if (b > 0) poolRows(alpha, nWorkers, K, b, pooled);
  let nuSum = 0;
  for (let t = 0; t < K; t++) nuSum += nu[t]!;
  for (let t = 0; t < K; t++) eLogKappa[t] = digamma(nu[t]!) - digamma(nuSum);
  for (let w = 0; w < nWorkers; w++) {
    for (let t = 0; t < K; t++) {
      const row = w * KK + t * K;
      let s = 0;
      for (let g = 0; g < K; g++) {
        alpha[row + g]! += a + (g === t ? d : 0) + (b > 0 ? pooled[t * K + g]! : 0);
        s += alpha[row + g]!;
      }
      rowSum[w * K + t] = s;
      if (loo) continue; // the cavity uses alpha and rowSum directly
      const ds = digamma(s);
      for (let g = 0; g < K; g++) eLog[row + g] = digamma(alpha[row + g]!) - ds;
    }
  }
}

/** The q(z) update into `next` from the parameters (and, for the cavity, the previous posterior `post`); returns the largest change. */
function eStep(st: State, post: Float64Array, next: Float64Array): number {
  const { nItems, K, start, cell, sumAt, gold, alpha, rowSum, eLog, eLogKappa, loo } = st;
  let change = 0;
  for (let i = 0; i < nItems; i++) {
    const off = i * K;
    const gi = gold[i]!;
    if (gi >= 0) {
      for (let t = 0; t < K; t++) next[off + t] = t === gi ? 1 : 0;
      continue;
    }
    for (let t = 0; t < K; t++) next[off + t] = eLogKappa[t]!;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const c = cell[p]!;
      const r = sumAt[p]!;
      for (let t = 0; t < K; t++) {
        if (loo) {
          const own = post[off + t]!;
          next[off + t]! += Math.log((alpha[c + t * K]! - own) / (rowSum[r + t]! - own));
        } else {
          next[off + t]! += eLog[c + t * K]!;
        }
      }
    }
    softmaxInPlace(next, off, K);
    for (let t = 0; t < K; t++) change = Math.max(change, Math.abs(next[off + t]! - post[off + t]!));
  }
  return change;
}

/**
 * Adds nothing to `alpha` (which holds expected counts [worker][true][given]); writes into `pooled` the centre of the
 * empirical-Bayes prior: b·π̄[t][g], π̄ the row-normalised sum of all workers' counts (uniform for an unseen class).
 */
function poolRows(alpha: Float64Array, nWorkers: number, K: number, b: number, pooled: Float64Array): void {
  const KK = K * K;
  pooled.fill(0);
  for (let w = 0; w < nWorkers; w++) for (let j = 0; j < KK; j++) pooled[j]! += alpha[w * KK + j]!;
  for (let t = 0; t < K; t++) {
    let s = 0;
    for (let g = 0; g < K; g++) s += pooled[t * K + g]!;
    for (let g = 0; g < K; g++) pooled[t * K + g] = s > 0 ? (b * pooled[t * K + g]!) / s : b / K;
  }
}
