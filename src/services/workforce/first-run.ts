/**
 * The first run of a real installation: on a database without any organization, create the organization and its
 * first admin, once. `assay init` and the first-run screen (`POST /api/v1/setup`) both come here, acting as the
 * system (nobody exists yet to act as), and the permission is one only the system actor holds.
 *
 * "Once" holds under concurrency: the organization, the `instance_setup` row with its constant key and the admin
 * are written in one transaction, after checking that no organization exists. Two set-ups at the same moment both
 * insert that key; only one commits, and the other is refused with `conflict`, as is any set-up once an
 * organization exists (the demo's included).
 */
import { authorize, type Actor } from '../../core/permissions.js';
import { AssayError, conflict, invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { countOrganizations, insertInstanceSetup, insertOrganization } from '../../store/organizations.js';
import { insertUser, type User } from '../../store/users.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { hashPassword } from '../auth/passwords.js';
import { presentUser, pseudonymFor, type UserView } from './users.js';

export interface FirstRunInput {
  /** The organization's name (the lab). */
  organization: string;
  /** The first admin. */
  email: string;
  name: string;
  password: string;
  /** Who set it up: `assay init` or the first-run screen. */
  via: 'cli' | 'web';
}

export interface FirstRunResult {
  organization: { id: string; name: string; createdAt: string };
  admin: UserView;
}

/** Password length the API enforces for every user (`POST /users`). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const ALREADY = 'Assay is set up already: an organization exists. Sign in, or ask its admin for an account';

/** True while the database has no organization: the first-run screen is open only then. */
export async function firstRunNeeded(deps: ServiceDeps): Promise<boolean> {
  return (await countOrganizations(deps.store.db)) === 0;
}

/** Checks the input, naming the field at fault; returns it trimmed (the email lower-cased). */
export function checkFirstRunInput(input: Omit<FirstRunInput, 'via'>): Omit<FirstRunInput, 'via'> {
  const organization = input.organization.trim();
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (organization.length === 0 || organization.length > 200) throw invalid('The organization needs a name of 1 to 200 characters', 'organization');
  if (!EMAIL.test(email) || email.length > 320) throw invalid(`"${input.email}" is not an email address`, 'email');
  if (name.length === 0 || name.length > 200) throw invalid("The admin's name must have 1 to 200 characters", 'name');
  if (input.password.length < PASSWORD_MIN || input.password.length > PASSWORD_MAX) {
    throw invalid(`The password must have ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`, 'password');
  }
  return { organization, email, name, password: input.password };
}

export async function setUpFirstRun(deps: ServiceDeps, actor: Actor, input: FirstRunInput): Promise<FirstRunResult> {
  authorize(actor, 'organization.create');
  const ok = checkFirstRunInput(input);
  // Cheap early answer; the transaction below checks again, and its key decides races.
  if (!(await firstRunNeeded(deps))) throw conflict(ALREADY);
  const now = nowIsoOf(deps);
  const orgId = newId('organization');
  const userId = newId('user');
  const user: User = {
    id: userId,
    org_id: orgId,
    email: ok.email,
    name: ok.name,
    role: 'admin',
    vendor_id: null,
    pseudonym: pseudonymFor(deps.secret, userId, 'admin'),
    password_hash: await hashPassword(ok.password),
    active: true,
    created_at: now,
  };
  try {
    await deps.store.write(async (trx) => {
      if ((await countOrganizations(trx)) > 0) throw conflict(ALREADY);
      await insertOrganization(trx, { id: orgId, name: ok.organization, created_at: now });
      await insertInstanceSetup(trx, { org_id: orgId, via: input.via, created_at: now });
      await insertUser(trx, user);
    });
  } catch (err) {
    if (!(err instanceof AssayError) && deps.store.dialect.isUniqueViolation(err)) throw conflict(ALREADY);
    throw err;
  }
  return { organization: { id: orgId, name: ok.organization, createdAt: now }, admin: presentUser(user) };
}
