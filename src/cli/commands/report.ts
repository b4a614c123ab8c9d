/** `assay report`: a project's quality report as one self-contained HTML file, the same as the API's and the console's. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { buildQualityReport } from '../../report/build-report.js';
import { projectActor, withContext } from '../context.js';

export interface ReportOptions {
  project: string;
  out?: string;
}

export async function runReport(o: ReportOptions): Promise<void> {
  await withContext(async (ctx) => {
    const actor = await projectActor(ctx, o.project);
    const report = await buildQualityReport(ctx.deps, actor, o.project);
    if (o.out === '-') {
      process.stdout.write(report.html);
      return;
    }
    const out = o.out ?? report.fileName;
    // Written whole to a temporary file, then renamed: a reader never sees half a report.
    const tmp = `${out}.partial`;
    try {
      writeFileSync(tmp, report.html);
      renameSync(tmp, out);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    process.stderr.write(`wrote the quality report of ${o.project} to ${out}\n`);
  });
}
