/**
 * Dawid–Skene (`dawid-skene.ts`) with each EM iteration split over several threads that share memory.
 *
 * The model, the updates and the options are those of `dawidSkene`. An iteration runs in two phases, each split
 * over the threads:
 *  1. E-step and accumulation. The items (judgments are sorted by item) are cut into `threads` contiguous ranges of
 *     about n/threads judgments each. Thread t runs the one-thread sweep (`dawid-skene-sweep.ts`) on its range: it
 *     writes the posteriors of its own items and adds expected counts into accumulators of its own.
 *  2. M-step. The workers are cut into `threads` ranges; thread t adds up, for its workers, the accumulators of all
 *     threads in thread order (0, 1, …), adds their part of the log-prior under the parameters phase 1 used, and
 *     normalises their confusion rows. Thread 0 does the class priors. (With `pooling`, every worker's M-step needs
 *     the pooled counts of all workers first, so thread 0 runs the whole M-step alone.)
 * The result therefore equals the one-thread fit up to the order of floating-point additions (observed ≤ 2e-12 on
 * the posteriors), and a given thread count always gives the same bits. The convergence test could in principle
 * stop one iteration apart from one thread's when the change of the objective lands within rounding of `tol`.
 *
 * Everything the threads touch lives in `SharedArrayBuffer`s: the judgments (`start`, `cell`, `gold`), θ and π,
 * the posterior (each thread writes only its rows), the counts and the per-thread accumulators. Threads meet with
 * `Atomics.wait`/`Atomics.notify` on a small control array, twice per iteration; no message is sent per
 * iteration. Each wait spins briefly before sleeping, as a phase takes milliseconds. The split is static, so a
 * thread that the OS deschedules (another process on the core) holds the others up at the next meeting point.
 *
 * This file is pure: it starts no thread. A `DawidSkeneTeam` (`src/threads/dawid-skene-threads.ts`) owns the helper
 * threads and makes thread t ≥ 1 call `runDawidSkeneHelper(job, t)` when a fit hands out its job.
 * Cost per iteration: O((n·K + threads·W·K²) / threads) time; memory O(n + I·K + threads·W·K²).
 */
import type { Observations } from '../types.js';
import {
  accumulateOneThread,
  ONE_THREAD,
  logPriorDensity,
  logPriorOfPi,
  normalizeParameters,
  normalizePriors,
  normalizeWorkers,
  type EmPlan,
  type EmState,
} from './dawid-skene-em.js';
import { fitDawidSkene, type DawidSkeneOptions, type DawidSkeneResult } from './dawid-skene.js';
import { sweep } from './dawid-skene-sweep.js';

/** What a fit hands to its helper threads: shared arrays only (structured clone shares, never copies, them). */
export interface DawidSkeneJob {
  /** Control words, see `GEN`, `DONE`, `CMD`, `FAILED`. */
  readonly ctl: Int32Array;
  readonly threads: number;
  readonly nItems: number;
  readonly nWorkers: number;
  readonly nClasses: number;
  /** Item ranges: thread t sweeps items itemBounds[t] … itemBounds[t+1]−1. */
  readonly itemBounds: Int32Array;
  /** Worker ranges: thread t runs the M-step of workers workerBounds[t] … workerBounds[t+1]−1. */
  readonly workerBounds: Int32Array;
  readonly start: Int32Array;
  readonly cell: Int32Array;
  readonly gold: Int32Array;
  readonly theta: Float64Array;
  readonly pi: Float64Array;
  readonly post: Float64Array;
  /** Thread 0's expected counts, where the reduced counts end up. */
  readonly counts: Float64Array;
  readonly pooled: Float64Array;
  /** Accumulators of threads 1…threads−1, each W·K² expected counts then K prior counts. */
  readonly acc: Float64Array;
  /** Per thread 1…threads−1 at [t−1]: log-likelihood of its items; at [threads−1+t−1]: log-prior of its workers. */
  readonly sums: Float64Array;
  readonly a: number;
  readonly ad: number;
  readonly ap: number;
  readonly b: number;
}

/** Helper threads able to run `runDawidSkeneHelper`; the caller counts as one of `threads`. */
export interface DawidSkeneTeam {
  readonly threads: number;
  /** Makes each helper t = 1…threads−1 call `runDawidSkeneHelper(job, t)` (once per fit, not per iteration). */
  dispatch(job: DawidSkeneJob): void;
}

// Control words of `DawidSkeneJob.ctl`.
const GEN = 0; // incremented by thread 0 to start a phase
const DONE = 1; // helpers that finished the phase
const CMD = 2; // what the phase is: SWEEP, MSTEP or STOP
const FAILED = 3; // set by a helper that threw
const SWEEP = 1;
const MSTEP = 2;
const STOP = 3;
const SPIN = 2_000;

