/**
 * "Annotators hear the verdict": an annotator's own reviewed annotations, each with the item, their answers, the
 * outcome (accepted, rejected with the reviewer's reason, corrected with the correction's answers), and the
 * guideline version it was judged under (the one the annotator worked under: the reviewer judges by it). Never who
 * reviewed it.
 *
 * Gold. The review queue never takes an annotation of a gold item, but an item can become gold after its review
 * (a lab promotes corrected items to gold: a correction is then the gold answer). So reviews of items that are gold
 * now are left out of what an annotator reads, whatever their outcome: a correction could give the gold answer, and
 * a verdict on a gold item would say it is gold. Leaving them out is not itself a tell while gold is imported with
 * the items, since no gold item is ever reviewed; when an item is promoted later, its review leaves the list of the
 * annotator who made it (an item they will never be served again).
 *
 * Scope: the annotator's own annotations in any project of their organization, also one no longer open to their
 * vendor (it is their own work, on items they were given); a named `projectId` must be one they may see.
 */
import { authorize, type Actor } from '../../core/permissions.js';
import { forbidden } from '../../core/errors.js';
import type { AnswerSet } from '../../core/schema/index.js';
import { listReviewsOfAnnotator } from '../../store/my-reviews.js';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, type Page } from '../../store/pagination.js';
import type { ReviewOutcome } from '../../core/review.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';

export interface MyReviewView {
  /** The review's id. */
  id: string;
  projectId: string;
  projectName: string;
  item: { id: string; data: Record<string, unknown> };
  /** The annotator's own annotation, as they submitted it. */
  annotation: {
    id: string;
    answers: AnswerSet;
    schemaVersion: number;
    /** The guidelines the annotator worked under, by which the reviewer judged the work. */
    guidelineVersion: number;
    createdAt: string;
  };
  outcome: ReviewOutcome;
  /** Why it was rejected (always given), what was wrong in a correction, or an acceptance's comment. */
  reason: string | null;
  /** The reviewer's answers that replace the annotator's (outcome `correct`), on the same schema version. */
  correction: { answers: AnswerSet } | null;
  decidedAt: string;
}

export interface MyReviewsQuery {
  projectId?: string | undefined;
  outcome?: ReviewOutcome | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** The caller's own reviewed annotations, newest verdict first. */
export async function listMyReviews(deps: ServiceDeps, actor: Actor, q: MyReviewsQuery): Promise<Page<MyReviewView>> {
  authorize(actor, 'annotation.read_own');
  if (actor.kind !== 'user') throw forbidden('Only a signed-in user has reviewed work of their own');
  // A project named must be one the caller may see (404 otherwise, like any project route).
  if (q.projectId !== undefined) await requireProject(deps, actor, q.projectId);
  const limit = Math.min(q.limit ?? 20, MAX_PAGE_SIZE);
  const rows = await listReviewsOfAnnotator(deps.store.db, {
    annotatorId: actor.userId,
    orgId: actor.orgId,
    projectId: q.projectId,
    outcome: q.outcome,
    before: decodeCursor(q.cursor),
    limit,
  });
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    items: shown.map((r) => ({
      id: r.id,
      projectId: r.project_id,
      projectName: r.project_name,
      item: { id: r.item_id, data: r.item_data },
      annotation: {
        id: r.annotation_id,
        answers: r.answers,
        schemaVersion: r.schema_version,
        guidelineVersion: r.guideline_version,
        createdAt: r.annotated_at,
      },
      outcome: r.outcome,
      reason: r.reason,
      correction: r.outcome === 'correct' && r.correction_answers != null ? { answers: r.correction_answers } : null,
      decidedAt: r.decided_at!,
    })),
    nextCursor: more && last ? encodeCursor({ createdAt: last.decided_at!, id: last.id }) : null,
  };
}
