/**
 * Qualifications in the store: a qualification is a project of kind `qualification` (its items are its gold set)
 * plus a `qualifications` row with its domain, pass mark, attempt size and cooldown; each annotator's attempts at
 * it. An attempt's progress is derived from rows, never kept as a counter: the tasks taken in it are the annotator's
 * assignments on the project since it started, its answers their gold scores since then.
 */
import { sql } from 'kysely';
import type { Executor } from './db.js';
import type { AttemptStatus } from '../core/qualification.js';
import type { ProjectRow, QualificationAttemptsTable, QualificationsTable } from './schema.js';
import type { Selectable } from 'kysely';
import { openToVendorCondition, projectOf } from './projects.js';
import { releaseItemSlot } from './assignments.js';
import { prepare } from './prepared.js';
import { capabilitiesOf } from './dialect.js';

export type QualificationRow = Selectable<QualificationsTable>;
export type AttemptRow = Selectable<QualificationAttemptsTable>;
/** An attempt as the store returns it: its status typed. */
export type Attempt = Omit<AttemptRow, 'status'> & { status: AttemptStatus };
const attemptOf = <R extends AttemptRow>(r: R): Omit<R, 'status'> & { status: AttemptStatus } => ({ ...r, status: r.status as AttemptStatus });

export async function insertQualification(db: Executor, row: QualificationRow) {
  await db.insertInto('qualifications').values(row).execute();
}

const qualificationOf = prepare<{ projectId: string }, QualificationRow>((db, p) =>
  db.selectFrom('qualifications').selectAll().where('project_id', '=', p.projectId),
);

/** The qualification settings of a project (undefined for a production project). */
export function getQualification(db: Executor, projectId: string): Promise<QualificationRow | undefined> {
  return qualificationOf.first(db, { projectId });
}

/** Qualification projects of the organization (optionally only active ones open to a vendor), with their settings. */
export async function listQualifications(db: Executor, o: { orgId: string; activeOnly: boolean; openToVendor?: string | null | undefined }) {
  const rows = await (db
    .selectFrom('projects')
    .innerJoin('qualifications as q', 'q.project_id', 'projects.id')
    .selectAll('projects')
    .select(['q.domain as q_domain', 'q.pass_mark', 'q.attempt_size', 'q.cooldown_seconds'])
    .where('projects.org_id', '=', o.orgId)
    .where('projects.kind', '=', 'qualification')
    .$if(o.activeOnly, (q) => q.where('projects.status', '=', 'active'))
    .$if(o.openToVendor !== undefined, (q) => q.where((eb) => openToVendorCondition(eb, o.openToVendor ?? null)))
    .orderBy('projects.created_at')
    .orderBy('projects.id')
    .execute() as Promise<(ProjectRow & { q_domain: string; pass_mark: number; attempt_size: number; cooldown_seconds: number })[]>);
  return rows.map((r) => ({ ...projectOf(r), q_domain: r.q_domain, pass_mark: r.pass_mark, attempt_size: r.attempt_size, cooldown_seconds: r.cooldown_seconds }));
}

/** Gold items (published) per project. */
export async function countGoldItems(db: Executor, projectIds: string[]): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('items')
    .select((eb) => ['project_id', eb.fn.countAll().as('n')])
    .where('project_id', 'in', projectIds)
    .where('is_gold', '=', 1)
    .where('import_id', 'is', null)
    .groupBy('project_id')
    .execute();
  return new Map(rows.map((r) => [r.project_id, Number(r.n)]));
}

/** An active qualification of the organization in the domain (preferred) or a domain below it, for "take …". */
export function findQualificationForDomain(db: Executor, orgId: string, domain: string) {
  return db
    .selectFrom('qualifications as q')
    .innerJoin('projects as p', 'p.id', 'q.project_id')
    .select(['p.id', 'p.name', 'q.domain'])
    .where('p.org_id', '=', orgId)
    .where('p.status', '=', 'active')
    .where((eb) => eb.or([eb('q.domain', '=', domain), eb(sql`substr(q.domain, 1, ${domain.length + 1})`, '=', `${domain}/`)]))
    .orderBy(sql`case when q.domain = ${domain} then 0 else 1 end`)
    .orderBy('p.created_at')
    .limit(1)
    .executeTakeFirst();
}

export async function insertAttempt(db: Executor, row: Attempt) {
  await db.insertInto('qualification_attempts').values(row).execute();
}

const latestAttemptQuery = prepare<{ projectId: string; userId: string }, AttemptRow>((db, p) =>
  db
    .selectFrom('qualification_attempts')
    .selectAll()
    .where('project_id', '=', p.projectId)
    .where('user_id', '=', p.userId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1),
);

/** The user's latest attempt at the qualification (the open one while there is one: attempts do not overlap). */
export async function latestAttempt(db: Executor, projectId: string, userId: string): Promise<Attempt | undefined> {
  const r = await latestAttemptQuery.first(db, { projectId, userId });
  return r && attemptOf(r);
}

