/** `assay migrate`, `assay user add`, `assay token create`. */
import type { Command } from 'commander';
import { ROLES, systemActor, isRole } from '../../core/permissions.js';
import { invalid } from '../../core/errors.js';
import { createUser } from '../../services/workforce/users.js';
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
  throw invalid(orgs.length === 0 ? 'there is no organization yet; run `assay serve` once to create the demo' : 'several organizations exist; pass --org ID', 'org');
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
