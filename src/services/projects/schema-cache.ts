/**
 * Parsed task schemas by (project, version). A schema version is immutable once written, so caching it is safe
 * across requests and across servers; the submit path then validates answers without re-parsing JSON.
 */
import { parseTaskSchema, type TaskSchema } from '../../core/schema/index.js';
import { notFound } from '../../core/errors.js';
import { getSchemaVersion } from '../../store/projects.js';
import type { Executor } from '../../store/db.js';

const cache = new Map<string, TaskSchema>();
const MAX_ENTRIES = 2000;

export async function loadSchema(db: Executor, projectId: string, version: number): Promise<TaskSchema> {
  const key = `${projectId}:${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const row = await getSchemaVersion(db, projectId, version);
  if (!row) throw notFound('Schema version');
  const schema = parseTaskSchema(row.schema);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, schema);
  return schema;
}
