/**
 * Multi-label aggregation by binary relevance: each of the L labels is aggregated on its own, as a two-class problem
 * "present / absent", with any categorical method.
 *
 * Model: the labels are treated as independent given the item (Zhang & Zhou, "A Review on Multi-Label Learning
 * Algorithms", IEEE TKDE 26(8):1819–1837, 2014, doi:10.1109/TKDE.2013.39, §3.1.1; Crowd-Kit's
 * `BinaryRelevance`). A judgment that does not select label ℓ is a vote for "absent", so every judgment gives one
 * binary answer per label. With Dawid–Skene per label, each worker gets a 2 × 2 confusion matrix per label (their
 * own sensitivity and specificity for it). Cost: L times the cost of the binary method.
 */
import type { CategoricalResult, Observations } from '../types.js';
import { runCategorical, type CategoricalMethod, type RunOptions } from './methods.js';

/** Multi-label judgments: one row per (item, worker) judgment, with the selected labels as a dense 0/1 matrix. */
export interface MultiLabelObservations {
  readonly item: Int32Array;
  readonly worker: Int32Array;
  /** Row-major [judgment][label]: 1 when the judgment selects the label. */
  readonly selected: Uint8Array;
  readonly nItems: number;
  readonly nWorkers: number;
  readonly nLabels: number;
}

export interface MultiLabelResult {
  readonly method: CategoricalMethod;
  /** Posterior probability that each label applies, row-major [item][label]. */
  readonly probability: Float64Array;
  /** Decision per item and label (probability > threshold), row-major. */
  readonly present: Uint8Array;
  /** The binary fit behind each label. */
  readonly perLabel: readonly CategoricalResult[];
}

/** Aggregates each label as a binary question with `method` (default `ds`); `threshold` defaults to 0.5. */
export function aggregateMultiLabel(
  obs: MultiLabelObservations,
  method: CategoricalMethod = 'ds',
  opts: RunOptions & { readonly threshold?: number } = {},
): MultiLabelResult {
  const { item, worker, selected, nItems, nWorkers, nLabels: L } = obs;
  const n = item.length;
  if (worker.length !== n || selected.length !== n * L) throw new RangeError('item, worker and selected sizes disagree');
  const threshold = opts.threshold ?? 0.5;
  const probability = new Float64Array(nItems * L);
  const present = new Uint8Array(nItems * L);
  const perLabel: CategoricalResult[] = [];
  for (let l = 0; l < L; l++) {
    const label = new Int32Array(n);
    for (let o = 0; o < n; o++) label[o] = selected[o * L + l] ? 1 : 0;
    const binary: Observations = { item, worker, label, nItems, nWorkers, nClasses: 2 };
    const r = runCategorical(method, binary, opts);
    perLabel.push(r);
    for (let i = 0; i < nItems; i++) {
      const p = r.posterior[i * 2 + 1]!;
      probability[i * L + l] = p;
      present[i * L + l] = p > threshold ? 1 : 0;
    }
  }
  return { method, probability, present, perLabel };
}
