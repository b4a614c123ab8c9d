/**
 * An annotator's own progress in a project, for their start page: what they did (judgments, skips, time), whether
 * they hold an open lease to resume, how many items they could still label, and how far the project as a whole
 * is, and whether the quality gate has paused them here, or why else they get nothing new (`blocked`: the routing
 * rules, a qualification attempt not started or over). Only the caller's own numbers and project-wide counts:
 * nothing about other annotators, nothing about gold (not even the gate's reason, which would point at gold items).
 * In a qualification, `itemsLeft` is what is left of the open attempt.
 */
import { AssayError } from '../../core/errors.js';
import { authorize, type Actor } from '../../core/permissions.js';
import type { NoTaskReason } from '../../core/assignment.js';
import { annotatorProgress } from '../../store/annotator-progress.js';
import { projectProgress } from '../../store/project-progress.js';
import { latestAttempt, tallyAttempt } from '../../store/qualifications.js';
import { findPause } from '../../store/quality-gates.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireWorkProject } from '../projects/require-project.js';
import { claimGate, PAUSED_MESSAGE } from './next-task.js';

export interface MyProgressView {
  projectId: string;
  mine: {
    judgments: number;
    skips: number;
    /** Sum of the time spent the client reported on each submitted task (active time). */
    timeSpentMs: number;
    lastSubmittedAt: string | null;
  };
  /** The lease the annotator holds in this project; `tasks/next` resumes it. */
  openLease: { assignmentId: string; leaseExpiresAt: string } | null;
  /**
   * Items still short of their judgments that this annotator has never been given. Hidden gold items they were never
   * given count only while such a normal item remains, as they are served only then: once the annotator has had every
   * normal item it is 0, and the claim answers no_task, unlabeled gold items or not.
   */
  itemsLeft: number;
  /** The quality gate has paused them on this project: no task until a manager reinstates them (itemsLeft is 0). */
  paused: boolean;
  /**
   * Why `tasks/next` would give them nothing new, as its 409 reason (`paused`, `not_in_domain`, `not_qualified`,
   * `quota_reached`, `qualification_not_started`, `qualification_complete`); null when it may. itemsLeft is 0 then.
   */
  blocked: NoTaskReason | null;
  /** What `tasks/next` would say, in words, with what to do; null when not blocked. */
  blockedMessage: string | null;
  /** For `not_qualified`: the qualification that would earn the skill, when there is one. */
  requiredQualification: { id: string; name: string } | null;
  project: { overlapK: number; totalItems: number; completeItems: number; judgments: number; judgmentsNeeded: number };
}

export async function getMyProgress(deps: ServiceDeps, actor: Actor, projectId: string): Promise<MyProgressView> {
  authorize(actor, 'annotation.read_own');
  if (actor.kind !== 'user') throw new AssayError('forbidden', 'Only a signed-in annotator has their own progress');
  const { project, quota } = await requireWorkProject(deps, actor, projectId);
  const now = nowIsoOf(deps);
  const k = project.overlap_k;
  const [mine, all, pause, gate] = await Promise.all([
    annotatorProgress(deps.store.db, { projectId: project.id, annotatorId: actor.userId, now, overlapK: k }),
    projectProgress(deps.store.db, project.id, now, k),
    findPause(deps.store.db, project.id, actor.userId),
    claimGate(deps, project, quota, { userId: actor.userId, vendorId: actor.vendorId }, now),
  ]);
  const paused = pause !== undefined;
  const blocked: NoTaskReason | null = paused ? 'paused' : (gate.blocked?.reason ?? null);
  let itemsLeft = blocked ? 0 : mine.itemsLeft;
  if (gate.qualification && !blocked) itemsLeft = await attemptItemsLeft(deps, project.id, actor.userId, now);
  return {
    projectId: project.id,
    mine: { judgments: mine.judgments, skips: mine.skips, timeSpentMs: mine.timeSpentMs, lastSubmittedAt: mine.lastSubmittedAt },
    openLease: mine.openLease,
    itemsLeft,
    paused,
    blocked,
    blockedMessage: paused ? PAUSED_MESSAGE : (gate.blocked?.message ?? null),
    requiredQualification: paused ? null : (gate.blocked?.qualification ?? null),
    project: {
      overlapK: k,
      totalItems: all.totalItems,
      completeItems: all.completeItems,
      judgments: all.judgments,
      judgmentsNeeded: Math.max(0, all.judgmentsPlanned - all.judgments),
    },
  };
}

/** Tasks of the open attempt not yet taken (the attempt is open: `claimGate` settled it). */
async function attemptItemsLeft(deps: ServiceDeps, projectId: string, userId: string, now: string): Promise<number> {
  const a = await latestAttempt(deps.store.db, projectId, userId);
  if (!a || a.status !== 'open') return 0;
  const t = await tallyAttempt(deps.store.db, a, now);
  return Math.max(0, a.size - t.taken);
}
