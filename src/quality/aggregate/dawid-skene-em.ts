/**
 * The EM iterations of Dawid–Skene (`dawid-skene.ts`) as the plans that run them see them: the state of a fit,
 * the plan interface (one thread, WebAssembly, or a team of threads), and the M-step with the objective's
 * log-prior part. Internal to the engine.
 */
import { sweep } from './dawid-skene-sweep.js';

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
 * How the EM iterations run (internal to the engine): on the calling thread in JavaScript (`ONE_THREAD`) or in
 * WebAssembly (`dawid-skene-wasm.ts`), or split over threads that share memory (`dawid-skene-parallel.ts`).
 * `shareInt32`/`shareFloat64` return an array every part of the plan can read and write (the array itself on one
 * thread, a copy in the WebAssembly memory, or a copy in a `SharedArrayBuffer` for a team), and `newInt32`/
 * `newFloat64` a zeroed one of that kind; `accumulate` adds the expected counts of the posterior `post` (the first
 * M-step, from the starting posterior); `iterate` runs one EM iteration — E-step fused with the accumulation of expected counts, then the M-step — and
 * returns the objective (log-likelihood plus log-prior density) of the parameters the E-step used; `end` releases
 * the plan's helpers (called once, also after an error).
 */
export interface EmPlan {
  shareInt32(a: Int32Array): Int32Array;
  shareFloat64(a: Float64Array): Float64Array;
  newInt32(length: number): Int32Array;
  newFloat64(length: number): Float64Array;
  accumulate(s: EmState): void;
  iterate(s: EmState): number;
  end(): void;
}

/** One EM iteration on the calling thread, in JavaScript. */
export function iterateOneThread(s: EmState): number {
  s.counts.fill(0);
  s.priorCounts.fill(0);
  return finishIteration(s, sweep(s.nItems, s.K, s.start, s.cell, s.gold, s.theta, s.pi, s.post, s.counts, s.priorCounts, s.r));
}

/**
 * The rest of a one-thread iteration after the sweep returned `ll`: adds the log-prior, runs the M-step (the
 * workers' part by `workers` when given, e.g. in WebAssembly; it must do what `normalizeWorkers` does).
 */
export function finishIteration(s: EmState, ll: number, workers?: (s: EmState) => void): number {
  const hasPriorTerm = s.a > 0 || s.ad > 0 || s.ap > 0 || s.b > 0;
  const objective = hasPriorTerm ? ll + logPriorDensity(s, 0, s.nWorkers) + logPriorOfPi(s) : ll;
  if (workers !== undefined && s.b === 0) {
    workers(s);
    normalizePriors(s);
  } else {
    normalizeParameters(s);
  }
  return objective;
}

/**
 * M-step accumulation of expected counts from the posterior `s.post` into `s.counts` and `s.priorCounts` (used once,
 * for the starting point). Each count receives its additions in judgment order, as in the sweep.
 */
export function accumulateOneThread(s: EmState): void {
  const { nItems, K, start, cell, post, counts, priorCounts } = s;
  let e = start[0]!;
  for (let i = 0; i < nItems; i++) {
    const off = i * K;
    const b = e;
    e = start[i + 1]!;
    for (let t = 0; t < K; t++) {
      const v = post[off + t]!;
      priorCounts[t]! += v;
      for (let p = b; p < e; p++) counts[cell[p]! + t]! += v;
    }
  }
}

/** The JavaScript plan on the calling thread: the fallback of `dawid-skene-wasm.ts`, and the tests' other path. */
export const ONE_THREAD: EmPlan = {
  shareInt32: (a) => a,
  shareFloat64: (a) => a,
  newInt32: (length) => new Int32Array(length),
  newFloat64: (length) => new Float64Array(length),
  accumulate: accumulateOneThread,
  iterate: iterateOneThread,
  end: () => undefined,
};

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
