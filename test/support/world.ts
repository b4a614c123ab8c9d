/**
 * The setup most API suites share, per dialect: before the suite's tests a fresh store and a world on it (handed to
 * `ready`, which keeps them in the suite's own variables), after them the app and the database closed; and an
 * annotator created by the admin through the API with the profile domains routing reads.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { DialectName } from '../../src/store/dialect.js';
import type { Store } from '../../src/store/db.js';
import { systemActor } from '../../src/core/permissions.js';
import { createApiToken } from '../../src/services/auth/api-tokens.js';
import type { UserView } from '../../src/services/workforce/users.js';
import { buildWorld, clientFor, type Client, type World } from '../factories.js';
import { createTestStore } from './databases.js';

export function worldPerSuite(dialect: DialectName, opts: Parameters<typeof buildWorld>[1], ready: (store: Store, w: World) => void): void {
  let close: (() => Promise<void>) | undefined;
  let w: World | undefined;
  beforeAll(async () => {
    const made = await createTestStore(dialect);
    close = made.close;
    w = await buildWorld(made.store, opts);
    ready(made.store, w);
  });
  afterAll(async () => {
    await w?.app.close();
    await close?.();
  });
}

let seq = 0;

/** An annotator of `vendorId` with these profile domains, created by the admin through the API, with an API token. */
export async function annotatorWithDomains(w: World, domains: string[], vendorId: string | null = w.vendors.inHouse): Promise<Client> {
  const n = seq++;
  const res = await w.admin.post('/api/v1/users', {
    email: `annotator-${n}@test.assay`,
    name: `Annotator ${n}`,
    role: 'annotator',
    vendorId,
    domains,
    password: 'correct horse battery',
  });
  expect(res.statusCode, res.body).toBe(201);
  const user = res.json() as UserView;
  const { token } = await createApiToken(w.deps, systemActor(w.orgId), { name: 'test', forUserId: user.id });
  return clientFor(w.app, user, token);
}
