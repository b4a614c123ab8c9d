/** Reading one project: its full settings, or what an annotator may know of it. */
import { authorize, type Actor } from '../../core/permissions.js';
import type { ServiceDeps } from '../deps.js';
import { presentForAnnotator, presentProject, seesSettings, type AnnotatorProjectView, type ProjectView } from './present-project.js';
import { requireProject } from './require-project.js';

export async function getProject(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ProjectView | AnnotatorProjectView> {
  authorize(actor, 'project.read');
  const p = await requireProject(deps, actor, projectId);
  return seesSettings(actor) ? presentProject(deps.store.db, p) : presentForAnnotator(p);
}
