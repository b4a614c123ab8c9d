/**
 * Dawid–Skene: EM for a confusion matrix per worker.
 *
 * Model. Item i has a latent true class z_i ~ Categorical(π). Worker w, labelling item i, gives class g with
 * probability θ_w[z_i][g] (row z_i of the worker's K×K confusion matrix), independently of everything else given
 * z_i. The observed-data likelihood is
 *   L(π, θ) = Π_i Σ_t π_t Π_{(w,g) ∈ judgments of i} θ_w[t][g].
 * EM (Dawid & Skene, "Maximum Likelihood Estimation of Observer Error-Rates Using the EM Algorithm",
 * JRSS C 28(1):20–28, 1979, doi:10.2307/2346806):
 *   E-step  T_it ∝ π_t Π_{(w,g) of i} θ_w[t][g]                          (posterior of the true class)
 *   M-step  π_t = (Σ_i T_it + a_π) / (I + K·a_π)
 *           θ_w[t][g] = (Σ_{i: w gave i g} T_it + a + a_d·[g=t]) / (Σ_{i labelled by w} T_it + K·a + a_d)
 * With pseudo-counts a, a_d, a_π > 0 the M-step is the MAP estimate under Dirichlet priors (a symmetric one, plus
 * a_d extra mass on the diagonal for "workers tend to be right"), and `lossHistory` records the log-posterior
 * (log-likelihood + Σ a·log θ + Σ a_π·log π) instead of the log-likelihood; EM never decreases it.
 * Following Crowd-Kit (`crowdkit.aggregation.DawidSkene`), the first M-step uses the soft majority vote as T.
 * Items with a known answer (`gold`) are clamped: T_i is the indicator of the known class at every step, so gold
 * items train the confusion matrices, as in Dawid & Skene's §3 use of "correct" answers.
 *
 * Implementation. This is the fast version; `dawid-skene-reference.ts` is the plain one it is tested against.
 * Judgments are sorted by item once; each is reduced to a cell offset (w·K + g)·K into a table stored
 * [worker][given][true], so both the E-step product and the M-step scatter touch K contiguous numbers.
 * The E-step multiplies probabilities instead of adding logs, which removes every `log`/`exp` from the inner loop:
 * the running product is rescaled by its maximum every 8 judgments (the scale goes into the log-likelihood), and an
 * item whose product still underflows to 0 is recomputed in log space. E-step and M-step accumulation are fused
 * into one pass over the judgments, unrolled over the classes for K ≤ 6 (`dawid-skene-sweep.ts`).
 * Cost per iteration: O(n·K + W·K²) time, with memory O(n + I·K + W·K²).
 *
 * Options: `maxIter` (default 100), `tol` (stop when the objective changes by less than tol per judgment, default
 * 1e-6), `smoothing` a, `diagonalSmoothing` a_d, `priorSmoothing` a_π (all default 0: maximum likelihood),
 * `gold` (class index per item or −1), `init` (a starting posterior, to warm-start), and `pooling` b: an
 * empirical-Bayes variant whose Dirichlet prior for each worker's row t is b·θ̄[t][·], centred on the pooled
 * confusion matrix θ̄ of all workers and re-estimated at every M-step (so, unlike fixed priors, it does not come with
 * a guarantee that the recorded objective never decreases). The reference implementation has neither `init` nor
 * `pooling`. The recommended setting for labelling work is `RECOMMENDED_DS_OPTIONS` (a = 0.01): see BENCHMARKS.md.
 */
import { countPerWorker, indexByItem, type ItemIndex } from '../observations.js';
import type { CategoricalResult, GoldLabels, IterativeOptions, Observations } from '../types.js';
import { iterationSettings, normalizeInPlace, resolveGold, softMajority } from './common.js';
import { assemble } from './dawid-skene-reference.js';
import { sweep } from './dawid-skene-sweep.js';

export interface DawidSkeneOptions extends IterativeOptions {
  /** Dirichlet pseudo-count a added to every confusion-matrix cell (default 0). */
  readonly smoothing?: number;
  /** Extra pseudo-count a_d added to the diagonal cells (default 0). */
  readonly diagonalSmoothing?: number;
  /** Dirichlet pseudo-count a_π added to each class prior (default 0). */
  readonly priorSmoothing?: number;
  /**
   * Strength b of an empirical-Bayes Dirichlet prior centred on the pooled confusion matrix of all workers
   * (default 0): each worker's rows are shrunk towards the crowd's, the more so the fewer judgments they have.
   */
  readonly pooling?: number;
  /**
   * Starting posterior, row-major [item][class] (default: the soft majority vote). Useful to warm-start from a
   * previous fit when a few judgments were added.
   */
  readonly init?: Float64Array;
  /** Known classes (class index, or -1 when unknown), one per item; these items are clamped. */
  readonly gold?: GoldLabels;
}

