/** What every CLI command needs: config, an open store at the latest migration, and the service deps. */
import { loadConfig, type Config } from '../config.js';
import { openStore, migrateToLatest, type Store } from '../store/db.js';
import { makeDeps, type ServiceDeps } from '../services/deps.js';
import { CredentialCache } from '../services/auth/credential-cache.js';
import { invalid, isAssayError } from '../core/errors.js';
import { systemActor, type Actor } from '../core/permissions.js';
import { findProjectOrganization } from '../services/projects/project-organization.js';

export interface CliContext {
  config: Config;
  store: Store;
  deps: ServiceDeps;
}

export async function openContext(config: Config = loadConfig()): Promise<CliContext> {
  const store = openStore(config.databaseUrl, { poolSize: config.pgPoolSize });
  await migrateToLatest(store.db);
  return { config, store, deps: makeDeps(store, { secret: config.secret, credentials: new CredentialCache(config.authCacheMs) }) };
}

/** Brings the database to the latest migration without making the deps; returns the migrations applied. */
export async function migrateDatabase(config: Config = loadConfig()): Promise<string[]> {
  const store = openStore(config.databaseUrl);
  try {
    return await migrateToLatest(store.db);
  } finally {
    await store.close();
  }
}

/** Exit code for a failed command: 2 for bad input (the user can fix it), 1 for anything else. */
export function reportError(err: unknown, where?: string): number {
  const prefix = where ? `${where}: ` : '';
  if (isAssayError(err)) {
    process.stderr.write(`assay: ${prefix}${err.message}${err.field && !err.message.includes(err.field) ? ` (field ${err.field})` : ''}\n`);
    return err.code === 'invalid' || err.code === 'not_found' || err.code === 'conflict' ? 2 : 1;
  }
  process.stderr.write(`assay: ${prefix}${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
}

/** Runs a command body with an open context, closes it, and sets the exit code from any error. */
export async function withContext(fn: (ctx: CliContext) => Promise<void>, where?: () => string | undefined): Promise<void> {
  let ctx: CliContext | undefined;
  try {
    ctx = await openContext();
    await fn(ctx);
  } catch (err) {
    process.exitCode = reportError(err, where?.());
  } finally {
    await ctx?.store.close();
  }
}

/** The project's organization scopes the system actor, so the CLI acts inside one organization like a user. */
export async function projectActor(ctx: CliContext, projectId: string): Promise<Actor> {
  const orgId = await findProjectOrganization(ctx.deps, systemActor(), projectId);
  if (!orgId) throw invalid(`no project ${projectId}`, 'project');
  return systemActor(orgId);
}
