/**
 * Maps external string identifiers (task, worker, label) to the dense indices the models use, and back.
 * Items and workers are numbered in order of first appearance; classes are numbered in a canonical order
 * (numerically when every label is a finite number, otherwise by code unit order), so that class indices, and
 * therefore tie-breaking, do not depend on the order of the rows.
 */
import type { Observations } from './types.js';

/** Observations together with the identifiers behind each index. */
export interface EncodedObservations {
  readonly obs: Observations;
  readonly itemIds: readonly string[];
  readonly workerIds: readonly string[];
  readonly classIds: readonly string[];
}

/** Incremental encoder: feed rows with `add`, then call `finish` once. */
export interface Encoder {
  /** Adds one judgment. */
  add(item: string, worker: string, label: string): void;
  /** Registers an item that may have no judgments (e.g. a gold item); returns its index. */
  addItem(item: string): number;
  /** Registers a class that may never be given (e.g. present only in gold); returns nothing, as indices change at `finish`. */
  addClass(label: string): void;
  /** Number of judgments added so far. */
  readonly size: number;
  /** Builds the observations; the encoder must not be used afterwards. */
  finish(): EncodedObservations;
}

/** Creates an encoder; `capacity` is a hint of the number of judgments to come. */
export function createEncoder(capacity = 1024): Encoder {
  const items = new Map<string, number>();
  const workers = new Map<string, number>();
  const rawClasses = new Map<string, number>();
  const itemIds: string[] = [];
  const workerIds: string[] = [];
  const rawClassIds: string[] = [];
  let cap = Math.max(16, capacity);
  let item: Int32Array = new Int32Array(cap);
  let worker: Int32Array = new Int32Array(cap);
  let label: Int32Array = new Int32Array(cap);
  let n = 0;
  // Judgments usually come grouped by item: remembering the last item saves a hash lookup per row.
  let lastItemId: string | undefined;
  let lastItem = -1;
  const addItem = (id: string): number => {
    if (id === lastItemId) return lastItem;
    let i = items.get(id);
    if (i === undefined) {
      i = itemIds.length;
      items.set(id, i);
      itemIds.push(id);
    }
    lastItemId = id;
    lastItem = i;
    return i;
  };
  const addClass = (id: string): number => {
    let k = rawClasses.get(id);
    if (k === undefined) {
      k = rawClassIds.length;
      rawClasses.set(id, k);
      rawClassIds.push(id);
    }
    return k;
  };
  return {
    get size() {
      return n;
    },
    addItem,
    addClass(id: string) {
      addClass(id);
    },
    add(it: string, wk: string, lb: string) {
      if (n === cap) {
        cap *= 2;
        item = grow(item, cap);
        worker = grow(worker, cap);
        label = grow(label, cap);
      }
      item[n] = addItem(it);
      let w = workers.get(wk);
      if (w === undefined) {
        w = workerIds.length;
        workers.set(wk, w);
        workerIds.push(wk);
      }
      worker[n] = w;
      label[n] = addClass(lb);
      n++;
    },
    finish() {
      const classIds = sortClassIds(rawClassIds);
      const rank = new Int32Array(rawClassIds.length);
      const pos = new Map(classIds.map((c, k) => [c, k]));
      rawClassIds.forEach((c, k) => (rank[k] = pos.get(c)!));
      const lab = label.subarray(0, n);
      for (let o = 0; o < n; o++) lab[o] = rank[lab[o]!]!;
      return {
        obs: {
          item: item.subarray(0, n),
          worker: worker.subarray(0, n),
          label: lab,
          nItems: itemIds.length,
          nWorkers: workerIds.length,
          nClasses: classIds.length,
        },
        itemIds,
        workerIds,
        classIds,
      };
    },
  };
}

/** Encodes parallel arrays of string ids in one call. */
export function encodeTriples(items: readonly string[], workers: readonly string[], labels: readonly string[]): EncodedObservations {
  const enc = createEncoder(items.length);
  for (let o = 0; o < items.length; o++) enc.add(items[o]!, workers[o]!, labels[o]!);
  return enc.finish();
}

/**
 * Canonical class order: numeric ascending when every id parses as a finite number (so "2" < "10"),
 * otherwise by UTF-16 code units (locale-independent).
 */
export function sortClassIds(ids: readonly string[]): string[] {
  const numeric = ids.length > 0 && ids.every((s) => s.trim() !== '' && Number.isFinite(Number(s)));
  const out = [...ids];
  if (numeric) out.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  else out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return out;
}

function grow(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