/** How long thread 0 waits for the helpers in one phase before it gives up (a helper that died never answers). */
export const HELPER_TIMEOUT_MS = 120_000;

/**
 * Fits Dawid–Skene with its iterations split over `team.threads` threads; same options and result as `dawidSkene`
 * up to the order of floating-point additions. With one thread (or one item) it is `dawidSkene` itself.
 */
export function dawidSkeneParallel(obs: Observations, opts: DawidSkeneOptions, team: DawidSkeneTeam): DawidSkeneResult {
  return fitDawidSkene(obs, opts, teamPlan(team, Math.max(1, Math.min(team.threads, obs.nItems))));
}

function shared<T extends Int32Array | Float64Array>(a: T): T {
  const ctor = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new ctor(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

/** Splits items so each of `threads` ranges holds about the same number of judgments. */
export function splitItems(start: Int32Array, threads: number): Int32Array {
  const nItems = start.length - 1;
  const n = start[nItems]!;
  const bounds = new Int32Array(threads + 1);
  let i = 0;
  for (let t = 1; t < threads; t++) {
    const target = Math.round((n * t) / threads);
    while (i < nItems && start[i]! < target) i++;
    bounds[t] = i;
  }
  bounds[threads] = nItems;
  return bounds;
}

function splitEvenly(count: number, threads: number): Int32Array {
  return Int32Array.from({ length: threads + 1 }, (_, t) => Math.round((count * t) / threads));
}

function teamPlan(team: DawidSkeneTeam, T: number): EmPlan {
  if (T === 1) return ONE_THREAD;
  let job: DawidSkeneJob | undefined;
  const begin = (s: EmState): DawidSkeneJob => {
    const stride = s.counts.length + s.K;
    const j: DawidSkeneJob = {
      ctl: new Int32Array(new SharedArrayBuffer(4 * 4)),
      threads: T,
      nItems: s.nItems,
      nWorkers: s.nWorkers,
      nClasses: s.K,
      itemBounds: splitItems(s.start, T),
      workerBounds: splitEvenly(s.nWorkers, T),
      start: s.start,
      cell: s.cell,
      gold: s.gold,
      theta: s.theta,
      pi: s.pi,
      post: s.post,
      counts: s.counts,
      pooled: s.pooled,
      acc: new Float64Array(new SharedArrayBuffer(8 * (T - 1) * stride)),
      sums: new Float64Array(new SharedArrayBuffer(8 * 2 * (T - 1))),
      a: s.a,
      ad: s.ad,
      ap: s.ap,
      b: s.b,
    };
    team.dispatch(j);
    return j;
  };
  return {
    shareInt32: shared,
    shareFloat64: shared,
    newInt32: (length) => new Int32Array(new SharedArrayBuffer(4 * length)),
    newFloat64: (length) => new Float64Array(new SharedArrayBuffer(8 * length)),
    accumulate: accumulateOneThread,
    iterate(s) {
      job ??= begin(s);
      const { ctl, itemBounds, workerBounds, acc, sums } = job;
      const WKK = s.counts.length;
      const K = s.K;
      const stride = WKK + K;
      // Phase 1: every thread sweeps its items (thread 0 into the state's own counts).
      startPhase(ctl, SWEEP);
      s.counts.fill(0);
      s.priorCounts.fill(0);
      let objective = sweep(itemBounds[1]!, K, s.start, s.cell, s.gold, s.theta, s.pi, s.post, s.counts, s.priorCounts, s.r);
      awaitHelpers(ctl, T - 1);
      for (let t = 1; t < T; t++) objective += sums[t - 1]!;
      for (let t = 1; t < T; t++) for (let c = 0; c < K; c++) s.priorCounts[c]! += acc[(t - 1) * stride + WKK + c]!;
      const hasPriorTerm = s.a > 0 || s.ad > 0 || s.ap > 0 || s.b > 0;
      if (hasPriorTerm) objective += logPriorOfPi(s);
      if (s.b > 0) {
        // Pooling needs every worker's counts before any worker's M-step: reduce and normalise here.
        reduceCounts(s.counts, acc, 0, s.nWorkers * K * K, T, stride);
        objective += logPriorDensity(s, 0, s.nWorkers);
        normalizeParameters(s);
        return objective;
      }
      // Phase 2: every thread reduces the counts of its workers (in thread order), adds their log-prior under the
      // parameters just used, and normalises them.
      startPhase(ctl, MSTEP);
      const w1 = workerBounds[1]!;
      reduceCounts(s.counts, acc, 0, w1 * K * K, T, stride);
      if (hasPriorTerm) objective += logPriorDensity(s, 0, w1);
      normalizeWorkers(s, 0, w1);
      normalizePriors(s);
      awaitHelpers(ctl, T - 1);
      if (hasPriorTerm) for (let t = 1; t < T; t++) objective += sums[T - 1 + t - 1]!;
      return objective;
    },
    end() {
      if (job !== undefined) startPhase(job.ctl, STOP);
    },
  };
}

/** counts[j] += Σ_t acc_t[j] for j in lo … hi−1, threads in order. */
function reduceCounts(counts: Float64Array, acc: Float64Array, lo: number, hi: number, T: number, stride: number): void {
  for (let t = 1; t < T; t++) {
    const base = (t - 1) * stride;
    for (let j = lo; j < hi; j++) counts[j]! += acc[base + j]!;
  }
}

function startPhase(ctl: Int32Array, cmd: number): void {
  Atomics.store(ctl, DONE, 0);
  Atomics.store(ctl, CMD, cmd);
  Atomics.add(ctl, GEN, 1);
  Atomics.notify(ctl, GEN);
}

/** Waits until `helpers` helpers have reported DONE: spins a little, then sleeps on the word. */
function awaitHelpers(ctl: Int32Array, helpers: number): void {
  for (let i = 0; i < SPIN; i++) if (Atomics.load(ctl, DONE) >= helpers) break;
  for (;;) {
    const v = Atomics.load(ctl, DONE);
    if (v >= helpers) break;
    if (Atomics.wait(ctl, DONE, v, HELPER_TIMEOUT_MS) === 'timed-out' && Atomics.load(ctl, DONE) === v) {
      throw new Error(`Dawid–Skene helper threads did not answer within ${HELPER_TIMEOUT_MS} ms`);
    }
  }
  if (Atomics.load(ctl, FAILED) !== 0) throw new Error('a Dawid–Skene helper thread failed');
}

/**
 * The loop of helper thread t (1 ≤ t < job.threads): waits for a phase, runs its share (sweep its items into its
 * accumulators, or the M-step of its workers), reports, and returns when thread 0 says stop. Never throws: a
 * failure sets the FAILED word, which thread 0 turns into an error.
 */
export function runDawidSkeneHelper(job: DawidSkeneJob, t: number): void {
  const { ctl, itemBounds, workerBounds, nClasses: K, threads: T, sums } = job;
  const lo = itemBounds[t]!;
  const hi = itemBounds[t + 1]!;
  const w0 = workerBounds[t]!;
  const w1 = workerBounds[t + 1]!;
  const WKK = job.theta.length;
  const stride = WKK + K;
  const counts = job.acc.subarray((t - 1) * stride, (t - 1) * stride + WKK);
  const priorCounts = job.acc.subarray((t - 1) * stride + WKK, t * stride);
  const start = job.start.subarray(lo);
  const gold = job.gold.subarray(lo);
  const post = job.post.subarray(lo * K);
  const r = new Float64Array(K);
  // The state as the M-step functions see it; `counts` is thread 0's, which holds the reduced counts.
  const state: EmState = {
    nItems: job.nItems,
    nWorkers: job.nWorkers,
    K,
    start: job.start,
    cell: job.cell,
    gold: job.gold,
    theta: job.theta,
    pi: job.pi,
    post: job.post,
    counts: job.counts,
    priorCounts,
    pooled: job.pooled,
    r,
    a: job.a,
    ad: job.ad,
    ap: job.ap,
    b: job.b,
  };
  const hasPriorTerm = job.a > 0 || job.ad > 0 || job.ap > 0 || job.b > 0;
  let seen = 0; // GEN of a fresh job starts at 0; thread 0 may have started phase 1 already
  for (;;) {
    // Wait for the next phase (spin first: phases follow each other within milliseconds).
    let g = Atomics.load(ctl, GEN);
    for (let i = 0; i < SPIN && g === seen; i++) g = Atomics.load(ctl, GEN);
    while (g === seen) {
      Atomics.wait(ctl, GEN, seen);
      g = Atomics.load(ctl, GEN);
    }
    seen = g;
    const cmd = Atomics.load(ctl, CMD);
    if (cmd === STOP) return;
    try {
      if (cmd === SWEEP) {
        counts.fill(0);
        priorCounts.fill(0);
        sums[t - 1] = sweep(hi - lo, K, start, job.cell, gold, job.theta, job.pi, post, counts, priorCounts, r);
      } else {
        reduceCounts(job.counts, job.acc, w0 * K * K, w1 * K * K, T, stride);
        sums[T - 1 + t - 1] = hasPriorTerm ? logPriorDensity(state, w0, w1) : 0;
        normalizeWorkers(state, w0, w1);
      }
    } catch {
      Atomics.store(ctl, FAILED, 1);
    }
    if (Atomics.add(ctl, DONE, 1) + 1 === T - 1) Atomics.notify(ctl, DONE);
  }
}
