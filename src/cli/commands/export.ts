/** `assay export`: the same service as the API, called with the system actor, streamed to a file or stdout. */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { invalid } from '../../core/errors.js';
import { exportAnnotations } from '../../services/exports/export-annotations.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/data-files.js';
import { projectActor, withContext } from '../context.js';
import { progressBar } from '../progress.js';

export interface ExportOptions {
  project: string;
  format: string;
  out?: string;
  aggregate?: boolean;
  includeGold?: boolean;
}

export async function runExport(o: ExportOptions): Promise<void> {
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
}