export interface DawidSkeneResult extends CategoricalResult {
  /** Confusion matrices, row-major [worker][true][given]: P(worker says given | true class). */
  readonly confusion: Float64Array;
  /** Class priors π. */
  readonly priors: Float64Array;
}

/** Smoothing of the recommended (default) variant, see BENCHMARKS.md "Quality engine". */
export const RECOMMENDED_DS_OPTIONS = { smoothing: 0.01, diagonalSmoothing: 0, priorSmoothing: 0 } as const;

/** Fits Dawid–Skene by EM; see the file comment for the model and options. */
export function dawidSkene(obs: Observations, opts: DawidSkeneOptions = {}): DawidSkeneResult {
  return fitDawidSkene(obs, opts, ONE_THREAD);
}

/**
 * The state of one fit, as the EM iterations see it (internal to the engine): the judgments sorted by item
 * (`start`, `cell`, `gold`), the parameters θ [worker][given][true] and π, the posterior, the expected counts of
 * the M-step and the pseudo-counts. See the file comment.
 */
export interface EmState {
  readonly nItems: number;
  readonly nWorkers: number;
  readonly K: number;
  readonly start: Int32Array;
  readonly cell: Int32Array;
  readonly gold: Int32Array;
  readonly theta: Float64Array;
  readonly pi: Float64Array;
  readonly post: Float64Array;
  readonly counts: Float64Array;
  readonly priorCounts: Float64Array;
  readonly pooled: Float64Array;
  readonly r: Float64Array;
  readonly a: number;
  readonly ad: number;
  readonly ap: number;
  readonly b: number;
}

/**
 * How the EM iterations run (internal to the engine): on the calling thread (`ONE_THREAD`), or split over threads
 * that share memory (`dawid-skene-parallel.ts`). `shareInt32`/`shareFloat64` return an array every thread of the
 * plan can read and write (the array itself on one thread, a copy in a `SharedArrayBuffer` for a team);
 * `iterate` runs one EM iteration — E-step fused with the accumulation of expected counts, then the M-step — and
 * returns the objective (log-likelihood plus log-prior density) of the parameters the E-step used; `end` releases
 * the plan's helpers (called once, also after an error).
 */
export interface EmPlan {
  shareInt32(a: Int32Array): Int32Array;
  shareFloat64(a: Float64Array): Float64Array;
  iterate(s: EmState): number;
  end(): void;
}

/** One EM iteration on the calling thread. */
export function iterateOneThread(s: EmState): number {
  s.counts.fill(0);
  s.priorCounts.fill(0);
  const ll = sweep(s.nItems, s.K, s.start, s.cell, s.gold, s.theta, s.pi, s.post, s.counts, s.priorCounts, s.r);
  const hasPriorTerm = s.a > 0 || s.ad > 0 || s.ap > 0 || s.b > 0;
  const objective = hasPriorTerm ? ll + logPriorDensity(s, 0, s.nWorkers) + logPriorOfPi(s) : ll;
  normalizeParameters(s);
  return objective;
}

const ONE_THREAD: EmPlan = { shareInt32: (a) => a, shareFloat64: (a) => a, iterate: iterateOneThread, end: () => undefined };

/** `dawidSkene` with its iterations run by `plan`: the same algorithm, whatever the plan (see `EmPlan`). */
export function fitDawidSkene(obs: Observations, opts: DawidSkeneOptions, plan: EmPlan): DawidSkeneResult {
  try {
    return fit(obs, opts, plan);
  } finally {
    plan.end();
  }
}

