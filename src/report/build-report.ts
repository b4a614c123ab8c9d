/** The quality report of a project, gathered through the services and rendered: what the API, the CLI and the console's button serve. */
import type { Actor } from '../core/permissions.js';
import type { ServiceDeps } from '../services/deps.js';
import { gatherQualityReport } from '../services/reports/quality-report.js';
import { renderQualityReport, reportFileName } from './render-report.js';

export async function buildQualityReport(deps: ServiceDeps, actor: Actor, projectId: string): Promise<{ html: string; fileName: string }> {
  const model = await gatherQualityReport(deps, actor, projectId);
  return { html: renderQualityReport(model), fileName: reportFileName(model) };
}
