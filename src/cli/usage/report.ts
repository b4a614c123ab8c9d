/** What `assay report` accepts and says in its help; the work is in ../commands/report.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { ReportOptions } from '../commands/report.js';

export function registerReportCommand(program: Command) {
  program
    .command('report')
    .description("Write a project's quality report (vendor scorecards, head-to-head, annotators, charts, flags) as one HTML file that opens offline")
    .requiredOption('--project <id>', 'project id')
    .option('--out <file>', 'write here (default: assay-report-<project>-<date>.html in the current folder); "-" for stdout')
    .action(async (o: ReportOptions) => {
      const { runReport } = await import('../commands/report.js');
      await runReport(o);
    });
}
