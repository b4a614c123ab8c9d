/**
 * A project's review policy: which annotations go to review. Absent, nothing does (sample rate 0, no first n, flags
 * ignored). It has its own resource rather than riding on PATCH /projects, so project settings and the review
 * workflow can change apart and the policy can name who last changed it.
 */
import { actorId, authorize, type Actor } from '../../core/permissions.js';
import { invalid } from '../../core/errors.js';
import * as reviews from '../../store/reviews.js';
import type { Executor } from '../../store/db.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { DEFAULT_POLICY, type ReviewPolicy } from '../../core/review.js';

export interface ReviewPolicyView extends ReviewPolicy {
  projectId: string;
  updatedAt: string | null;
}

export async function loadPolicy(db: Executor, projectId: string): Promise<ReviewPolicy & { updatedAt: string | null }> {
  return (await reviews.getPolicy(db, projectId)) ?? { ...DEFAULT_POLICY, updatedAt: null };
}

/** Managers, admins and reviewers read the policy (a reviewer's queue is made by it). */
export async function getReviewPolicy(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ReviewPolicyView> {
  authorize(actor, 'review.perform');
  const p = await requireProject(deps, actor, projectId);
  return { projectId: p.id, ...(await loadPolicy(deps.store.db, p.id)) };
}

export async function setReviewPolicy(deps: ServiceDeps, actor: Actor, projectId: string, input: Partial<ReviewPolicy>): Promise<ReviewPolicyView> {
  authorize(actor, 'project.update');
  const p = await requireProject(deps, actor, projectId);
  if (input.sampleRate !== undefined && !(input.sampleRate >= 0 && input.sampleRate <= 1)) throw invalid('sampleRate must be within 0..1', 'sampleRate');
  if (input.firstN !== undefined && (!Number.isInteger(input.firstN) || input.firstN < 0 || input.firstN > 100_000)) {
    throw invalid('firstN must be an integer from 0 to 100000', 'firstN');
  }
  if (input.lowConfidence != null && !(input.lowConfidence > 0 && input.lowConfidence <= 1)) {
    throw invalid('lowConfidence must be within 0..1 (exclusive of 0), or null to turn it off', 'lowConfidence');
  }
  const now = nowIsoOf(deps);
  return deps.store.write(async (trx) => {
    const current = await loadPolicy(trx, p.id);
    const next: ReviewPolicy = {
      sampleRate: input.sampleRate ?? current.sampleRate,
      firstN: input.firstN ?? current.firstN,
      flagged: input.flagged ?? current.flagged,
      lowConfidence: input.lowConfidence === undefined ? current.lowConfidence : input.lowConfidence,
      signals: input.signals ?? current.signals,
      gold: input.gold ?? current.gold,
    };
    await reviews.upsertPolicy(trx, { projectId: p.id, policy: next, updatedBy: actorId(actor), updatedAt: now });
    return { projectId: p.id, ...next, updatedAt: now };
  });
}
