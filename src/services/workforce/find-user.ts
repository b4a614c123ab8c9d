/** A user by email, with the organization they belong to, for entry points that name people by email (the CLI). */
import { authorize, sameOrganization, type Actor } from '../../core/permissions.js';
import { findUserByEmail } from '../../store/users.js';
import type { ServiceDeps } from '../deps.js';
import { presentUser, type UserView } from './users.js';

/** The user with this email in the actor's scope, or undefined (outside the scope reads as absent). */
export async function findUser(deps: ServiceDeps, actor: Actor, email: string): Promise<(UserView & { orgId: string }) | undefined> {
  authorize(actor, 'user.read');
  const row = await findUserByEmail(deps.store.db, email);
  if (!row || !sameOrganization(actor, row)) return undefined;
  return { ...presentUser(row), orgId: row.org_id };
}
