/**
 * `assay import`: items (or, with --gold, a gold file) into a project, all-or-nothing; `--dry-run` checks the file
 * and writes nothing; `--template` writes an example file for the project's schema. The same services as the API,
 * called with the system actor. Every error in the file is listed, one per line, under the first.
 */
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { invalid, isAssayError } from '../../core/errors.js';
import { checkItemsImport, importItems, type ImportError } from '../../services/items/import-items.js';
import { checkGoldImport, importGold } from '../../services/items/import-gold.js';
import { summarizeErrors } from '../../services/items/import-report.js';
import { getItemTemplate } from '../../services/items/item-template.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../core/data-files.js';
import { projectActor, reportError, withContext } from '../context.js';
import { progressBar } from '../progress.js';

function formatOfFile(file: string | undefined, given?: string): ImportFormat {
  const f = given ?? (file ? ({ '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv' } as Record<string, string>)[extname(file).toLowerCase()] : 'jsonl');
  if (!f || !(IMPORT_FORMATS as readonly string[]).includes(f)) {
    throw invalid(`cannot tell the format of ${file}; pass --format ${IMPORT_FORMATS.join('|')}`, 'format');
  }
  return f as ImportFormat;
}

const listErrors = (errors: readonly ImportError[]) => errors.map((e) => `  ${e.message}${e.field && !e.message.includes(e.field) ? ` (field ${e.field})` : ''}\n`).join('');

export interface ImportCliOptions {
  project: string;
  format?: string;
  gold?: boolean;
  dryRun?: boolean;
  template?: boolean;
}

export async function runImport(file: string | undefined, o: ImportCliOptions): Promise<void> {
  await withContext(
    async (ctx) => {
      const actor = await projectActor(ctx, o.project);
      if (o.template) {
        const t = await getItemTemplate(ctx.deps, actor, o.project, formatOfFile(file, o.format));
        if (file) {
          writeFileSync(file, t.body);
          process.stderr.write(`wrote an example ${t.fileName.split('.').at(-1)} file for ${o.project} to ${file}\n`);
        } else {
          process.stdout.write(t.body);
        }
        return;
      }
      if (!file) throw invalid('name the file to import (or pass --template)', 'file');
      if (!existsSync(file)) throw invalid(`cannot read ${file}: no such file`, 'file');
      const format = formatOfFile(file, o.format);
      if (o.gold) {
        try {
          if (o.dryRun) {
            const r = await checkGoldImport(ctx.deps, actor, o.project, createReadStream(file), { format });
            if (r.errorCount === 0) {
              process.stdout.write(`${file} is ready: importing it adds ${r.gold} gold answers to ${o.project}; nothing was written\n`);
            } else {
              process.stderr.write(`assay: ${file}: ${summarizeErrors(r.errors.length, r.errorCount)}; nothing was written (${r.gold} gold answers pass every check)\n${listErrors(r.errors)}`);
              process.exitCode = 2;
            }
            return;
          }
          const r = await importGold(ctx.deps, actor, o.project, createReadStream(file), { format });
          process.stdout.write(`imported ${r.gold} gold answers into ${o.project}\n`);
        } catch (err) {
          const listed = isAssayError(err) ? err.details?.errors : undefined;
          if (!Array.isArray(listed) || listed.length < 2) throw err;
          process.exitCode = reportError(err, file);
          process.stderr.write(listErrors(listed as ImportError[]));
        }
        return;
      }
      const bar = progressBar('parsed', null);
      try {
        if (o.dryRun) {
          const r = await checkItemsImport(ctx.deps, actor, o.project, createReadStream(file), { format, onProgress: (n) => bar.update(n) });
          bar.stop();
          if (r.errorCount === 0) {
            process.stdout.write(`${file} is ready: importing it adds ${r.items} items (${r.gold} with gold answers) to ${o.project}; nothing was written\n`);
          } else {
            process.stderr.write(`assay: ${file}: ${summarizeErrors(r.errors.length, r.errorCount)}; nothing was written (${r.items} items pass every check)\n${listErrors(r.errors)}`);
            process.exitCode = 2;
          }
          return;
        }
        const r = await importItems(ctx.deps, actor, o.project, createReadStream(file), { format, onProgress: (n) => bar.update(n) });
        bar.stop();
        process.stdout.write(`imported ${r.imported} items (${r.gold} with gold answers) into ${o.project}\n`);
      } catch (err) {
        bar.stop();
        const listed = isAssayError(err) ? err.details?.errors : undefined;
        if (!Array.isArray(listed) || listed.length < 2) throw err;
        process.exitCode = reportError(err, file);
        process.stderr.write(listErrors(listed as ImportError[]));
      }
    },
    () => file,
  );
}
