/**
 * Submit or skip, then claim the next task, in one round trip: the annotator's next item appears the moment the
 * server has the answer, without a second request. The claim comes after the write (never in its transaction), so
 * a failed claim can never undo an acknowledged annotation. A retried submit with the same Idempotency-Key replays
 * the annotation, and the claim resumes the lease the first attempt took, so a retry returns the same next task.
 */
import { isAssayError, type AssayError } from '../../core/errors.js';
import type { Actor } from '../../core/permissions.js';
import type { ServiceDeps } from '../deps.js';
import { NO_TASK_REASONS, type NoTaskReason } from '../../core/assignment.js';
import { nextTask, type TaskView } from './next-task.js';
import { skipTask } from './skip-task.js';
import { submitAnnotation, type SubmitInput, type SubmitResult } from './submit-annotation.js';

export interface FollowUp {
  /** The next task (a new lease, or the open one resumed); null when there is none. */
  next: TaskView | null;
  /** Why there is no next task, as `tasks/next` would say in its 409; null when `next` is set. */
  noTask: { reason: NoTaskReason; message: string } | null;
}

/** Claims the annotator's next task in the project; "nothing to do" is an answer here, not an error. */
export async function claimFollowUp(deps: ServiceDeps, actor: Actor, projectId: string): Promise<FollowUp> {
  try {
    return { next: await nextTask(deps, actor, projectId), noTask: null };
  } catch (err) {
    if (!isAssayError(err) || err.code !== 'no_task') throw err;
    return { next: null, noTask: { reason: reasonOf(err), message: err.message } };
  }
}

function reasonOf(err: AssayError): NoTaskReason {
  const reason = err.details?.reason;
  return (NO_TASK_REASONS as readonly unknown[]).includes(reason) ? (reason as NoTaskReason) : 'none_eligible';
}

export async function submitAndClaimNext(deps: ServiceDeps, actor: Actor, input: SubmitInput): Promise<SubmitResult & FollowUp> {
  const submitted = await submitAnnotation(deps, actor, input);
  return { ...submitted, ...(await claimFollowUp(deps, actor, submitted.annotation.projectId)) };
}

export async function skipAndClaimNext(deps: ServiceDeps, actor: Actor, assignmentId: string, reason: string) {
  const skipped = await skipTask(deps, actor, assignmentId, reason);
  return { skipped, ...(await claimFollowUp(deps, actor, skipped.projectId)) };
}
