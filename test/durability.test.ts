/**
 * An acknowledged annotation survives the server being killed with SIGKILL right after the acknowledgement: a real
 * child process on a real database file (SQLite, WAL + synchronous=FULL + group commit) or PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { DIALECTS, createTestDatabase, type TestDatabase } from './support/databases.js';
import { startServer, api } from './support/server-process.js';
import { openStore, migrateToLatest } from '../src/store/db.js';
import { makeDeps } from '../src/services/deps.js';
import { systemActor } from '../src/core/permissions.js';
import { createOrganization } from '../src/services/workforce/organizations.js';
import { createUser } from '../src/services/workforce/users.js';
import { createApiToken } from '../src/services/auth/api-tokens.js';
import { createProject } from '../src/services/projects/create-project.js';
import { importItems } from '../src/services/items/import-items.js';
import { labelSchema, buildItems, toJsonl } from './factories.js';

describe.each(DIALECTS)('durability on %s', (dialect) => {
  let tdb: TestDatabase;
  let token: string;
  let projectId: string;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const store = openStore(tdb.url);
    await migrateToLatest(store.db);
    const deps = makeDeps(store);
    const org = await createOrganization(deps, 'Crash Lab');
    const sys = systemActor(org.id);
    const user = await createUser(deps, sys, { email: `crash-${dialect}@test.assay`, name: 'Crash', role: 'annotator' });
    token = (await createApiToken(deps, sys, { name: 't', forUserId: user.id })).token;
    projectId = (await createProject(deps, sys, { name: 'p', schema: labelSchema, overlapK: 1 })).id;
    await importItems(deps, sys, projectId, Readable.from([toJsonl(buildItems(50))]), { format: 'jsonl' });
    await store.close();
  });
  afterAll(async () => tdb.drop());

  it('keeps every acknowledged annotation after kill -9', async () => {
    const server = await startServer({ DATABASE_URL: tdb.url, ASSAY_SECRET: 'crash-test-secret-123456' }, ['--no-demo']);
    const auth = { authorization: `Bearer ${token}` };
    const acknowledged: string[] = [];
    // Label five tasks, then kill the server the moment the last acknowledgement has arrived.
    for (let i = 0; i < 5; i++) {
      const t = await api(server.url, 'POST', `/api/v1/projects/${projectId}/tasks/next`, {}, auth);
      expect(t.status).toBe(200);
      const s = await api(server.url, 'POST', `/api/v1/tasks/${t.json.assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: 50 }, auth);
      expect(s.status).toBe(201);
      acknowledged.push(s.json.id);
    }
    server.child.kill('SIGKILL');
    const exit = await server.exited;
    expect(exit.signal).toBe('SIGKILL');

    const store = openStore(tdb.url);
    try {
      const rows = await store.db.selectFrom('annotations').select('id').where('project_id', '=', projectId).execute();
      expect(rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
    } finally {
      await store.close();
    }
  });
});
