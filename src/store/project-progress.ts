/**
 * How far a project's work is, as the progress views show it: its items by status against their planned judgments,
 * live leases and skips (`projectProgress`), and one vendor's share of it (`vendorProgress`). Derived from rows on
 * every read; gold items are counted apart (they never complete).
 */
import { sql, type SqlBool } from 'kysely';
import type { Executor } from './db.js';

/**
 * Per-project counts for the progress view, derived from rows; gold items are left out (they never complete). An
 * item is complete at k + extra_k judgments (extra_k: those adaptive overlap asked for); `judgmentsPlanned` sums them.
 */
export async function projectProgress(db: Executor, projectId: string, now: string, overlapK: number) {
  // Gold items are served to every annotator and never complete: they count neither as items to finish nor as
  // judgments towards them, but apart, as gold items. Items are complete, in progress or not started by the rule of
  // `itemStatusOf` (core/figures/counts.ts), written here in SQL.
  const planned = sql<number>`${overlapK} + items.extra_k`;
  const liveLease = sql<SqlBool>`exists (select 1 from assignments a where a.item_id = items.id and a.status = 'leased' and a.lease_expires_at > ${now})`;
  const real = sql<SqlBool>`items.is_gold = 0`;
  const items = await db
    .selectFrom('items')
    .select((eb) => [
      eb.fn.sum<number>(sql<number>`case when ${real} then 1 else 0 end`).as('total'),
      eb.fn.sum<number>(sql<number>`case when ${real} and items.submitted_count >= ${planned} then 1 else 0 end`).as('done'),
      eb.fn.sum<number>(sql<number>`case when ${real} and items.submitted_count < ${planned} and (items.submitted_count > 0 or ${liveLease}) then 1 else 0 end`).as('started'),
      eb.fn.sum<number>(sql<number>`case when ${real} then items.submitted_count else 0 end`).as('judgments'),
      eb.fn.sum<number>(sql<number>`case when ${real} then ${planned} else 0 end`).as('planned'),
      eb.fn.sum<number>(sql<number>`case when ${real} then 0 else 1 end`).as('gold'),
    ])
    .where('project_id', '=', projectId)
    .where('import_id', 'is', null)
    .executeTakeFirstOrThrow();
  const leases = await db
    .selectFrom('assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .where('status', '=', 'leased')
    .where('lease_expires_at', '>', now)
    .executeTakeFirstOrThrow();
  const skips = await db
    .selectFrom('assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .where('status', '=', 'skipped')
    .executeTakeFirstOrThrow();
  const totalItems = Number(items.total ?? 0);
  const completeItems = Number(items.done ?? 0);
  const itemsInProgress = Number(items.started ?? 0);
  return {
    totalItems,
    completeItems,
    itemsInProgress,
    remainingItems: totalItems - completeItems - itemsInProgress,
    judgments: Number(items.judgments ?? 0),
    judgmentsPlanned: Number(items.planned ?? 0),
    goldItems: Number(items.gold ?? 0),
    activeLeases: Number(leases.n),
    skips: Number(skips.n),
  };
}

/**
 * One vendor's share of a project's work: its judgments on real items (the vendor recorded on the annotation),
 * and the live leases and skips of its annotators today.
 */
export async function vendorProgress(db: Executor, projectId: string, vendorId: string, now: string) {
  const judgments = await db
    .selectFrom('annotations as a')
    .innerJoin('items as i', 'i.id', 'a.item_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.project_id', '=', projectId)
    .where('a.vendor_id', '=', vendorId)
    .where('i.is_gold', '=', 0)
    .executeTakeFirstOrThrow();
  const byStatus = await db
    .selectFrom('assignments as s')
    .innerJoin('users as u', 'u.id', 's.annotator_id')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when(eb.and([eb('s.status', '=', 'leased'), eb('s.lease_expires_at', '>', now)])).then(1).else(0).end()).as('leases'),
      eb.fn.sum<number>(eb.case().when('s.status', '=', 'skipped').then(1).else(0).end()).as('skips'),
    ])
    .where('s.project_id', '=', projectId)
    .where('u.vendor_id', '=', vendorId)
    .executeTakeFirstOrThrow();
  return { judgments: Number(judgments.n), activeLeases: Number(byStatus.leases ?? 0), skips: Number(byStatus.skips ?? 0) };
}
