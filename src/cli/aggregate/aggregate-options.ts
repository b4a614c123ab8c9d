/** What `assay aggregate` accepts; imported by its usage too, so it holds no code that computes. */

export const PAIRWISE_METHODS = ['bt', 'crowdbt'] as const;
export type PairwiseMethod = (typeof PAIRWISE_METHODS)[number];

/** Labels from which `ds` runs on several threads, when asked (below, a thread's start-up and the meetings cost more than they save). */
export const THREADED_DS_MIN_LABELS = 200_000;

export interface AggregateOptions {
  readonly method?: string;
  readonly gold?: string;
  readonly clampGold?: string;
  readonly out?: string;
  readonly maxIter?: number;
  readonly tol?: number;
  readonly seed?: number;
  readonly pairwise?: boolean;
  /** Threads for Dawid–Skene on large inputs (default 1, or every core when the runtime lacks WebAssembly SIMD). */
  readonly threads?: number;
  /** With `clampGold`: calibrate the other tasks' confidences against the gold (default true; `--no-calibrate`). */
  readonly calibrate?: boolean;
}
