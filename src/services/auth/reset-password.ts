/**
 * A lost password: an admin (or the CLI, as the system scoped to the user's organization) sets a new one, and every
 * session the user had ends in the same transaction, so whoever held the old password is signed out. Servers that
 * cached a session drop it at once here and within ASSAY_AUTH_CACHE_MS elsewhere. API tokens stay: they are not
 * the password, and their owner revokes them apart.
 */
import { authorize, requireInOrg, type Actor } from '../../core/permissions.js';
import { invalid } from '../../core/errors.js';
import { findUserByEmail, updateUser } from '../../store/users.js';
import { deleteUserSessions } from '../../store/credentials.js';
import type { ServiceDeps } from '../deps.js';
import { presentUser, type UserView } from '../workforce/users.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../workforce/first-run.js';
import { hashPassword } from './passwords.js';

export async function resetPassword(
  deps: ServiceDeps,
  actor: Actor,
  input: { email: string; password: string },
): Promise<{ user: UserView; sessionsEnded: number }> {
  authorize(actor, 'user.manage');
  const user = requireInOrg(actor, await findUserByEmail(deps.store.db, input.email.trim()), 'User');
  if (input.password.length < PASSWORD_MIN || input.password.length > PASSWORD_MAX) {
    throw invalid(`The password must have ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`, 'password');
  }
  const passwordHash = await hashPassword(input.password);
  const sessionsEnded = await deps.store.write(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash });
    return deleteUserSessions(trx, user.id);
  });
  deps.credentials.deleteUser(user.id);
  return { user: presentUser({ ...user, password_hash: passwordHash }), sessionsEnded };
}
