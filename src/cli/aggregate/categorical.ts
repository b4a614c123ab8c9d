/**
 * `assay aggregate` on `task,worker,label` judgments: encode them as they are read, fit the method (with clamped
 * gold, calibrated against it unless `--no-calibrate`), write `task,label,confidence`, and say on stderr what the
 * confidences rest on and, with `--gold`, the accuracy against known answers with its Wilson 95% interval.
 */
import type { DawidSkeneThreads } from '../../threads/dawid-skene-threads.js';
import { dsOptions, runCategorical, type CategoricalMethod } from '../../quality/aggregate/methods.js';
import { calibratedFit, MIN_CALIBRATION_GOLD } from '../../quality/aggregate/calibrated.js';
import type { CategoricalResult, GoldLabels, Observations } from '../../quality/types.js';
import { createEncoder, type Encoder } from '../../quality/encode.js';
import { wilsonInterval } from '../../quality/stats/wilson.js';
import type { CliIo } from '../io/cli-io.js';
import { formatCsv, formatProbability, writeOutput } from '../io/csv-output.js';
import { scanCsv } from '../io/scan-csv.js';
import { THREADED_DS_MIN_LABELS, type AggregateOptions } from './aggregate-options.js';
import { startTeamFor } from './dawid-skene-team.js';
import { readGold } from './read-gold.js';

/** Output rows formatted at a time. */
const FORMAT_BLOCK_ROWS = 4096;

export async function aggregateCategorical(file: string, method: CategoricalMethod, opts: AggregateOptions, io: CliIo): Promise<void> {
  const enc = createEncoder(1 << 16);
  const threads = startTeamFor(method, file, opts.threads);
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
