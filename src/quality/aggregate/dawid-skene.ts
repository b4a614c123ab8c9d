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
 * into one pass over the judgments, unrolled over the classes for K ≤ 6 (`dawid-skene-sweep.ts`). For 2 to 6
 * classes that pass and the workers' M-step run in WebAssembly SIMD (`dawid-skene-wasm.ts`), with the same
 * operations in the same order, hence the same bits, about twice as fast; the JavaScript code is the fallback.
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
import { indexByItem, type ItemIndex } from '../observations.js';
import type { Observations } from '../types.js';
import { iterationSettings, normalizeInPlace, resolveGold, softMajority } from './common.js';
import { normalizeParameters, ONE_THREAD, type EmPlan, type EmState } from './dawid-skene-em.js';
import { assemble, type DawidSkeneOptions, type DawidSkeneResult } from './dawid-skene-result.js';
import { wasmPlan } from './dawid-skene-wasm.js';

export type { DawidSkeneOptions, DawidSkeneResult } from './dawid-skene-result.js';

/** Smoothing of the recommended (default) variant, see BENCHMARKS.md "Quality engine". */
export const RECOMMENDED_DS_OPTIONS = { smoothing: 0.01, diagonalSmoothing: 0, priorSmoothing: 0 } as const;

/** Fits Dawid–Skene by EM; see the file comment for the model and options. */
export function dawidSkene(obs: Observations, opts: DawidSkeneOptions = {}): DawidSkeneResult {
  return fitDawidSkene(obs, opts, wasmPlan(obs) ?? ONE_THREAD);
}

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
  const cell = plan.newInt32(n);
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
    post: initialPosterior(obs, gold, index, opts.init, plan.newFloat64(nItems * K)),
    counts: plan.newFloat64(nWorkers * KK), // expected counts, [worker][given][true]
    theta: plan.newFloat64(nWorkers * KK), // probabilities, [worker][given][true]
    priorCounts: plan.newFloat64(K),
    pi: plan.newFloat64(K),
    pooled: plan.newFloat64(KK), // pooled confusion [given][true], the centre of the pooling prior
    r: new Float64Array(K),
    a,
    ad,
    ap,
    b,
  };

  // Initial M-step from the starting posterior (the soft majority vote).
  plan.accumulate(s);
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
  const { theta } = s;
  const conf = new Float64Array(nWorkers * KK);
  for (let w = 0; w < nWorkers; w++)
    for (let g = 0; g < K; g++) for (let t = 0; t < K; t++) conf[w * KK + t * K + g] = theta[w * KK + g * K + t]!;
  return assemble(obs, owned(s.post), conf, owned(s.pi), iterations, converged, lossHistory);
}

/** `a` itself when it spans its whole buffer, else a copy: a result never keeps a plan's other arrays alive. */
function owned(a: Float64Array): Float64Array {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : a.slice();
}

/** The starting posterior, written into `post` (zeroed): `init` (validated, gold rows clamped) or the soft majority vote. */
function initialPosterior(obs: Observations, gold: Int32Array, index: ItemIndex, init: Float64Array | undefined, post: Float64Array): Float64Array {
  if (init === undefined) return softMajority(obs, gold, index, post);
  const K = obs.nClasses;
  if (init.length !== obs.nItems * K) throw new RangeError(`init must have nItems × nClasses = ${obs.nItems * K} entries`);
  post.set(init);
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
