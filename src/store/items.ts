import type { Executor } from './db.js';
import type { NewItem } from './schema.js';
import { toJson } from './dialect.js';

/** Rows per INSERT: 10 columns × 400 rows stays well under both engines' bound-parameter limits. */
const CHUNK = 400;

export async function insertItems(db: Executor, rows: NewItem[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insertInto('items').values(rows.slice(i, i + CHUNK)).execute();
  }
}

/** Which of these external ids the project already has (for a clear duplicate error before any write). */
export async function findExistingExternalIds(db: Executor, projectId: string, externalIds: string[]) {
  const found = new Set<string>();
  for (let i = 0; i < externalIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('items')
      .select('external_id')
      .where('project_id', '=', projectId)
      .where('external_id', 'in', externalIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) if (r.external_id !== null) found.add(r.external_id);
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
  }
}

