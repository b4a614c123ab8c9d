import { authorize, type Actor } from '../../core/permissions.js';
import { notFound, invalid } from '../../core/errors.js';
import { newId, newSecret } from '../../core/ids.js';
import { getApiToken, insertApiToken, listApiTokens, revokeApiToken } from '../../store/credentials.js';
import { getUser } from '../../store/users.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { hashToken } from './passwords.js';
import { toPage, MAX_PAGE_SIZE } from '../../store/pagination.js';

export interface CreatedToken {
  id: string;
  name: string;
  /** The plaintext token: shown once, stored only as a hash. */
  token: string;
  createdAt: string;
}

/**
 * Creates an API token for the actor (or, for the system actor from the CLI, for `forUserId`). The plaintext is
 * `assay_` + 256 random bits and is returned only here.
 */
export async function createApiToken(
  deps: ServiceDeps,
  actor: Actor,
  input: { name: string; forUserId?: string | undefined },
): Promise<CreatedToken> {
  authorize(actor, 'token.manage_own');
  const userId = actor.kind === 'user' ? actor.userId : input.forUserId;
  if (!userId) throw invalid('a user is required to own the token', 'user');
  if (actor.kind === 'system') {
    const user = await getUser(deps.store.db, userId);
    if (!user) throw notFound('User');
  }
  const token = `assay_${newSecret()}`;
  const row = { id: newId('token'), user_id: userId, name: input.name, token_hash: hashToken(token), created_at: nowIsoOf(deps) };
  await deps.store.write((trx) => insertApiToken(trx, row));
  return { id: row.id, name: row.name, token, createdAt: row.created_at };
}

export async function listOwnApiTokens(deps: ServiceDeps, actor: Actor, q: { cursor?: string | undefined; limit?: number | undefined } = {}) {
  authorize(actor, 'token.manage_own');
  const limit = Math.min(q.limit ?? 100, MAX_PAGE_SIZE);
  const rows = actor.kind === 'user' ? await listApiTokens(deps.store.db, actor.userId, q.cursor, limit) : [];
  return toPage(rows, limit, (t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
    revokedAt: t.revoked_at,
  }));
}

export async function revokeOwnApiToken(deps: ServiceDeps, actor: Actor, tokenId: string) {
  authorize(actor, 'token.manage_own');
  const row = await getApiToken(deps.store.db, tokenId);
  if (!row || (actor.kind === 'user' && row.user_id !== actor.userId)) throw notFound('API token');
  await deps.store.write((trx) => revokeApiToken(trx, tokenId, nowIsoOf(deps)));
  deps.credentials.deleteUser(row.user_id);
}
