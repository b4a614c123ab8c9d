/**
 * Reading reviews: the list behind the console and an annotator's feedback, and the per-annotator tally that
 * scorecards build on (every number with its sample size and interval).
 */
import { authorize, can, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { wilsonInterval } from '../../quality/stats/wilson.js';
import * as reviews from '../../store/reviews.js';
import type { ReviewOutcome, ReviewStatus } from '../../core/review.js';
import { toPage, MAX_PAGE_SIZE, type Page } from '../../store/pagination.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { presentSummary, type ReviewSummary } from './present.js';

export interface ListReviewsQuery {
  status?: ReviewStatus | undefined;
  outcome?: ReviewOutcome | undefined;
  annotatorId?: string | undefined;
  reviewerId?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * A project's reviews, oldest first. Managers and reviewers see all of them; an annotator sees the reviews of their
 * own annotations (their feedback), without who reviewed them.
 */
export async function listReviews(deps: ServiceDeps, actor: Actor, projectId: string, q: ListReviewsQuery): Promise<Page<ReviewSummary>> {
  const all = can(actor, 'annotation.read_all');
  if (!all) authorize(actor, 'annotation.read_own');
  const project = await requireProject(deps, actor, projectId);
  const limit = Math.min(q.limit ?? 100, MAX_PAGE_SIZE);
  const rows = await reviews.listReviews(deps.store.db, {
    projectId: project.id,
    status: q.status,
    outcome: q.outcome,
    annotatorId: all ? q.annotatorId : actor.kind === 'user' ? actor.userId : '',
    reviewerId: all ? q.reviewerId : undefined,
    // An annotator never reads a review of an item that is gold now (it could give the gold answer away).
    withoutGold: !all,
    cursor: q.cursor,
    limit,
  });
  return toPage(rows, limit, (r) => presentSummary(r, all));
}

export interface AnnotatorReviewTally {
  annotatorId: string;
  reviewed: number;
  accepted: number;
  rejected: number;
  corrected: number;
  /** Share of reviewed annotations accepted, with its Wilson 95% interval and n = reviewed. */
  acceptance: { estimate: number; lower: number; upper: number; n: number };
}

/** Decided reviews per annotator of the project; a vendor manager counts only their vendor's annotators. */
export async function reviewTally(deps: ServiceDeps, actor: Actor, projectId: string): Promise<{ projectId: string; annotators: AnnotatorReviewTally[] }> {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const rows = await reviews.tallyByAnnotator(deps.store.db, project.id, vendorScopeOf(actor));
  const byAnnotator = new Map<string, { accept: number; reject: number; correct: number }>();
  for (const r of rows) {
    const t = byAnnotator.get(r.annotator_id) ?? { accept: 0, reject: 0, correct: 0 };
    t[r.outcome] += r.n;
    byAnnotator.set(r.annotator_id, t);
  }
  const annotators = [...byAnnotator].map(([annotatorId, t]) => {
    const reviewed = t.accept + t.reject + t.correct;
    const w = wilsonInterval(t.accept, reviewed);
    return {
      annotatorId,
      reviewed,
      accepted: t.accept,
      rejected: t.reject,
      corrected: t.correct,
      acceptance: { estimate: w.estimate, lower: w.lower, upper: w.upper, n: reviewed },
    };
  });
  annotators.sort((x, y) => x.annotatorId.localeCompare(y.annotatorId));
  return { projectId: project.id, annotators };
}
