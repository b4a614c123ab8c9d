/** `assay migrate`, `assay init`, `assay user add`, `assay user reset-password`, `assay token create`. */
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { ROLES, systemActor, isRole } from '../../core/permissions.js';
import { invalid, isAssayError } from '../../core/errors.js';
import { createUser } from '../../services/workforce/users.js';
import { setUpFirstRun } from '../../services/workforce/first-run.js';
import { resetPassword } from '../../services/auth/reset-password.js';
import { createApiToken } from '../../services/auth/api-tokens.js';
import { findUserByEmail } from '../../store/users.js';
import { loadConfig } from '../../config.js';
import { openStore, migrateToLatest } from '../../store/db.js';
import { withContext, reportError, type CliContext } from '../context.js';

/** The organization to act in: --org, or the only one there is. */
async function resolveOrg(ctx: CliContext, given?: string): Promise<string> {
  if (given) return given;
  const orgs = await ctx.store.db.selectFrom('organizations').select('id').limit(2).execute();
  if (orgs.length === 1) return orgs[0]!.id;
  throw invalid(orgs.length === 0 ? 'there is no organization yet; run `assay init --org NAME --admin-email E` first' : 'several organizations exist; pass --org ID', 'org');
}

/** Where `assay init` and `assay user reset-password` read a password instead of generating one. */
export const ADMIN_PASSWORD_ENV = 'ASSAY_ADMIN_PASSWORD';
export const NEW_PASSWORD_ENV = 'ASSAY_NEW_PASSWORD';

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

export function registerAdminCommands(program: Command) {
  program
    .command('migrate')
    .description('Bring the database schema to the latest version')
    .action(async () => {
      const config = loadConfig();
      const store = openStore(config.databaseUrl);
      try {
        const applied = await migrateToLatest(store.db);
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'already up to date\n');
      } catch (e) {
        process.exitCode = reportError(e);
      } finally {
        await store.close();
      }
    });

  program
    .command('init')
    .description(`Set up a new installation: its organization and first admin (password from $${ADMIN_PASSWORD_ENV}, or generated and printed once)`)
    .requiredOption('--org <name>', 'the organization (your lab)')
    .requiredOption('--admin-email <email>', 'the first admin, who signs in with it')
    .option('--admin-name <name>', "the admin's name", 'Administrator')
    .action(async (o: { org: string; adminEmail: string; adminName: string }) => {
      await withContext(async (ctx) => {
        const { password, generated } = passwordFrom(ADMIN_PASSWORD_ENV);
        const r = await setUpFirstRun(ctx.deps, systemActor(), { organization: o.org, email: o.adminEmail, name: o.adminName, password, via: 'cli' }).catch((e: unknown) => {
          throw inOptionTerms(e, { organization: '--org', email: '--admin-email', name: '--admin-name', password: ADMIN_PASSWORD_ENV });
        });
        process.stdout.write(`created organization "${r.organization.name}" (${r.organization.id}) and its admin ${r.admin.email} (${r.admin.id})\n`);
        process.stdout.write(generated ? `password (shown only now): ${password}\n` : `password: the one in $${ADMIN_PASSWORD_ENV}\n`);
        process.stdout.write('Start `assay serve` and sign in; the admin adds people under Admin (or `assay user add`).\n');
      });
    });

  const user = program.command('user').description('Manage users');
  user
    .command('add')
    .description('Create a user')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', ROLES.join('|'))
    .option('--password <password>', 'omit for a token-only user')
    .option('--vendor <id>', 'vendor id (annotators, vendor managers)')
    .option('--domain <domain...>', 'annotator domains')
    .option('--org <id>', 'organization (default: the only one)')
    .action(async (o: { email: string; name: string; role: string; password?: string; vendor?: string; domain?: string[]; org?: string }) => {
      await withContext(async (ctx) => {
        if (!isRole(o.role)) throw invalid(`--role must be one of ${ROLES.join(', ')}`, 'role');
        const actor = systemActor(await resolveOrg(ctx, o.org));
        const u = await createUser(ctx.deps, actor, { email: o.email, name: o.name, role: o.role, password: o.password, vendorId: o.vendor ?? null, domains: o.domain });
        process.stdout.write(`created ${u.role} ${u.email} (${u.id})\n`);
      });
    });

  user
    .command('reset-password')
    .description(`Give a user a new password (from $${NEW_PASSWORD_ENV}, or generated and printed once) and end their sessions`)
    .requiredOption('--email <email>', 'the user')
    .action(async (o: { email: string }) => {
      await withContext(async (ctx) => {
        const u = await findUserByEmail(ctx.store.db, o.email.trim());
        if (!u) throw invalid(`--email: no user with email ${o.email}`, '--email');
        const { password, generated } = passwordFrom(NEW_PASSWORD_ENV);
        const r = await resetPassword(ctx.deps, systemActor(u.org_id), { email: u.email, password }).catch((e: unknown) => {
          throw inOptionTerms(e, { password: NEW_PASSWORD_ENV });
        });
        process.stdout.write(`new password for ${r.user.email}; ${r.sessionsEnded} session${r.sessionsEnded === 1 ? '' : 's'} ended\n`);
        process.stdout.write(generated ? `password (shown only now): ${password}\n` : `password: the one in $${NEW_PASSWORD_ENV}\n`);
        if (!r.user.active) process.stdout.write('note: this user is deactivated and cannot sign in until an admin reactivates them\n');
      });
    });

  const token = program.command('token').description('Manage API tokens');
  token
    .command('create')
    .description('Create an API token for a user; the token is printed once')
    .requiredOption('--user <email>', 'the owner')
    .requiredOption('--name <name>', 'what the token is for')
    .action(async (o: { user: string; name: string }) => {
      await withContext(async (ctx) => {
        const u = await findUserByEmail(ctx.store.db, o.user);
        if (!u) throw invalid(`no user with email ${o.user}`, 'user');
        const t = await createApiToken(ctx.deps, systemActor(u.org_id), { name: o.name, forUserId: u.id });
        process.stdout.write(`${t.token}\n`);
        process.stderr.write(`token ${t.id} for ${u.email}; it is shown only now\n`);
      });
    });
}
