/**
 * What a reviewer sees beside the annotation under review, and how much is left:
 * - the other annotations of the same item (pseudonyms, as the review itself is blind to names; a vendor-scoped
 *   reader sees only their vendor's people), each said to be a reviewer's correction or already judged;
 * - the item's current aggregate per question with its confidence and basis, from the results service (the same
 *   figure as the results browser, the export and the report: one definition);
 * - for a gold item, its gold answer, only to those who may see gold: managers and admins (`gold.manage`), and
 *   reviewers when the project's review policy brings gold to review (`gold`). Nothing here ever reaches an
 *   annotator: only `review.perform` holders read a review task.
 * "Left" counts exactly what the queue would hand this reviewer (`store/review-candidates.ts` `candidates`), plus the one held.
 */
import { can, vendorScopeOf, type Actor } from '../../core/permissions.js';
import type { AnswerSet } from '../../core/schema/index.js';
import { getGoldAnswer } from '../../store/item-listing.js';
import * as reviews from '../../store/reviews.js';
import { countCandidates } from '../../store/review-candidates.js';
import type { ReviewOutcome, ReviewPolicy } from '../../core/review.js';
import type { Executor } from '../../store/db.js';
import type { Project } from '../../store/projects.js';
import type { ServiceDeps } from '../deps.js';
import { loadProjectResults } from '../results/project-results.js';
import type { QuestionAggregate } from '../results/result-types.js';

export interface OtherAnnotationView {
  id: string;
  /** The author's stable pseudonym. */
  annotator: string;
  answers: AnswerSet;
  schemaVersion: number;
  createdAt: string;
  /** A reviewer's correction of another annotation, rather than an annotator's own judgment. */
  isCorrection: boolean;
  /** The verdict already given on it, if any. */
  outcome: ReviewOutcome | null;
}

export interface ReviewContext {
  /** The item's other annotations, oldest first. */
  others: OtherAnnotationView[];
  /** The item's current aggregate per question (the results service's), with confidence and basis. */
  aggregates: QuestionAggregate[];
  /** Present only on a gold item, and only for a reader allowed to see gold. */
  gold?: { answers: AnswerSet; explanation: string | null };
}

/** True when the actor may see gold answers while reviewing under this policy. */
export const seesGoldInReview = (actor: Actor, policy: Pick<ReviewPolicy, 'gold'>): boolean => can(actor, 'gold.manage') || policy.gold;

/** The context of the annotation `annotationId` (item `itemId`) for the actor. The caller has checked access. */
export async function loadReviewContext(
  deps: ServiceDeps,
  actor: Actor,
  project: Project,
  policy: Pick<ReviewPolicy, 'gold'>,
  r: { itemId: string; annotationId: string },
): Promise<ReviewContext> {
  const db = deps.store.db;
  const withGold = seesGoldInReview(actor, policy);
  const [others, loaded, gold] = await Promise.all([
    reviews.listOtherAnnotations(db, { itemId: r.itemId, exceptAnnotationId: r.annotationId, vendorId: vendorScopeOf(actor) }),
    loadProjectResults(deps, project),
    withGold ? getGoldAnswer(db, r.itemId) : Promise.resolve(undefined),
  ]);
  return {
    others: others.map((o) => ({
      id: o.id,
      annotator: o.pseudonym,
      answers: o.answers,
      schemaVersion: o.schema_version,
      createdAt: o.created_at,
      isCorrection: o.assignment_status === 'correction',
      outcome: o.outcome ?? null,
    })),
    aggregates: loaded.results.byItem.get(r.itemId) ?? [],
    ...(gold && { gold: { answers: gold.answers, explanation: gold.explanation } }),
  };
}

/** How many annotations are left for the reviewer in the project: what the queue would hand out, plus one held. */
export async function countLeft(
  db: Executor,
  q: { projectId: string; reviewerId: string; now: string; policy: ReviewPolicy; holding: boolean },
): Promise<number> {
  const n = await countCandidates(db, { projectId: q.projectId, reviewerId: q.reviewerId, now: q.now, policy: q.policy, withGold: q.policy.gold });
  return n + (q.holding ? 1 : 0);
}
