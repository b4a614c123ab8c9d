/**
 * What the CLI tests start from: a database of one dialect, migrated, with an organization and a label project made
 * through the services, a temp data dir, and `assay` run against both as a real process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpawnSyncReturns } from 'node:child_process';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { runAssay } from './cli-process.js';
import { openStore, migrateToLatest } from '../../src/store/db.js';
import { makeDeps } from '../../src/services/deps.js';
import { systemActor } from '../../src/core/permissions.js';
import { createOrganization } from '../../src/services/workforce/organizations.js';
import { createProject } from '../../src/services/projects/create-project.js';
import type { DialectName } from '../../src/store/dialect.js';
import { labelSchema } from '../factories.js';

export interface CliProject {
  tdb: TestDatabase;
  /** The temp ASSAY_DATA_DIR, also a place for the test's files. */
  dir: string;
  projectId: string;
  /** Runs `assay ...args` on this database and data dir. */
  run(...args: string[]): SpawnSyncReturns<string>;
  /** Rows in a table, read the way a user would check, after the process ended. */
  count(table: 'items' | 'users' | 'api_tokens'): Promise<number>;
  close(): Promise<void>;
}

export async function openCliProject(dialect: DialectName, orgName: string): Promise<CliProject> {
  const tdb = await createTestDatabase(dialect);
  const dir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
  const store = openStore(tdb.url);
  let projectId: string;
  try {
    await migrateToLatest(store.db);
    const deps = makeDeps(store);
    const org = await createOrganization(deps, orgName);
    projectId = (await createProject(deps, systemActor(org.id), { name: orgName.toLowerCase(), schema: labelSchema })).id;
  } finally {
    await store.close();
  }
  return {
    tdb,
    dir,
    projectId,
    run: (...args) => runAssay(args, { DATABASE_URL: tdb.url, ASSAY_DATA_DIR: dir, ASSAY_SECRET: 'cli-test-secret-0123456789' }),
    count: async (table) => {
      const s = openStore(tdb.url);
      try {
        return Number((await s.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      } finally {
        await s.close();
      }
    },
    close: async () => {
      rmSync(dir, { recursive: true, force: true });
      await tdb.drop();
    },
  };
}
