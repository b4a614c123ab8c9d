/**
 * A reviewer's verdict: accept, reject with a reason, or correct. A correction is a new annotation by the reviewer,
 * answering the original's schema version for the same item, made through an assignment of status `correction`
 * (so it never takes a judgment slot of the item) and linked from the review; the verdict and the correction are
 * written in one transaction. Only the reviewer holding the review decides it, once, and never on their own work.
 */
import { isDeepStrictEqual } from 'node:util';
import { authorize, sameOrganization, type Actor } from '../../core/permissions.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { validateAnswers } from '../../core/schema/index.js';
import * as reviews from '../../store/reviews.js';
import { getProject } from '../../store/projects.js';
import { insertAssignment } from '../../store/assignments.js';
import { insertAnnotation, writtenAnnotation } from '../../store/annotations.js';
import type { ServiceDeps } from '../deps.js';
import { loadSchema } from '../projects/schema-cache.js';
import type { Annotation } from '../../core/annotation.js';
import { presentSummary, type ReviewSummary } from './present.js';

type UserActor = Extract<Actor, { kind: 'user' }>;

/** The review, if the actor may decide it now; one `not_found` for absent and out-of-organization ids. */
async function requireOpenReview(deps: ServiceDeps, actor: Actor, reviewId: string) {
  authorize(actor, 'review.perform');
  if (actor.kind !== 'user') throw forbidden('Only a signed-in reviewer can decide reviews');
  const db = deps.store.db;
  const r = await reviews.getReview(db, reviewId);
  const project = r && (await getProject(db, r.project_id));
  if (!r || !project || !sameOrganization(actor, project)) throw notFound('Review');
  if (r.annotator_id === actor.userId) throw forbidden('You cannot review your own annotation');
  if (r.status === 'decided') throw conflict('This review was decided already');
  if (r.reviewer_id !== actor.userId) throw conflict('Another reviewer holds this review');
  return { review: r, actor: actor as UserActor };
}

async function decide(deps: ServiceDeps, reviewId: string, reviewerId: string, outcome: 'accept' | 'reject', reason: string | null) {
  const now = deps.now().toISOString();
  const ok = await deps.store.write((trx) => reviews.decideReview(trx, { id: reviewId, reviewerId, outcome, reason, correctionAnnotationId: null, now }));
  if (!ok) throw conflict('This review was decided or taken over meanwhile');
  const decided = await summaryOf(deps, reviewId);
  // A rejected annotation leaves the aggregate.
  if (outcome === 'reject') deps.live?.noteInputsChanged(decided.projectId);
  return decided;
}

async function summaryOf(deps: ServiceDeps, reviewId: string): Promise<ReviewSummary> {
  const r = await reviews.getReview(deps.store.db, reviewId);
  const a = r && (await reviews.getAnnotationForReview(deps.store.db, r.annotation_id));
  if (!r || !a) throw notFound('Review');
  return presentSummary({ ...r, item_id: a.item_id });
}

export async function acceptReview(deps: ServiceDeps, actor: Actor, reviewId: string, input: { comment?: string | undefined } = {}): Promise<ReviewSummary> {
  const { review, actor: user } = await requireOpenReview(deps, actor, reviewId);
  return decide(deps, review.id, user.userId, 'accept', input.comment?.trim() || null);
}

export async function rejectReview(deps: ServiceDeps, actor: Actor, reviewId: string, input: { reason: string }): Promise<ReviewSummary> {
  const { review, actor: user } = await requireOpenReview(deps, actor, reviewId);
  const reason = input.reason.trim();
  if (!reason) throw invalid('A rejection needs a reason the annotator can learn from', 'reason');
  return decide(deps, review.id, user.userId, 'reject', reason);
}

export interface CorrectInput {
  answers: unknown;
  /** Time the reviewer spent on the correction. */
  timeSpentMs?: number | undefined;
  /** What was wrong, for the annotator. */
  reason?: string | undefined;
}

export async function correctReview(
  deps: ServiceDeps,
  actor: Actor,
  reviewId: string,
  input: CorrectInput,
): Promise<{ review: ReviewSummary; correction: Annotation }> {
  const { review, actor: user } = await requireOpenReview(deps, actor, reviewId);
  const db = deps.store.db;
  const original = await reviews.getAnnotationForReview(db, review.annotation_id);
  if (!original) throw notFound('Review');
  const schema = await loadSchema(db, original.project_id, original.schema_version);
  const answers = validateAnswers(schema, original.item_data, input.answers);
  if (isDeepStrictEqual(answers, original.answers)) throw invalid('The correction gives the same answers as the original: accept it instead', 'answers');

  const now = deps.now().toISOString();
  const assignmentId = newId('assignment');
  const row = {
    id: newId('annotation'),
    project_id: original.project_id,
    item_id: original.item_id,
    assignment_id: assignmentId,
    annotator_id: user.userId,
    vendor_id: user.vendorId,
    answers,
    schema_version: original.schema_version,
    guideline_version: original.guideline_version,
    time_spent_ms: Math.max(0, Math.round(input.timeSpentMs ?? 0)),
    client_signals: {},
    idempotency_key: null,
    created_at: now,
  };
  await deps.store.write(async (trx) => {
    await insertAssignment(trx, {
      id: assignmentId,
      project_id: original.project_id,
      item_id: original.item_id,
      annotator_id: user.userId,
      status: 'correction',
      lease_expires_at: now,
      skip_reason: null,
      created_at: now,
      completed_at: now,
    });
    await insertAnnotation(trx, row);
    const ok = await reviews.decideReview(trx, {
      id: review.id,
      reviewerId: user.userId,
      outcome: 'correct',
      reason: input.reason?.trim() || null,
      correctionAnnotationId: row.id,
      now,
    });
    // Throwing rolls the correction back with the verdict.
    if (!ok) throw conflict('This review was decided or taken over meanwhile');
  });
  // The correction stands in the corrected annotation's place in the aggregate.
  deps.live?.noteInputsChanged(original.project_id);
  return {
    review: await summaryOf(deps, review.id),
    correction: writtenAnnotation(row),
  };
}
