import { sql } from 'kysely';
import type { Executor } from './db.js';
import type { Role } from '../core/permissions.js';
import type { NewUser, UserRow } from './schema.js';
import { afterKey, decodeCursor } from './pagination.js';
import { fromJson, toJson } from './dialect.js';

/** A user as read: the role one of the closed set, `active` a boolean. */
export interface User extends Omit<UserRow, 'role' | 'active'> {
  role: Role;
  active: boolean;
}

const userOf = (row: UserRow): User => ({ ...row, role: row.role as Role, active: row.active === 1 });

export async function insertUser(db: Executor, user: User) {
  const row: NewUser = { ...user, active: user.active ? 1 : 0 };
  await db.insertInto('users').values(row).execute();
}

export async function getUser(db: Executor, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && userOf(row);
}

export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row && userOf(row);
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

export async function listUsers(db: Executor, o: ListUsersOptions): Promise<User[]> {
  const after = decodeCursor(o.cursor);
  const rows = await db
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
  return rows.map(userOf);
}

export async function updateUser(db: Executor, id: string, patch: Partial<Pick<User, 'name' | 'role' | 'vendor_id' | 'active' | 'password_hash'>>) {
  const { active, ...rest } = patch;
  await db
    .updateTable('users')
    .set({ ...rest, ...(active !== undefined && { active: active ? 1 : 0 }) })
    .where('id', '=', id)
    .execute();
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

/** The annotator's profile with its lists parsed, or undefined when they have none. */
export async function getProfile(db: Executor, userId: string) {
  const row = await db.selectFrom('annotator_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return (
    row && {
      domains: fromJson<string[]>(row.domains),
      credentials: fromJson<string[]>(row.credentials),
      languages: fromJson<string[]>(row.languages),
      payRateMinor: row.pay_rate_minor,
      currency: row.currency,
    }
  );
}
