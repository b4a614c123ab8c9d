/**
 * `assay agreement LABELS.csv [--level nominal|ordinal|interval|ratio]`: inter-annotator agreement of a CSV of
 * `task,worker,label` judgments. Prints Krippendorff's alpha with a seeded bootstrap 95% interval and its sample
 * sizes; for nominal data also the (not chance-corrected) percent agreement. Ordinal, interval and ratio levels need
 * numeric labels. Bad input is reported with file and line and exit code 2, like `assay aggregate`.
 */
import { invalid } from '../../core/errors.js';
import { krippendorffAlphaInterval, MEASUREMENT_LEVELS, type MeasurementLevel } from '../../quality/agreement/krippendorff.js';
import { percentAgreement } from '../../quality/agreement/percent-agreement.js';
import { createEncoder } from '../../quality/encode.js';
import { processIo, reportFailure, type CliIo } from '../io/cli-io.js';
import { inputError, scanCsv } from '../io/scan-csv.js';

export interface AgreementOptions {
  readonly level?: string;
  /** Bootstrap replicates (default 1000). */
  readonly replicates?: number;
  readonly seed?: number;
  /** Confidence level of the interval (default 0.95). */
  readonly confidence?: number;
}

/** Runs `assay agreement`; returns the exit code and reports errors on stderr. */
export async function runAgreement(file: string, opts: AgreementOptions = {}, io: CliIo = processIo): Promise<number> {
  try {
    const level = (opts.level ?? 'nominal') as MeasurementLevel;
    if (!MEASUREMENT_LEVELS.includes(level)) throw invalid(`--level must be one of ${MEASUREMENT_LEVELS.join(', ')}`, 'level');
    const replicates = opts.replicates ?? 1000;
    if (!(Number.isInteger(replicates) && replicates >= 1)) throw invalid('--replicates must be a positive integer', 'replicates');
    if (opts.seed !== undefined && !Number.isInteger(opts.seed)) throw invalid('--seed must be an integer', 'seed');
    const confidence = opts.confidence ?? 0.95;
    if (!(confidence > 0 && confidence < 1)) throw invalid('--confidence must be in (0, 1)', 'confidence');

    const enc = createEncoder(1 << 14);
    const numeric: number[] = [];
    await scanCsv(
      file,
      ['task', 'worker', 'label'],
      ([task, worker, label], line) => {
        if (level !== 'nominal') {
          const v = Number(label);
          if (!Number.isFinite(v)) throw inputError(file, line, `label ${label} is not a number, as the ${level} level needs`);
          if (level === 'ratio' && v < 0) throw inputError(file, line, `label ${label} is negative, which the ratio level does not allow`);
          numeric.push(v);
        }
        enc.add(task!, worker!, label!);
      },
      { io },
    );
    const { obs } = enc.finish();
    const value = level === 'nominal' ? Float64Array.from(obs.label) : Float64Array.from(numeric);
    const r = krippendorffAlphaInterval(
      { unit: obs.item, value, nUnits: obs.nItems },
      { level, replicates, confidence, seed: opts.seed ?? 0 },
    );
    const f = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
    io.stdout.write(
      `Krippendorff's alpha (${level}) ${f(r.alpha)}, ${Math.round(confidence * 100)}% bootstrap interval ${f(r.lower)}–${f(r.upper)} ` +
        `(${r.replicates} replicates over units, seed ${opts.seed ?? 0}); ${r.nUnits} units with 2+ judgments, ${r.nValues} pairable values\n`,
    );
    if (level === 'nominal') {
      const pa = percentAgreement(obs);
      io.stdout.write(`percent agreement ${f(pa.agreement)} over ${pa.pairs} pairs of judgments on ${pa.nItems} units (not chance-corrected)\n`);
    }
    return 0;
  } catch (err) {
    return reportFailure(err, io, 'agreement');
  }
}
