/** What `assay aggregate` accepts and says in its help; the work is in ../commands/aggregate.ts, loaded when it runs. */
import type { Command } from 'commander';
import { CATEGORICAL_METHODS } from '../../quality/aggregate/methods.js';
import { PAIRWISE_METHODS, THREADED_DS_MIN_LABELS, type AggregateOptions } from '../aggregate/aggregate-options.js';
import { toInt, toNumber } from './parse-numbers.js';

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
      const { runAggregate } = await import('../commands/aggregate.js');
      process.exitCode = await runAggregate(labels, o);
    });
}
