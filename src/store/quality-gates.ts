/**
 * Quality gates in the store: the per-(project, annotator) status row with the gold tallies the gate reads, counted
 * up in the submit's own transaction (`claims.ts`); marking an annotator paused or active again; events; and the
 * reads for the claim guard, the no-task reason and the managers' list. The verdict, and the words of the events,
 * are the services' (`services/tasks/submit-annotation.ts`, `services/quality/gates.ts`).
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { GoldTally } from '../core/gold/quality-gate.js';
import type { Executor } from './db.js';
import { prepare } from './prepared.js';

/** The status row's columns the gate reads after a submit (the SQL shape of `GateStanding`). */
export interface GateTallyRow {
  status: string;
  gold_n: number;
  gold_correct: number;
  fail_streak: number;
}

/** An annotator's standing on a project after a submit: active or not, and their gold tallies including it. */
export interface GateStanding {
  active: boolean;
  tally: GoldTally;
}

/** The one mapping of a status row to a standing, for the upsert on SQLite and the submit statement alike. */
export const standingOf = (r: GateTallyRow): GateStanding => ({
  active: r.status === 'active',
  tally: { n: Number(r.gold_n), correct: Number(r.gold_correct), failStreak: Number(r.fail_streak) },
});

/**
 * The tally columns inserted for a submit whose score is `correct` (0, 1, or null for a normal item): `gold_n`,
 * `gold_correct`, `fail_streak`, each zero for a normal item.
 */
export const TALLY_VALUES = (correct: RawBuilder<unknown>) =>
  sql`case when ${correct} is null then 0 else 1 end, coalesce(${correct}, 0), case when ${correct} = 0 then 1 else 0 end`;

/** Adds an inserted row (`excluded`) to an existing status row; a normal item's zero row changes nothing of it. */
export const TALLY_UPDATE = sql`
      gold_n = annotator_project_status.gold_n + excluded.gold_n,
      gold_correct = annotator_project_status.gold_correct + excluded.gold_correct,
      fail_streak = case when excluded.gold_n = 0 then annotator_project_status.fail_streak
        when excluded.gold_correct = 1 then 0 else annotator_project_status.fail_streak + 1 end,
      updated_at = case when excluded.gold_n = 0 then annotator_project_status.updated_at else excluded.updated_at end`;

/**
 * Counts one submit into the annotator's tallies and returns them after it: a scored gold annotation (`correct` 0 or
 * 1) adds to them; a normal one (`correct` null) leaves them as they were, with the same statement doing the same
 * work, so that a submit's cost does not tell gold from normal (its status row is created, with zero tallies, at the
 * annotator's first submit of either kind; a zero row reads as no row everywhere). One statement; SQLite form (on
 * PostgreSQL the same upsert is a CTE of the submit statement).
 */
const countGold = prepare<{ projectId: string; annotatorId: string; correct: number | null; now: string }, GateTallyRow>(
  (_db, p) => sql<GateTallyRow>`
    insert into annotator_project_status (project_id, annotator_id, status, gold_n, gold_correct, fail_streak, updated_at)
    values (${p.projectId}, ${p.annotatorId}, 'active', ${TALLY_VALUES(sql`cast(${p.correct} as integer)`)}, ${p.now})
    on conflict (project_id, annotator_id) do update set ${TALLY_UPDATE}
    returning status, gold_n, gold_correct, fail_streak`,
);

export async function countGoldForGate(
  db: Executor,
  o: { projectId: string; annotatorId: string; correct: number | null; now: string },
): Promise<GateStanding> {
  const row = await countGold.first(db, o);
  if (!row) throw new Error('gold tally upsert returned no row');
  return standingOf(row);
}

/**
 * Marks an active annotator paused on the project with the gate's reason; false when they were not active (already
 * paused). Their open leases and the event are the caller's next statements, in the same transaction.
 */
export async function markPaused(db: Executor, p: { projectId: string; annotatorId: string; reason: string; now: string }): Promise<boolean> {
  const changed = await db
    .updateTable('annotator_project_status')
    .set({ status: 'paused', reason: p.reason, paused_at: p.now, updated_at: p.now })
    .where('project_id', '=', p.projectId)
    .where('annotator_id', '=', p.annotatorId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) === 1;
}

