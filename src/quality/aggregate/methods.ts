/**
 * The categorical methods by name, with the settings used when a caller (the CLI, a job) asks for one by name.
 * `ds` is the recommended Dawid–Skene variant (see `RECOMMENDED_DS_OPTIONS` and BENCHMARKS.md); `bds` is Bayesian
 * Dawid–Skene with the leave-one-out cavity (`RECOMMENDED_BDS_OPTIONS`), as accurate and with confidences that
 * account for how little is known about each annotator (BENCHMARKS.md "Calibrated confidence").
 */
import type { CategoricalResult, GoldLabels, Observations } from '../types.js';
import { bayesianDawidSkene } from './bayesian-dawid-skene.js';
import { dawidSkene, RECOMMENDED_DS_OPTIONS, type DawidSkeneOptions } from './dawid-skene.js';
import { glad } from './glad.js';
import { mace } from './mace.js';
import { majorityVote } from './majority-vote.js';
import { oneCoinDawidSkene } from './one-coin.js';
import { wawa } from './wawa.js';

export const CATEGORICAL_METHODS = ['mv', 'wawa', 'ds', 'bds', 'onecoin', 'glad', 'mace'] as const;
export type CategoricalMethod = (typeof CATEGORICAL_METHODS)[number];

/** Methods that accept clamped gold answers. */
export const CLAMPING_METHODS: readonly CategoricalMethod[] = ['ds', 'bds', 'onecoin'];

export interface RunOptions {
  readonly maxIter?: number;
  readonly tol?: number;
  readonly seed?: number;
  /** Known answers to clamp (only `ds`, `bds` and `onecoin`). */
  readonly gold?: GoldLabels;
}

/** The Dawid–Skene options `ds` runs with for these settings (the recommended smoothing, the caller's stopping rule and gold). */
export function dsOptions(opts: RunOptions = {}): DawidSkeneOptions {
  return {
    ...RECOMMENDED_DS_OPTIONS,
    ...(opts.maxIter !== undefined && { maxIter: opts.maxIter }),
    ...(opts.tol !== undefined && { tol: opts.tol }),
    ...(opts.gold && { gold: opts.gold }),
  };
}

/** Runs a categorical method by name. */
export function runCategorical(method: CategoricalMethod, obs: Observations, opts: RunOptions = {}): CategoricalResult {
  const it = { ...(opts.maxIter !== undefined && { maxIter: opts.maxIter }), ...(opts.tol !== undefined && { tol: opts.tol }) };
  if (opts.gold !== undefined && !CLAMPING_METHODS.includes(method)) {
    throw new RangeError(`method ${method} does not accept clamped gold answers (use ${CLAMPING_METHODS.join(' or ')})`);
  }
  switch (method) {
    case 'mv':
      return majorityVote(obs);
    case 'wawa':
      return wawa(obs);
    case 'ds':
      return dawidSkene(obs, dsOptions(opts));
    case 'bds':
      return bayesianDawidSkene(obs, { ...it, ...(opts.gold && { gold: opts.gold }) });
    case 'onecoin':
      return oneCoinDawidSkene(obs, { ...it, ...(opts.gold && { gold: opts.gold }) });
    case 'glad':
      return glad(obs, it);
    case 'mace':
      return mace(obs, { ...it, ...(opts.seed !== undefined && { seed: opts.seed }) });
  }
}
