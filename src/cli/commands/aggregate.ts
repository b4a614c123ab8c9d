/**
 * `assay aggregate LABELS.csv`: the quality engine on a CSV of judgments, without a database.
 *
 * Reads `task,worker,label` rows (header required, columns in any order, extra columns ignored), aggregates them
 * with one of the categorical methods (default `bds`, Bayesian Dawid–Skene, whose confidences account for how
 * little is known about each annotator; `ds` is the classic one) and writes `task,label,confidence` to `--out` or
 * stdout. `--gold` prints the accuracy against known answers with its Wilson 95% interval and n; `--clamp-gold` uses
 * known answers as fixed (`bds`, `ds` and `onecoin`) and, unless `--no-calibrate`, calibrates the other tasks'
 * confidences against them, cross-fitted so that no gold task calibrates itself (`quality/aggregate/calibrated.ts`).
 * stderr names what the confidences rest on: "calibrated on N gold items" or "model-based, not calibrated" and why.
 * `--pairwise` reads `task,worker,left,right,winner` and writes Bradley–Terry (or Crowd-BT) scores with standard
 * errors.
 *
 * Bad input gets one message naming the file and line on stderr and exit code 2, and no output file is written
 * (output goes to a temporary file renamed into place only after success).
 *
 * Reading: a file of up to `TEXT_READ_MAX_BYTES` without any double quote — no quoted field, so every line is one
 * record — is read whole and parsed by d3-dsv's `csvParseRows`; any other file is streamed through csv-parse. Both
 * are RFC 4180 parsers; d3-dsv is ≈ 5× faster here (0.4 s against 1.8–3.8 s for 1M rows, see BENCHMARKS.md) but
 * lenient with malformed quotes, which csv-parse reports with their line. Either way each record is encoded as it
 * arrives, so memory holds integer columns and the text, not rows of strings. Output is formatted by d3-dsv's
 * `csvFormatRows` (the same bytes as csv-stringify, ≈ 3× faster). Dawid–Skene runs on one thread with its sweep in
 * WebAssembly SIMD; `--threads N` splits it over N threads (`DawidSkeneThreads`, JavaScript sweep), with the same
 * result up to rounding, which pays off only without WebAssembly or with more than 6 classes.
 */
