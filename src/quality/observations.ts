/**
 * Validation and indexing of `Observations`: checks that indices are in range and builds a by-item index (the
 * judgments sorted by item, in a stable order) that the iterative models scan item by item.
 */
import type { Observations } from './types.js';

/** Judgments grouped by item: the judgments of item `i` are `order[start[i]..start[i+1]-1]`. */
export interface ItemIndex {
  /** Offsets into `order`, length `nItems + 1`. */
  readonly start: Int32Array;
  /** Judgment indices sorted by item (stable: original order within an item). */
  readonly order: Int32Array;
}

/** Throws a `RangeError` naming the first judgment whose item, worker or class index is out of range. */
export function checkObservations(obs: Observations): void {
  const { item, worker, label, nItems, nWorkers, nClasses } = obs;
  const n = item.length;
  if (worker.length !== n || label.length !== n) {
    throw new RangeError(`item, worker and label must have the same length (${n}, ${worker.length}, ${label.length})`);
  }
  if (!(nItems >= 0 && nWorkers >= 0 && nClasses >= 0)) throw new RangeError('counts must be non-negative');
  for (let o = 0; o < n; o++) {
    const i = item[o]!;
    const w = worker[o]!;
    const k = label[o]!;
    if (i < 0 || i >= nItems) throw new RangeError(`judgment ${o}: item ${i} outside 0..${nItems - 1}`);
    if (w < 0 || w >= nWorkers) throw new RangeError(`judgment ${o}: worker ${w} outside 0..${nWorkers - 1}`);
    if (k < 0 || k >= nClasses) throw new RangeError(`judgment ${o}: class ${k} outside 0..${nClasses - 1}`);
  }
}

/** Groups judgments by item with a counting sort, O(n + nItems). */
export function indexByItem(obs: Observations): ItemIndex {
  const { item, nItems } = obs;
  const n = item.length;
  const start = new Int32Array(nItems + 1);
  for (let o = 0; o < n; o++) start[item[o]! + 1]!++;
  for (let i = 0; i < nItems; i++) start[i + 1]! += start[i]!;
  const next = start.slice(0, nItems);
  const order = new Int32Array(n);
  for (let o = 0; o < n; o++) order[next[item[o]!]!++] = o;
  return { start, order };
}

/** Number of judgments per worker. */
export function countPerWorker(obs: Observations): Int32Array {
  const c = new Int32Array(obs.nWorkers);
  for (let o = 0; o < obs.worker.length; o++) c[obs.worker[o]!]!++;
  return c;
}

/** Index of the largest entry of `row[off..off+k-1]`, ties to the lowest index; -1 when k is 0. */
export function argmaxRow(row: Float64Array, off: number, k: number): number {
  let best = -1;
  let bestV = -Infinity;
  for (let c = 0; c < k; c++) {
    const v = row[off + c]!;
    if (v > bestV) {
      bestV = v;
      best = c;
    }
  }
  return k > 0 && best < 0 ? 0 : best;
}

/** Labels (argmax per row) of a row-major posterior. */
export function labelsFromPosterior(post: Float64Array, nItems: number, k: number): Int32Array {
  const labels = new Int32Array(nItems);
  for (let i = 0; i < nItems; i++) labels[i] = argmaxRow(post, i * k, k);
  return labels;
}
