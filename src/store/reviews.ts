/**
 * Review rows, review policies and item flags. Which annotations need review is decided when a reviewer asks for
 * the next one, by the policy in force (see `services/review/next-review.ts` for why), so the label cycle's submit
 * writes nothing extra. The claim is atomic on both engines: on PostgreSQL the candidate annotation is locked with
 * `FOR NO KEY UPDATE SKIP LOCKED` so concurrent reviewers spread over annotations; on SQLite the write transaction
 * (BEGIN IMMEDIATE) is already exclusive. On both, the unique `reviews.annotation_id` with a conditional upsert is
 * the final guard: an annotation is held by at most one live lease and decided at most once.
 */
import type { Expression, ExpressionBuilder, Selectable, SqlBool } from 'kysely';
import type { Executor } from './db.js';
import type { AnnotationsTable, AssignmentsTable, DB, ReviewPoliciesTable, ReviewsTable } from './schema.js';
import { afterKey, decodeCursor } from './pagination.js';
import { capabilitiesOf, fromJson } from './dialect.js';
import type { AnswerSet } from '../core/schema/index.js';
import type { ReviewOutcome, ReviewPolicy, ReviewStatus } from '../core/review.js';

export type ReviewRow = Selectable<ReviewsTable>;
export type ReviewPolicyRow = Selectable<ReviewPoliciesTable>;

/** The candidate query's scope: an annotation `a` joined to its assignment `s`. */
type CandidateEB = ExpressionBuilder<DB & { a: AnnotationsTable } & { s: AssignmentsTable }, 'a' | 's'>;

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
 * Base64url, the alphabet of our ids' random part. Every character of it is equally likely at every position, so
 * the two characters after the prefix (`ann_XY…`) give each annotation a uniform bucket in 0..4095.
 */
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const SAMPLE_BUCKETS = 64 * 64;

/** The annotation's bucket (0..4095) from its id, as `sampledFor` reads it; for tests and the JS side. */
export function sampleBucket(annotationId: string): number {
  const body = annotationId.slice(annotationId.indexOf('_') + 1);
  return ID_ALPHABET.indexOf(body[0]!) * 64 + ID_ALPHABET.indexOf(body[1]!);
}

/**
 * True for the annotations whose bucket is below `round(rate × 4096)`: a fixed, uniform share of them, decided
 * from the id alone, so every reviewer and every server agrees and raising the rate only adds annotations. Written
 * with `in` lists rather than string order, because PostgreSQL's collation need not order characters by byte.
 */
function sampledFor(eb: CandidateEB, rate: number): Expression<SqlBool> {
  const cut = Math.round(Math.min(1, Math.max(0, rate)) * SAMPLE_BUCKETS);
  if (cut >= SAMPLE_BUCKETS) return eb.lit(true);
  if (cut <= 0) return eb.lit(false);
  const hi = Math.floor(cut / 64);
  const lo = cut % 64;
  const first = eb.fn<string>('substr', ['a.id', eb.val(5), eb.val(1)]);
  const second = eb.fn<string>('substr', ['a.id', eb.val(6), eb.val(1)]);
  const parts: Expression<SqlBool>[] = [];
  if (hi > 0) parts.push(eb(first, 'in', [...ID_ALPHABET.slice(0, hi)]));
  if (lo > 0) parts.push(eb.and([eb(first, '=', ID_ALPHABET[hi]!), eb(second, 'in', [...ID_ALPHABET.slice(0, lo)])]));
  return eb.or(parts);
}

export interface CandidateQuery {
  projectId: string;
  reviewerId: string;
  now: string;
  policy: { sampleRate: number; firstN: number; flagged: boolean; lowConfidence: number | null; signals: boolean };
  /** Claim this annotation only (a reviewer asked for it), whatever the policy. */
  annotationId?: string | undefined;
  /** Annotations of gold items may be chosen too (the policy's `gold`, or a request by someone who sees gold). */
  withGold?: boolean | undefined;
}

export interface Candidate {
  id: string;
  annotator_id: string;
  sampled: number;
  first_n: number;
  flagged: number;
  low_confidence: number;
  signal: number;
}

/**
 * The annotations the reviewer may take into review: someone else's, an original (not a correction), of an item that
 * is not gold unless `withGold` (gold is scored against its answer already), not decided and not leased to a live
 * reviewer (the reviewer's own live lease included), and chosen by the policy. One definition for the claim and the
 * count of what is left, so "12 left" counts exactly what the queue would hand out.
 */
function candidates(db: Executor, q: CandidateQuery) {
  const { sampleRate, firstN, flagged, lowConfidence, signals } = q.policy;
  const byPolicy = q.annotationId === undefined;
  return db
    .selectFrom('annotations as a')
    .innerJoin('assignments as s', 's.id', 'a.assignment_id')
    .where('a.project_id', '=', q.projectId)
    .where('a.annotator_id', '<>', q.reviewerId)
    .where('s.status', '<>', 'correction')
    .$if(q.withGold !== true, (qb) =>
      qb.where((eb) => eb.not(eb.exists(eb.selectFrom('gold_answers as g').select('g.item_id').whereRef('g.item_id', '=', 'a.item_id')))),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('reviews as r')
            .select('r.id')
            .whereRef('r.annotation_id', '=', 'a.id')
            .where((w) => w.or([w('r.status', '=', 'decided'), w('r.lease_expires_at', '>', q.now)])),
        ),
      ),
    )
    .$if(!byPolicy, (qb) => qb.where('a.id', '=', q.annotationId!))
    .$if(byPolicy, (qb) =>
      qb.where((eb) =>
        eb.or([
          sampledFor(eb, sampleRate),
          firstNFor(eb, firstN),
          ...(flagged ? [isFlagged(eb)] : []),
          ...(lowConfidence === null ? [] : [isUncertain(eb, lowConfidence)]),
          ...(signals ? [hasSignal(eb)] : []),
        ]),
      ),
    );
}

