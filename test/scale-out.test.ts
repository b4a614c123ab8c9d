/**
 * DESIGN §6: several stateless `assay serve` processes on one PostgreSQL. Annotators spread over two servers never get
 * an item more often than its overlap allows, never the same item twice, and every acknowledged annotation is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { DIALECTS, createTestDatabase, type TestDatabase } from './support/databases.js';
import { startServer, api, type ServerProcess } from './support/server-process.js';
import { openStore, migrateToLatest } from '../src/store/db.js';
import { makeDeps } from '../src/services/deps.js';
import { systemActor } from '../src/core/permissions.js';
import { createOrganization } from '../src/services/workforce/organizations.js';
import { createUser } from '../src/services/workforce/users.js';
import { createApiToken } from '../src/services/auth/api-tokens.js';
import { createProject } from '../src/services/projects/create-project.js';
import { importItems } from '../src/services/items/import-items.js';
import { labelSchema, buildItems, toJsonl } from './factories.js';

const ANNOTATORS = 20;
const ITEMS = 30;
const K = 3;

describe.skipIf(!DIALECTS.includes('postgres'))('two servers on one PostgreSQL', () => {
  let tdb: TestDatabase;
  let servers: ServerProcess[] = [];
  const tokens: string[] = [];
  let projectId: string;

  beforeAll(async () => {
    tdb = await createTestDatabase('postgres');
    const store = openStore(tdb.url);
    await migrateToLatest(store.db);
    const deps = makeDeps(store);
    const org = await createOrganization(deps, 'Scale Lab');
    const sys = systemActor(org.id);
    for (let i = 0; i < ANNOTATORS; i++) {
      const u = await createUser(deps, sys, { email: `scale${i}@test.assay`, name: `s${i}`, role: 'annotator' });
      tokens.push((await createApiToken(deps, sys, { name: 't', forUserId: u.id })).token);
    }
    projectId = (await createProject(deps, sys, { name: 'scale', schema: labelSchema, overlapK: K })).id;
    await importItems(deps, sys, projectId, Readable.from([toJsonl(buildItems(ITEMS))]), { format: 'jsonl' });
    await store.close();
    const env = { DATABASE_URL: tdb.url, ASSAY_SECRET: 'scale-out-secret-0123456789' };
    servers = await Promise.all([startServer(env, ['--no-demo']), startServer(env, ['--no-demo'])]);
  });

  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    await tdb.drop();
  });

  it('keeps overlap and loses nothing with annotators on both servers', async () => {
    const acknowledged: string[] = [];
    await Promise.all(
      tokens.map(async (token, n) => {
        const auth = { authorization: `Bearer ${token}` };
        for (let round = 0; ; round++) {
          // Each annotator alternates between the servers, as a load balancer without affinity would send them.
          const url = servers[(n + round) % 2]!.url;
          const next = await api(url, 'POST', `/api/v1/projects/${projectId}/tasks/next`, {}, auth);
          if (next.status === 409) return;
          expect(next.status).toBe(200);
          const sub = await api(servers[(n + round + 1) % 2]!.url, 'POST', `/api/v1/tasks/${next.json.assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: 10 }, auth);
          expect(sub.status).toBe(201);
          acknowledged.push(sub.json.id);
        }
      }),
    );
    expect(acknowledged).toHaveLength(ITEMS * K);

    const store = openStore(tdb.url);
    try {
      const rows = await store.db.selectFrom('annotations').select(['id', 'item_id', 'annotator_id']).execute();
      expect(rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
      const perItem = new Map<string, Set<string>>();
      for (const r of rows) perItem.set(r.item_id, (perItem.get(r.item_id) ?? new Set()).add(r.annotator_id));
      expect(perItem.size).toBe(ITEMS);
      for (const annotators of perItem.values()) expect(annotators.size).toBe(K);
    } finally {
      await store.close();
    }
  });
});
