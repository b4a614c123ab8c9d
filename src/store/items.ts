import { sql } from 'kysely';
import type { Executor } from './db.js';
import type { NewItem } from './schema.js';
import { fromJson, toJson } from './dialect.js';

/** Rows per INSERT: 11 columns × 400 rows stays well under both engines' bound-parameter limits. */
const CHUNK = 400;

export async function insertItems(db: Executor, rows: NewItem[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insertInto('items').values(rows.slice(i, i + CHUNK)).execute();
  }
}

/** Makes an import's staged items part of the project (open to claims), in one statement. */
export async function publishStagedItems(db: Executor, importId: string): Promise<number> {
  const r = await db
    .updateTable('items')
    .set({ open: 1, import_id: null })
    .where('import_id', '=', importId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Deletes an import's staged items (and, by cascade, their gold answers). */
export async function discardStagedItems(db: Executor, importId: string) {
  await db.deleteFrom('items').where('import_id', '=', importId).execute();
}

/** Deletes items of imports that never finished (a crashed process) and were staged before `before`. */
export async function deleteAbandonedImports(db: Executor, before: string) {
  const r = await db.deleteFrom('items').where('import_id', 'is not', null).where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Which of these external ids the project already has (for a clear duplicate error before any write). */
export async function findExistingExternalIds(db: Executor, projectId: string, externalIds: string[]) {
  const found = new Set<string>();
  for (let i = 0; i < externalIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('items')
      .select('external_id')
      .where('project_id', '=', projectId)
      .where('import_id', 'is', null)
      .where('external_id', 'in', externalIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) if (r.external_id !== null) found.add(r.external_id);
  }
  return found;
}

/** The project's published item whose import id or Assay id is `id`, its data parsed; undefined when none is. */
export async function findPublishedItem(db: Executor, projectId: string, id: string) {
  const row = await db
    .selectFrom('items')
    .select(['id', 'data'])
    .where('project_id', '=', projectId)
    .where('import_id', 'is', null)
    .where((eb) => eb.or([eb('external_id', '=', id), eb('id', '=', id)]))
    .executeTakeFirst();
  return row && { id: row.id, data: fromJson<Record<string, unknown>>(row.data) };
}

/** Which of these items already have a gold answer. */
export async function findItemsWithGold(db: Executor, itemIds: string[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    const rows = await db.selectFrom('gold_answers').select('item_id').where('item_id', 'in', itemIds.slice(i, i + CHUNK)).execute();
    for (const r of rows) found.push(r.item_id);
  }
  return found;
}

export async function insertGoldAnswers(
  db: Executor,
  rows: { item_id: string; project_id: string; answers: unknown; explanation: string | null; created_at: string }[],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('gold_answers')
      .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, answers: toJson(r.answers) })))
      .execute();
    // The item becomes gold: served at the gold rate and open to every annotator (a staged item opens on publish).
    await db
      .updateTable('items')
      .set({ is_gold: 1, open: sql`case when import_id is null then 1 else open end` })
      .where('id', 'in', rows.slice(i, i + CHUNK).map((r) => r.item_id))
      .execute();
  }
}

/** Up to `limit` of the project's items after serving position `afterSeq`, in serving order, their data parsed. */
export async function pageItemData(db: Executor, projectId: string, afterSeq: number, limit: number) {
  const rows = await db
    .selectFrom('items')
    .select(['id', 'external_id', 'seq', 'data'])
    .where('project_id', '=', projectId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, data: fromJson<Record<string, unknown>>(r.data) }));
}