/** The oldest candidate (see `candidates`); the `sampled`/`first_n`/… columns say which rules chose it. */
export function findCandidate(db: Executor, q: CandidateQuery): Promise<Candidate | undefined> {
  const { sampleRate, firstN, flagged, lowConfidence, signals } = q.policy;
  const uncertain = (eb: CandidateEB) => (lowConfidence === null ? eb.lit(false) : isUncertain(eb, lowConfidence));
  let query = candidates(db, q)
    .select((eb) => [
      'a.id',
      'a.annotator_id',
      eb.case().when(sampledFor(eb, sampleRate)).then(1).else(0).end().as('sampled'),
      eb.case().when(firstNFor(eb, firstN)).then(1).else(0).end().as('first_n'),
      eb.case().when(flagged ? isFlagged(eb) : eb.lit(false)).then(1).else(0).end().as('flagged'),
      eb.case().when(uncertain(eb)).then(1).else(0).end().as('low_confidence'),
      eb.case().when(signals ? hasSignal(eb) : eb.lit(false)).then(1).else(0).end().as('signal'),
    ])
    .orderBy('a.created_at')
    .orderBy('a.id')
    .limit(1);
  if (capabilitiesOf(db).skipLocked) query = query.forNoKeyUpdate('a').skipLocked();
  return query.executeTakeFirst();
}

/** How many annotations the queue would still hand the reviewer (not counting one they hold now). */
export async function countCandidates(db: Executor, q: Omit<CandidateQuery, 'annotationId'>): Promise<number> {
  const row = await candidates(db, q)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Among the annotator's first `n` annotations in the project (by time, then id), corrections not counted. */
function firstNFor(eb: CandidateEB, n: number): Expression<SqlBool> {
  if (n <= 0) return eb.lit(false);
  const earlier = eb
    .selectFrom('annotations as b')
    .innerJoin('assignments as bs', 'bs.id', 'b.assignment_id')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('b.project_id', '=', 'a.project_id')
    .whereRef('b.annotator_id', '=', 'a.annotator_id')
    .where('bs.status', '<>', 'correction')
    .where((e) => e.or([e('b.created_at', '<', e.ref('a.created_at')), e.and([e('b.created_at', '=', e.ref('a.created_at')), e('b.id', '<', e.ref('a.id'))])]));
  return eb(earlier, '<', n);
}

/**
 * The item has every judgment it asked for (k, plus adaptive overlap's extra ones) and its live aggregate
 * (`item_results`) is still under `threshold`: the judgments did not settle it, so a person should look.
 */
function isUncertain(eb: CandidateEB, threshold: number): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('item_results as ir')
      .innerJoin('items as ii', 'ii.id', 'ir.item_id')
      .innerJoin('projects as pp', 'pp.id', 'ii.project_id')
      .select('ir.item_id')
      .whereRef('ir.item_id', '=', 'a.item_id')
      .where('ir.confidence', '<', threshold)
      .where((e) => e('ii.submitted_count', '>=', e(e.ref('pp.overlap_k'), '+', e.ref('ii.extra_k')))),
  );
}

/** The annotation has a persisted effort or fraud signal (`annotation_signals`, written when signals are computed). */
function hasSignal(eb: CandidateEB): Expression<SqlBool> {
  return eb.exists(eb.selectFrom('annotation_signals as sg').select('sg.annotation_id').whereRef('sg.annotation_id', '=', 'a.id'));
}

function isFlagged(eb: CandidateEB): Expression<SqlBool> {
  return eb.exists(eb.selectFrom('item_flags as f').select('f.item_id').whereRef('f.item_id', '=', 'a.item_id'));
}

/**
 * Takes the annotation into review for the reviewer: a new review row, or the row of a lease that lapsed (which
 * keeps its id). Returns the review id, or undefined when another reviewer holds or decided it meanwhile.
 */
export async function takeReview(
  db: Executor,
  r: { id: string; projectId: string; annotationId: string; annotatorId: string; reviewerId: string; leaseExpiresAt: string; triggers: string; now: string },
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
      triggers: r.triggers,
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
export function findOpenLease(db: Executor, projectId: string, reviewerId: string, now: string) {
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('reviewer_id', '=', reviewerId)
    .where('status', '=', 'leased')
    .where('lease_expires_at', '>', now)
    .orderBy('created_at')
    .executeTakeFirst();
}

export function getReview(db: Executor, id: string): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
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

export function listReviews(db: Executor, o: ListReviewsOptions) {
  const after = decodeCursor(o.cursor);
  return db
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
}

/** Decided reviews per annotator and outcome in a project. */
export function tallyByAnnotator(db: Executor, projectId: string, vendorId?: string) {
  return db
    .selectFrom('reviews as r')
    .innerJoin('annotations as a', 'a.id', 'r.annotation_id')
    .select((eb) => ['r.annotator_id', 'r.outcome', eb.fn.countAll<number>().as('n')])
    .where('r.project_id', '=', projectId)
    .where('r.status', '=', 'decided')
    .$if(vendorId !== undefined, (q) => q.where('a.vendor_id', '=', vendorId!))
    .groupBy(['r.annotator_id', 'r.outcome'])
    .execute();
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
