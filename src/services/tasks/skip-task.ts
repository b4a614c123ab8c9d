import { authorize, isOwner, type Actor } from '../../core/permissions.js';
import { AssayError, invalid, notFound } from '../../core/errors.js';
import * as assignments from '../../store/assignments.js';
import { getProject } from '../../store/projects.js';
import type { ServiceDeps } from '../deps.js';

/**
 * Skips a leased task with a reason; the item goes back to the pool for others (never to this annotator again).
 * Skipping an already-skipped task is a no-op, so a retried skip is harmless.
 */
export async function skipTask(deps: ServiceDeps, actor: Actor, assignmentId: string, reason: string) {
  authorize(actor, 'task.claim');
  const trimmed = reason.trim();
  if (trimmed === '') throw invalid('a reason is required to skip', 'reason');
  const a = await assignments.getAssignment(deps.store.db, assignmentId);
  if (!a || !isOwner(actor, a)) throw notFound('Task');
  if (a.status === 'skipped') return { assignmentId, projectId: a.project_id, status: 'skipped' as const, reason: a.skip_reason ?? trimmed };
  if (a.status !== 'leased') throw new AssayError('conflict', `This task is ${a.status} and cannot be skipped`, 'assignmentId');
  const project = await getProject(deps.store.db, a.project_id);
  if (!project) throw notFound('Task');
  const nowIso = deps.now().toISOString();
  await deps.store.write(async (trx) => {
    if (!(await assignments.closeAssignment(trx, a.id, 'skipped', nowIso, trimmed))) {
      throw new AssayError('lease_expired', 'The lease on this task ended before the skip', 'assignmentId');
    }
    await assignments.releaseItemSlot(trx, a.item_id, project.overlap_k);
  });
  return { assignmentId, projectId: a.project_id, status: 'skipped' as const, reason: trimmed };
}
