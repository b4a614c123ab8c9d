/**
 * Assignments (item × annotator with a lease) and the claim, the hottest write path. The item row carries
 * `active_count` (unexpired leases + submissions) and `open` (active_count < k), updated in the same transaction
 * as the assignment rows, so the claim reads one indexed range of open items and a conditional UPDATE on the
 * claimed row is the final guard against over-assignment on either engine.
 */
import { sql } from 'kysely';
import type { Executor } from './db.js';
import type { AssignmentRow } from './schema.js';
import type { DialectCapabilities } from './dialect.js';

export const ASSIGNMENT_STATUSES = ['leased', 'submitted', 'skipped', 'expired'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Marks the project's lapsed leases expired and gives their items back to the pool; returns how many. */
export async function expireLeases(db: Executor, projectId: string, now: string, overlapK: number): Promise<number> {
  const expired = await db
    .updateTable('assignments')
    .set({ status: 'expired', completed_at: now })
    .where('project_id', '=', projectId)
    .where('status', '=', 'leased')
    .where('lease_expires_at', '<=', now)
    .returning('item_id')
    .execute();
  for (const { item_id } of expired) await releaseItemSlot(db, item_id, overlapK);
  return expired.length;
}

/** Frees one judgment slot on the item (a lease expired or was skipped). */
export async function releaseItemSlot(db: Executor, itemId: string, overlapK: number) {
  await db
    .updateTable('items')
    .set({
      active_count: sql`active_count - 1`,
      open: sql`case when active_count - 1 < ${overlapK} then 1 else 0 end`,
    })
    .where('id', '=', itemId)
    .execute();
}

/** The annotator's unexpired lease in the project, if any: "next task" resumes it instead of taking another. */
export function findOpenLease(db: Executor, projectId: string, annotatorId: string, now: string) {
  return db
    .selectFrom('assignments')
    .selectAll()
    .where('annotator_id', '=', annotatorId)
    .where('project_id', '=', projectId)
    .where('status', '=', 'leased')
    .where('lease_expires_at', '>', now)
    .orderBy('created_at')
    .executeTakeFirst();
}

/**
 * The first open item, in serving order, that the annotator has never been assigned. On PostgreSQL the row is
 * locked with SKIP LOCKED so concurrent claimers spread over items instead of queueing on one.
 */
export function findClaimCandidate(
  db: Executor,
  dialect: DialectCapabilities,
  projectId: string,
  annotatorId: string,
  skip = 0,
) {
  let q = db
    .selectFrom('items')
    .select(['items.id', 'items.data'])
    .where('items.project_id', '=', projectId)
    .where('items.open', '=', 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('assignments')
            .select('assignments.id')
            .whereRef('assignments.item_id', '=', 'items.id')
            .where('assignments.annotator_id', '=', annotatorId),
        ),
      ),
    )
    .orderBy('items.priority', 'desc')
    .orderBy('items.seq')
    .limit(1)
    .offset(skip);
  if (dialect.skipLocked) q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

/** Takes one judgment slot on the item if it still has one; false when another claim took the last. */
export async function takeItemSlot(db: Executor, itemId: string, overlapK: number): Promise<boolean> {
  const r = await db
    .updateTable('items')
    .set({
      active_count: sql`active_count + 1`,
      open: sql`case when active_count + 1 < ${overlapK} then 1 else 0 end`,
    })
    .where('id', '=', itemId)
    .where('active_count', '<', overlapK)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertAssignment(db: Executor, row: AssignmentRow) {
  await db.insertInto('assignments').values(row).execute();
}

export function getAssignment(db: Executor, id: string): Promise<AssignmentRow | undefined> {
  return db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An assignment with what submitting it needs (its item's data, its project's versions and k), in one query. */
export function getAssignmentForSubmit(db: Executor, id: string) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('items as i', 'i.id', 'a.item_id')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .select([
      'a.id',
      'a.project_id',
      'a.item_id',
      'a.annotator_id',
      'a.status',
      'a.lease_expires_at',
      'i.data as item_data',
      'p.schema_version',
      'p.guideline_version',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** Moves a lease to a final status; false if it was no longer leased (a concurrent submit, skip or expiry won). */
export async function closeAssignment(
  db: Executor,
  id: string,
  status: Exclude<AssignmentStatus, 'leased'>,
  now: string,
  skipReason: string | null = null,
): Promise<boolean> {
  const r = await db
    .updateTable('assignments')
    .set({ status, completed_at: now, skip_reason: skipReason })
    .where('id', '=', id)
    .where('status', '=', 'leased')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countSubmission(db: Executor, itemId: string) {
  await db
    .updateTable('items')
    .set({ submitted_count: sql`submitted_count + 1` })
    .where('id', '=', itemId)
    .execute();
}

/** Per-project counts for the progress view, derived from rows. */
export async function projectProgress(db: Executor, projectId: string, now: string, overlapK: number) {
  const items = await db
    .selectFrom('items')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('submitted_count', '>=', overlapK).then(1).else(0).end()).as('done'),
      eb.fn.sum<number>('submitted_count').as('judgments'),
    ])
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
  const leases = await db
    .selectFrom('assignments')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('item_id').distinct().as('items')])
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
  return {
    totalItems: Number(items.total),
    completeItems: Number(items.done ?? 0),
    judgments: Number(items.judgments ?? 0),
    activeLeases: Number(leases.n),
    itemsInProgress: Number(leases.items),
    skips: Number(skips.n),
  };
}
