/** Listing projects: an annotator gets the active production projects open to their vendor, others filter freely. */
import { authorize, type Actor } from '../../core/permissions.js';
import type { ProjectKind, ProjectStatus } from '../../core/project.js';
import * as projects from '../../store/projects.js';
import { toPage, MAX_PAGE_SIZE, type Page } from '../../store/pagination.js';
import type { ServiceDeps } from '../deps.js';
import { orgOf } from '../workforce/organizations.js';
import { presentForAnnotator, presentProject, seesSettings, type AnnotatorProjectView, type ProjectView } from './present-project.js';
import { isVendorScoped } from './require-project.js';

export async function listProjects(
  deps: ServiceDeps,
  actor: Actor,
  q: { cursor?: string | undefined; limit?: number | undefined; status?: ProjectStatus | undefined; kind?: ProjectKind | undefined },
): Promise<Page<ProjectView | AnnotatorProjectView>> {
  authorize(actor, 'project.read');
  const limit = Math.min(q.limit ?? 100, MAX_PAGE_SIZE);
  const isAnnotator = actor.kind === 'user' && actor.role === 'annotator';
  const rows = await projects.listProjects(deps.store.db, {
    orgId: orgOf(actor),
    cursor: q.cursor,
    limit,
    statuses: isAnnotator ? ['active'] : q.status ? [q.status] : undefined,
    // Qualifications are taken from their own list (GET /qualifications), never from the work list.
    kind: isAnnotator ? 'production' : q.kind,
    openToVendor: isVendorScoped(actor) ? actor.vendorId : undefined,
  });
  const page = toPage(rows, limit, (r) => r);
  const items = seesSettings(actor)
    ? await Promise.all(page.items.map((r) => presentProject(deps.store.db, r)))
    : page.items.map(presentForAnnotator);
  return { items, nextCursor: page.nextCursor };
}
