/** `assay migrate`, `assay init`, `assay user add`, `assay user reset-password`, `assay token create`. */
import { randomBytes } from 'node:crypto';
import { systemActor, isRole, ROLES } from '../../core/permissions.js';
import { invalid, isAssayError } from '../../core/errors.js';
import { createUser } from '../../services/workforce/users.js';
import { findUser } from '../../services/workforce/find-user.js';
import { findSoleOrganization } from '../../services/workforce/sole-organization.js';
import { setUpFirstRun } from '../../services/workforce/first-run.js';
import { resetPassword } from '../../services/auth/reset-password.js';
import { createApiToken } from '../../services/auth/api-tokens.js';
import { migrateDatabase, withContext, reportError, type CliContext } from '../context.js';
import { ADMIN_PASSWORD_ENV, NEW_PASSWORD_ENV } from '../password-env.js';

/** The organization to act in: --org, or the only one there is. */
async function resolveOrg(ctx: CliContext, given?: string): Promise<string> {
  if (given) return given;
  const org = await findSoleOrganization(ctx.deps, systemActor());
  if (org.kind === 'one') return org.id;
  throw invalid(org.kind === 'none' ? 'there is no organization yet; run `assay init --org NAME --admin-email E` first' : 'several organizations exist; pass --org ID', 'org');
}

/** The password from the environment variable, or a generated one (20 characters, 120 bits) to print once. */
function passwordFrom(variable: string): { password: string; generated: boolean } {
  const given = process.env[variable];
  if (given !== undefined && given !== '') return { password: given, generated: false };
  return { password: randomBytes(15).toString('base64url'), generated: true };
}

/** A service error about an input field, said with the option (or variable) the user typed it as. */
function inOptionTerms(err: unknown, options: Record<string, string>): unknown {
  if (!isAssayError(err) || err.code !== 'invalid' || !err.field || !options[err.field]) return err;
  return invalid(`${options[err.field]}: ${err.message}`, options[err.field]);
}

export async function runMigrate(): Promise<void> {
  try {
    const applied = await migrateDatabase();
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'already up to date\n');
  } catch (e) {
    process.exitCode = reportError(e);
  }
}

export interface InitOptions {
  org: string;
  adminEmail: string;
  adminName: string;
}

export async function runInit(o: InitOptions): Promise<void> {
  await withContext(async (ctx) => {
    const { password, generated } = passwordFrom(ADMIN_PASSWORD_ENV);
    const r = await setUpFirstRun(ctx.deps, systemActor(), { organization: o.org, email: o.adminEmail, name: o.adminName, password, via: 'cli' }).catch((e: unknown) => {
      throw inOptionTerms(e, { organization: '--org', email: '--admin-email', name: '--admin-name', password: ADMIN_PASSWORD_ENV });
    });
    process.stdout.write(`created organization "${r.organization.name}" (${r.organization.id}) and its admin ${r.admin.email} (${r.admin.id})\n`);
    process.stdout.write(generated ? `password (shown only now): ${password}\n` : `password: the one in $${ADMIN_PASSWORD_ENV}\n`);
    process.stdout.write('Start `assay serve` and sign in; the admin adds people under Admin (or `assay user add`).\n');
  });
}

export interface UserAddOptions {
  email: string;
  name: string;
  role: string;
  password?: string;
  vendor?: string;
  domain?: string[];
  org?: string;
}

export async function runUserAdd(o: UserAddOptions): Promise<void> {
  await withContext(async (ctx) => {
    if (!isRole(o.role)) throw invalid(`--role must be one of ${ROLES.join(', ')}`, 'role');
    const actor = systemActor(await resolveOrg(ctx, o.org));
    const u = await createUser(ctx.deps, actor, { email: o.email, name: o.name, role: o.role, password: o.password, vendorId: o.vendor ?? null, domains: o.domain });
    process.stdout.write(`created ${u.role} ${u.email} (${u.id})\n`);
  });
}

export async function runResetPassword(o: { email: string }): Promise<void> {
  await withContext(async (ctx) => {
    const u = await findUser(ctx.deps, systemActor(), o.email.trim());
    if (!u) throw invalid(`--email: no user with email ${o.email}`, '--email');
    const { password, generated } = passwordFrom(NEW_PASSWORD_ENV);
    const r = await resetPassword(ctx.deps, systemActor(u.orgId), { email: u.email, password }).catch((e: unknown) => {
      throw inOptionTerms(e, { password: NEW_PASSWORD_ENV });
    });
    process.stdout.write(`new password for ${r.user.email}; ${r.sessionsEnded} session${r.sessionsEnded === 1 ? '' : 's'} ended\n`);
    process.stdout.write(generated ? `password (shown only now): ${password}\n` : `password: the one in $${NEW_PASSWORD_ENV}\n`);
    if (!r.user.active) process.stdout.write('note: this user is deactivated and cannot sign in until an admin reactivates them\n');
  });
}

export async function runTokenCreate(o: { user: string; name: string }): Promise<void> {
  await withContext(async (ctx) => {
    const u = await findUser(ctx.deps, systemActor(), o.user);
    if (!u) throw invalid(`no user with email ${o.user}`, 'user');
    const t = await createApiToken(ctx.deps, systemActor(u.orgId), { name: o.name, forUserId: u.id });
    process.stdout.write(`${t.token}\n`);
    process.stderr.write(`token ${t.id} for ${u.email}; it is shown only now\n`);
  });
}