import { createReadStream, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { CsvError, parse } from 'csv-parse';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { invalid, isAssayError, type AssayError } from '../../core/errors.js';
import { DawidSkeneThreads } from '../../threads/dawid-skene-threads.js';
import { hasWasmSweep } from '../../quality/aggregate/dawid-skene-wasm.js';
import { CATEGORICAL_METHODS, CLAMPING_METHODS, dsOptions, runCategorical, type CategoricalMethod } from '../../quality/aggregate/methods.js';
import { calibratedFit, MIN_CALIBRATION_GOLD } from '../../quality/aggregate/calibrated.js';
import type { CategoricalResult, GoldLabels, Observations } from '../../quality/types.js';
import { createEncoder, type Encoder } from '../../quality/encode.js';
import { bradleyTerry } from '../../quality/pairwise/bradley-terry.js';
import { crowdBt } from '../../quality/pairwise/crowd-bt.js';
import type { PairwiseResult } from '../../quality/pairwise/types.js';
import { wilsonInterval } from '../../quality/stats/wilson.js';

/** Where a command writes; `process` streams in production, string sinks in tests. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };

/** Rows above which a progress bar is shown (when stderr is a terminal). */
export const PROGRESS_THRESHOLD_ROWS = 100_000;

/** Files up to this size without quotes are read whole and parsed by d3-dsv; larger ones are streamed. */
export const TEXT_READ_MAX_BYTES = 256 * 1024 * 1024;

/** Labels from which `ds` runs on several threads, when asked (below, a thread's start-up and the meetings cost more than they save). */
export const THREADED_DS_MIN_LABELS = 200_000;

/** File size from which the threads for `ds` are started while the file is read (200,000 rows of 10 bytes). */
const THREADED_DS_START_BYTES = 2_000_000;

/** Output rows formatted at a time. */
const FORMAT_BLOCK_ROWS = 4096;

export const PAIRWISE_METHODS = ['bt', 'crowdbt'] as const;
export type PairwiseMethod = (typeof PAIRWISE_METHODS)[number];

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

/** An input error at a place in a file: reported as `FILE:LINE: message`. */
export function inputError(file: string, line: number | undefined, message: string): AssayError {
  const where = line === undefined ? file : `${file}:${line}`;
  return invalid(`${where}: ${message}`, line === undefined ? 'file' : `line ${line}`, { file, line });
}

/** Which parser `scanCsv` uses: `auto` (see the file comment) or always the csv-parse stream. */
export type CsvReader = 'auto' | 'stream';

/**
 * Reads a CSV file, checks its header names the `columns`, and calls `onRow` with those columns' values (in the
 * order of `columns`; the array is reused between calls) and the line number. Returns the number of data rows.
 * Fails with `inputError` on a missing file, an empty file, a missing header, a row with the wrong number of fields
 * and an empty value in a column listed in `required`. Empty lines are skipped; a leading byte-order mark is dropped.
 */
export async function scanCsv(
  file: string,
  columns: readonly string[],
  onRow: (values: string[], line: number) => void,
  opts: { readonly required?: readonly string[]; readonly io?: CliIo; readonly reader?: CsvReader } = {},
): Promise<number> {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw inputError(file, undefined, 'cannot read the file (no such file)');
  }
  if (size === 0) throw inputError(file, undefined, `empty file; expected a header ${columns.join(',')}`);
  const checker = new RowChecker(file, columns, opts.required ?? columns, onRow, opts.io ?? processIo, size);
  try {
    let text: string | undefined;
    if ((opts.reader ?? 'auto') === 'auto' && size <= TEXT_READ_MAX_BYTES) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (err) {
        throw inputError(file, undefined, `cannot read the file (${err instanceof Error ? err.message : String(err)})`);
      }
      // ASCII text decodes as Latin-1, a plain copy (≈ 3 × faster than UTF-8 decoding, which validates).
      if (bytes.indexOf(0x22) < 0) text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    }
    if (text !== undefined) parseText(text, checker);
    else await parseStream(file, checker);
  } finally {
    checker.stopBar();
  }
  if (!checker.hasHeader) throw inputError(file, undefined, `empty file; expected a header ${columns.join(',')}`);
  return checker.rows;
}

/** Checks the header and each record, tracks line numbers for messages, and feeds `onRow`. */
class RowChecker {
  hasHeader = false;
  headerLength = 0;
  rows = 0;
  private index: number[] = [];
  private readonly values: string[];
  private readonly isRequired: boolean[];
  private bar: cliProgress.SingleBar | undefined;

  constructor(
    readonly file: string,
    private readonly columns: readonly string[],
    required: readonly string[],
    private readonly onRow: (values: string[], line: number) => void,
    private readonly io: CliIo,
    private readonly size: number,
  ) {
    this.values = new Array<string>(columns.length).fill('');
    this.isRequired = columns.map((c) => required.includes(c));
  }

  /** One record ending on `line`; `position()` gives the bytes read so far, for the progress bar. */
  record(record: string[], line: number, position: () => number): void {
    const { columns, file } = this;
    if (!this.hasHeader) {
      const names = record.map((h) => h.trim());
      const missing = columns.filter((c) => !names.includes(c));
      if (missing.length > 0) {
        throw inputError(file, line, `missing header: expected columns ${columns.join(',')}, found ${record.join(',')}`);
      }
      this.index = columns.map((c) => names.indexOf(c));
      this.headerLength = record.length;
      this.hasHeader = true;
      return;
    }
    if (record.length !== this.headerLength) throw this.fieldCountError(line, record.length);
    const { values, index, isRequired } = this;
    for (let c = 0; c < columns.length; c++) {
      const v = record[index[c]!]!;
      if (v === '' && isRequired[c]) throw inputError(file, line, `empty ${columns[c]}`);
      values[c] = v;
    }
    this.onRow(values, line);
    const rows = ++this.rows;
    if (rows >= PROGRESS_THRESHOLD_ROWS && (rows === PROGRESS_THRESHOLD_ROWS || (rows & 0x3fff) === 0) && this.io.stderr.isTTY) {
      this.bar ??= startBar(this.io, this.size);
      this.bar.update(Math.min(this.size, position()));
    }
  }