export async function getAttempt(db: Executor, id: string): Promise<Attempt | undefined> {
  const r = await db.selectFrom('qualification_attempts').selectAll().where('id', '=', id).executeTakeFirst();
  return r && attemptOf(r);
}

/** Whether the user has passed the qualification. */
export async function hasPassed(db: Executor, projectId: string, userId: string): Promise<boolean> {
  const r = await db
    .selectFrom('qualification_attempts')
    .select('id')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .where('status', '=', 'passed')
    .executeTakeFirst();
  return r !== undefined;
}

/** Attempts at the qualification with their annotators (optionally one user's, or one vendor's), newest first. */
export async function listAttempts(db: Executor, projectId: string, o: { userId?: string | undefined; vendorId?: string | undefined } = {}) {
  const rows = await db
    .selectFrom('qualification_attempts as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .selectAll('a')
    .select(['u.name as user_name', 'u.vendor_id'])
    .where('a.project_id', '=', projectId)
    .$if(o.userId !== undefined, (q) => q.where('a.user_id', '=', o.userId ?? ''))
    .$if(o.vendorId !== undefined, (q) => q.where('u.vendor_id', '=', o.vendorId ?? ''))
    .orderBy('a.started_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map(attemptOf);
}

/** Each user's latest attempt at each of the qualifications (for "mine" in the list). */
export async function latestAttemptsOf(db: Executor, userId: string, projectIds: string[]): Promise<Map<string, Attempt>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('qualification_attempts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('project_id', 'in', projectIds)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.project_id, attemptOf(r)]));
}

/** What an attempt has come to, from rows: tasks taken (any outcome), gold answers and correct ones, an open lease. */
export interface AttemptTally {
  taken: number;
  answered: number;
  correct: number;
  openLease: boolean;
}

export async function tallyAttempt(db: Executor, a: { project_id: string; user_id: string; started_at: string }, now: string): Promise<AttemptTally> {
  const [tasks, scores] = await Promise.all([
    db
      .selectFrom('assignments')
      .select((eb) => [
        eb.fn.countAll().as('taken'),
        eb.fn.sum(eb.case().when(eb.and([eb('status', '=', 'leased'), eb('lease_expires_at', '>', now)])).then(1).else(0).end()).as('open'),
      ])
      .where('annotator_id', '=', a.user_id)
      .where('project_id', '=', a.project_id)
      .where('created_at', '>=', a.started_at)
      .executeTakeFirst(),
    db
      .selectFrom('gold_scores')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('correct').as('correct')])
      .where('annotator_id', '=', a.user_id)
      .where('project_id', '=', a.project_id)
      .where('created_at', '>=', a.started_at)
      .executeTakeFirst(),
  ]);
  return {
    taken: Number(tasks?.taken ?? 0),
    openLease: Number(tasks?.open ?? 0) > 0,
    answered: Number(scores?.n ?? 0),
    correct: Number(scores?.correct ?? 0),
  };
}

/** Gold items of the qualification the user was never given (the pool a new attempt draws from). */
export async function countUnseenGold(db: Executor, projectId: string, userId: string): Promise<number> {
  const r = await db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('items.project_id', '=', projectId)
    .where('items.is_gold', '=', 1)
    .where('items.import_id', 'is', null)
    .where(sql<boolean>`not exists (select 1 from assignments a where a.item_id = items.id and a.annotator_id = ${userId})`)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Keeps the open attempt's counts current (shown to managers while it runs). */
export async function updateAttemptCounts(db: Executor, id: string, answered: number, correct: number) {
  await db.updateTable('qualification_attempts').set({ answered, correct }).where('id', '=', id).where('status', '=', 'open').execute();
}

/** Closes an open attempt with its outcome; false when it was no longer open (a concurrent close won). */
export async function closeAttempt(
  db: Executor,
  c: { id: string; status: Exclude<AttemptStatus, 'open'>; answered: number; correct: number; finishedAt: string; retakeAt: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('qualification_attempts')
    .set({ status: c.status, answered: c.answered, correct: c.correct, finished_at: c.finishedAt, retake_at: c.retakeAt })
    .where('id', '=', c.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Returns the user's open leases on the project to the pool (their attempt ended); the items are gold, always open. */
export async function releaseOpenLeases(db: Executor, projectId: string, userId: string, now: string) {
  const released = await db
    .updateTable('assignments')
    .set({ status: 'expired', completed_at: now })
    .where('project_id', '=', projectId)
    .where('annotator_id', '=', userId)
    .where('status', '=', 'leased')
    .returning('item_id')
    .execute();
  for (const { item_id } of released) await releaseItemSlot(db, item_id, 1);
}

/**
 * Serialises writes about one user within the caller's write transaction: a row lock on PostgreSQL (where concurrent
 * transactions would otherwise both pass a check-then-insert); nothing on SQLite, whose write transaction is already
 * exclusive (the same reason its claim needs no SKIP LOCKED).
 */
export async function lockUser(db: Executor, userId: string) {
  if (!capabilitiesOf(db).skipLocked) return;
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}
