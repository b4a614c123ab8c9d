/** Reading a project's task schema: the version in force (or a given one) with its UI description. */
import { authorize, type Actor } from '../../core/permissions.js';
import { describeSchema } from '../../core/schema/index.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from './require-project.js';
import { loadSchema } from './schema-cache.js';

/** The schema in force (or a given version) with its UI description. */
export async function getProjectSchema(deps: ServiceDeps, actor: Actor, projectId: string, version?: number) {
  authorize(actor, 'project.read');
  const p = await requireProject(deps, actor, projectId);
  const v = version ?? p.schema_version;
  const schema = await loadSchema(deps.store.db, p.id, v);
  return { version: v, schema, description: describeSchema(schema) };
}
