/**
 * What a reviewer and a reader of reviews see. A gold answer is part of a review task's context only for a reviewer
 * allowed to see gold (`review-context.ts`); summaries never carry one.
 */
import type { AnswerSet } from '../../core/schema/index.js';
import type { Review } from '../../store/reviews.js';
import type { ReviewOutcome, ReviewStatus, ReviewTrigger } from '../../core/review.js';
import type { ReviewContext } from './review-context.js';

export interface ReviewSummary {
  id: string;
  projectId: string;
  annotationId: string;
  itemId: string;
  annotatorId: string;
  /** Omitted for an annotator reading the reviews of their own work. */
  reviewerId?: string;
  status: ReviewStatus;
  triggers: ReviewTrigger[];
  leaseExpiresAt: string;
  outcome: ReviewOutcome | null;
  reason: string | null;
  correctionAnnotationId: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** A review as its reviewer works on it: the item, the annotation and the versions it was made under. */
export interface ReviewTaskView extends ReviewSummary {
  item: { id: string; data: Record<string, unknown> };
  annotation: {
    id: string;
    /** The author's stable pseudonym: reviews are blind to names. */
    annotator: string;
    answers: AnswerSet;
    schemaVersion: number;
    /** The guidelines the annotator worked under: the reviewer judges by these. */
    guidelineVersion: number;
    timeSpentMs: number;
    createdAt: string;
  };
  /** Why the item was flagged, when it was. */
  flag: { reason: string; createdAt: string } | null;
}

/** A review task as the queue hands it out: with how many are left (this one included) and the context beside it. */
export interface ReviewTaskWithContext extends ReviewTaskView {
  left: number;
  context: ReviewContext;
}

export function presentSummary(r: Review & { item_id: string }, withReviewer = true): ReviewSummary {
  return {
    id: r.id,
    projectId: r.project_id,
    annotationId: r.annotation_id,
    itemId: r.item_id,
    annotatorId: r.annotator_id,
    ...(withReviewer && { reviewerId: r.reviewer_id }),
    status: r.status,
    triggers: r.triggers,
    leaseExpiresAt: r.lease_expires_at,
    outcome: r.outcome,
    reason: r.reason,
    correctionAnnotationId: r.correction_annotation_id,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  };
}

export function presentTask(
  r: Review,
  a: { id: string; item_id: string; item_data: Record<string, unknown>; pseudonym: string; answers: AnswerSet; schema_version: number; guideline_version: number; time_spent_ms: number; created_at: string },
  flag: { reason: string; created_at: string } | undefined,
): ReviewTaskView {
  return {
    ...presentSummary({ ...r, item_id: a.item_id }),
    item: { id: a.item_id, data: a.item_data },
    annotation: {
      id: a.id,
      annotator: a.pseudonym,
      answers: a.answers,
      schemaVersion: a.schema_version,
      guidelineVersion: a.guideline_version,
      timeSpentMs: a.time_spent_ms,
      createdAt: a.created_at,
    },
    flag: flag ? { reason: flag.reason, createdAt: flag.created_at } : null,
  };
}
