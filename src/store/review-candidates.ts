/**
 * Which annotations a reviewer may take into review under the project's policy: one definition for the claim (the
 * oldest candidate, locked with `FOR NO KEY UPDATE SKIP LOCKED` on PostgreSQL so concurrent reviewers spread out)
 * and for the count of what is left. The sample is decided from the annotation's id alone, so every reviewer and
 * every server agrees on it.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Executor } from './db.js';
import type { AnnotationsTable, AssignmentsTable, DB } from './schema.js';
import { capabilitiesOf } from './dialect.js';
import type { ReviewTrigger } from '../core/review.js';

/** The candidate query's scope: an annotation `a` joined to its assignment `s`. */
type CandidateEB = ExpressionBuilder<DB & { a: AnnotationsTable } & { s: AssignmentsTable }, 'a' | 's'>;

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
  /** The policy's rules that chose it. */
  triggers: ReviewTrigger[];
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
export async function findCandidate(db: Executor, q: CandidateQuery): Promise<Candidate | undefined> {
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
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const chosen: [ReviewTrigger, unknown][] = [
    ['sample', row.sampled],
    ['first_n', row.first_n],
    ['flagged', row.flagged],
    ['low_confidence', row.low_confidence],
    ['signal', row.signal],
  ];
  return { id: row.id, annotator_id: row.annotator_id, triggers: chosen.filter(([, on]) => Number(on) === 1).map(([t]) => t) };
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
