/**
 * GLAD: "Generative model of Labels, Abilities, and Difficulties".
 *
 * Model. z_i ~ Categorical(π). Worker w has ability α_w ∈ ℝ, item i has inverse difficulty β_i = exp(b_i) > 0, and
 * the worker answers item i correctly with probability σ(α_w·β_i), otherwise uniformly one of the K − 1 wrong
 * classes. Priors α_w ~ N(1, 1) and b_i ~ N(1, 1) keep the estimates finite (a perfect worker would otherwise get
 * α = ∞). Whitehill, Ruvolo, Wu, Bergsma & Movellan, "Whose Vote Should Count More: Optimal Integration of Labels
 * from Labelers of Unknown Expertise", NIPS 2009 (proceedings.neurips.cc/paper/2009/hash/f899139df5e1059396431415e770c6dd).
 * EM:
 *   E-step  T_it ∝ π_t Π_{(w,g) of i} [g = t ? σ(α_w β_i) : (1 − σ(α_w β_i))/(K − 1)]
 *   M-step  π_t = mean_i T_it (or kept uniform, the default); then maximise over (α, b)
 *             Q = Σ_j [q_j log σ(x_j) + (1 − q_j) log(1 − σ(x_j))] − Σ_w (α_w − 1)²/2 − Σ_i (b_i − 1)²/2,
 *           with x_j = α_w β_i and q_j = T_{i,g_j} the posterior that judgment j is right; as the paper does, the
 *           M-step is inexact: `mSteps` rounds of Fisher scoring (Newton with the expected Hessian, always negative)
 *           on each α_w, then each b_i:
 *             α_w += Σ_j (q_j − σ_j) β_i − (α_w − 1)  /  (Σ_j σ_j(1 − σ_j) β_i² + 1)
 *             b_i += Σ_j (q_j − σ_j) α_w β_i − (b_i − 1) /  (Σ_j σ_j(1 − σ_j) α_w² β_i² + 1)
 * `lossHistory` holds the log-posterior. Starts from the soft majority vote with α = 1, b = 1.
 * Class priors are kept uniform by default, as in the paper and Crowd-Kit: estimating them (`classPriors:
 * 'estimate'`) lets the majority class absorb uncertain items on skewed data — on `product` (≈ 88 % one class)
 * accuracy drops from 0.9283 to 0.8962.
 * Cost per iteration O(n·K + mSteps·n) with one `exp` per judgment and M-step round.
 */
import { countPerWorker, indexByItem, labelsFromPosterior } from '../observations.js';
import type { CategoricalResult, IterativeOptions, Observations } from '../types.js';
import { estimatePriors, iterationSettings, safeLog, softMajority, softmaxInPlace } from './common.js';

export interface GladOptions extends IterativeOptions {
  /** Fisher-scoring rounds per M-step (default 5). */
  readonly mSteps?: number;
  /** Prior mean of the abilities (default 1). */
  readonly abilityPriorMean?: number;
  /** Prior mean of b_i = log β_i (default 1, as Whitehill et al.'s code and Crowd-Kit). */
  readonly easinessPriorMean?: number;
  /** Keep class priors `uniform` (default, as the paper) or `estimate` them from the posteriors. */
  readonly classPriors?: 'estimate' | 'uniform';
}

export interface GladResult extends CategoricalResult {
  /** α_w, per worker. `workerSkill` is σ(α_w), the accuracy on an item of average difficulty (β = 1). */
  readonly ability: Float64Array;
  /** β_i = exp(b_i), per item: large means easy. */
  readonly easiness: Float64Array;
  readonly priors: Float64Array;
}

const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
/** log σ(x), stable for large |x|. */
const logSigmoid = (x: number): number => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));

