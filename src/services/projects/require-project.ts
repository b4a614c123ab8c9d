/**
 * Loading a project the actor may see, the scope check every project-bound use case starts with: in the actor's
 * organization and, for vendor-side roles, open to their vendor (for an annotator, also active).
 */
import { requireInOrg, type Actor } from '../../core/permissions.js';
import type { VendorQuota } from '../../core/project.js';
import * as projects from '../../store/projects.js';
import type { ServiceDeps } from '../deps.js';

/** Loads a project the actor may see: in their organization and, for an annotator, open to their vendor. */
export async function requireProject(deps: ServiceDeps, actor: Actor, projectId: string): Promise<projects.Project> {
  const row = isVendorScoped(actor)
    ? await projects.getProjectOpenToVendor(deps.store.db, projectId, actor.vendorId, actor.role === 'annotator')
    : await projects.getProject(deps.store.db, projectId);
  return requireInOrg(actor, row, 'Project');
}

/**
 * The project as `requireProject` loads it, with the actor's vendor's quota on it, read by the same query (for the
 * claim and the annotator's progress). Roles outside a vendor's scope have no quota.
 */
export async function requireWorkProject(deps: ServiceDeps, actor: Actor, projectId: string): Promise<{ project: projects.Project; quota: VendorQuota }> {
  if (!isVendorScoped(actor)) return { project: await requireProject(deps, actor, projectId), quota: { quotaTasks: null, quotaShare: null } };
  const row = requireInOrg(actor, await projects.getProjectOpenToVendor(deps.store.db, projectId, actor.vendorId, actor.role === 'annotator'), 'Project');
  const { vendor_quota_tasks, vendor_quota_share, ...project } = row;
  return { project, quota: { quotaTasks: vendor_quota_tasks, quotaShare: vendor_quota_share } };
}

/** Annotators and vendor managers see only the projects their vendor works on. */
export function isVendorScoped(actor: Actor): actor is Extract<Actor, { kind: 'user' }> {
  return actor.kind === 'user' && (actor.role === 'annotator' || actor.role === 'vendor_manager');
}
