/** The organization a project belongs to, so an entry point acting as the system (the CLI) acts inside it. */
import { authorize, sameOrganization, type Actor } from '../../core/permissions.js';
import { getProject } from '../../store/projects.js';
import type { ServiceDeps } from '../deps.js';

/** The project's organization id, or undefined when there is no such project in the actor's scope. */
export async function findProjectOrganization(deps: ServiceDeps, actor: Actor, projectId: string): Promise<string | undefined> {
  authorize(actor, 'project.read');
  const row = await getProject(deps.store.db, projectId);
  return row && sameOrganization(actor, row) ? row.org_id : undefined;
}
