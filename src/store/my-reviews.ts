/**
 * An annotator's reviewed work: the decided reviews of their own annotations, newest verdict first, with the item,
 * their answers and the reviewer's correction. Items that are gold are left out altogether (see
 * `services/review/my-reviews.ts` for why), in the query itself, so no page, count or cursor can tell them apart.
 */
import type { Executor } from './db.js';
import type { PageKey } from './pagination.js';
import { fromJson } from './dialect.js';
import type { AnswerSet } from '../core/schema/index.js';
import type { ReviewOutcome } from '../core/review.js';

export interface MyReviewsQuery {
  annotatorId: string;
  orgId: string;
  projectId?: string | undefined;
  outcome?: string | undefined;
  /** The last row of the previous page: `createdAt` holds its `decided_at`. */
  before: PageKey | null;
  limit: number;
}

export async function listReviewsOfAnnotator(db: Executor, q: MyReviewsQuery) {
  const rows = await db
    .selectFrom('reviews as r')
    .innerJoin('annotations as a', 'a.id', 'r.annotation_id')
    .innerJoin('items as i', 'i.id', 'a.item_id')
    .innerJoin('projects as p', 'p.id', 'r.project_id')
    .leftJoin('annotations as c', 'c.id', 'r.correction_annotation_id')
    .select([
      'r.id',
      'r.project_id',
      'p.name as project_name',
      'r.outcome',
      'r.reason',
      'r.decided_at',
      'a.id as annotation_id',
      'a.item_id',
      'i.data as item_data',
      'a.answers',
      'a.schema_version',
      'a.guideline_version',
      'a.created_at as annotated_at',
      'c.answers as correction_answers',
    ])
    .where('r.annotator_id', '=', q.annotatorId)
    .where('r.status', '=', 'decided')
    .where('p.org_id', '=', q.orgId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('gold_answers as g').select('g.item_id').whereRef('g.item_id', '=', 'a.item_id'))))
    .$if(q.projectId !== undefined, (qb) => qb.where('r.project_id', '=', q.projectId!))
    .$if(q.outcome !== undefined, (qb) => qb.where('r.outcome', '=', q.outcome!))
    .$if(q.before !== null, (qb) =>
      qb.where((eb) =>
        eb.or([eb('r.decided_at', '<', q.before!.createdAt), eb.and([eb('r.decided_at', '=', q.before!.createdAt), eb('r.id', '<', q.before!.id)])]),
      ),
    )
    .orderBy('r.decided_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  return rows.map((r) => ({
    ...r,
    outcome: r.outcome as ReviewOutcome,
    item_data: fromJson<Record<string, unknown>>(r.item_data),
    answers: fromJson<AnswerSet>(r.answers),
    correction_answers: r.correction_answers == null ? null : fromJson<AnswerSet>(r.correction_answers),
  }));
}
