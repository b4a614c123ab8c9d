/**
 * Dawid–Skene EM, readable reference implementation.
 *
 * This is the textbook algorithm written for clarity, in log space, one judgment at a time. It exists to
 * cross-check the fast implementation in `dawid-skene.ts` (which must agree with it to rounding) and to make the
 * update equations easy to audit. See `dawid-skene.ts` for the model, the equations and the citations.
 * Cost per iteration O(n·K + W·K²), with a `Math.log`/`Math.exp` per judgment and class. It supports the options
 * `maxIter`, `tol`, `smoothing`, `diagonalSmoothing`, `priorSmoothing` and `gold`; `init` and `pooling` are ignored.
 */
import { indexByItem } from '../observations.js';
import type { GoldLabels, Observations } from '../types.js';
import { iterationSettings, resolveGold, safeLog, softMajority } from './common.js';
import { assemble, type DawidSkeneOptions, type DawidSkeneResult } from './dawid-skene-result.js';

/** Reference Dawid–Skene; same options and result as `dawidSkene`. */
export function dawidSkeneReference(obs: Observations, opts: DawidSkeneOptions = {}): DawidSkeneResult {
  const { nItems, nWorkers, nClasses: K } = obs;
  const { maxIter, tol } = iterationSettings(opts);
  const alpha = opts.smoothing ?? 0;
  const alphaDiag = opts.diagonalSmoothing ?? 0;
  const alphaPrior = opts.priorSmoothing ?? 0;
  const gold = resolveGold(obs, opts.gold as GoldLabels | undefined);
  const index = indexByItem(obs);
  const n = obs.label.length;

  // conf[w][t][g] = P(worker w says g | true class t); priors[t] = P(true class t).
  const conf = new Float64Array(nWorkers * K * K);
  const priors = new Float64Array(K);
  let post = softMajority(obs, gold, index);

  const mStep = (): void => {
    conf.fill(0);
    priors.fill(alphaPrior);
    for (let i = 0; i < nItems; i++) for (let t = 0; t < K; t++) priors[t]! += post[i * K + t]!;
    const totalPrior = priors.reduce((a, b) => a + b, 0);
    for (let t = 0; t < K; t++) priors[t] = totalPrior > 0 ? priors[t]! / totalPrior : 1 / K;
    for (let o = 0; o < n; o++) {
      const i = obs.item[o]!;
      const w = obs.worker[o]!;
      const g = obs.label[o]!;
      for (let t = 0; t < K; t++) conf[(w * K + t) * K + g]! += post[i * K + t]!;
    }
    for (let w = 0; w < nWorkers; w++) {
      for (let t = 0; t < K; t++) {
        let row = 0;
        for (let g = 0; g < K; g++) {
          conf[(w * K + t) * K + g]! += alpha + (g === t ? alphaDiag : 0);
          row += conf[(w * K + t) * K + g]!;
        }
        for (let g = 0; g < K; g++) conf[(w * K + t) * K + g] = row > 0 ? conf[(w * K + t) * K + g]! / row : 1 / K;
      }
    }
  };

  const logPrior = (): number => {
    let lp = 0;
    for (let w = 0; w < nWorkers; w++)
      for (let t = 0; t < K; t++)
        for (let g = 0; g < K; g++) {
          const a = alpha + (g === t ? alphaDiag : 0);
          if (a > 0) lp += a * Math.log(conf[(w * K + t) * K + g]!);
        }
    if (alphaPrior > 0) for (let t = 0; t < K; t++) lp += alphaPrior * Math.log(priors[t]!);
    return lp;
  };

  // E-step: log p_it = log π_t + Σ_{judgments j of i} log conf[w_j][t][g_j], then normalise (subtract the max
  // before exponentiating so the largest term is exp(0) = 1 and nothing underflows to 0/0).
  const eStep = (): number => {
    const next = new Float64Array(nItems * K);
    const logRow = new Float64Array(K);
    let ll = 0;
    for (let i = 0; i < nItems; i++) {
      for (let t = 0; t < K; t++) logRow[t] = safeLog(priors[t]!);
      for (let p = index.start[i]!; p < index.start[i + 1]!; p++) {
        const o = index.order[p]!;
        const w = obs.worker[o]!;
        const g = obs.label[o]!;
        for (let t = 0; t < K; t++) logRow[t]! += safeLog(conf[(w * K + t) * K + g]!);
      }
      if (gold[i]! >= 0) {
        ll += logRow[gold[i]!]!;
        next[i * K + gold[i]!] = 1;
        continue;
      }
      let max = -Infinity;
      for (let t = 0; t < K; t++) max = Math.max(max, logRow[t]!);
      let sum = 0;
      for (let t = 0; t < K; t++) sum += Math.exp(logRow[t]! - max);
      ll += max + Math.log(sum);
      for (let t = 0; t < K; t++) next[i * K + t] = Math.exp(logRow[t]! - max) / sum;
    }
    post = next;
    return ll;
  };

  mStep();
  const lossHistory: number[] = [];
  let converged = maxIter === 0;
  let iterations = 0;
  while (iterations < maxIter) {
    const objective = eStep() + logPrior();
    mStep();
    iterations++;
    lossHistory.push(objective);
    const prev = lossHistory[lossHistory.length - 2];
    if (prev !== undefined && Math.abs(objective - prev) <= tol * Math.max(n, 1)) {
      converged = true;
      break;
    }
  }
  return assemble(obs, post, conf, priors, iterations, converged, lossHistory);
}
