import { createHmac } from 'node:crypto';
import { authorize, requireInOrg, isRole, type Actor, type Role } from '../../core/permissions.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { findUserByEmail, getUser, insertUser, listUsers as listUserRows, updateUser as updateUserRow, upsertProfile, getProfile, type User } from '../../store/users.js';
import { getVendor } from '../../store/vendors.js';
import { toPage, MAX_PAGE_SIZE, type Page } from '../../store/pagination.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { hashPassword } from '../auth/passwords.js';
import { orgOf } from './organizations.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  vendorId: string | null;
  /** What exports and vendor views show instead of the name. */
  pseudonym: string;
  active: boolean;
  createdAt: string;
}

export const presentUser = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  vendorId: u.vendor_id,
  pseudonym: u.pseudonym,
  active: u.active,
  createdAt: u.created_at,
});

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  password?: string | undefined;
  vendorId?: string | null | undefined;
  /** Annotator profile: domains such as `medicine/cardiology`. */
  domains?: string[] | undefined;
  credentials?: string[] | undefined;
  languages?: string[] | undefined;
  payRateMinor?: number | null | undefined;
  currency?: string | null | undefined;
}

/** Pseudonyms are derived, not random, so the same user gets the same pseudonym in every export. */
export const pseudonymFor = (secret: string, userId: string, role: Role) =>
  `${role === 'annotator' ? 'annotator' : role}-${createHmac('sha256', secret).update(userId).digest('hex').slice(0, 10)}`;

export async function createUser(deps: ServiceDeps, actor: Actor, input: CreateUserInput): Promise<UserView> {
  authorize(actor, 'user.manage');
  const orgId = orgOf(actor);
  if (!isRole(input.role)) throw invalid(`role must be one of the known roles`, 'role');
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(deps.store.db, email)) throw conflict(`A user with email ${email} already exists`, 'email');
  const vendorId = input.vendorId ?? null;
  if (vendorId !== null) requireInOrg(actor, await getVendor(deps.store.db, vendorId), 'Vendor');
  if ((input.role === 'vendor_manager') && vendorId === null) {
    throw invalid('a vendor_manager must belong to a vendor', 'vendorId');
  }
  const id = newId('user');
  const row: User = {
    id,
    org_id: orgId,
    email,
    name: input.name,
    role: input.role,
    vendor_id: vendorId,
    pseudonym: pseudonymFor(deps.secret, id, input.role),
    password_hash: input.password ? await hashPassword(input.password) : null,
    active: true,
    created_at: nowIsoOf(deps),
  };
  await deps.store.write(async (trx) => {
    await insertUser(trx, row);
    if (input.role === 'annotator') {
      await upsertProfile(trx, id, {
        domains: input.domains ?? [],
        credentials: input.credentials ?? [],
        languages: input.languages ?? [],
        payRateMinor: input.payRateMinor ?? null,
        currency: input.currency ?? null,
      });
    }
  });
  return presentUser(row);
}

export async function listUsers(
  deps: ServiceDeps,
  actor: Actor,
  q: { role?: Role | undefined; vendorId?: string | undefined; q?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
): Promise<Page<UserView>> {
  authorize(actor, 'user.read');
  const limit = Math.min(q.limit ?? 100, MAX_PAGE_SIZE);
  // A vendor manager sees only its own vendor's people.
  const vendorId = actor.kind === 'user' && actor.role === 'vendor_manager' ? (actor.vendorId ?? '') : q.vendorId;
  const rows = await listUserRows(deps.store.db, { orgId: orgOf(actor), vendorId, role: q.role, search: q.q?.trim() || undefined, cursor: q.cursor, limit });
  return toPage(rows, limit, presentUser);
}

export async function getMe(deps: ServiceDeps, actor: Actor) {
  if (actor.kind !== 'user') throw notFound('User');
  const user = await getUser(deps.store.db, actor.userId);
  if (!user) throw notFound('User');
  const profile = await getProfile(deps.store.db, user.id);
  return {
    ...presentUser(user),
    profile: profile ?? null,
  };
}

export async function updateUser(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  patch: { name?: string | undefined; role?: Role | undefined; vendorId?: string | null | undefined; active?: boolean | undefined; password?: string | undefined },
): Promise<UserView> {
  authorize(actor, 'user.manage');
  const user = requireInOrg(actor, await getUser(deps.store.db, userId), 'User');
  if (patch.vendorId) requireInOrg(actor, await getVendor(deps.store.db, patch.vendorId), 'Vendor');
  if (actor.kind === 'user' && actor.userId === userId && (patch.active === false || (patch.role && patch.role !== user.role))) {
    throw conflict('You cannot deactivate yourself or change your own role', 'role');
  }
  const set: Parameters<typeof updateUserRow>[2] = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.vendorId !== undefined) set.vendor_id = patch.vendorId;
  if (patch.active !== undefined) set.active = patch.active;
  if (patch.password !== undefined) set.password_hash = await hashPassword(patch.password);
  if (Object.keys(set).length > 0) {
    await deps.store.write((trx) => updateUserRow(trx, userId, set));
    deps.credentials.deleteUser(userId);
  }
  return presentUser({ ...user, ...set });
}
