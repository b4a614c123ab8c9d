/**
 * Review rows, review policies and item flags. Which annotations need review is decided when a reviewer asks for
 * the next one, by the policy in force (see `services/review/next-review.ts` for why), so the label cycle's submit
 * writes nothing extra. The claim is atomic on both engines: on PostgreSQL the candidate annotation is locked with
 * `FOR NO KEY UPDATE SKIP LOCKED` (`review-candidates.ts`) so concurrent reviewers spread over annotations; on SQLite
 * the write transaction (BEGIN IMMEDIATE) is already exclusive. On both, the unique `reviews.annotation_id` with a
 * conditional upsert is the final guard: an annotation is held by at most one live lease and decided at most once.
 */
import type { Selectable } from 'kysely';
import type { Executor } from './db.js';
import type { ReviewPoliciesTable, ReviewsTable } from './schema.js';
import { afterKey, decodeCursor } from './pagination.js';
import { fromJson } from './dialect.js';
import type { AnswerSet } from '../core/schema/index.js';
import type { ReviewOutcome, ReviewPolicy, ReviewStatus, ReviewTrigger } from '../core/review.js';

export type ReviewRow = Selectable<ReviewsTable>;
export type ReviewPolicyRow = Selectable<ReviewPoliciesTable>;

/** A review as read: its status, outcome and triggers as the closed sets they are (triggers are stored comma-joined). */
export interface Review extends Omit<ReviewRow, 'status' | 'outcome' | 'triggers'> {
  status: ReviewStatus;
  outcome: ReviewOutcome | null;
  triggers: ReviewTrigger[];
}

const reviewOf = <R extends ReviewRow>(row: R): Omit<R, 'status' | 'outcome' | 'triggers'> & Review => ({
  ...row,
  status: row.status as ReviewStatus,
  outcome: row.outcome as ReviewOutcome | null,
  triggers: row.triggers ? (row.triggers.split(',') as ReviewTrigger[]) : [],
});


const policyOf = (row: ReviewPolicyRow): ReviewPolicy & { updatedAt: string | null } => ({
  sampleRate: row.sample_rate,
  firstN: row.first_n,
  flagged: row.flagged === 1,
  lowConfidence: row.low_confidence ?? null,
  signals: row.signals === 1,
  gold: row.gold === 1,
  updatedAt: row.updated_at,
});

/** The project's review policy as set, or undefined when none was. */
export async function getPolicy(db: Executor, projectId: string): Promise<(ReviewPolicy & { updatedAt: string | null }) | undefined> {
  const row = await db.selectFrom('review_policies').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  return row && policyOf(row);
}

export async function upsertPolicy(db: Executor, p: { projectId: string; policy: ReviewPolicy; updatedBy: string; updatedAt: string }) {
  const { policy } = p;
  const row: ReviewPolicyRow = {
    project_id: p.projectId,
    sample_rate: policy.sampleRate,
    first_n: policy.firstN,
    flagged: policy.flagged ? 1 : 0,
    low_confidence: policy.lowConfidence,
    signals: policy.signals ? 1 : 0,
    gold: policy.gold ? 1 : 0,
    updated_by: p.updatedBy,
    updated_at: p.updatedAt,
  };
  const { project_id: _key, ...set } = row;
  await db
    .insertInto('review_policies')
    .values(row)
    .onConflict((oc) => oc.column('project_id').doUpdateSet(set))
    .execute();
}

/** Flags an item (a later flag replaces the reason). */
export async function flagItem(db: Executor, row: { item_id: string; project_id: string; flagged_by: string; reason: string; created_at: string }) {
  const { item_id: _key, project_id: _p, ...set } = row;
  await db
    .insertInto('item_flags')
    .values(row)
    .onConflict((oc) => oc.column('item_id').doUpdateSet(set))
    .execute();
}

export function getFlag(db: Executor, itemId: string) {
  return db.selectFrom('item_flags').selectAll().where('item_id', '=', itemId).executeTakeFirst();
}

