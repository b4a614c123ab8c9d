/** Sessions and API tokens: both are looked up by the sha256 of a high-entropy secret. */
import type { Executor } from './db.js';
import { afterKey, decodeCursor } from './pagination.js';
import { prepare } from './prepared.js';

export async function insertSession(
  db: Executor,
  row: { id: string; user_id: string; created_at: string; expires_at: string },
) {
  await db.insertInto('sessions').values(row).execute();
}

const sessionUser = prepare<{ hash: string; now: string }, { id: string; org_id: string; role: string; vendor_id: string | null; expires_at: string }>(
  (db, p) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.org_id', 'users.role', 'users.vendor_id', 'sessions.expires_at'])
      .where('sessions.id', '=', p.hash)
      .where('sessions.expires_at', '>', p.now)
      .where('users.active', '=', 1),
);

/** The active user behind an unexpired session, or undefined (every authenticated request: prepared). */
export function findSessionUser(db: Executor, sessionHash: string, now: string) {
  return sessionUser.first(db, { hash: sessionHash, now });
}

export async function deleteSession(db: Executor, sessionHash: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionHash).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function insertApiToken(
  db: Executor,
  row: { id: string; user_id: string; name: string; token_hash: string; created_at: string },
) {
  await db.insertInto('api_tokens').values(row).execute();
}

const tokenUser = prepare<{ hash: string }, { id: string; org_id: string; role: string; vendor_id: string | null; token_id: string }>(
  (db, p) =>
    db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['users.id', 'users.org_id', 'users.role', 'users.vendor_id', 'api_tokens.id as token_id'])
      .where('api_tokens.token_hash', '=', p.hash)
      .where('api_tokens.revoked_at', 'is', null)
      .where('users.active', '=', 1),
);

/** The active user behind an unrevoked API token, or undefined (every authenticated request: prepared). */
export function findTokenUser(db: Executor, tokenHash: string) {
  return tokenUser.first(db, { hash: tokenHash });
}

export function listApiTokens(db: Executor, userId: string, cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor);
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .$if(after !== null, (q) => q.where((eb) => afterKey(eb, after!)))
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

export function getApiToken(db: Executor, id: string) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function revokeApiToken(db: Executor, id: string, now: string) {
  await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).execute();
}

/** Ends every session of the user (a password reset); returns how many there were. */
export async function deleteUserSessions(db: Executor, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