  fieldCountError(line: number | undefined, fields: number | undefined): AssayError {
    return inputError(this.file, line, `wrong number of fields: the header has ${this.headerLength}, this row ${fields ?? 'a different number'}`);
  }

  stopBar(): void {
    if (this.bar) {
      this.bar.update(this.size);
      this.bar.stop();
    }
  }
}

/**
 * The whole text, which has no double quote: d3-dsv yields one record per line (an empty line as one empty field),
 * so record i is on line i + 1.
 */
function parseText(text: string, checker: RowChecker): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 0;
  let totalLines = 0;
  // Bytes read so far, estimated from the line reached (only called when a progress bar is shown).
  const position = () => {
    if (totalLines === 0) for (let p = body.indexOf('\n'); ; p = body.indexOf('\n', p + 1)) if ((totalLines++, p < 0)) break;
    return Math.round((line / totalLines) * body.length);
  };
  csvParseRows(body, (record, i) => {
    line = i + 1;
    if (record.length === 1 && record[0] === '') return null; // an empty line
    checker.record(record, line, position);
    return null;
  });
}

/**
 * Streams the file through csv-parse, in flowing mode: csv-parse emits each record synchronously while it parses,
 * so `parser.info.lines` is the line on which the record ends. ('data' events are about three times faster than
 * csv-parse's `on_record` hook here.)
 */
async function parseStream(file: string, checker: RowChecker): Promise<void> {
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true });
  const position = () => input.bytesRead;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      input.destroy();
      parser.destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    parser.on('data', (record: string[]) => {
      if (failed) return;
      try {
        checker.record(record, parser.info.lines, position);
      } catch (err) {
        fail(err);
      }
    });
    parser.on('error', (err) => fail(translateCsvError(err, checker)));
    parser.on('end', () => {
      if (!failed) resolve();
    });
    input.on('error', (err) => fail(inputError(file, undefined, `cannot read the file (${err.message})`)));
    input.pipe(parser);
  });
}

function startBar(io: CliIo, total: number): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    { stream: io.stderr as NodeJS.WriteStream, format: 'reading [{bar}] {percentage}% | {value}/{total} bytes', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

function translateCsvError(err: unknown, checker: RowChecker): unknown {
  if (isAssayError(err)) return err;
  if (err instanceof CsvError) {
    const line = (err as CsvError & { lines?: number }).lines;
    if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
      return checker.fieldCountError(line, (err as CsvError & { record?: unknown[] }).record?.length);
    }
    return inputError(checker.file, line, err.message);
  }
  return err;
}

/** CSV text of `rows`, one line per row, each ended by a newline; fields quoted only when needed. */
function formatCsv(rows: readonly string[][]): string {
  return csvFormatRows(rows as string[][]) + '\n';
}

