/**
 * Flagging an item for review (unclear, broken, offensive, ...). Reviewers and managers flag any item of a project;
 * an annotator flags an item they were given. Under a policy with `flagged`, every annotation of a flagged item
 * goes to review.
 */
import { actorId, can, authorize, type Actor } from '../../core/permissions.js';
import { invalid, notFound } from '../../core/errors.js';
import * as reviews from '../../store/reviews.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';

export async function flagItem(deps: ServiceDeps, actor: Actor, projectId: string, itemId: string, input: { reason: string }) {
  const staff = can(actor, 'review.perform') || can(actor, 'project.update');
  if (!staff) authorize(actor, 'task.claim');
  const project = await requireProject(deps, actor, projectId);
  const db = deps.store.db;
  const item = await db
    .selectFrom('items')
    .select('id')
    .where('id', '=', itemId)
    .where('project_id', '=', project.id)
    .where('import_id', 'is', null)
    .executeTakeFirst();
  const given =
    item && !staff && actor.kind === 'user'
      ? await db.selectFrom('assignments').select('id').where('item_id', '=', item.id).where('annotator_id', '=', actor.userId).executeTakeFirst()
      : undefined;
  if (!item || (!staff && !given)) throw notFound('Item');
  const reason = input.reason.trim();
  if (!reason) throw invalid('Say why the item needs a reviewer', 'reason');
  const now = nowIsoOf(deps);
  await deps.store.write((trx) => reviews.flagItem(trx, { item_id: item.id, project_id: project.id, flagged_by: actorId(actor), reason, created_at: now }));
  return { itemId: item.id, projectId: project.id, reason, createdAt: now };
}
