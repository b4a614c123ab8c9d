/**
 * `item_results`: each item's current aggregate, kept by the live-results refresh (services/quality/live-results.ts)
 * so that SQL can select by it (adaptive overlap, the low-confidence review trigger, items by confidence) without
 * recomputing the project's aggregate. Written in batches, only for items whose aggregate changed.
 */
import { sql } from 'kysely';
import type { Executor } from './db.js';
import type { ItemResultsTable } from './schema.js';
import { notSetAsideByReview } from './quality-gates.js';

export type ItemResultRow = ItemResultsTable;

/**
 * The project's annotations created at or after `since` (all when null), oldest first, with their answers as stored,
 * leaving out those a review rejected or corrected: the live refresh reads only what is new (seeking on
 * `annotations_project_idx`), and starts over after a review sets one aside.
 */
export function annotationsSince(db: Executor, projectId: string, since: string | null) {
  return db
    .selectFrom('annotations')
    .select(['id', 'item_id', 'annotator_id', 'answers', 'created_at'])
    .where('project_id', '=', projectId)
    .where((eb) => notSetAsideByReview(eb))
    .$if(since !== null, (q) => q.where('created_at', '>=', since!))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countGold(db: Executor, projectId: string): Promise<number> {
  const r = await db.selectFrom('gold_answers').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow();
  return Number(r.n);
}

const BATCH = 200;

export async function upsertItemResults(db: Executor, rows: readonly ItemResultRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('item_results')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.column('item_id').doUpdateSet((eb) => ({
          aggregates: eb.ref('excluded.aggregates'),
          confidence: eb.ref('excluded.confidence'),
          n: eb.ref('excluded.n'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Items whose stored aggregate should go (no annotations behind it any more, e.g. all left out as paused). */
export async function deleteItemResults(db: Executor, itemIds: readonly string[]): Promise<void> {
  for (let i = 0; i < itemIds.length; i += BATCH) {
    await db.deleteFrom('item_results').where('item_id', 'in', itemIds.slice(i, i + BATCH)).execute();
  }
}

export interface UncertainItem {
  id: string;
  extra_k: number;
  confidence: number;
}

/**
 * Adaptive overlap's candidates: normal items that have every judgment asked of them so far (`k + extra_k`
 * submitted), whose aggregate is still under `tau`, and that may still ask for one more (under `kMax`).
 */
export function listUncertainComplete(db: Executor, o: { projectId: string; k: number; kMax: number; tau: number }): Promise<UncertainItem[]> {
  return db
    .selectFrom('items as i')
    .innerJoin('item_results as r', 'r.item_id', 'i.id')
    .select(['i.id', 'i.extra_k', 'r.confidence'])
    .where('i.project_id', '=', o.projectId)
    .where('i.is_gold', '=', 0)
    .where('i.import_id', 'is', null)
    .where(sql<boolean>`i.submitted_count >= ${o.k} + i.extra_k`)
    .where(sql<boolean>`${o.k} + i.extra_k < ${o.kMax}`)
    .where('r.confidence', '<', o.tau)
    .execute() as Promise<UncertainItem[]>;
}

/** Who judged each of the items, with their vendor. */
export function listItemJudges(db: Executor, itemIds: readonly string[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('annotations').select(['item_id', 'annotator_id', 'vendor_id']).where('item_id', 'in', [...itemIds]).execute();
}

/** Each annotator's gold tallies on the project (every gold item they submitted, not reset by reinstatement). */
export function goldTalliesOnProject(db: Executor, projectId: string) {
  return db
    .selectFrom('gold_scores')
    .select((eb) => ['annotator_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('correct').as('correct')])
    .where('project_id', '=', projectId)
    .groupBy('annotator_id')
    .execute();
}

/**
 * Asks one more judgment of the item: `extra_k` up by one and the item open again, with the preference for who gets
 * it (another vendor, higher skill) until `preferUntil` (null: none, anyone eligible may take it at once). Conditional on `extra_k` still being `from`, so two servers
 * deciding on the same refresh raise it once. Returns whether it was raised.
 */
export async function askOneMoreJudgment(
  db: Executor,
  o: { itemId: string; from: number; k: number; preferUntil: string | null; avoidVendor: string | null; preferSkill: number | null },
): Promise<boolean> {
  const r = await db
    .updateTable('items')
    .set({
      extra_k: sql`extra_k + 1`,
      open: sql`case when active_count < ${o.k} + extra_k + 1 then 1 else 0 end`,
      prefer_until: o.preferUntil,
      avoid_vendor: o.avoidVendor,
      prefer_skill: o.preferSkill,
    })
    .where('id', '=', o.itemId)
    .where('extra_k', '=', o.from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Who may take an extra judgment on the project, as adaptive overlap asks before holding one for a preferred
 * annotator: every annotator who has had a task on it (in any state), with their vendor, unless the quality gate has
 * them paused there.
 */
export function projectWorkforce(db: Executor, projectId: string) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('users as u', 'u.id', 'a.annotator_id')
    .select(['a.annotator_id', 'u.vendor_id'])
    .distinct()
    .where('a.project_id', '=', projectId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('annotator_project_status as ps')
            .select('ps.annotator_id')
            .whereRef('ps.annotator_id', '=', 'a.annotator_id')
            .where('ps.project_id', '=', projectId)
            .where('ps.status', '=', 'paused'),
        ),
      ),
    )
    .execute();
}

/** Everyone each of the items was ever given to (judged, skipped, leased or lapsed): they cannot take it again. */
export function listItemAssignees(db: Executor, itemIds: readonly string[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('assignments').select(['item_id', 'annotator_id']).where('item_id', 'in', [...itemIds]).execute();
}

/**
 * Withdraws the extra judgments still waiting for a taker on the project's items whose aggregate has reached `tau`
 * (the request was raised from an aggregate that has since caught up): `extra_k` down to the judgments already
 * taken beyond k (submitted or leased), the item closed and its preference cleared. In one conditional UPDATE, so a
 * claim that takes the slot first keeps it. Returns how many items it withdrew from.
 */
export async function withdrawSettledRequests(db: Executor, o: { projectId: string; k: number; tau: number }): Promise<number> {
  const taken = sql<number>`case when active_count > ${o.k} then active_count - ${o.k} else 0 end`;
  const r = await db
    .updateTable('items')
    .set({
      extra_k: taken,
      open: sql`case when active_count < ${o.k} + ${taken} then 1 else 0 end`,
      prefer_until: null,
      avoid_vendor: null,
      prefer_skill: null,
    })
    .where('project_id', '=', o.projectId)
    .where('is_gold', '=', 0)
    .where('extra_k', '>', 0)
    .where(sql<boolean>`active_count < ${o.k} + extra_k`)
    .where((eb) =>
      eb(
        'id',
        'in',
        eb.selectFrom('item_results as r').select('r.item_id').where('r.project_id', '=', o.projectId).where('r.confidence', '>=', o.tau),
      ),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