function fit(obs: Observations, opts: DawidSkeneOptions, plan: EmPlan): DawidSkeneResult {
  const { nItems, nWorkers, nClasses: K } = obs;
  const { maxIter, tol } = iterationSettings(opts);
  const a = opts.smoothing ?? 0;
  const ad = opts.diagonalSmoothing ?? 0;
  const ap = opts.priorSmoothing ?? 0;
  const b = opts.pooling ?? 0;
  if (!(a >= 0 && ad >= 0 && ap >= 0 && b >= 0)) throw new RangeError('smoothing pseudo-counts must be ≥ 0');
  const gold = plan.shareInt32(resolveGold(obs, opts.gold));
  const n = obs.label.length;
  const index = indexByItem(obs);
  const start = plan.shareInt32(index.start);
  const KK = K * K;

  // cell[p] = offset of row (worker, given) in the [worker][given][true] tables, for judgments sorted by item.
  const cell = plan.shareInt32(new Int32Array(n));
  for (let p = 0; p < n; p++) {
    const o = index.order[p]!;
    cell[p] = (obs.worker[o]! * K + obs.label[o]!) * K;
  }

  const s: EmState = {
    nItems,
    nWorkers,
    K,
    start,
    cell,
    gold,
    post: plan.shareFloat64(initialPosterior(obs, gold, index, opts.init)),
    counts: plan.shareFloat64(new Float64Array(nWorkers * KK)), // expected counts, [worker][given][true]
    theta: plan.shareFloat64(new Float64Array(nWorkers * KK)), // probabilities, [worker][given][true]
    priorCounts: plan.shareFloat64(new Float64Array(K)),
    pi: plan.shareFloat64(new Float64Array(K)),
    pooled: plan.shareFloat64(new Float64Array(KK)), // pooled confusion [given][true], the centre of the pooling prior
    r: new Float64Array(K),
    a,
    ad,
    ap,
    b,
  };

  // Initial M-step from the starting posterior (the soft majority vote).
  accumulate(nItems, K, start, cell, s.post, s.counts, s.priorCounts);
  normalizeParameters(s);

  const lossHistory: number[] = [];
  let iterations = 0;
  let converged = maxIter === 0;
  while (iterations < maxIter) {
    const objective = plan.iterate(s);
    iterations++;
    lossHistory.push(objective);
    const prev = lossHistory[lossHistory.length - 2];
    if (prev !== undefined && Math.abs(objective - prev) <= tol * Math.max(n, 1)) {
      converged = true;
      break;
    }
  }

  // Transpose to the conventional [worker][true][given] layout for the result.
  const { theta, post, pi } = s;
  const conf = new Float64Array(nWorkers * KK);
  for (let w = 0; w < nWorkers; w++)
    for (let g = 0; g < K; g++) for (let t = 0; t < K; t++) conf[w * KK + t * K + g] = theta[w * KK + g * K + t]!;
  const res = assemble(obs, post, conf, pi, iterations, converged, lossHistory);
  return { ...res, workerCount: countPerWorker(obs) };
}

/** M-step accumulation of expected counts from a given posterior (used once, for the starting point). */
function accumulate(
  nItems: number,
  K: number,
  start: Int32Array,
  cell: Int32Array,
  post: Float64Array,
  counts: Float64Array,
  priorCounts: Float64Array,
): void {
  for (let i = 0; i < nItems; i++) {
    const off = i * K;
    for (let t = 0; t < K; t++) priorCounts[t]! += post[off + t]!;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const c = cell[p]!;
      for (let t = 0; t < K; t++) counts[c + t]! += post[off + t]!;
    }
  }
}

/** M-step normalisation: θ[w][·][t] ∝ counts + pseudo-counts over `given`, π ∝ priorCounts + a_π. */
export function normalizeParameters(s: EmState): void {
  if (s.b > 0) poolConfusions(s);
  normalizeWorkers(s, 0, s.nWorkers);
  normalizePriors(s);
}

/** The centre of the pooling prior: b·θ̄[t][g], θ̄ the pooled confusion of all workers (uniform for an unseen class). */
function poolConfusions(s: EmState): void {
  const { K, counts, pooled, b, nWorkers } = s;
  const KK = K * K;
  const colSum = new Float64Array(K);
  pooled.fill(0);
  for (let w = 0; w < nWorkers; w++) for (let j = 0; j < KK; j++) pooled[j]! += counts[w * KK + j]!;
  for (let g = 0; g < K; g++) for (let t = 0; t < K; t++) colSum[t]! += pooled[g * K + t]!;
  for (let g = 0; g < K; g++)
    for (let t = 0; t < K; t++) pooled[g * K + t] = colSum[t]! > 0 ? (b * pooled[g * K + t]!) / colSum[t]! : b / K;
}

/** M-step for the workers w0 … w1−1: θ[w][·][t] ∝ counts[w][·][t] + pseudo-counts (needs `pooled` when b > 0). */
export function normalizeWorkers(s: EmState, w0: number, w1: number): void {
  const { K, counts, theta, a, ad, b, pooled } = s;
  const KK = K * K;
  const colSum = new Float64Array(K);
  for (let w = w0; w < w1; w++) {
    const base = w * KK;
    colSum.fill(K * a + ad + b);
    for (let g = 0; g < K; g++) for (let t = 0; t < K; t++) colSum[t]! += counts[base + g * K + t]!;
    for (let t = 0; t < K; t++) colSum[t] = colSum[t]! > 0 ? 1 / colSum[t]! : 0;
    for (let g = 0; g < K; g++) {
      for (let t = 0; t < K; t++) {
        const inv = colSum[t]!;
        const c = counts[base + g * K + t]! + a + (g === t ? ad : 0) + (b > 0 ? pooled[g * K + t]! : 0);
        // A worker never seen with true class t (all-zero column, no smoothing) says each class with 1/K.
        theta[base + g * K + t] = inv > 0 ? c * inv : 1 / K;
      }
    }
  }
}