/**
 * Reinstates a paused annotator: active again, with fresh gold tallies (the gate judges their work from now on, so
 * the record that paused them does not pause them again at the next gold item), and an `annotator.reinstated`
 * event saying `message`. False when they were not paused.
 */
export async function reinstateAnnotator(
  db: Executor,
  p: { orgId: string; projectId: string; annotatorId: string; by: string; eventId: string; message: string; now: string },
): Promise<boolean> {
  const changed = await db
    .updateTable('annotator_project_status')
    .set({ status: 'active', reinstated_by: p.by, reinstated_at: p.now, gold_n: 0, gold_correct: 0, fail_streak: 0, updated_at: p.now })
    .where('project_id', '=', p.projectId)
    .where('annotator_id', '=', p.annotatorId)
    .where('status', '=', 'paused')
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return false;
  await insertEvent(db, {
    id: p.eventId,
    org_id: p.orgId,
    project_id: p.projectId,
    kind: 'annotator.reinstated',
    subject_id: p.annotatorId,
    actor_id: p.by,
    message: p.message,
    created_at: p.now,
  });
  return true;
}

export async function insertEvent(
  db: Executor,
  e: { id: string; org_id: string; project_id: string | null; kind: string; subject_id: string | null; actor_id: string; message: string; created_at: string },
) {
  await db.insertInto('events').values(e).execute();
}

const pausedQuery = prepare<{ projectId: string; annotatorId: string }, { reason: string | null }>((db, p) =>
  db
    .selectFrom('annotator_project_status')
    .select('reason')
    .where('project_id', '=', p.projectId)
    .where('annotator_id', '=', p.annotatorId)
    .where('status', '=', 'paused'),
);

/** The row when the annotator is paused on the project (with the gate's reason), else undefined. */
export function findPause(db: Executor, projectId: string, annotatorId: string) {
  return pausedQuery.first(db, { projectId, annotatorId });
}

/** Paused annotators of a project (optionally of one vendor), most recently paused first. */
export function listPaused(db: Executor, projectId: string, vendorId?: string) {
  return db
    .selectFrom('annotator_project_status as s')
    .innerJoin('users as u', 'u.id', 's.annotator_id')
    .select(['s.annotator_id', 'u.name', 'u.vendor_id', 's.reason', 's.paused_at', 's.reinstated_by', 's.reinstated_at', 's.gold_n', 's.gold_correct', 's.fail_streak'])
    .where('s.project_id', '=', projectId)
    .where('s.status', '=', 'paused')
    .$if(vendorId !== undefined, (q) => q.where('u.vendor_id', '=', vendorId ?? ''))
    .orderBy('s.paused_at', 'desc')
    .orderBy('s.annotator_id')
    .execute();
}

/** A project's events (newest first), optionally only those about one vendor's annotators. */
export function listEvents(db: Executor, projectId: string, limit: number, vendorId?: string) {
  return db
    .selectFrom('events as e')
    .leftJoin('users as u', 'u.id', 'e.subject_id')
    .select(['e.id', 'e.kind', 'e.subject_id', 'e.actor_id', 'e.message', 'e.created_at'])
    .where('e.project_id', '=', projectId)
    .$if(vendorId !== undefined, (q) => q.where('u.vendor_id', '=', vendorId ?? ''))
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id')
    .limit(limit)
    .execute();
}

/** The annotator column (`annotator_id` by default) is not paused on the project by its quality gate. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- used under several table aliases
export const notPausedOn = (eb: any, projectId: string, column = 'annotator_id'): Expression<SqlBool> =>
  eb(
    column,
    'not in',
    eb.selectFrom('annotator_project_status as ps').select('ps.annotator_id').where('ps.project_id', '=', projectId).where('ps.status', '=', 'paused'),
  );

/**
 * The annotation (`annotations.id` by default) was not set aside by review: no decided review rejected it or
 * replaced it with a correction (the correction, an annotation of its own, stands in its place).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- used under several table aliases
export const notSetAsideByReview = (eb: any, column = 'annotations.id'): Expression<SqlBool> =>
  eb.not(
    eb.exists(
      eb
        .selectFrom('reviews as rv')
        .select('rv.id')
        .whereRef('rv.annotation_id', '=', column)
        .where('rv.status', '=', 'decided')
        .where('rv.outcome', 'in', ['reject', 'correct']),
    ),
  );
