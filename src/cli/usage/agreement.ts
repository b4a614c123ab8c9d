/** What `assay agreement` accepts and says in its help; the work is in ../commands/agreement.ts, loaded when it runs. */
import type { Command } from 'commander';
import { MEASUREMENT_LEVELS } from '../../quality/agreement/krippendorff.js';
import type { AgreementOptions } from '../commands/agreement.js';
import { toInt } from './parse-numbers.js';

export function registerAgreementCommand(program: Command): void {
  program
    .command('agreement')
    .description("Inter-annotator agreement (Krippendorff's alpha with a bootstrap interval) of task,worker,label judgments")
    .argument('<labels>', 'CSV with a header task,worker,label')
    .option('--level <level>', `level of measurement: ${MEASUREMENT_LEVELS.join('|')}`, 'nominal')
    .option('--replicates <n>', 'bootstrap replicates', toInt, 1000)
    .option('--seed <s>', 'seed of the bootstrap', toInt, 0)
    .option('--confidence <p>', 'confidence level of the interval', Number, 0.95)
    .action(async (labels: string, o: AgreementOptions) => {
      const { runAgreement } = await import('../commands/agreement.js');
      process.exitCode = await runAgreement(labels, o);
    });
}
