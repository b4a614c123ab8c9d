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
import { requireProject } from '../projects/projects.js';

export interface ReviewPolicy {
  /** Share of all annotations sampled into review, 0..1 (resolution 1/4096). */
  sampleRate: number;
  /** Every one of each annotator's first n annotations in the project goes to review. */
  firstN: number;
  /** Every annotation of a flagged item goes to review. */
  flagged: boolean;
  /** Annotations of items whose aggregate confidence (the live result) is under this go to review; null: off. */
  lowConfidence: number | null;
  /** Every annotation with an effort or fraud signal (as last computed, `annotation_signals`) goes to review. */
  signals: boolean;
  /**
   * Annotations of gold items come to review too, with the gold answer beside them for every reviewer. Off (the
   * default), gold items stay out of every queue and a reviewer never learns an item is gold; managers and admins
   * may still ask for a gold item's annotation by id, and see its gold answer.
   */
  gold: boolean;
}

export interface ReviewPolicyView extends ReviewPolicy {
  projectId: string;
  updatedAt: string | null;
}

export const DEFAULT_POLICY: ReviewPolicy = { sampleRate: 0, firstN: 0, flagged: false, lowConfidence: null, signals: false, gold: false };

export async function loadPolicy(db: Executor, projectId: string): Promise<ReviewPolicy & { updatedAt: string | null }> {
  const row = await reviews.getPolicy(db, projectId);
  if (!row) return { ...DEFAULT_POLICY, updatedAt: null };
  return { sampleRate: row.sample_rate, firstN: row.first_n, flagged: row.flagged === 1, lowConfidence: row.low_confidence ?? null, signals: row.signals === 1, gold: row.gold === 1, updatedAt: row.updated_at };
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
    await reviews.upsertPolicy(trx, {
      project_id: p.id,
      sample_rate: next.sampleRate,
      first_n: next.firstN,
      flagged: next.flagged ? 1 : 0,
      low_confidence: next.lowConfidence,
      signals: next.signals ? 1 : 0,
      gold: next.gold ? 1 : 0,
      updated_by: actorId(actor),
      updated_at: now,
    });
    return { projectId: p.id, ...next, updatedAt: now };
  });
}
