/**
 * What `assay migrate`, `init`, `user add`, `user reset-password` and `token create` accept and say in their help;
 * the work is in ../commands/admin.ts, loaded when one runs.
 */
import type { Command } from 'commander';
import { ROLES } from '../../core/permissions.js';
import type { InitOptions, UserAddOptions } from '../commands/admin.js';
import { ADMIN_PASSWORD_ENV, NEW_PASSWORD_ENV } from '../password-env.js';

const admin = () => import('../commands/admin.js');

export function registerAdminCommands(program: Command) {
  program
    .command('migrate')
    .description('Bring the database schema to the latest version')
    .action(async () => (await admin()).runMigrate());

  program
    .command('init')
    .description(`Set up a new installation: its organization and first admin (password from $${ADMIN_PASSWORD_ENV}, or generated and printed once)`)
    .requiredOption('--org <name>', 'the organization (your lab)')
    .requiredOption('--admin-email <email>', 'the first admin, who signs in with it')
    .option('--admin-name <name>', "the admin's name", 'Administrator')
    .action(async (o: InitOptions) => (await admin()).runInit(o));

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
    .action(async (o: UserAddOptions) => (await admin()).runUserAdd(o));

  user
    .command('reset-password')
    .description(`Give a user a new password (from $${NEW_PASSWORD_ENV}, or generated and printed once) and end their sessions`)
    .requiredOption('--email <email>', 'the user')
    .action(async (o: { email: string }) => (await admin()).runResetPassword(o));

  const token = program.command('token').description('Manage API tokens');
  token
    .command('create')
    .description('Create an API token for a user; the token is printed once')
    .requiredOption('--user <email>', 'the owner')
    .requiredOption('--name <name>', 'what the token is for')
    .action(async (o: { user: string; name: string }) => (await admin()).runTokenCreate(o));
}
