/**
 * The review landing: per project the reviewer may review, how many annotations are left for them (the count the
 * queue itself shows, `review-context.ts` `countLeft`), whether they hold one, and whether the project's policy sends
 * anything to review at all. Signals are counted as last computed (taking a review brings them up to date).
 */
import { authorize, type Actor } from '../../core/permissions.js';
import { forbidden } from '../../core/errors.js';
import * as projects from '../../store/projects.js';
import * as reviews from '../../store/reviews.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { orgOf } from '../workforce/organizations.js';
import { loadPolicy } from './policy.js';
import type { ReviewPolicy } from '../../core/review.js';
import { countLeft } from './review-context.js';

export interface ReviewQueueSummary {
  projectId: string;
  name: string;
  status: string;
  /** Annotations left for this reviewer: what the queue would hand out, plus the one they hold. */
  left: number;
  /** The reviewer holds a live lease in the project (a review in hand). */
  holding: boolean;
  /** The project's policy sends something to review (any rule on). */
  policyOn: boolean;
}

/** A project's production work is reviewable until it is archived. */
const REVIEWABLE_STATUSES = ['draft', 'active', 'paused'];
const LIMIT = 500;

const isPolicyOn = (p: ReviewPolicy) => p.sampleRate > 0 || p.firstN > 0 || p.flagged || p.lowConfidence !== null || p.signals;

export async function listReviewQueues(deps: ServiceDeps, actor: Actor): Promise<{ projects: ReviewQueueSummary[] }> {
  authorize(actor, 'review.perform');
  if (actor.kind !== 'user') throw forbidden('Only a signed-in reviewer has review queues');
  const db = deps.store.db;
  const now = nowIsoOf(deps);
  const [rows, held] = await Promise.all([
    projects.listProjects(db, { orgId: orgOf(actor), statuses: REVIEWABLE_STATUSES, kind: 'production', limit: LIMIT }),
    reviews.openLeasesOf(db, actor.userId, now),
  ]);
  const out = await Promise.all(
    // The store reads one row past the limit (its next-page probe).
    rows.slice(0, LIMIT).map(async (p) => {
      const policy = await loadPolicy(db, p.id);
      const holding = held.has(p.id);
      const policyOn = isPolicyOn(policy);
      const left = policyOn ? await countLeft(db, { projectId: p.id, reviewerId: actor.userId, now, policy, holding }) : holding ? 1 : 0;
      return { projectId: p.id, name: p.name, status: p.status, left, holding, policyOn };
    }),
  );
  return { projects: out };
}
