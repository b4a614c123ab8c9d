/** What `assay import` accepts and says in its help; the work is in ../commands/import.ts, loaded when it runs. */
import type { Command } from 'commander';
import { IMPORT_FORMATS } from '../../core/data-files.js';
import type { ImportCliOptions } from '../commands/import.js';

export function registerImportCommand(program: Command) {
  program
    .command('import')
    .description('Import items (JSON array, JSON Lines or CSV) into a project, all-or-nothing; --dry-run checks without writing; --template writes an example file')
    .argument('[file]', 'the items file (with --template: where to write the example; stdout without it)')
    .requiredOption('--project <id>', 'project id')
    .option('--format <format>', `one of ${IMPORT_FORMATS.join(', ')} (default: from the file extension)`)
    .option('--gold', 'the file holds gold answers ({id, answers, explanation?}) for items already imported')
    .option('--dry-run', 'read and check every line, list every error, and write nothing')
    .option('--template', "write an example file for the project's schema (two items, the fields its questions read, a gold answer)")
    .action(async (file: string | undefined, o: ImportCliOptions) => {
      const { runImport } = await import('../commands/import.js');
      await runImport(file, o);
    });
}
