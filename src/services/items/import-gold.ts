/**
 * Gold answers from a file of their own (`{id, answers, explanation?}` per record, `id` being the item's import
 * id or Assay id), for projects whose gold is kept apart from the items. All-or-nothing, like the item import.
 */
import type { Readable } from 'node:stream';
import { authorize, type Actor } from '../../core/permissions.js';
import { invalid, isAssayError } from '../../core/errors.js';
import { validateAnswers } from '../../core/schema/index.js';
import { insertGoldAnswers } from '../../store/items.js';
import { fromJson } from '../../store/dialect.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/projects.js';
import { loadSchema } from '../projects/schema-cache.js';
import { locate, readRecords, type ImportFormat } from './parse-records.js';

export async function importGold(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: Readable,
  opts: { format: ImportFormat },
): Promise<{ gold: number }> {
  authorize(actor, 'gold.manage');
  const project = await requireProject(deps, actor, projectId);
  const schema = await loadSchema(deps.store.db, project.id, project.schema_version);
  const db = deps.store.db;
  const rows: { item_id: string; project_id: string; answers: unknown; explanation: string | null; created_at: string }[] = [];
  const seen = new Set<string>();
  const now = nowIsoOf(deps);
  for await (const record of readRecords(input, opts.format).records) {
    const { line } = record;
    if (record.problem) throw invalid(record.problem.message, record.problem.field, { line });
    const { value } = record;
    const where = locate(opts.format, line);
    if (typeof value !== 'object' || value === null) throw invalid(`${where}: a gold record must be an object`, undefined, { line });
    const rec = value as Record<string, unknown>;
    const id = rec.id ?? rec.external_id;
    if (typeof id !== 'string' || id === '') throw invalid(`${where}: id is required`, 'id', { line });
    const item = await db
      .selectFrom('items')
      .select(['id', 'data'])
      .where('project_id', '=', project.id)
      .where('import_id', 'is', null)
      .where((eb) => eb.or([eb('external_id', '=', id), eb('id', '=', id)]))
      .executeTakeFirst();
    if (!item) throw invalid(`${where}: the project has no item "${id}"`, 'id', { line });
    if (seen.has(item.id)) throw invalid(`${where}: item "${id}" has gold twice`, 'id', { line });
    seen.add(item.id);
    let answers;
    try {
      answers = validateAnswers(schema, fromJson<Record<string, unknown>>(item.data), rec.answers);
    } catch (e) {
      if (isAssayError(e)) throw invalid(`${where}: ${e.message}`, e.field, { line });
      throw e;
    }
    const explanation = typeof rec.explanation === 'string' && rec.explanation !== '' ? rec.explanation : null;
    rows.push({ item_id: item.id, project_id: project.id, answers, explanation, created_at: now });
  }
  if (rows.length === 0) throw invalid('the gold file holds no records', 'body');
  const ids = [...seen];
  for (let i = 0; i < ids.length; i += 500) {
    const already = await db.selectFrom('gold_answers').select('item_id').where('item_id', 'in', ids.slice(i, i + 500)).executeTakeFirst();
    if (already) throw invalid(`item ${already.item_id} already has a gold answer; nothing was imported`, 'id');
  }
  await deps.store.write((trx) => insertGoldAnswers(trx, rows));
  return { gold: rows.length };
}
