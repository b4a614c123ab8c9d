/**
 * Reads of a project's published items: a page of them filtered by status, gold and text, one item with its
 * annotations (who made them), its gold answer and whether someone holds it now. Items page in serving order
 * (`seq`, then `id`) with a keyset cursor (`pagination.ts`), which is what a person browsing an import expects and
 * seeks on `items_project_seq_idx`. Rows come back decoded: JSON parsed, flags as booleans.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from './db.js';
import type { SeqKey } from './pagination.js';
import { capabilitiesOf, fromJson, type DialectName } from './dialect.js';
import type { AnswerSet } from '../core/schema/index.js';
import type { ItemStatus } from '../core/item.js';

/**
 * "Some string anywhere in the item's data is LIKE this pattern (case-insensitively for ASCII)", per engine. Both
 * walk the JSON tree and compare string values unescaped, so keys never match and a quote in the text matches a
 * quote in the query. SQLite's LIKE ignores ASCII case by itself; PostgreSQL needs ILIKE. Neither folds every
 * script the same way, so callers use this as a prefilter and decide the match in JS (see `item-search.ts`).
 */
const DATA_TEXT_LIKE: Record<DialectName, (pattern: string) => Expression<SqlBool>> = {
  sqlite: (p) => sql<SqlBool>`exists (select 1 from json_tree(items.data) t where t.type = 'text' and t.atom like ${p} escape '\\')`,
  postgres: (p) =>
    sql<SqlBool>`exists (select 1 from jsonb_path_query(items.data, 'strict $.**') v where jsonb_typeof(v) = 'string' and (v #>> '{}') ilike ${p} escape '\\')`,
};
const ID_LIKE: Record<DialectName, (column: 'items.id' | 'items.external_id', pattern: string) => Expression<SqlBool>> = {
  sqlite: (c, p) => sql<SqlBool>`${sql.ref(c)} like ${p} escape '\\'`,
  postgres: (c, p) => sql<SqlBool>`${sql.ref(c)} ilike ${p} escape '\\'`,
};

export interface BrowseItemsOptions {
  projectId: string;
  overlapK: number;
  /** Now, ISO: a lease that expired before it no longer makes an item "in progress". */
  now: string;
  status?: ItemStatus | undefined;
  gold?: boolean | undefined;
  /** A LIKE pattern (backslash-escaped) that some data string, the id or the external id must match. */
  likePattern?: string | undefined;
  after?: SeqKey | null | undefined;
  limit: number;
}

export interface BrowseItemRow {
  id: string;
  external_id: string | null;
  data: Record<string, unknown>;
  seq: number;
  submitted_count: number;
  extra_k: number;
  created_at: string;
  is_gold: boolean;
  has_live_lease: boolean;
}

/** A page of the project's published items in serving order, with their gold and lease flags. */
export async function browseItems(db: Executor, o: BrowseItemsOptions): Promise<BrowseItemRow[]> {
  const dialect = capabilitiesOf(db).name;
  const liveLease = sql<SqlBool>`exists (select 1 from assignments a where a.item_id = items.id and a.status = 'leased' and a.lease_expires_at > ${o.now})`;
  const isGold = sql<SqlBool>`exists (select 1 from gold_answers g where g.item_id = items.id)`;
  const rows = await db
    .selectFrom('items')
    .select(['id', 'external_id', 'data', 'seq', 'submitted_count', 'extra_k', 'created_at'])
    .select([sql<number>`case when ${isGold} then 1 else 0 end`.as('is_gold'), sql<number>`case when ${liveLease} then 1 else 0 end`.as('has_live_lease')])
    .where('project_id', '=', o.projectId)
    .where('import_id', 'is', null)
    // An item is complete with k judgments plus those adaptive overlap asked on top (`extra_k`).
    .$if(o.status === 'complete', (q) => q.where(sql<SqlBool>`submitted_count >= ${o.overlapK} + extra_k`))
    // In progress: some judgments or a live lease, not all judgments; remaining (not started): neither (`itemStatusOf`).
    .$if(o.status === 'in_progress', (q) => q.where(sql<SqlBool>`submitted_count < ${o.overlapK} + extra_k`).where(sql<SqlBool>`(submitted_count > 0 or ${liveLease})`))
    .$if(o.status === 'remaining', (q) => q.where('submitted_count', '=', 0).where(sql<SqlBool>`not ${liveLease}`))
    .$if(o.gold === true, (q) => q.where(isGold))
    .$if(o.gold === false, (q) => q.where(sql<SqlBool>`not ${isGold}`))
    .$if(!!o.likePattern, (q) =>
      q.where((eb) =>
        eb.or([DATA_TEXT_LIKE[dialect](o.likePattern!), ID_LIKE[dialect]('items.id', o.likePattern!), ID_LIKE[dialect]('items.external_id', o.likePattern!)]),
      ),
    )
    .$if(!!o.after, (q) =>
      q.where((eb) => eb.or([eb('seq', '>', o.after!.seq), eb.and([eb('seq', '=', o.after!.seq), eb('id', '>', o.after!.id)])])),
    )
    .orderBy('seq')
    .orderBy('id')
    .limit(o.limit)
    .execute();
  return rows.map((r) => ({
    ...r,
    data: fromJson<Record<string, unknown>>(r.data),
    is_gold: Number(r.is_gold) === 1,
    has_live_lease: Number(r.has_live_lease) === 1,
  }));
}

/** One published item of a project, or undefined. */
export async function getProjectItem(db: Executor, projectId: string, itemId: string) {
  const row = await db
    .selectFrom('items')
    .select(['id', 'external_id', 'data', 'seq', 'submitted_count', 'extra_k', 'created_at'])
    .where('id', '=', itemId)
    .where('project_id', '=', projectId)
    .where('import_id', 'is', null)
    .executeTakeFirst();
  return row && { ...row, data: fromJson<Record<string, unknown>>(row.data) };
}

export function hasLiveLease(db: Executor, itemId: string, now: string) {
  return db
    .selectFrom('assignments')
    .select('id')
    .where('item_id', '=', itemId)
    .where('status', '=', 'leased')
    .where('lease_expires_at', '>', now)
    .executeTakeFirst()
    .then((r) => r !== undefined);
}

/** An item's gold answer and its explanation, or undefined when the item is not gold. */
export async function getGoldAnswer(db: Executor, itemId: string) {
  const row = await db.selectFrom('gold_answers').select(['answers', 'explanation']).where('item_id', '=', itemId).executeTakeFirst();
  return row && { answers: fromJson<AnswerSet>(row.answers), explanation: row.explanation };
}

/** An item's annotations, oldest first, with the annotator's pseudonym and vendor. */
export async function listItemAnnotations(db: Executor, itemId: string) {
  const rows = await db
    .selectFrom('annotations as a')
    .innerJoin('users as u', 'u.id', 'a.annotator_id')
    .leftJoin('vendors as v', 'v.id', 'a.vendor_id')
    .select([
      'a.id',
      'a.annotator_id',
      'u.pseudonym',
      'a.vendor_id',
      'v.name as vendor_name',
      'a.answers',
      'a.time_spent_ms',
      'a.schema_version',
      'a.guideline_version',
      'a.client_signals',
      'a.created_at',
    ])
    .where('a.item_id', '=', itemId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...r, answers: fromJson<AnswerSet>(r.answers), client_signals: fromJson<Record<string, unknown>>(r.client_signals) }));
}
