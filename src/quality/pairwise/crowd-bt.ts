/**
 * Crowd-BT: Bradley–Terry with a reliability per annotator.
 *
 * Model. As Bradley–Terry, but annotator k reports the true preference with probability η_k and flips it otherwise:
 *   P(k says i beats j) = η_k σ(θ_i − θ_j) + (1 − η_k) σ(θ_j − θ_i).
 * Chen, Bennett, Collins-Thompson & Horvitz, "Pairwise Ranking Aggregation in a Crowdsourced Setting", WSDM 2013,
 * doi:10.1145/2433396.2433420. Their online moment-matching is replaced here by batch EM, with a latent "truthful"
 * indicator per comparison:
 *   E-step  r_c = η_k p_c / (η_k p_c + (1 − η_k)(1 − p_c)),  p_c = σ(θ_winner − θ_loser)
 *   M-step  η_k = (Σ_c r_c + a_η) / (n_k + a_η + b_η)  (Beta pseudo-counts, default a_η = b_η = 1), and θ by one MM
 *           step of Bradley–Terry with the stated winner winning with weight r_c and the loser with weight 1 − r_c.
 * Ties carry no direction and no information about η: they count as half a win each, with r_c unused. Annotators
 * with η < ½ are adversarial: their votes are, in effect, reversed. Standard errors treat η as known and use the
 * Fisher information of the mixture per comparison, (2η − 1)² p²(1 − p)² / (q(1 − q)), q = ηp + (1 − η)(1 − p).
 * Cost per iteration O(C + N + K), plus O(N³) once for the errors.
 */
import { iterationSettings } from '../aggregate/common.js';
import type { IterativeOptions } from '../types.js';
import { addEdge } from './bradley-terry.js';
import { standardErrorsFromInformation } from './fisher.js';
import { checkPairwise, rankingOf, type PairwiseObservations, type PairwiseResult } from './types.js';

export interface CrowdBtOptions extends IterativeOptions {
  /** Virtual wins and losses per object against a reference of strength 1 (default 0.5), as in `bradleyTerry`. */
  readonly prior?: number;
  /** Beta(a, b) pseudo-counts on each η_k (default [1, 1]). */
  readonly reliabilityPrior?: readonly [number, number];
  /** Starting reliability of every annotator (default 0.8). */
  readonly initialReliability?: number;
  readonly maxSeObjects?: number;
}

export interface CrowdBtResult extends PairwiseResult {
  /** η_k per annotator. */
  readonly reliability: Float64Array;
}

export function crowdBt(obs: PairwiseObservations, opts: CrowdBtOptions = {}): CrowdBtResult {
  checkPairwise(obs);
  const { maxIter, tol } = iterationSettings(opts, { maxIter: 2000, tol: 1e-9 });
  const a = opts.prior ?? 0.5;
  const [ra, rb] = opts.reliabilityPrior ?? [1, 1];
  const { left, right, outcome, worker, nObjects: N, nWorkers: K } = obs;
  const C = left.length;
  const eta = new Float64Array(K).fill(opts.initialReliability ?? 0.8);
  const pi = new Float64Array(N).fill(1);
  const comparisons = new Int32Array(N);
  const perWorker = new Float64Array(K);
  for (let c = 0; c < C; c++) {
    comparisons[left[c]!]!++;
    comparisons[right[c]!]!++;
    if (outcome[c] !== 0.5) perWorker[worker[c]!]!++;
  }
  const wins = new Float64Array(N);
  const denom = new Float64Array(N);
  const truthful = new Float64Array(K);
  const lossHistory: number[] = [];
  let iterations = 0;
  let converged = maxIter === 0;
  while (iterations < maxIter) {
    wins.fill(0);
    denom.fill(0);
    truthful.fill(0);
    let ll = 0;
    for (let c = 0; c < C; c++) {
      const i = left[c]!;
      const j = right[c]!;
      const y = outcome[c]!;
      const inv = 1 / (pi[i]! + pi[j]!);
      denom[i]! += inv;
      denom[j]! += inv;
      if (y === 0.5) {
        wins[i]! += 0.5;
        wins[j]! += 0.5;
        ll += 0.5 * Math.log(pi[i]! * inv) + 0.5 * Math.log(pi[j]! * inv);
        continue;
      }
      const w = y === 1 ? i : j;
      const l = y === 1 ? j : i;
      const e = eta[worker[c]!]!;
      const p = pi[w]! * inv;
      const q = e * p + (1 - e) * (1 - p);
      const r = (e * p) / q;
      ll += Math.log(q);
      truthful[worker[c]!]! += r;
      wins[w]! += r;
      wins[l]! += 1 - r;
    }
    for (let k = 0; k < K; k++) eta[k] = (truthful[k]! + ra) / (perWorker[k]! + ra + rb);
    let change = 0;
    for (let i = 0; i < N; i++) {
      const d = denom[i]! + (a > 0 ? (2 * a) / (pi[i]! + 1) : 0);
      const next = Math.min(Math.max(d > 0 ? (wins[i]! + a) / d : pi[i]!, 1e-300), 1e300);
      change = Math.max(change, Math.abs(Math.log(next) - Math.log(pi[i]!)));
      pi[i] = next;
    }
    if (a === 0) {
      let s = 0;
      for (let i = 0; i < N; i++) s += Math.log(pi[i]!);
      const f = Math.exp(-s / N);
      for (let i = 0; i < N; i++) pi[i]! *= f;
    }
    iterations++;
    lossHistory.push(ll);
    const prev = lossHistory[lossHistory.length - 2];
    if (change <= tol && prev !== undefined && Math.abs(ll - prev) <= tol * Math.max(C, 1)) {
      converged = true;
      break;
    }
  }
  const score = pi.map(Math.log);
  let se: Float64Array = new Float64Array(N).fill(NaN);
  if (N <= (opts.maxSeObjects ?? 3000)) {
    const info = new Float64Array(N * N);
    for (let c = 0; c < C; c++) {
      const i = left[c]!;
      const j = right[c]!;
      const p = pi[i]! / (pi[i]! + pi[j]!);
      if (outcome[c] === 0.5) {
        addEdge(info, N, i, j, p * (1 - p));
        continue;
      }
      const e = eta[worker[c]!]!;
      const q = e * p + (1 - e) * (1 - p);
      addEdge(info, N, i, j, ((2 * e - 1) ** 2 * (p * (1 - p)) ** 2) / (q * (1 - q)));
    }
    if (a > 0) for (let i = 0; i < N; i++) info[i * N + i]! += (2 * a * pi[i]!) / (pi[i]! + 1) ** 2;
    se = standardErrorsFromInformation(info, N, a > 0);
  }
  return { method: 'crowd-bt', score, standardError: se, ranking: rankingOf(score), comparisons, reliability: eta, iterations, converged, lossHistory };
}
