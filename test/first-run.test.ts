/**
 * The first run without the demo, through the real HTTP API on both databases: the first-run routes are open only
 * while no organization exists, say which field is wrong, let exactly one of several concurrent set-ups win, and
 * refuse with 409 from then on (a demo's organization included). The admin they create signs in and works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DIALECTS, createTestStore } from './support/databases.js';
import { countRows } from './support/routes.js';
import { buildApp } from '../src/api/app.js';
import { makeDeps, type ServiceDeps } from '../src/services/deps.js';
import { createOrganization } from '../src/services/workforce/organizations.js';
import { setUpFirstRun } from '../src/services/workforce/first-run.js';
import { systemActor } from '../src/core/permissions.js';
import { AssayError } from '../src/core/errors.js';
import type { Store } from '../src/store/db.js';

const good = { organization: 'Acme Lab', name: 'Ada Admin', email: 'Ada@Acme.example', password: 'a long enough password' };

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  return body.error as { code: string; message: string; field?: string };
}

describe.each(DIALECTS)('the first run on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let deps: ServiceDeps;
  let app: FastifyInstance;
  const post = (body: unknown) => app.inject({ method: 'POST', url: '/api/v1/setup', payload: body as object });
  const status = async () => (await app.inject({ method: 'GET', url: '/api/v1/setup' })).json() as { needed: boolean };

  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    deps = makeDeps(store, { secret: 'first-run-secret-0123456789' });
    app = await buildApp({ deps });
  });
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it('is needed on a fresh database, and GET /setup needs no credentials', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/setup' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ needed: true });
  });

  it('refuses bad fields with 400 naming the field, writing nothing', async () => {
    const before = await countRows(store.db);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, organization: '   ' }, 'organization'],
      [{ ...good, email: 'not-an-email' }, 'email'],
      [{ ...good, name: '' }, 'name'],
      [{ ...good, password: 'short' }, 'password'],
      [{ organization: 'No email', name: 'X', password: 'a long enough password' }, 'email'],
      [{ ...good, password: 12345678 }, 'password'],
    ];
    for (const [body, field] of cases) {
      const err = expectError(await post(body), 400, 'invalid');
      expect(err.field, JSON.stringify(body)).toBe(field);
      expect(err.message).toMatch(new RegExp(field === 'name' ? 'name' : field, 'i'));
    }
    expect(await countRows(store.db)).toEqual(before);
    expect(before.organizations).toBe(0);
    expect(await status()).toEqual({ needed: true });
  });

  it('lets exactly one of five concurrent set-ups win; the others get 409 and write nothing', async () => {
    const bodies = Array.from({ length: 5 }, (_, i) => ({ ...good, organization: `Lab ${i}`, email: `admin${i}@lab${i}.example` }));
    const results = await Promise.all(bodies.map((b) => post(b)));
    const won = results.filter((r) => r.statusCode === 201);
    expect(won, results.map((r) => `${r.statusCode} ${r.body}`).join('\n')).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) expect(expectError(r, 409, 'conflict').message).toMatch(/set up already/);
    const winner = won[0]!.json() as { organization: { id: string; name: string }; admin: { id: string; email: string; role: string } };
    expect(winner.admin.role).toBe('admin');
    expect(JSON.stringify(winner)).not.toMatch(/password|scrypt/);
    const counts = await countRows(store.db);
    expect(counts.organizations).toBe(1);
    expect(counts.users).toBe(1);
    const setup = await store.db.selectFrom('instance_setup').selectAll().execute();
    expect(setup).toEqual([expect.objectContaining({ id: 'first-run', org_id: winner.organization.id, via: 'web' })]);
    const admin = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(admin).toMatchObject({ org_id: winner.organization.id, role: 'admin', active: 1, email: winner.admin.email });

    // The winner's admin signs in with the password they chose and can add people.
    const i = bodies.findIndex((b) => b.organization === winner.organization.name);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: bodies[i]!.email, password: good.password } });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'assay_session')!;
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { assay_session: cookie.value } });
    expect(me.json()).toMatchObject({ role: 'admin', email: bodies[i]!.email });
    const added = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      cookies: { assay_session: cookie.value },
      payload: { email: 'manager@acme.example', name: 'Max Manager', role: 'manager', password: 'another long password' },
    });
    expect(added.statusCode, added.body).toBe(201);
  });

  it('answers 409 from then on, and GET /setup says it is no longer needed', async () => {
    expect(await status()).toEqual({ needed: false });
    const before = await countRows(store.db);
    expectError(await post({ ...good, email: 'late@lab.example' }), 409, 'conflict');
    expect(await countRows(store.db)).toEqual(before);
  });

  it('is permission-checked: no signed-in role may create an organization, only the system', async () => {
    const admin = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    const asAdmin = { kind: 'user' as const, userId: admin.id, orgId: admin.org_id, role: 'admin' as const, vendorId: null };
    const err = await setUpFirstRun(deps, asAdmin, { ...good, via: 'cli' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssayError);
    expect((err as AssayError).code).toBe('forbidden');
    // The system is allowed, and still refused because an organization exists.
    const sys = await setUpFirstRun(deps, systemActor(), { ...good, via: 'cli' }).catch((e: unknown) => e);
    expect((sys as AssayError).code).toBe('conflict');
  });
});

describe.each(DIALECTS)('the first run next to a demo on %s', (dialect) => {
  it('is closed when any organization exists (the demo seeds one)', async () => {
    const { store, close } = await createTestStore(dialect);
    const deps = makeDeps(store);
    const app = await buildApp({ deps });
    try {
      await createOrganization(deps, 'Demo Lab');
      expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
      const res = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: good });
      expectError(res, 409, 'conflict');
      expect((await countRows(store.db)).users).toBe(0);
    } finally {
      await app.close();
      await close();
    }
  });
});
