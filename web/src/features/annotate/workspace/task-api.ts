/**
 * The task calls of the workspace over the typed client. Submit and skip ask for the next task in the same round
 * trip (`?next=true`), so the next item appears as soon as the answer is stored. Every submit of a task carries the
 * same Idempotency-Key, derived from the task's assignment id: a retry after a lost response (or a reload) can
 * never write twice, and the next task gets a key of its own.
 */
import { api, isApiError, unwrap } from '../../../api/client';
import type { Task } from '../../../api/types';
import type { ClientSignals } from './useActivityTracker';
import type { NoTaskReason } from '@core/assignment';

export interface NoTask {
  reason: NoTaskReason;
  message: string;
}
/** What follows a claim, a submit or a skip: a task to work on, or why there is none. */
export type Claim = { task: Task; noTask: null } | { task: null; noTask: NoTask };

/** One key per task, the same on every retry of its submit. */
export const submitKeyOf = (assignmentId: string) => `web-submit-${assignmentId}`;

function noTaskOf(err: unknown): NoTask | null {
  if (!isApiError(err, 'no_task')) return null;
  const reason = (err.details?.reason as NoTaskReason | undefined) ?? 'none_eligible';
  return { reason, message: err.message };
}

export async function claimTask(projectId: string): Promise<Claim> {
  try {
    const task = await unwrap(api.POST('/api/v1/projects/{projectId}/tasks/next', { params: { path: { projectId } } }));
    return { task, noTask: null };
  } catch (err) {
    const noTask = noTaskOf(err);
    if (noTask) return { task: null, noTask };
    throw err;
  }
}

const followUp = (r: { next: Task | null; noTask: NoTask | null }): Claim =>
  r.next ? { task: r.next, noTask: null } : { task: null, noTask: r.noTask ?? { reason: 'none_eligible', message: 'No task right now' } };

export interface Submission {
  answers: Record<string, unknown>;
  /** Active time on the task. */
  timeSpentMs: number;
  signals: ClientSignals;
}

/** Submits the task's answers and returns the next task (or why there is none). Throws ApiError. */
export async function submitTask(task: Task, s: Submission): Promise<Claim> {
  const r = await unwrap(
    api.POST('/api/v1/tasks/{assignmentId}/submit', {
      params: { path: { assignmentId: task.assignmentId }, query: { next: 'true' }, header: { 'idempotency-key': submitKeyOf(task.assignmentId) } },
      body: { answers: s.answers, timeSpentMs: Math.round(s.timeSpentMs), clientSignals: roundSignals(s.signals) },
    }),
  );
  if (!('annotation' in r)) throw new Error('The server answered without the next task; is it up to date?');
  return followUp(r);
}

/** Skips the task with a reason and returns the next task (or why there is none). Throws ApiError. */
export async function skipTask(task: Task, reason: string): Promise<Claim> {
  const r = await unwrap(
    api.POST('/api/v1/tasks/{assignmentId}/skip', {
      params: { path: { assignmentId: task.assignmentId }, query: { next: 'true' } },
      body: { reason },
    }),
  );
  if (!('skipped' in r)) throw new Error('The server answered without the next task; is it up to date?');
  return followUp(r);
}

const roundSignals = (s: ClientSignals): ClientSignals => ({
  activeMs: Math.round(s.activeMs),
  pastes: s.pastes,
  pastedChars: s.pastedChars,
  focusLosses: s.focusLosses,
  keystrokes: s.keystrokes,
});
