/** `assay export` (`assay import` is in ./import.ts): the same services as the API, called with the system actor. */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Command } from 'commander';
import { invalid } from '../../core/errors.js';
import { exportAnnotations } from '../../services/exports/export-annotations.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/data-files.js';
import { projectActor, withContext } from '../context.js';
import { progressBar } from '../progress.js';

export function registerDataCommands(program: Command) {
  program
    .command('export')
    .description("Export a project's annotations with provenance (annotations on gold items left out unless --include-gold)")
    .requiredOption('--project <id>', 'project id')
    .option('--format <format>', EXPORT_FORMATS.join('|'), 'jsonl')
    .option('--out <file>', 'write here instead of stdout (written to a temp file, renamed when complete)')
    .option('--aggregate', "add each item's aggregated answer and confidence per question to every row")
    .option('--include-gold', 'keep annotations on hidden gold items (marked is_gold); left out by default, so gold never trains a model')
    .action(async (o: { project: string; format: string; out?: string; aggregate?: boolean; includeGold?: boolean }) => {
      await withContext(async (ctx) => {
        if (!(EXPORT_FORMATS as readonly string[]).includes(o.format)) throw invalid(`--format must be one of ${EXPORT_FORMATS.join(', ')}`, 'format');
        const actor = await projectActor(ctx, o.project);
        const r = await exportAnnotations(ctx.deps, actor, o.project, o.format as ExportFormat, { aggregate: o.aggregate === true, includeGold: o.includeGold === true });
        const bar = progressBar('exported', r.total);
        let rows = 0;
        const count = new Transform({
          transform(chunk: Buffer, _e, cb) {
            for (const b of chunk) if (b === 10) rows++;
            bar.update(Math.min(rows, r.total));
            cb(null, chunk);
          },
        });
        if (o.out) {
          const tmp = `${o.out}.partial`;
          try {
            await pipeline(r.stream, count, createWriteStream(tmp));
            renameSync(tmp, o.out);
          } catch (e) {
            rmSync(tmp, { force: true });
            throw e;
          }
        } else {
          await pipeline(r.stream, count, process.stdout);
        }
        bar.stop();
        if (o.out) process.stderr.write(`exported ${r.total} annotation${r.total === 1 ? '' : 's'} to ${o.out} (${o.includeGold ? 'gold items included, marked is_gold' : 'gold items left out; --include-gold keeps them'})\n`);
      });
    });
}
