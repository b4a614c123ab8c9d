/**
 * "Next task" across every project the annotator may work on: the lease they hold anywhere is resumed first;
 * otherwise projects are tried in serving order, project priority first, then age (`workQueueProjects`), and within
 * a project items by their priority, then import order (the project's own claim). Each project's claim keeps its
 * own routing, gold and overlap rules. When none gives a task, the 409 says why: the one reason every project
 * gave, or `none_eligible` with each project's reason in `details.projects`.
 */
import { AssayError, isAssayError } from '../../core/errors.js';
import { authorize, type Actor } from '../../core/permissions.js';
import { workQueueProjects } from '../../store/projects.js';
import type { ServiceDeps } from '../deps.js';
import { orgOf } from '../workforce/organizations.js';
import { NO_TASK_REASONS, type NoTaskReason } from '../../core/assignment.js';
import { nextTask, type TaskView } from './next-task.js';

export async function nextTaskAnywhere(deps: ServiceDeps, actor: Actor): Promise<TaskView> {
  authorize(actor, 'task.claim');
  if (actor.kind !== 'user') throw new AssayError('forbidden', 'Only a signed-in annotator can claim tasks');
  const { projects, leasedIn } = await workQueueProjects(deps.store.db, {
    orgId: orgOf(actor),
    vendorId: actor.vendorId,
    annotatorId: actor.userId,
    now: deps.now().toISOString(),
  });
  const order = leasedIn === null ? projects : [...projects.filter((p) => p.id === leasedIn), ...projects.filter((p) => p.id !== leasedIn)];
  const reasons: { projectId: string; reason: NoTaskReason }[] = [];
  for (const p of order) {
    try {
      return await nextTask(deps, actor, p.id);
    } catch (err) {
      if (!isAssayError(err) || err.code !== 'no_task') throw err;
      const reason = err.details?.reason;
      reasons.push({ projectId: p.id, reason: (NO_TASK_REASONS as readonly unknown[]).includes(reason) ? (reason as NoTaskReason) : 'none_eligible' });
    }
  }
  if (reasons.length === 0) throw new AssayError('no_task', 'No project is open to you right now', undefined, { reason: 'no_items', projects: [] });
  const distinct = new Set(reasons.map((r) => r.reason));
  const reason: NoTaskReason = distinct.size === 1 ? reasons[0]!.reason : 'none_eligible';
  const message =
    distinct.size === 1
      ? `None of your ${reasons.length} project${reasons.length === 1 ? '' : 's'} has a task for you (${reason.replaceAll('_', ' ')})`
      : `None of your ${reasons.length} projects has a task for you right now; each project's reason is in details.projects`;
  throw new AssayError('no_task', message, undefined, { reason, projects: reasons });
}
