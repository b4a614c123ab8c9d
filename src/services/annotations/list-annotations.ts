import { authorize, can, type Actor } from '../../core/permissions.js';
import * as annotations from '../../store/annotations.js';
import { MAX_PAGE_SIZE, type Page } from '../../store/pagination.js';
import type { Annotation } from '../../core/annotation.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';

export interface ListAnnotationsQuery {
  itemId?: string | undefined;
  annotatorId?: string | undefined;
  vendorId?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * A project's annotations, oldest first. Managers and reviewers see all; an annotator sees only their own,
 * whatever filter they pass.
 */
export async function listAnnotations(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  q: ListAnnotationsQuery,
): Promise<Page<Annotation>> {
  const all = can(actor, 'annotation.read_all');
  if (!all) authorize(actor, 'annotation.read_own');
  const project = await requireProject(deps, actor, projectId);
  const limit = Math.min(q.limit ?? 100, MAX_PAGE_SIZE);
  return annotations.listAnnotations(deps.store.db, {
    projectId: project.id,
    annotatorId: all ? q.annotatorId : actor.kind === 'user' ? actor.userId : '',
    itemId: q.itemId,
    vendorId: q.vendorId,
    cursor: q.cursor,
    limit,
  });
}
