/**
 * What a Dawid–Skene fit takes and gives (`dawid-skene.ts` documents the model), and the one assembly of its result
 * from the final posterior and parameters, shared by the fast fit and the reference implementation.
 */
import { countPerWorker, labelsFromPosterior } from '../observations.js';
import type { CategoricalResult, GoldLabels, IterativeOptions, Observations } from '../types.js';

export interface DawidSkeneOptions extends IterativeOptions {
  /** Dirichlet pseudo-count a added to every confusion-matrix cell (default 0). */
  readonly smoothing?: number;
  /** Extra pseudo-count a_d added to the diagonal cells (default 0). */
  readonly diagonalSmoothing?: number;
  /** Dirichlet pseudo-count a_π added to each class prior (default 0). */
  readonly priorSmoothing?: number;
  /**
   * Strength b of an empirical-Bayes Dirichlet prior centred on the pooled confusion matrix of all workers
   * (default 0): each worker's rows are shrunk towards the crowd's, the more so the fewer judgments they have.
   */
  readonly pooling?: number;
  /**
   * Starting posterior, row-major [item][class] (default: the soft majority vote). Useful to warm-start from a
   * previous fit when a few judgments were added.
   */
  readonly init?: Float64Array;
  /** Known classes (class index, or -1 when unknown), one per item; these items are clamped. */
  readonly gold?: GoldLabels;
}

export interface DawidSkeneResult extends CategoricalResult {
  /** Confusion matrices, row-major [worker][true][given]: P(worker says given | true class). */
  readonly confusion: Float64Array;
  /** Class priors π. */
  readonly priors: Float64Array;
}

/** Builds a `DawidSkeneResult` from the final posterior and parameters (`conf` in [worker][true][given] layout). */
export function assemble(
  obs: Observations,
  post: Float64Array,
  conf: Float64Array,
  priors: Float64Array,
  iterations: number,
  converged: boolean,
  lossHistory: number[],
  method = 'ds',
): DawidSkeneResult {
  const { nItems, nWorkers, nClasses: K } = obs;
  const skill = new Float64Array(nWorkers);
  for (let w = 0; w < nWorkers; w++) {
    let s = 0;
    for (let t = 0; t < K; t++) s += priors[t]! * conf[(w * K + t) * K + t]!;
    skill[w] = s;
  }
  return {
    method,
    nItems,
    nWorkers,
    nClasses: K,
    labels: labelsFromPosterior(post, nItems, K),
    posterior: post,
    workerSkill: skill,
    workerCount: countPerWorker(obs),
    confusion: conf,
    priors,
    iterations,
    converged,
    lossHistory,
  };
}
