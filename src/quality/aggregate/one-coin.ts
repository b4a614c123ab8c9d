/**
 * One-coin Dawid–Skene: one accuracy per worker instead of a full confusion matrix.
 *
 * Model. z_i ~ Categorical(π); worker w is right with probability p_w and otherwise picks one of the K − 1 wrong
 * classes uniformly: θ_w[t][g] = p_w if g = t, (1 − p_w)/(K − 1) otherwise. With K = 2 this is the "symmetric"
 * binary model. EM:
 *   E-step  T_it ∝ π_t Π_{(w,g) of i} (g = t ? p_w : (1 − p_w)/(K − 1))
 *   M-step  π_t = mean_i T_it,   p_w = (Σ_{(i,g) of w} T_ig + a) / (n_w + 2a)
 * (the expected fraction of w's judgments that are correct, with `smoothing` a pseudo-counts on each side).
 * Dawid & Skene, JRSS C 28(1):20–28, 1979, doi:10.2307/2346806, restricted as in Crowd-Kit's `OneCoinDawidSkene`
 * and Zheng et al., PVLDB 10(5):541–552, 2017, doi:10.14778/3055540.3055547 ("ZenCrowd"-style worker probability).
 * Starts from the soft majority vote; `gold` items are clamped. Cost per iteration O(n·K + I·K).
 */
import { countPerWorker, indexByItem, labelsFromPosterior } from '../observations.js';
import type { CategoricalResult, GoldLabels, IterativeOptions, Observations } from '../types.js';
import { estimatePriors, iterationSettings, resolveGold, safeLog, softMajority, softmaxInPlace } from './common.js';

export interface OneCoinOptions extends IterativeOptions {
  /** Pseudo-count a added to both the correct and the wrong side of each worker's accuracy (default 0). */
  readonly smoothing?: number;
  /** Known classes (or −1), one per item; these items are clamped. */
  readonly gold?: GoldLabels;
}

export interface OneCoinResult extends CategoricalResult {
  readonly priors: Float64Array;
}

/** Fits one-coin Dawid–Skene by EM. */
export function oneCoinDawidSkene(obs: Observations, opts: OneCoinOptions = {}): OneCoinResult {
  const { nItems, nWorkers, nClasses: K } = obs;
  const { maxIter, tol } = iterationSettings(opts);
  const a = opts.smoothing ?? 0;
  if (!(a >= 0)) throw new RangeError('smoothing must be ≥ 0');
  const gold = resolveGold(obs, opts.gold);
  const index = indexByItem(obs);
  const n = obs.label.length;
  const count = countPerWorker(obs);
  let post = softMajority(obs, gold, index);
  const skill = new Float64Array(nWorkers);
  let priors: Float64Array = new Float64Array(K);

  const mStep = (): void => {
    priors = estimatePriors(post, nItems, K, 0);
    skill.fill(a);
    for (let o = 0; o < n; o++) skill[obs.worker[o]!]! += post[obs.item[o]! * K + obs.label[o]!]!;
    for (let w = 0; w < nWorkers; w++) skill[w] = count[w]! + 2 * a > 0 ? skill[w]! / (count[w]! + 2 * a) : 0.5;
  };

  const logRight = new Float64Array(nWorkers);
  const logWrong = new Float64Array(nWorkers);
  const eStep = (): number => {
    for (let w = 0; w < nWorkers; w++) {
      logRight[w] = safeLog(skill[w]!);
      logWrong[w] = K > 1 ? safeLog((1 - skill[w]!) / (K - 1)) : 0;
    }
    const next = new Float64Array(nItems * K);
    let ll = 0;
    for (let i = 0; i < nItems; i++) {
      const off = i * K;
      // Every judgment contributes log-wrong to all classes and (log-right − log-wrong) to the class it names.
      let base = 0;
      for (let t = 0; t < K; t++) next[off + t] = safeLog(priors[t]!);
      for (let p = index.start[i]!; p < index.start[i + 1]!; p++) {
        const o = index.order[p]!;
        const w = obs.worker[o]!;
        base += logWrong[w]!;
        next[off + obs.label[o]!]! += logRight[w]! - logWrong[w]!;
      }
      if (gold[i]! >= 0) {
        ll += base + next[off + gold[i]!]!;
        next.fill(0, off, off + K);
        next[off + gold[i]!] = 1;
        continue;
      }
      ll += base + softmaxInPlace(next, off, K);
    }
    post = next;
    return ll;
  };

  mStep();
  const lossHistory: number[] = [];
  let iterations = 0;
  let converged = maxIter === 0;
  while (iterations < maxIter) {
    let objective = eStep();
    if (a > 0) for (let w = 0; w < nWorkers; w++) objective += a * (safeLog(skill[w]!) + safeLog(1 - skill[w]!));
    mStep();
    iterations++;
    lossHistory.push(objective);
    const prev = lossHistory[lossHistory.length - 2];
    if (prev !== undefined && Math.abs(objective - prev) <= tol * Math.max(n, 1)) {
      converged = true;
      break;
    }
  }
  return {
    method: 'onecoin',
    nItems,
    nWorkers,
    nClasses: K,
    labels: labelsFromPosterior(post, nItems, K),
    posterior: post,
    workerSkill: skill,
    workerCount: count,
    priors,
    iterations,
    converged,
    lossHistory,
  };
}
