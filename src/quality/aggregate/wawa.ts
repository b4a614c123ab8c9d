/**
 * Wawa ("Worker Agreement with Aggregate").
 *
 * Model: a worker's skill is their agreement rate with the plain majority vote, s_j = #{j agrees with MV} / n_j;
 * the answer is the majority vote weighted by s_j, with posterior p_ik ∝ Σ_{j gives k} s_j. Two passes, cost
 * O(n + I·K). A heuristic without a likelihood; as implemented in Crowd-Kit (`crowdkit.aggregation.Wawa`), after
 * the agreement-based weighting in Appen/CrowdFlower's "trust" scores. Ties as in `majority-vote.ts`.
 */
import type { CategoricalResult, Observations } from '../types.js';
import { majorityVote } from './majority-vote.js';

/** Wawa: majority vote weighted by each worker's agreement with the unweighted majority. */
export function wawa(obs: Observations): CategoricalResult {
  const mv = majorityVote(obs);
  const weights = new Float64Array(obs.nWorkers);
  for (let w = 0; w < obs.nWorkers; w++) weights[w] = Number.isNaN(mv.workerSkill[w]!) ? 0 : mv.workerSkill[w]!;
  const weighted = majorityVote(obs, { workerWeights: weights });
  return { ...weighted, method: 'wawa', workerSkill: mv.workerSkill, iterations: 1 };
}