/**
 * Takes the annotation into review for the reviewer: a new review row, or the row of a lease that lapsed (which
 * keeps its id). Returns the review id, or undefined when another reviewer holds or decided it meanwhile.
 */
export async function takeReview(
  db: Executor,
  r: { id: string; projectId: string; annotationId: string; annotatorId: string; reviewerId: string; leaseExpiresAt: string; triggers: ReviewTrigger[]; now: string },
): Promise<string | undefined> {
  const row = await db
    .insertInto('reviews')
    .values({
      id: r.id,
      project_id: r.projectId,
      annotation_id: r.annotationId,
      annotator_id: r.annotatorId,
      reviewer_id: r.reviewerId,
      status: 'leased',
      lease_expires_at: r.leaseExpiresAt,
      triggers: r.triggers.join(','),
      created_at: r.now,
    })
    .onConflict((oc) =>
      oc
        .column('annotation_id')
        .doUpdateSet((eb) => ({
          reviewer_id: eb.ref('excluded.reviewer_id'),
          lease_expires_at: eb.ref('excluded.lease_expires_at'),
          triggers: eb.ref('excluded.triggers'),
        }))
        .where('reviews.status', '=', 'leased')
        .where('reviews.lease_expires_at', '<=', r.now),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** The reviewer's live lease in the project, if any (resumed before a new one is taken). */
export async function findOpenLease(db: Executor, projectId: string, reviewerId: string, now: string): Promise<Review | undefined> {
  const row = await db
    .selectFrom('reviews')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('reviewer_id', '=', reviewerId)
    .where('status', '=', 'leased')
    .where('lease_expires_at', '>', now)
    .orderBy('created_at')
    .executeTakeFirst();
  return row && reviewOf(row);
}

export async function getReview(db: Executor, id: string): Promise<Review | undefined> {
  const row = await db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
  return row && reviewOf(row);
}

/** The review of an annotation (live, lapsed or decided), if it ever had one. */
export async function getReviewOfAnnotation(db: Executor, annotationId: string): Promise<Review | undefined> {
  const row = await db.selectFrom('reviews').selectAll().where('annotation_id', '=', annotationId).executeTakeFirst();
  return row && reviewOf(row);
}

/** Records the verdict; false when the review is no longer this reviewer's open one (decided, or taken over). */
export async function decideReview(
  db: Executor,
  d: { id: string; reviewerId: string; outcome: ReviewOutcome; reason: string | null; correctionAnnotationId: string | null; now: string },
): Promise<boolean> {
  const r = await db
    .updateTable('reviews')
    .set({ status: 'decided', outcome: d.outcome, reason: d.reason, correction_annotation_id: d.correctionAnnotationId, decided_at: d.now })
    .where('id', '=', d.id)
    .where('reviewer_id', '=', d.reviewerId)
    .where('status', '=', 'leased')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface ListReviewsOptions {
  projectId: string;
  status?: ReviewStatus | undefined;
  outcome?: ReviewOutcome | undefined;
  annotatorId?: string | undefined;
  reviewerId?: string | undefined;
  /** Only the annotators of this vendor (a vendor-scoped reader). */
  vendorId?: string | undefined;
  /** Leave out reviews of items that are gold (an annotator reading their own: see services/review/my-reviews.ts). */
  withoutGold?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

export async function listReviews(db: Executor, o: ListReviewsOptions) {
  const after = decodeCursor(o.cursor);
  const rows = await db
    .selectFrom('reviews as r')
    .innerJoin('annotations as a', 'a.id', 'r.annotation_id')
    .selectAll('r')
    .select('a.item_id')
    .where('r.project_id', '=', o.projectId)
    .$if(o.status !== undefined, (q) => q.where('r.status', '=', o.status!))
    .$if(o.outcome !== undefined, (q) => q.where('r.outcome', '=', o.outcome!))
    .$if(o.annotatorId !== undefined, (q) => q.where('r.annotator_id', '=', o.annotatorId!))
    .$if(o.reviewerId !== undefined, (q) => q.where('r.reviewer_id', '=', o.reviewerId!))
    .$if(o.vendorId !== undefined, (q) => q.where('a.vendor_id', '=', o.vendorId!))
    .$if(o.withoutGold === true, (q) =>
      q.where((eb) => eb.not(eb.exists(eb.selectFrom('gold_answers as g').select('g.item_id').whereRef('g.item_id', '=', 'a.item_id')))),
    )
    .$if(after !== null, (q) => q.where((eb) => afterKey(eb, after!, 'r.')))
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(o.limit + 1)
    .execute();
  return rows.map(reviewOf);
}

/** Decided reviews per annotator and outcome in a project. */
export async function tallyByAnnotator(db: Executor, projectId: string, vendorId?: string) {
  const rows = await db
    .selectFrom('reviews as r')
    .innerJoin('annotations as a', 'a.id', 'r.annotation_id')
    .select((eb) => ['r.annotator_id', 'r.outcome', eb.fn.countAll<number>().as('n')])
    .where('r.project_id', '=', projectId)
    .where('r.status', '=', 'decided')
    .$if(vendorId !== undefined, (q) => q.where('a.vendor_id', '=', vendorId!))
    .groupBy(['r.annotator_id', 'r.outcome'])
    .execute();
  return rows.map((r) => ({ annotator_id: r.annotator_id, outcome: r.outcome as ReviewOutcome, n: Number(r.n) }));
}

/** The annotation under review with what a reviewer needs beside it: item data and the author's pseudonym. */
export async function getAnnotationForReview(db: Executor, annotationId: string) {
  const row = await db
    .selectFrom('annotations as a')
    .innerJoin('items as i', 'i.id', 'a.item_id')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .innerJoin('users as u', 'u.id', 'a.annotator_id')
    .selectAll('a')
    .select(['i.data as item_data', 'p.org_id', 'u.pseudonym'])
    .where('a.id', '=', annotationId)
    .executeTakeFirst();
  return (
    row && {
      ...row,
      answers: fromJson<AnswerSet>(row.answers),
      client_signals: fromJson(row.client_signals),
      item_data: fromJson<Record<string, unknown>>(row.item_data),
    }
  );
}

/**
 * The other annotations of an item, beside one under review, oldest first: who (pseudonym), their answers, whether
 * each is a reviewer's correction, and the verdict on it if one was given. `vendorId` keeps a vendor-scoped reader to
 * their vendor's people.
 */
export async function listOtherAnnotations(db: Executor, o: { itemId: string; exceptAnnotationId: string; vendorId?: string | undefined }) {
  const rows = await db
    .selectFrom('annotations as a')
    .innerJoin('assignments as s', 's.id', 'a.assignment_id')
    .innerJoin('users as u', 'u.id', 'a.annotator_id')
    .leftJoin('reviews as rv', (j) => j.onRef('rv.annotation_id', '=', 'a.id').on('rv.status', '=', 'decided'))
    .select(['a.id', 'u.pseudonym', 'a.answers', 'a.schema_version', 'a.created_at', 's.status as assignment_status', 'rv.outcome'])
    .where('a.item_id', '=', o.itemId)
    .where('a.id', '<>', o.exceptAnnotationId)
    .$if(o.vendorId !== undefined, (q) => q.where('a.vendor_id', '=', o.vendorId!))
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...r, answers: fromJson<AnswerSet>(r.answers), outcome: r.outcome as ReviewOutcome | null }));
}

/** The reviewer's live lease in each of these projects (project id → review id). */
export async function openLeasesOf(db: Executor, reviewerId: string, now: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('reviews')
    .select('project_id')
    .where('reviewer_id', '=', reviewerId)
    .where('status', '=', 'leased')
    .where('lease_expires_at', '>', now)
    .execute();
  return new Set(rows.map((r) => r.project_id));
}
