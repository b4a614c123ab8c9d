/**
 * Shared data types of the quality engine.
 *
 * Observations are dense and integer-coded: item, worker and class identifiers are indices `0..n-1`, and one
 * observation is one judgment "worker `w` gave item `i` the label `k`". Mapping external string ids to indices is
 * done once, outside the models (see `encode.ts`), so every model works on typed arrays only.
 */

/** A set of categorical judgments, one entry per judgment, stored column-wise. */
export interface Observations {
  /** Item index of each judgment, in `0..nItems-1`. */
  readonly item: Int32Array;
  /** Worker (annotator) index of each judgment, in `0..nWorkers-1`. */
  readonly worker: Int32Array;
  /** Class index given, in `0..nClasses-1`. */
  readonly label: Int32Array;
  readonly nItems: number;
  readonly nWorkers: number;
  readonly nClasses: number;
}

/** Known true classes for some items (gold answers): `gold[i]` is a class index, or -1 when unknown. */
export type GoldLabels = Int32Array;

/** What every categorical aggregation method returns. */
export interface CategoricalResult {
  /** Short name of the method that produced the result, e.g. `ds`. */
  readonly method: string;
  readonly nItems: number;
  readonly nWorkers: number;
  readonly nClasses: number;
  /** Most probable class per item (ties to the lowest index); -1 only when `nClasses` is 0. */
  readonly labels: Int32Array;
  /** Posterior probability of each class per item, row-major `[item][class]`; each row sums to 1. */
  readonly posterior: Float64Array;
  /** Estimated probability that each worker answers correctly (for confusion models: prior-weighted diagonal). */
  readonly workerSkill: Float64Array;
  /** Number of judgments per worker, the sample size behind `workerSkill`. */
  readonly workerCount: Int32Array;
  /** Iterations run (0 for one-pass methods). */
  readonly iterations: number;
  /** Whether the stopping rule was met before the iteration cap (true for one-pass methods). */
  readonly converged: boolean;
  /** Objective (log-likelihood or log-posterior) after each iteration, when the method has one. */
  readonly lossHistory: readonly number[];
}

/** Options shared by the iterative methods. */
export interface IterativeOptions {
  /** Iteration cap (default 100). */
  readonly maxIter?: number;
  /** Stop when the objective changes by less than this per judgment between iterations (default 1e-6). */
  readonly tol?: number;
}