/** Writes `text` to `out` atomically (temp file, then rename), or to stdout when `out` is undefined. */
function writeOutput(text: string, out: string | undefined, io: CliIo): void {
  if (out === undefined) {
    io.stdout.write(text);
    return;
  }
  const tmp = `${out}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Formats a number with 6 significant digits, without exponent noise for round values: `String(Number(
 * p.toPrecision(6)))`. A confidence from 0.1 to 1 (nearly all of them) takes a shortcut ≈ 8 × faster, with the same
 * result: there 6 significant digits are 6 decimals k/10⁶, k = p·10⁶ rounded (computed within 2e-10 of the exact
 * product, so any p not within 1e-6 of a tie rounds the way `toPrecision` does, and near-ties take the long way),
 * and the shortest decimal of the double nearest k/10⁶ is k's digits themselves, trailing zeros dropped.
 */
export function formatProbability(p: number): string {
  if (p >= 0.1 && p < 1) {
    const x = p * 1e6;
    const f = Math.floor(x);
    const frac = x - f;
    if (Math.abs(frac - 0.5) > 1e-6) {
      let k = frac > 0.5 ? f + 1 : f;
      if (k === 1e6) return '1';
      while (k % 10 === 0) k /= 10;
      return `0.${k}`;
    }
  }
  return String(Number(p.toPrecision(6)));
}

function parseMethod(method: string | undefined, pairwise: boolean): CategoricalMethod | PairwiseMethod {
  const allowed: readonly string[] = pairwise ? PAIRWISE_METHODS : CATEGORICAL_METHODS;
  const m = method ?? (pairwise ? 'bt' : 'bds');
  if (!allowed.includes(m)) throw invalid(`--method must be one of ${allowed.join(', ')}${pairwise ? ' with --pairwise' : ''}`, 'method');
  return m as CategoricalMethod | PairwiseMethod;
}

function checkNumbers(opts: AggregateOptions): void {
  if (opts.maxIter !== undefined && !(Number.isInteger(opts.maxIter) && opts.maxIter >= 0)) {
    throw invalid('--max-iter must be an integer ≥ 0', 'max-iter');
  }
  if (opts.tol !== undefined && !(opts.tol >= 0)) throw invalid('--tol must be a number ≥ 0', 'tol');
  if (opts.seed !== undefined && !Number.isInteger(opts.seed)) throw invalid('--seed must be an integer', 'seed');
  if (opts.threads !== undefined && !(Number.isInteger(opts.threads) && opts.threads >= 1)) {
    throw invalid('--threads must be an integer ≥ 1', 'threads');
  }
}

/** Runs `assay aggregate`; returns the exit code (0, 2 for bad input, 1 otherwise) and reports errors on stderr. */
export async function runAggregate(file: string, opts: AggregateOptions = {}, io: CliIo = processIo): Promise<number> {
  try {
    checkNumbers(opts);
    if (opts.pairwise) {
      const method = parseMethod(opts.method, true) as PairwiseMethod;
      if (opts.gold || opts.clampGold) throw invalid('--gold and --clamp-gold do not apply to --pairwise', 'pairwise');
      await aggregatePairwise(file, method, opts, io);
    } else {
      const method = parseMethod(opts.method, false) as CategoricalMethod;
      if (opts.clampGold && !CLAMPING_METHODS.includes(method)) {
        throw invalid(`--clamp-gold needs --method ${CLAMPING_METHODS.join(' or ')}`, 'clamp-gold');
      }
      await aggregateCategorical(file, method, opts, io);
    }
    return 0;
  } catch (err) {
    return reportFailure(err, io);
  }
}

/** Prints `assay aggregate: message` and returns the exit code for the error. */
export function reportFailure(err: unknown, io: CliIo, command = 'aggregate'): number {
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`assay ${command}: ${message}\n`);
  return isAssayError(err) && err.code === 'invalid' ? 2 : 1;
}

async function readGold(file: string, io: CliIo): Promise<Map<string, string>> {
  const gold = new Map<string, string>();
  await scanCsv(
    file,
    ['task', 'label'],
    ([task, label], line) => {
      const prev = gold.get(task!);
      if (prev !== undefined && prev !== label) throw inputError(file, line, `task ${task} has two gold labels (${prev}, ${label})`);
      gold.set(task!, label!);
    },
    { io },
  );
  return gold;
}

async function aggregateCategorical(file: string, method: CategoricalMethod, opts: AggregateOptions, io: CliIo): Promise<void> {
  const enc = createEncoder(1 << 16);
  // Dawid–Skene on a large file: start the helper threads now, so they load while the file is parsed. By default
  // only when the WebAssembly sweep is missing: one thread with it is as fast as the JavaScript sweep on two cores
  // here, without the threads' start-up and memory (BENCHMARKS.md).
  const count = opts.threads ?? (hasWasmSweep() ? 1 : availableParallelism());
  const threads = method === 'ds' && count > 1 && fileSize(file) >= THREADED_DS_START_BYTES ? startThreads(count) : undefined;
  try {
    await scanCsv(file, ['task', 'worker', 'label'], ([task, worker, label]) => enc.add(task!, worker!, label!), { io });
    await aggregateEncoded(enc, method, opts, io, threads);
  } finally {
    void threads?.then((t) => t?.close());
  }
}

async function aggregateEncoded(
  enc: Encoder,
  method: CategoricalMethod,
  opts: AggregateOptions,
  io: CliIo,
  threads: Promise<DawidSkeneThreads | undefined> | undefined,
): Promise<void> {
  const goldForScore = opts.gold ? await readGold(opts.gold, io) : undefined;
  const clamp = opts.clampGold ? await readGold(opts.clampGold, io) : undefined;
  // Classes named only in the clamped gold still get an index; gold items without judgments stay out of the output.
  if (clamp) for (const label of clamp.values()) enc.addClass(label);
  const encoded = enc.finish();
  const { obs, itemIds, classIds } = encoded;
  let goldIdx: Int32Array | undefined;
  if (clamp) {
    const classIndex = new Map(classIds.map((c, k) => [c, k]));
    goldIdx = new Int32Array(obs.nItems).fill(-1);
    for (let i = 0; i < obs.nItems; i++) {
      const g = clamp.get(itemIds[i]!);
      if (g !== undefined) goldIdx[i] = classIndex.get(g)!;
    }
  }
  const runOpts = {
    ...(opts.maxIter !== undefined && { maxIter: opts.maxIter }),
    ...(opts.tol !== undefined && { tol: opts.tol }),
    ...(opts.seed !== undefined && { seed: opts.seed }),
    ...(goldIdx && { gold: goldIdx }),
  };
  const team = method === 'ds' && obs.label.length >= THREADED_DS_MIN_LABELS ? await threads : undefined;
  const fit = (o: Observations, gold: GoldLabels | undefined): CategoricalResult => {
    const r = { ...runOpts, ...(gold && { gold }) };
    return team ? team.fit(o, dsOptions(r)) : runCategorical(method, o, r);
  };
  let result: CategoricalResult;
  let basis: string;
  if (goldIdx && opts.calibrate !== false) {
    const c = calibratedFit(obs, goldIdx, fit, opts.seed !== undefined ? { seed: opts.seed } : {});
    result = c.result;
    basis =
      c.basis.kind === 'calibrated'
        ? `calibrated on ${c.basis.nGold} gold items (cross-fitted, ${Math.min(10, c.basis.nGold)} folds)`
        : `model-based, not calibrated (${c.basis.nGold} gold items judged, fewer than ${MIN_CALIBRATION_GOLD})`;
  } else {
    result = fit(obs, goldIdx);
    basis = `model-based, not calibrated (${goldIdx ? '--no-calibrate' : 'no --clamp-gold'})`;
  }
  const K = obs.nClasses;
  // Formatted a block of rows at a time: the row arrays die young instead of all surviving to one big format call
  // (which made the garbage collector copy 200,000 of them on 1M labels, ≈ 40 ms).
  const blocks: string[] = [formatCsv([['task', 'label', 'confidence']])];
  for (let i0 = 0; i0 < obs.nItems; i0 += FORMAT_BLOCK_ROWS) {
    const rows: string[][] = [];
    for (let i = i0; i < Math.min(obs.nItems, i0 + FORMAT_BLOCK_ROWS); i++) {
      const k = result.labels[i]!;
      rows.push([itemIds[i]!, classIds[k]!, formatProbability(result.posterior[i * K + k]!)]);
    }
    blocks.push(formatCsv(rows));
  }
  writeOutput(blocks.join(''), opts.out, io);
  io.stderr.write(`confidence: ${basis}, method ${method}\n`);
  if (goldForScore) {
    let right = 0;
    let n = 0;
    for (let i = 0; i < obs.nItems; i++) {
      const g = goldForScore.get(itemIds[i]!);
      if (g === undefined) continue;
      n++;
      if (classIds[result.labels[i]!] === g) right++;
    }
    const ci = wilsonInterval(right, n);
    const pct = (x: number) => x.toFixed(4);
    io.stderr.write(
      `accuracy ${n > 0 ? pct(ci.estimate) : 'n/a'} (95% Wilson interval ${pct(ci.lower)}–${pct(ci.upper)}, n = ${n}) ` +
        `against ${opts.gold}, method ${method}${clamp ? '; clamped gold items count too, so this is optimistic' : ''}\n`,
    );
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Starts the Dawid–Skene threads; resolves to undefined when they cannot start (one thread is then used). */
async function startThreads(count: number): Promise<DawidSkeneThreads | undefined> {
  try {
    return await DawidSkeneThreads.start(count);
  } catch {
    return undefined;
  }
}

async function aggregatePairwise(file: string, method: PairwiseMethod, opts: AggregateOptions, io: CliIo): Promise<void> {
  const objects = new Map<string, number>();
  const objectTask: string[] = [];
  const objectId: string[] = [];
  const workers = new Map<string, number>();
  const left: number[] = [];
  const right: number[] = [];
  const outcome: number[] = [];
  const worker: number[] = [];
  // Objects are keyed by task, so response ids that repeat across tasks stay distinct.
  const objectIndex = (task: string, id: string): number => {
    const key = `${task}\u0000${id}`;
    let k = objects.get(key);
    if (k === undefined) {
      k = objectTask.length;
      objects.set(key, k);
      objectTask.push(task);
      objectId.push(id);
    }
    return k;
  };
  await scanCsv(
    file,
    ['task', 'worker', 'left', 'right', 'winner'],
    ([task, w, l, r, win], line) => {
      if (l === r) throw inputError(file, line, `left and right are the same object (${l})`);
      let y: number;
      if (win === l || win === 'left') y = 1;
      else if (win === r || win === 'right') y = 0;
      else if (win === 'tie' || win === 'draw') y = 0.5;
      else throw inputError(file, line, `winner must be the left id, the right id, left, right or tie; got ${win}`);
      left.push(objectIndex(task!, l!));
      right.push(objectIndex(task!, r!));
      outcome.push(y);
      let k = workers.get(w!);
      if (k === undefined) workers.set(w!, (k = workers.size));
      worker.push(k);
    },
    { io },
  );
  const obs = {
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    outcome: Float64Array.from(outcome),
    worker: Int32Array.from(worker),
    nObjects: objectTask.length,
    nWorkers: workers.size,
  };
  const it = { ...(opts.maxIter !== undefined && { maxIter: opts.maxIter }), ...(opts.tol !== undefined && { tol: opts.tol }) };
  const r: PairwiseResult = method === 'bt' ? bradleyTerry(obs, it) : crowdBt(obs, it);
  // Rank within each task (the ranking is global; tasks are usually disconnected components).
  const rankInTask = new Map<string, number>();
  const entries = Array.from(r.ranking, (k) => {
    const t = objectTask[k]!;
    const rank = (rankInTask.get(t) ?? 0) + 1;
    rankInTask.set(t, rank);
    return { t, k, rank };
  }).sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.rank - b.rank));
  const rows: string[][] = [['task', 'object', 'score', 'se', 'rank', 'comparisons']];
  for (const { t, k, rank } of entries) {
    rows.push([t, objectId[k]!, formatProbability(r.score[k]!), formatProbability(r.standardError[k]!), String(rank), String(r.comparisons[k])]);
  }
  writeOutput(formatCsv(rows), opts.out, io);
}

const toInt = (v: string) => (/^-?\d+$/.test(v) ? Number(v) : NaN);
const toNumber = (v: string) => (v.trim() === '' ? NaN : Number(v));

export function registerAggregateCommand(program: Command): void {
  program
    .command('aggregate')
    .description('Aggregate task,worker,label judgments from a CSV file into one label per task with its confidence')
    .argument('<labels>', 'CSV with a header task,worker,label (or task,worker,left,right,winner with --pairwise)')
    .option('--method <method>', `${CATEGORICAL_METHODS.join('|')} (default bds); with --pairwise ${PAIRWISE_METHODS.join('|')} (default bt)`)
    .option('--gold <file>', 'task,label CSV of known answers: print the accuracy against it, with its 95% interval and n')
    .option('--clamp-gold <file>', 'task,label CSV of known answers to use as fixed (bds, ds and onecoin); calibrates the other confidences against them')
    .option('--no-calibrate', 'with --clamp-gold: keep the model\'s confidences instead of calibrating them on the gold')
    .option('--out <file>', 'write the result here (atomically) instead of stdout')
    .option('--max-iter <n>', 'iteration cap of the iterative methods', toInt)
    .option('--tol <x>', 'convergence tolerance of the iterative methods (objective change per judgment)', toNumber)
    .option('--seed <s>', 'seed of randomised methods (mace restarts) and of the calibration\'s split into folds', toInt)
    .option('--pairwise', 'read pairwise comparisons and write Bradley–Terry scores with standard errors')
    .option('--threads <n>', `threads for ds from ${THREADED_DS_MIN_LABELS.toLocaleString('en')} labels (default 1; helps with more than 6 classes)`, toInt)
    .action(async (labels: string, o: AggregateOptions) => {
      process.exitCode = await runAggregate(labels, o);
    });
}
