/**
 * Majority vote (MV), optionally weighted.
 *
 * Model: none — each item's label is the class with the most (weighted) votes, and its posterior is the vote
 * share p_ik = Σ_{j gives k} w_j / Σ_j w_j. A worker's skill is the fraction of their judgments that agree with the
 * majority label. Cost O(n + I·K).
 *
 * Ties are broken deterministically, without randomness, in favour of the lowest class index; class indices follow
 * the canonical order of `encode.ts` (numeric, or code-unit order of the label strings), so the rule does not depend
 * on row order. This is also what Crowd-Kit's `idxmax` over sorted label columns does. The rule matters on data
 * with an even overlap: on `rte` (10 votes per item) breaking ties towards the overall most frequent class instead
 * scores 0.8750 rather than 0.9187 — a tie carries no information, so no rule is better in general.
 * Items without judgments get the overall class frequencies as posterior.
 */
import { argmaxRow, countPerWorker, indexByItem } from '../observations.js';
import type { CategoricalResult, Observations } from '../types.js';
import { classCounts, normalizeInPlace } from './common.js';

export interface MajorityVoteOptions {
  /** Weight of each worker's vote (default 1 for everyone). */
  readonly workerWeights?: Float64Array;
}

/** Majority vote with the deterministic tie-break described above. */
export function majorityVote(obs: Observations, opts: MajorityVoteOptions = {}): CategoricalResult {
  const { nItems, nWorkers, nClasses: K } = obs;
  const weights = opts.workerWeights;
  if (weights !== undefined && weights.length !== nWorkers) throw new RangeError('workerWeights must have one entry per worker');
  const overall = classCounts(obs);
  normalizeInPlace(overall, 0, K, 1 / Math.max(K, 1));
  const index = indexByItem(obs);
  const post = new Float64Array(nItems * K);
  const labels = new Int32Array(nItems);
  for (let i = 0; i < nItems; i++) {
    const off = i * K;
    const s = index.start[i]!;
    const e = index.start[i + 1]!;
    for (let p = s; p < e; p++) {
      const o = index.order[p]!;
      post[off + obs.label[o]!]! += weights === undefined ? 1 : weights[obs.worker[o]!]!;
    }
    let total = 0;
    for (let k = 0; k < K; k++) total += post[off + k]!;
    if (e === s || !(total > 0)) {
      for (let k = 0; k < K; k++) post[off + k] = overall[k]!;
    } else {
      for (let k = 0; k < K; k++) post[off + k]! /= total;
    }
    labels[i] = argmaxRow(post, off, K);
  }
  const agree = new Float64Array(nWorkers);
  const count = countPerWorker(obs);
  for (let o = 0; o < obs.label.length; o++) if (obs.label[o] === labels[obs.item[o]!]) agree[obs.worker[o]!]!++;
  const skill = new Float64Array(nWorkers);
  for (let w = 0; w < nWorkers; w++) skill[w] = count[w]! > 0 ? agree[w]! / count[w]! : NaN;
  return {
    method: weights === undefined ? 'mv' : 'weighted-mv',
    nItems,
    nWorkers,
    nClasses: K,
    labels,
    posterior: post,
    workerSkill: skill,
    workerCount: count,
    iterations: 0,
    converged: true,
    lossHistory: [],
  };
}
