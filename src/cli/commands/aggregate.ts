/**
 * `assay aggregate LABELS.csv`: the quality engine on a CSV of judgments, without a database.
 *
 * Reads `task,worker,label` rows (`io/scan-csv.ts`), aggregates them with one of the categorical methods (default
 * `bds`, Bayesian Dawid–Skene, whose confidences account for how little is known about each annotator; `ds` is the
 * classic one) and writes `task,label,confidence` to `--out` or stdout (`aggregate/categorical.ts`). `--gold` prints
 * the accuracy against known answers with its Wilson 95% interval and n; `--clamp-gold` uses known answers as fixed
 * (`bds`, `ds` and `onecoin`) and, unless `--no-calibrate`, calibrates the other tasks' confidences against them,
 * cross-fitted so that no gold task calibrates itself (`quality/aggregate/calibrated.ts`). stderr names what the
 * confidences rest on: "calibrated on N gold items" or "model-based, not calibrated" and why. `--pairwise` reads
 * `task,worker,left,right,winner` and writes Bradley–Terry (or Crowd-BT) scores with standard errors
 * (`aggregate/pairwise.ts`).
 *
 * Bad input gets one message naming the file and line on stderr and exit code 2, and no output file is written
 * (output goes to a temporary file renamed into place only after success). Dawid–Skene runs on one thread with its
 * sweep in WebAssembly SIMD; `--threads N` splits it over N threads (`DawidSkeneThreads`, JavaScript sweep), with the
 * same result up to rounding, which pays off only without WebAssembly or with more than 6 classes.
 */
import { invalid } from '../../core/errors.js';
import { CATEGORICAL_METHODS, CLAMPING_METHODS, type CategoricalMethod } from '../../quality/aggregate/methods.js';
import { PAIRWISE_METHODS, type AggregateOptions, type PairwiseMethod } from '../aggregate/aggregate-options.js';
import { aggregateCategorical } from '../aggregate/categorical.js';
import { aggregatePairwise } from '../aggregate/pairwise.js';
import { processIo, reportFailure, type CliIo } from '../io/cli-io.js';

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
