import { sql } from 'kysely';
import type { Executor } from './db.js';
import type { NewUser, UserRow } from './schema.js';
import { afterKey, decodeCursor } from './pagination.js';
import { toJson } from './dialect.js';

export async function insertUser(db: Executor, row: NewUser) {
  await db.insertInto('users').values(row).execute();
}

export function getUser(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export interface ListUsersOptions {
  orgId: string;
  vendorId?: string | undefined;
  role?: string | undefined;
  /** Text the name or email contains, case-insensitively. */
  search?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally (escape `\`). */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listUsers(db: Executor, o: ListUsersOptions): Promise<UserRow[]> {
  const after = decodeCursor(o.cursor);
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', o.orgId)
    .$if(o.vendorId !== undefined, (q) => q.where('vendor_id', '=', o.vendorId!))
    .$if(o.role !== undefined, (q) => q.where('role', '=', o.role!))
    .$if(!!o.search, (q) => {
      const pattern = containsPattern(o.search!);
      // Emails are stored lower-case; names are lowered here (PostgreSQL's LIKE is case-sensitive, SQLite's is not).
      return q.where(sql<boolean>`(lower(name) like ${pattern} escape '\\' or email like ${pattern} escape '\\')`);
    })
    .$if(after !== null, (q) => q.where((eb) => afterKey(eb, after!)))
    .orderBy('created_at')
    .orderBy('id')
    .limit(o.limit + 1)
    .execute();
}

export async function updateUser(
  db: Executor,
  id: string,
  patch: Partial<Pick<UserRow, 'name' | 'role' | 'vendor_id' | 'active' | 'password_hash'>>,
) {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export interface ProfileInput {
  domains: string[];
  credentials: string[];
  languages: string[];
  payRateMinor: number | null;
  currency: string | null;
}

export async function upsertProfile(db: Executor, userId: string, p: ProfileInput) {
  const values = {
    domains: toJson(p.domains),
    credentials: toJson(p.credentials),
    languages: toJson(p.languages),
    pay_rate_minor: p.payRateMinor,
    currency: p.currency,
  };
  await db
    .insertInto('annotator_profiles')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

export function getProfile(db: Executor, userId: string) {
  return db.selectFrom('annotator_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}