/** Fits GLAD by EM. */
export function glad(obs: Observations, opts: GladOptions = {}): GladResult {
  const { nItems, nWorkers, nClasses: K } = obs;
  const { maxIter, tol } = iterationSettings(opts);
  const mSteps = opts.mSteps ?? 5;
  const mu = opts.abilityPriorMean ?? 1;
  const muB = opts.easinessPriorMean ?? 1;
  const uniformPriors = opts.classPriors !== 'estimate';
  const n = obs.label.length;
  const gold = new Int32Array(nItems).fill(-1);
  const index = indexByItem(obs);
  let post = softMajority(obs, gold, index);
  let priors: Float64Array = new Float64Array(K).fill(1 / K);
  const alpha = new Float64Array(nWorkers).fill(mu);
  const b = new Float64Array(nItems).fill(muB);
  const q = new Float64Array(n);
  const gradA = new Float64Array(nWorkers);
  const infoA = new Float64Array(nWorkers);
  const logWrongShare = K > 1 ? Math.log(K - 1) : 0;

  const mStep = (): void => {
    priors = uniformPriors ? new Float64Array(K).fill(1 / K) : estimatePriors(post, nItems, K, 0);
    for (let o = 0; o < n; o++) q[o] = post[obs.item[o]! * K + obs.label[o]!]!;
    for (let round = 0; round < mSteps; round++) {
      gradA.fill(0);
      infoA.fill(0);
      for (let o = 0; o < n; o++) {
        const w = obs.worker[o]!;
        const beta = Math.exp(b[obs.item[o]!]!);
        const s = sigmoid(alpha[w]! * beta);
        gradA[w]! += (q[o]! - s) * beta;
        infoA[w]! += s * (1 - s) * beta * beta;
      }
      for (let w = 0; w < nWorkers; w++) alpha[w]! += clampStep((gradA[w]! - (alpha[w]! - mu)) / (infoA[w]! + 1));
      for (let i = 0; i < nItems; i++) {
        const beta = Math.exp(b[i]!);
        let g = -(b[i]! - muB);
        let info = 1;
        for (let p = index.start[i]!; p < index.start[i + 1]!; p++) {
          const o = index.order[p]!;
          const aw = alpha[obs.worker[o]!]!;
          const s = sigmoid(aw * beta);
          g += (q[o]! - s) * aw * beta;
          info += s * (1 - s) * aw * aw * beta * beta;
        }
        b[i]! += clampStep(g / info);
      }
    }
  };

  const eStep = (): number => {
    const next = new Float64Array(nItems * K);
    let ll = 0;
    for (let i = 0; i < nItems; i++) {
      const off = i * K;
      const beta = Math.exp(b[i]!);
      let base = 0;
      for (let t = 0; t < K; t++) next[off + t] = safeLog(priors[t]!);
      for (let p = index.start[i]!; p < index.start[i + 1]!; p++) {
        const o = index.order[p]!;
        const x = alpha[obs.worker[o]!]! * beta;
        const lRight = logSigmoid(x);
        const lWrong = logSigmoid(-x) - logWrongShare;
        base += lWrong;
        next[off + obs.label[o]!]! += lRight - lWrong;
      }
      ll += base + softmaxInPlace(next, off, K);
    }
    post = next;
    let lp = 0;
    for (let w = 0; w < nWorkers; w++) lp -= 0.5 * (alpha[w]! - mu) ** 2;
    for (let i = 0; i < nItems; i++) lp -= 0.5 * (b[i]! - muB) ** 2;
    return ll + lp;
  };

  mStep();
  const lossHistory: number[] = [];
  let iterations = 0;
  let converged = maxIter === 0;
  while (iterations < maxIter) {
    const objective = eStep();
    mStep();
    iterations++;
    lossHistory.push(objective);
    const prev = lossHistory[lossHistory.length - 2];
    if (prev !== undefined && Math.abs(objective - prev) <= tol * Math.max(n, 1)) {
      converged = true;
      break;
    }
  }
  const skill = new Float64Array(nWorkers);
  for (let w = 0; w < nWorkers; w++) skill[w] = sigmoid(alpha[w]!);
  const easiness = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) easiness[i] = Math.exp(b[i]!);
  return {
    method: 'glad',
    nItems,
    nWorkers,
    nClasses: K,
    labels: labelsFromPosterior(post, nItems, K),
    posterior: post,
    workerSkill: skill,
    workerCount: countPerWorker(obs),
    ability: alpha,
    easiness,
    priors,
    iterations,
    converged,
    lossHistory,
  };
}

/** Bounds a Newton step so one badly conditioned coordinate cannot jump far. */
function clampStep(x: number): number {
  return x > 2 ? 2 : x < -2 ? -2 : x;
}
