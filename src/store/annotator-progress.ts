/**
 * One annotator's own progress in a project, for their start page: what they did, the lease they hold and how many
 * items they could still be given (by the claim's own "never given" condition, `neverGivenTo` in assignments.ts).
 */
import { sql } from 'kysely';
import type { Executor } from './db.js';
import { neverGivenTo } from './assignments.js';

/** One annotator's own work in a project, derived from rows: their judgments, skips, time, open lease and what is left. */
export async function annotatorProgress(db: Executor, o: { projectId: string; annotatorId: string; now: string; overlapK: number }) {
  const mine = await db
    .selectFrom('annotations')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('time_spent_ms').as('ms'),
      eb.fn.max('created_at').as('last'),
    ])
    .where('project_id', '=', o.projectId)
    .where('annotator_id', '=', o.annotatorId)
    .executeTakeFirstOrThrow();
  const skips = await db
    .selectFrom('assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', o.projectId)
    .where('annotator_id', '=', o.annotatorId)
    .where('status', '=', 'skipped')
    .executeTakeFirstOrThrow();
  const lease = await db
    .selectFrom('assignments')
    .select(['id', 'lease_expires_at'])
    .where('project_id', '=', o.projectId)
    .where('annotator_id', '=', o.annotatorId)
    .where('status', '=', 'leased')
    .where('lease_expires_at', '>', o.now)
    .orderBy('created_at')
    .executeTakeFirst();
  // Items still short of k + extra_k judgments that this annotator was never given: the most they could still label. Gold
  // items they were never given count too, but only while such a normal item is left: a gold item is served only
  // while a normal one is eligible, so once the normal items run out the count is 0 (and the claim answers no_task),
  // with unlabeled gold items or not. Until then the count falls by one per task of either kind.
  const left = await db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('items.project_id', '=', o.projectId)
    .where('items.import_id', 'is', null)
    .where(neverGivenTo(db, 'items.id', o.annotatorId, o.projectId))
    .where((eb) =>
      eb.or([
        eb.and([eb('items.is_gold', '=', 0), eb('items.submitted_count', '<', sql<number>`${o.overlapK} + items.extra_k`)]),
        eb.and([
          eb('items.is_gold', '=', 1),
          eb.exists(
            eb
              .selectFrom('items as n')
              .select('n.id')
              .where('n.project_id', '=', o.projectId)
              .where('n.import_id', 'is', null)
              .where('n.is_gold', '=', 0)
              .where('n.submitted_count', '<', sql<number>`${o.overlapK} + n.extra_k`)
              .where(neverGivenTo(db, 'n.id', o.annotatorId, o.projectId)),
          ),
        ]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return {
    judgments: Number(mine.n),
    timeSpentMs: Number(mine.ms ?? 0),
    lastSubmittedAt: (mine.last as string | null) ?? null,
    skips: Number(skips.n),
    openLease: lease ? { assignmentId: lease.id, leaseExpiresAt: lease.lease_expires_at } : null,
    itemsLeft: Number(left.n),
  };
}
