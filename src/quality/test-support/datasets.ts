/**
 * Test-only helper (never imported by the library): loads the public crowdsourcing data sets (see
 * `test/fixtures/datasets/README.md`, a copy of the shared folder kept in the repository so a clean clone tests on them) into
 * `Observations`. The folder is `$ASSAY_DATASETS` when set (other data sets of the same layout), otherwise
 * `<repo>/test/fixtures/datasets`, with the repository root found from this file's location.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { createEncoder, type EncodedObservations } from '../encode.js';

export const CATEGORICAL_DATASETS = ['rte', 'temp', 'dog', 'product'] as const;
export type CategoricalDataset = (typeof CATEGORICAL_DATASETS)[number];

/** Absolute path of the data-set folder. */
export function datasetsDir(): string {
  const env = process.env.ASSAY_DATASETS;
  if (env) return resolve(env);
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  return resolve(repo, 'test', 'fixtures', 'datasets');
}

/** Whether the data sets are available (tests skip, loudly, when they are not). */
export function hasDatasets(): boolean {
  return existsSync(join(datasetsDir(), 'rte', 'labels.csv'));
}

function readRows(path: string): string[][] {
  const rows = parse(readFileSync(path, 'utf8'), { from_line: 2, skip_empty_lines: true }) as string[][];
  return rows;
}

/** A categorical data set with its gold answers as class indices (−1 where absent). */
export interface LoadedDataset extends EncodedObservations {
  readonly gold: Int32Array;
}

/** Loads `name/labels.csv` and `name/gold.csv`. */
export function loadCategorical(name: string): LoadedDataset {
  const dir = join(datasetsDir(), name);
  const enc = createEncoder();
  for (const [task, worker, label] of readRows(join(dir, 'labels.csv'))) enc.add(task!, worker!, label!);
  const goldRows = readRows(join(dir, 'gold.csv'));
  for (const [task, label] of goldRows) {
    enc.addItem(task!);
    enc.addClass(label!);
  }
  const encoded = enc.finish();
  const itemIndex = new Map(encoded.itemIds.map((id, i) => [id, i]));
  const classIndex = new Map(encoded.classIds.map((id, k) => [id, k]));
  const gold = new Int32Array(encoded.obs.nItems).fill(-1);
  for (const [task, label] of goldRows) gold[itemIndex.get(task!)!] = classIndex.get(label!)!;
  return { ...encoded, gold };
}

/** Fraction of items with gold whose label equals the gold class. */
export function accuracy(labels: Int32Array, gold: Int32Array): number {
  let right = 0;
  let total = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i]! < 0) continue;
    total++;
    if (labels[i] === gold[i]) right++;
  }
  return right / total;
}

/** Numeric data set (`emotion`): judgments as numbers with item and worker indices, and gold per item. */
export interface NumericDataset {
  readonly item: Int32Array;
  readonly worker: Int32Array;
  readonly value: Float64Array;
  readonly nItems: number;
  readonly nWorkers: number;
  readonly gold: Float64Array;
}

export function loadNumeric(name: string): NumericDataset {
  const dir = join(datasetsDir(), name);
  const items = new Map<string, number>();
  const workers = new Map<string, number>();
  const rows = readRows(join(dir, 'labels.csv'));
  const item = new Int32Array(rows.length);
  const worker = new Int32Array(rows.length);
  const value = new Float64Array(rows.length);
  rows.forEach(([t, w, v], o) => {
    if (!items.has(t!)) items.set(t!, items.size);
    if (!workers.has(w!)) workers.set(w!, workers.size);
    item[o] = items.get(t!)!;
    worker[o] = workers.get(w!)!;
    value[o] = Number(v);
  });
  const gold = new Float64Array(items.size).fill(NaN);
  for (const [t, v] of readRows(join(dir, 'gold.csv'))) {
    const i = items.get(t!);
    if (i !== undefined) gold[i] = Number(v);
  }
  return { item, worker, value, nItems: items.size, nWorkers: workers.size, gold };
}
