/**
 * New versions of a project's schema and guidelines. Versions are append-only: an annotation records the versions
 * it answered, so old annotations stay interpretable after a change.
 */
import { actorId, authorize, type Actor } from '../../core/permissions.js';
import { invalid } from '../../core/errors.js';
import { parseTaskSchema, validateItem } from '../../core/schema/index.js';
import { isAssayError } from '../../core/errors.js';
import * as projects from '../../store/projects.js';
import { pageItemData } from '../../store/items.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from './require-project.js';

/**
 * Publishes a new schema version. Every item already in the project must still satisfy it (the fields its
 * questions read exist with the right shape); otherwise nothing changes and the error names the first bad item.
 */
export async function publishSchema(deps: ServiceDeps, actor: Actor, projectId: string, input: unknown) {
  authorize(actor, 'project.update');
  const p = await requireProject(deps, actor, projectId);
  const schema = parseTaskSchema(input);
  let after = -1;
  for (;;) {
    const rows = await pageItemData(deps.store.db, p.id, after, 1000);
    for (const r of rows) {
      try {
        validateItem(schema, r.data);
      } catch (e) {
        if (!isAssayError(e)) throw e;
        throw invalid(`item ${r.external_id ?? r.id} does not fit the new schema: ${e.message}`, 'schema');
      }
    }
    if (rows.length < 1000) break;
    after = rows[rows.length - 1]!.seq;
  }
  const version = p.schema_version + 1;
  const now = nowIsoOf(deps);
  await deps.store.write(async (trx) => {
    await projects.insertSchemaVersion(trx, {
      project_id: p.id,
      version,
      schema,
      created_by: actorId(actor),
      created_at: now,
    });
    await projects.updateProject(trx, p.id, { schema_version: version, updated_at: now });
  });
  return { version, schema };
}

/** Publishes a new guideline version (Markdown; rendered by clients with raw HTML off). */
export async function publishGuidelines(deps: ServiceDeps, actor: Actor, projectId: string, markdown: string) {
  authorize(actor, 'project.update');
  const p = await requireProject(deps, actor, projectId);
  const version = p.guideline_version + 1;
  const now = nowIsoOf(deps);
  await deps.store.write(async (trx) => {
    await projects.insertGuidelines(trx, {
      project_id: p.id,
      version,
      markdown,
      created_by: actorId(actor),
      created_at: now,
    });
    await projects.updateProject(trx, p.id, { guideline_version: version, updated_at: now });
  });
  return { version, markdown, createdAt: now };
}

/** The guidelines in force (or a given version); every role that can see the project can read them. */
export async function getGuidelines(deps: ServiceDeps, actor: Actor, projectId: string, version?: number) {
  authorize(actor, 'project.read');
  const p = await requireProject(deps, actor, projectId);
  const row = await projects.getGuidelines(deps.store.db, p.id, version ?? p.guideline_version);
  if (!row) throw invalid(`guideline version ${version} does not exist`, 'version');
  const versions = await projects.listGuidelines(deps.store.db, p.id);
  return { version: row.version, markdown: row.markdown, createdAt: row.created_at, versions: versions.map((v) => ({ version: v.version, createdAt: v.created_at })) };
}
