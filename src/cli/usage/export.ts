/** What `assay export` accepts and says in its help; the work is in ../commands/export.ts, loaded when it runs. */
import type { Command } from 'commander';
import { EXPORT_FORMATS } from '../../core/data-files.js';
import type { ExportOptions } from '../commands/export.js';

export function registerExportCommand(program: Command) {
  program
    .command('export')
    .description("Export a project's annotations with provenance (annotations on gold items left out unless --include-gold)")
    .requiredOption('--project <id>', 'project id')
    .option('--format <format>', EXPORT_FORMATS.join('|'), 'jsonl')
    .option('--out <file>', 'write here instead of stdout (written to a temp file, renamed when complete)')
    .option('--aggregate', "add each item's aggregated answer and confidence per question to every row")
    .option('--include-gold', 'keep annotations on hidden gold items (marked is_gold); left out by default, so gold never trains a model')
    .action(async (o: ExportOptions) => {
      const { runExport } = await import('../commands/export.js');
      await runExport(o);
    });
}
