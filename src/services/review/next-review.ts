/**
 * "Next review": hands a reviewer one annotation to review under the project's policy, with a lease, or resumes
 * the one they hold. Never their own work, only projects of their organization.
 *
 * Which annotations need review is decided here, at queue time, not at submit time: the label cycle's submit (the
 * hot path, benchmarked) writes nothing extra; a policy change applies to all work not yet reviewed, including what
 * was submitted before it; and the sample is a fixed function of the annotation's random id (see
 * `store/reviews.ts`), so every reviewer and server agrees on it without storing a decision per annotation.
 */
import { authorize, type Actor } from '../../core/permissions.js';
import { AssayError, conflict, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import * as reviews from '../../store/reviews.js';
import { findCandidate } from '../../store/review-candidates.js';
import type { Executor } from '../../store/db.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { loadPolicy } from './policy.js';
import { refreshSignals } from '../quality/signals.js';
import { presentTask, type ReviewTaskWithContext } from './present.js';
import { countLeft, loadReviewContext, seesGoldInReview } from './review-context.js';
import type { Project } from '../../store/projects.js';
import type { ReviewPolicy, ReviewTrigger } from '../../core/review.js';

/** Attempts when a concurrent reviewer takes the chosen annotation first (PostgreSQL; SQLite never races). */
const CLAIM_ATTEMPTS = 8;

export interface NextReviewInput {
  /** Take this annotation into review, whatever the policy (e.g. from the results browser). */
  annotationId?: string | undefined;
}

export async function nextReview(deps: ServiceDeps, actor: Actor, projectId: string, input: NextReviewInput = {}): Promise<ReviewTaskWithContext> {
  authorize(actor, 'review.perform');
  if (actor.kind !== 'user') throw forbidden('Only a signed-in reviewer can take reviews');
  const project = await requireProject(deps, actor, projectId);
  const db = deps.store.db;
  const target = input.annotationId;
  if (target !== undefined) {
    const a = await reviews.getAnnotationForReview(db, target);
    if (!a || a.project_id !== project.id) throw notFound('Annotation');
    if (a.annotator_id === actor.userId) throw forbidden('You cannot review your own annotation');
  }
  const policy = await loadPolicy(db, project.id);
  // The queue brings gold only when the policy says so; a request by id may name a gold item only for someone who
  // sees gold (else it is refused like any annotation the queue cannot hand out, which says nothing about gold).
  const withGold = target === undefined ? policy.gold : seesGoldInReview(actor, policy);
  if (policy.signals && target === undefined) await refreshSignals(deps, project);
  const now = deps.now();
  const nowIso = now.toISOString();
  const leaseExpiresAt = new Date(now.getTime() + project.lease_seconds * 1000).toISOString();

  const reviewId = await deps.store.write(async (trx) => {
    const held = target === undefined ? await reviews.findOpenLease(trx, project.id, actor.userId, nowIso) : await heldByMe(trx, target, actor.userId);
    if (held) return held.id;
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const c = await findCandidate(trx, { projectId: project.id, reviewerId: actor.userId, now: nowIso, policy, annotationId: target, withGold });
      if (!c) return undefined;
      const triggers: ReviewTrigger[] = target !== undefined ? ['requested'] : c.triggers;
      const id = await reviews.takeReview(trx, {
        id: newId('review'),
        projectId: project.id,
        annotationId: c.id,
        annotatorId: c.annotator_id,
        reviewerId: actor.userId,
        leaseExpiresAt,
        triggers,
        now: nowIso,
      });
      if (id) return id;
    }
    return undefined;
  });
  if (reviewId === undefined) {
    if (target !== undefined) throw conflict('This annotation is reviewed already, held by another reviewer, or a correction', 'annotationId');
    throw new AssayError('no_task', 'Nothing to review right now: every annotation the review policy selects is reviewed or held by another reviewer', undefined, {
      reason: 'nothing_to_review',
    });
  }
  return loadReviewTask(deps, actor, project, policy, reviewId);
}

async function heldByMe(db: Executor, annotationId: string, reviewerId: string) {
  const r = await reviews.getReviewOfAnnotation(db, annotationId);
  return r && r.reviewer_id === reviewerId && r.status === 'leased' ? r : undefined;
}

/**
 * The review with its annotation, item and flag as the reviewer sees it, the context beside it (the item's other
 * annotations, its aggregate, the gold answer for those who may see it) and how many are left, this one included.
 */
async function loadReviewTask(deps: ServiceDeps, actor: Extract<Actor, { kind: 'user' }>, project: Project, policy: ReviewPolicy, reviewId: string): Promise<ReviewTaskWithContext> {
  const db = deps.store.db;
  const r = await reviews.getReview(db, reviewId);
  if (!r) throw notFound('Review');
  const a = await reviews.getAnnotationForReview(db, r.annotation_id);
  if (!a) throw notFound('Review');
  const [flag, context, left] = await Promise.all([
    reviews.getFlag(db, a.item_id),
    loadReviewContext(deps, actor, project, policy, { itemId: a.item_id, annotationId: a.id }),
    countLeft(db, { projectId: project.id, reviewerId: actor.userId, now: deps.now().toISOString(), policy, holding: true }),
  ]);
  return { ...presentTask(r, a, flag), left, context };
}