/** M-step for the class priors: π ∝ priorCounts + a_π. */
export function normalizePriors(s: EmState): void {
  const { K, priorCounts, pi, ap } = s;
  let total = 0;
  for (let t = 0; t < K; t++) total += priorCounts[t]! + ap;
  for (let t = 0; t < K; t++) pi[t] = total > 0 ? (priorCounts[t]! + ap) / total : 1 / K;
}

/**
 * Σ_w Σ_{g,t} (a + a_d·[g=t] + b·θ̄[t][g])·log θ_w[g][t] over the workers w0 … w1−1: the confusions' part of the
 * log-density of the Dirichlet priors, up to a constant. Without pooling the pseudo-counts take two values
 * (diagonal, off-diagonal), so the log of a running product of θ is taken instead of each θ's log: one `log` per
 * ~100 cells instead of one per cell. Each product is logged before it can underflow (θ ≥ 1e-100 is checked; a
 * smaller θ sends the whole sum to the per-cell logs).
 */
export function logPriorDensity(s: EmState, w0: number, w1: number): number {
  const { K, theta, a, ad, b } = s;
  if (b > 0) return logPriorPerCell(s, w0, w1);
  const KK = K * K;
  let diag = 0;
  let off = 0;
  let pd = 1;
  let po = 1;
  for (let w = w0; w < w1; w++) {
    const base = w * KK;
    for (let g = 0; g < K; g++) {
      for (let t = 0; t < K; t++) {
        const v = theta[base + g * K + t]!;
        if (!(v >= 1e-100)) return logPriorPerCell(s, w0, w1);
        if (g === t) {
          pd *= v;
          if (pd < 1e-200) {
            diag += Math.log(pd);
            pd = 1;
          }
        } else {
          po *= v;
          if (po < 1e-200) {
            off += Math.log(po);
            po = 1;
          }
        }
      }
    }
  }
  diag += Math.log(pd);
  off += Math.log(po);
  return (a > 0 ? a * off : 0) + (a + ad > 0 ? (a + ad) * diag : 0);
}

/** `logPriorDensity` one log per cell: with pooling (a pseudo-count per cell) or a θ too small for products. */
function logPriorPerCell(s: EmState, w0: number, w1: number): number {
  const { K, theta, a, ad, b, pooled } = s;
  const KK = K * K;
  let lp = 0;
  for (let w = w0; w < w1; w++) {
    const base = w * KK;
    for (let g = 0; g < K; g++) {
      for (let t = 0; t < K; t++) {
        const c = a + (g === t ? ad : 0) + (b > 0 ? pooled[g * K + t]! : 0);
        if (c > 0) lp += c * Math.log(theta[base + g * K + t]!);
      }
    }
  }
  return lp;
}

/** a_π·Σ log π: the class priors' part of the log-density of the Dirichlet priors. */
export function logPriorOfPi(s: EmState): number {
  let lp = 0;
  if (s.ap > 0) for (let t = 0; t < s.K; t++) lp += s.ap * Math.log(s.pi[t]!);
  return lp;
}

/** The starting posterior: `init` (validated, gold rows clamped) or the soft majority vote. */
export function initialPosterior(obs: Observations, gold: Int32Array, index: ItemIndex, init: Float64Array | undefined): Float64Array {
  if (init === undefined) return softMajority(obs, gold, index);
  const K = obs.nClasses;
  if (init.length !== obs.nItems * K) throw new RangeError(`init must have nItems × nClasses = ${obs.nItems * K} entries`);
  const post = Float64Array.from(init);
  for (let i = 0; i < obs.nItems; i++) {
    const gi = gold[i]!;
    if (gi >= 0) {
      post.fill(0, i * K, i * K + K);
      post[i * K + gi] = 1;
    } else {
      for (let t = 0; t < K; t++) if (!(post[i * K + t]! >= 0)) throw new RangeError(`init[${i * K + t}] is not a probability`);
      normalizeInPlace(post, i * K, K, 1 / K);
    }
  }
  return post;
}
