/**
 * Bradley–Terry model for paired comparisons, fitted by the MM algorithm, with standard errors.
 *
 * Model. Object i has strength π_i = exp(θ_i); in a comparison of i and j, P(i beats j) = π_i / (π_i + π_j) =
 * σ(θ_i − θ_j) (Bradley & Terry, Biometrika 39(3/4):324–345, 1952, doi:10.2307/2334029). Ties count as half a win
 * for each side (the likelihood is then a product of p^½(1−p)^½ factors; Davidson's 1970 tie model,
 * doi:10.1080/01621459.1970.10481082, would add a tie parameter). The MM update (Hunter, "MM algorithms for
 * generalized Bradley–Terry models", Annals of Statistics 32(1):384–406, 2004, doi:10.1214/aos/1079120141):
 *   π_i ← (W_i + a) / (Σ_j n_ij / (π_i + π_j) + 2a / (π_i + 1))
 * where W_i is i's number of wins, n_ij the number of i–j comparisons and a (`prior`) the number of virtual wins and
 * virtual losses against a reference object of strength 1. With a = 0 this is the maximum-likelihood MM step, the
 * likelihood increases at every step, and θ is centred to mean 0; the MLE exists only when the comparison graph is
 * strongly connected (every object both wins and loses along some path), so a > 0 (default 0.5) keeps scores finite
 * for objects that never lost or never won, anchoring θ at the reference instead of centring.
 * Standard errors come from the Fisher information I = Σ_c p_c(1 − p_c)(e_i − e_j)(e_i − e_j)ᵀ (+ prior terms) at the
 * estimate, see `fisher.ts`. Cost per iteration O(C + N), plus O(N³) once for the errors (skipped above `maxSeObjects`).
 */
import { iterationSettings } from '../aggregate/common.js';
import type { IterativeOptions } from '../types.js';
import { standardErrorsFromInformation } from './fisher.js';
import { checkPairwise, rankingOf, type PairwiseObservations, type PairwiseResult } from './types.js';

export interface BradleyTerryOptions extends IterativeOptions {
  /** Virtual wins and losses a of each object against a reference of strength 1 (default 0.5; 0 = MLE). */
  readonly prior?: number;
  /** Compute standard errors only up to this many objects (default 3000). */
  readonly maxSeObjects?: number;
  /** Weight of each comparison (default 1), used by the noise-aware variant. */
  readonly weights?: Float64Array;
}

/** Fits Bradley–Terry by MM. */
export function bradleyTerry(obs: PairwiseObservations, opts: BradleyTerryOptions = {}): PairwiseResult {
  checkPairwise(obs);
  const { maxIter, tol } = iterationSettings(opts, { maxIter: 1000, tol: 1e-10 });
  const a = opts.prior ?? 0.5;
  if (!(a >= 0)) throw new RangeError('prior must be ≥ 0');
  const { left, right, outcome, nObjects: N } = obs;
  const C = left.length;
  const wins = new Float64Array(N);
  const comparisons = new Int32Array(N);
  for (let c = 0; c < C; c++) {
    wins[left[c]!]! += outcome[c]!;
    wins[right[c]!]! += 1 - outcome[c]!;
    comparisons[left[c]!]!++;
    comparisons[right[c]!]!++;
  }
  const pi = new Float64Array(N).fill(1);
  const denom = new Float64Array(N);
  const lossHistory: number[] = [];
  let iterations = 0;
  let converged = maxIter === 0;
  while (iterations < maxIter) {
    denom.fill(0);
    for (let c = 0; c < C; c++) {
      const i = left[c]!;
      const j = right[c]!;
      const inv = 1 / (pi[i]! + pi[j]!);
      denom[i]! += inv;
      denom[j]! += inv;
    }
    let change = 0;
    for (let i = 0; i < N; i++) {
      const d = denom[i]! + (a > 0 ? (2 * a) / (pi[i]! + 1) : 0);
      const next = d > 0 ? (wins[i]! + a) / d : pi[i]!;
      // An object that never won (a = 0) goes to strength 0; keep it tiny but positive so logs stay finite.
      const clamped = Math.min(Math.max(next, 1e-300), 1e300);
      change = Math.max(change, Math.abs(Math.log(clamped) - Math.log(pi[i]!)));
      pi[i] = clamped;
    }
    if (a === 0) normaliseGeometricMean(pi);
    iterations++;
    lossHistory.push(logLikelihood(obs, pi, a));
    if (change <= tol) {
      converged = true;
      break;
    }
  }
  const score = pi.map(Math.log);
  const info = N <= (opts.maxSeObjects ?? 3000) ? new Float64Array(N * N) : undefined;
  let se: Float64Array = new Float64Array(N).fill(NaN);
  if (info) {
    for (let c = 0; c < C; c++) {
      const i = left[c]!;
      const j = right[c]!;
      const p = pi[i]! / (pi[i]! + pi[j]!);
      addEdge(info, N, i, j, p * (1 - p));
    }
    if (a > 0) for (let i = 0; i < N; i++) info[i * N + i]! += (2 * a * pi[i]!) / (pi[i]! + 1) ** 2;
    se = standardErrorsFromInformation(info, N, a > 0);
  }
  return { method: 'bt', score, standardError: se, ranking: rankingOf(score), comparisons, iterations, converged, lossHistory };
}

/** Adds w·(e_i − e_j)(e_i − e_j)ᵀ to an N × N matrix. */
export function addEdge(m: Float64Array, N: number, i: number, j: number, w: number): void {
  m[i * N + i]! += w;
  m[j * N + j]! += w;
  m[i * N + j]! -= w;
  m[j * N + i]! -= w;
}

function normaliseGeometricMean(pi: Float64Array): void {
  let s = 0;
  for (let i = 0; i < pi.length; i++) s += Math.log(pi[i]!);
  const f = Math.exp(-s / pi.length);
  for (let i = 0; i < pi.length; i++) pi[i]! *= f;
}

/** Log-likelihood (ties as half wins) plus the log-prior of the virtual comparisons. */
function logLikelihood(obs: PairwiseObservations, pi: Float64Array, a: number): number {
  let ll = 0;
  for (let c = 0; c < obs.left.length; c++) {
    const pl = pi[obs.left[c]!]!;
    const pr = pi[obs.right[c]!]!;
    const y = obs.outcome[c]!;
    ll += y * Math.log(pl) + (1 - y) * Math.log(pr) - Math.log(pl + pr);
  }
  if (a > 0) for (let i = 0; i < pi.length; i++) ll += a * (Math.log(pi[i]!) + 0 - 2 * Math.log(pi[i]! + 1));
  return ll;
}
