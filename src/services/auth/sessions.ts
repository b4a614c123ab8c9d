import { AssayError } from '../../core/errors.js';
import { isRole, type Actor } from '../../core/permissions.js';
import { newSecret } from '../../core/ids.js';
import { findSessionUser, findTokenUser, insertSession, deleteSession } from '../../store/credentials.js';
import { findUserByEmail } from '../../store/users.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { hashPassword, hashToken, verifyPassword } from './passwords.js';

export interface LoginResult {
  /** The session secret: goes into an HttpOnly cookie, never into a response body. */
  token: string;
  expiresAt: string;
  user: { id: string; role: string; orgId: string };
}

// A hash of a random password, so an unknown email costs the same scrypt time as a wrong password.
const dummyHash = hashPassword(newSecret());

/** Checks email and password and opens a session. One message for every failure, so emails cannot be probed. */
export async function login(deps: ServiceDeps, input: { email: string; password: string }): Promise<LoginResult> {
  const user = await findUserByEmail(deps.store.db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash));
  if (!user || !ok || !user.active || !user.password_hash) {
    throw new AssayError('unauthenticated', 'Email or password is wrong');
  }
  const token = newSecret();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.sessionTtlMs).toISOString();
  await deps.store.write((trx) =>
    insertSession(trx, { id: hashToken(token), user_id: user.id, created_at: now.toISOString(), expires_at: expiresAt }),
  );
  return { token, expiresAt, user: { id: user.id, role: user.role, orgId: user.org_id } };
}

export async function logout(deps: ServiceDeps, sessionToken: string): Promise<void> {
  const hash = hashToken(sessionToken);
  deps.credentials.delete(hash);
  await deps.store.write((trx) => deleteSession(trx, hash));
}

export type Credential = { kind: 'session'; token: string } | { kind: 'bearer'; token: string };

/** Resolves a session cookie or a Bearer API token to the acting user; throws `unauthenticated` otherwise. */
export async function authenticate(deps: ServiceDeps, cred: Credential): Promise<Actor> {
  const hash = hashToken(cred.token);
  const nowMs = deps.now().getTime();
  const cached = deps.credentials.get(hash, nowMs);
  if (cached) return cached;
  const row =
    cred.kind === 'session'
      ? await findSessionUser(deps.store.db, hash, nowIsoOf(deps))
      : await findTokenUser(deps.store.db, hash);
  if (!row || !isRole(row.role)) {
    throw new AssayError(
      'unauthenticated',
      cred.kind === 'session' ? 'Session expired or signed out' : 'API token is unknown or revoked',
    );
  }
  const actor = { kind: 'user' as const, userId: row.id, orgId: row.org_id, role: row.role, vendorId: row.vendor_id };
  deps.credentials.set(hash, actor, nowMs, 'expires_at' in row ? Date.parse(row.expires_at) : Infinity);
  return actor;
}
