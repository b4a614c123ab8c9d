/**
 * The organization to act in when none is named, as on an installation with one lab: the actor's own, or the only
 * one there is. `none` before the first run, `several` when the caller must choose.
 */
import { authorize, type Actor } from '../../core/permissions.js';
import { listOrganizationIds } from '../../store/organizations.js';
import type { ServiceDeps } from '../deps.js';

export type SoleOrganization = { kind: 'one'; id: string } | { kind: 'none' } | { kind: 'several' };

export async function findSoleOrganization(deps: ServiceDeps, actor: Actor): Promise<SoleOrganization> {
  authorize(actor, 'user.manage');
  if (actor.orgId !== null) return { kind: 'one', id: actor.orgId };
  const ids = await listOrganizationIds(deps.store.db, 2);
  if (ids.length === 1) return { kind: 'one', id: ids[0]! };
  return ids.length === 0 ? { kind: 'none' } : { kind: 'several' };
}
