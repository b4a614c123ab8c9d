import { invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Actor } from '../../core/permissions.js';
import { insertOrganization } from '../../store/organizations.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';

/** The organization an actor's writes land in; the system actor must have been scoped to one. */
export function orgOf(actor: Actor): string {
  if (actor.orgId === null) throw invalid('this action needs an organization; pass --org', 'org');
  return actor.orgId;
}

/** Creates an organization (bootstrap and the demo seed; there is no multi-tenant sign-up yet). */
export async function createOrganization(deps: ServiceDeps, name: string) {
  const row = { id: newId('organization'), name, created_at: nowIsoOf(deps) };
  await deps.store.write((trx) => insertOrganization(trx, row));
  return row;
}
