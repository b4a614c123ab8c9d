/**
 * Who may do what, through the real HTTP API in both dialects. The sweeps are generated from the app's own route
 * table, so a route added later is covered (or fails `classifies every route` until someone decides who may use it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildItems, buildProject, buildWorld, goldSchema, toJsonl, type Client, type World } from './factories.js';
import { countRows, readRouteTable, routeKey, sampleRequest, type SampleRequest } from './support/routes.js';
import { ACCESS, PUBLIC_ROUTES, allowedRoles } from './support/access.js';
import { ROLES, type Role } from '../src/core/permissions.js';
import type { Store } from '../src/store/db.js';

const { routes: ROUTES, documented: DOCUMENTED } = await readRouteTable();

/** Routes anyone may call: signing in, the API description, the first-run screen's (./support/access.ts). */
const PUBLIC = PUBLIC_ROUTES;

const API_ROUTES = ROUTES.filter((r) => r.url.startsWith('/api/v1/'));
const PROTECTED = API_ROUTES.filter((r) => !PUBLIC.has(routeKey(r)));
/** HEAD mirrors GET; sweeps that look at bodies and writes skip it. */
const PROTECTED_NO_HEAD = PROTECTED.filter((r) => r.method !== 'HEAD');

// Who may call each route is the ACCESS table in ./support/access.ts (shared with vendor-scope.test.ts).
const DENIED = PROTECTED_NO_HEAD.flatMap((r) => ROLES.filter((role) => !allowedRoles(r).includes(role)).map((role) => ({ ...r, role })));
const SCOPED = PROTECTED_NO_HEAD.filter((r) => r.url.includes('/:')).flatMap((r) => ROLES.map((role) => ({ ...r, role })));

/** The gold answers, explanations and external ids of gold items used below: none may reach an annotator. */
const GOLD_MARKERS = [
  'GOLD-RATIONALE-IN-FILE-7f3a',
  'GOLD-EXPLANATION-IN-FILE-91bc',
  'GOLD-RATIONALE-FLAT-3d9e',
  'GOLD-EXPLANATION-FLAT-b07a',
  'GOLD-RATIONALE-SEPARATE-2c4d',
  'GOLD-EXPLANATION-SEPARATE-5e6f',
  'gold-secret-ext-1',
  'gold-secret-ext-2',
  'gold-secret-ext-3',
];
/** JSON keys that would tell an annotator an item is gold, or what its answer is. */
const GOLD_KEYS = /"(gold|gold_?answers?|is_?gold|gold_?explanation|explanation|gold_?rate|external_?id)"\s*:/i;


/** A structural fingerprint: keys and value types, not values. */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? ['empty'] : [shapeOf(v[0])];
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, shapeOf((v as Record<string, unknown>)[k])]));
  }
  return v === null ? 'null' : typeof v;
}

const send = (c: Client, r: SampleRequest) => c.request(r.method, r.url, r.payload, r.headers);

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body.error as { code: string; message: string; field?: string };
}

describe('the route table', () => {
  it('is read from the router and holds the API', () => {
    expect(PROTECTED_NO_HEAD.length).toBeGreaterThanOrEqual(25);
    expect(ROUTES.map(routeKey)).toEqual(expect.arrayContaining(['POST /api/v1/projects/:projectId/items', 'GET /api/v1/projects/:projectId/export', 'POST /api/v1/auth/login']));
  });

  it('matches the OpenAPI document, route for route', () => {
    const documented = new Set(DOCUMENTED.map(routeKey));
    const served = API_ROUTES.filter((r) => r.method !== 'HEAD' && r.url !== '/api/v1/openapi.json').map(routeKey);
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it('classifies every protected route by the roles that may call it', () => {
    expect(PROTECTED_NO_HEAD.map(routeKey).sort()).toEqual(Object.keys(ACCESS).sort());
  });
});

describe.each(DIALECTS)('permissions on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let a: World;
  let b: World;
  /** Per world, one client per role; the annotator is the world's first one (in-house vendor). */
  let clientsA: Record<Role, Client>;
  let clientsB: Record<Role, Client>;
  /** A project of org A with items and one open lease, which the refused requests below must leave alone. */
  let projectA: string;
  let assignmentA: string;
  let tokenIdA: string;

  const snapshot = async () => ({
    counts: await countRows(store.db),
    project: await store.db.selectFrom('projects').selectAll().where('id', '=', projectA).executeTakeFirst(),
    vendors: await store.db.selectFrom('project_vendors').selectAll().where('project_id', '=', projectA).orderBy('vendor_id').execute(),
    users: await store.db.selectFrom('users').selectAll().where('org_id', '=', a.orgId).orderBy('id').execute(),
    assignment: await store.db.selectFrom('assignments').selectAll().where('id', '=', assignmentA).executeTakeFirst(),
    tokens: await store.db.selectFrom('api_tokens').select(['id', 'revoked_at']).orderBy('id').execute(),
  });

  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    a = await buildWorld(store, { annotators: 3 });
    b = await buildWorld(store, { annotators: 2 });
    const vmA = await a.addUser('vendor_manager', a.vendors.inHouse);
    const vmB = await b.addUser('vendor_manager', b.vendors.inHouse);
    clientsA = { admin: a.admin, manager: a.manager, reviewer: a.reviewer, annotator: a.annotators[0]!, vendor_manager: vmA };
    clientsB = { admin: b.admin, manager: b.manager, reviewer: b.reviewer, annotator: b.annotators[0]!, vendor_manager: vmB };
    projectA = await buildProject(a, { items: buildItems(4), overlapK: 2 });
    const claim = await a.annotators[1]!.post(`/api/v1/projects/${projectA}/tasks/next`);
    expect(claim.statusCode).toBe(200);
    assignmentA = claim.json().assignmentId;
    const token = await store.db.selectFrom('api_tokens').select('id').where('user_id', '=', a.annotators[1]!.user.id).executeTakeFirstOrThrow();
    tokenIdA = token.id;
  });
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await close?.();
  });

  describe('without credentials', () => {
    for (const route of PROTECTED) it(`answers ${routeKey(route)} with 401 unauthenticated`, async () => {
      const req = route.method === 'HEAD' ? { method: 'HEAD', url: route.url.replace(/:\w+/g, 'x') } : sampleRequest(route);
      const res = await a.app.inject({
        method: req.method as 'GET',
        url: req.url,
        ...(req.payload !== undefined && { payload: req.payload }),
        ...(req.headers && { headers: req.headers }),
      });
      expect(res.statusCode, res.body).toBe(401);
      if (route.method !== 'HEAD') expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    });

    for (const route of PROTECTED_NO_HEAD) it(`answers ${routeKey(route)} with 401 for an unknown API token`, async () => {
      const req = sampleRequest(route);
      const res = await a.app.inject({
        method: req.method as 'GET',
        url: req.url,
        headers: { ...req.headers, authorization: 'Bearer assay_not-a-real-token' },
        ...(req.payload !== undefined && { payload: req.payload }),
      });
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    });

    it('answers 401 to a malformed Authorization header and to a forged session cookie', async () => {
      const basic = await a.app.inject({ method: 'GET', url: '/api/v1/projects', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
      expectError(basic, 401, 'unauthenticated');
      const cookie = await a.app.inject({ method: 'GET', url: '/api/v1/projects', cookies: { assay_session: 'forged' } });
      expectError(cookie, 401, 'unauthenticated');
    });

    it('answers GET /auth/session with the user, or user null (never a 401) signed out, forged, malformed or revoked', async () => {
      const none = await a.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
      expect(none.statusCode).toBe(200);
      expect(none.json()).toEqual({ user: null });
      for (const extra of [{ cookies: { assay_session: 'forged' } }, { headers: { authorization: 'Basic dXNlcjpwYXNz' } }, { headers: { authorization: 'Bearer assay_not-a-real-token' } }]) {
        const res = await a.app.inject({ method: 'GET', url: '/api/v1/auth/session', ...extra });
        expect(res.statusCode, JSON.stringify(extra)).toBe(200);
        expect(res.json()).toEqual({ user: null });
      }
      const someone = await a.addUser('reviewer');
      const me = (await someone.get('/api/v1/me')).json();
      const session = await someone.get('/api/v1/auth/session');
      expect(session.statusCode).toBe(200);
      expect(session.json()).toEqual({ user: me });
      const tokenId = (await someone.get('/api/v1/tokens')).json().items[0].id;
      expect((await someone.request('DELETE', `/api/v1/tokens/${tokenId}`)).statusCode).toBe(204);
      expect((await someone.get('/api/v1/auth/session')).json()).toEqual({ user: null });
    });

    it('answers 401 to a revoked API token and to a deactivated user', async () => {
      const extra = await a.addUser('manager');
      expect((await extra.get('/api/v1/me')).statusCode).toBe(200);
      const tokenId = (await extra.get('/api/v1/tokens')).json().items[0].id;
      expect((await extra.request('DELETE', `/api/v1/tokens/${tokenId}`)).statusCode).toBe(204);
      expectError(await extra.get('/api/v1/me'), 401, 'unauthenticated');

      const gone = await a.addUser('annotator', a.vendors.crowd);
      expect((await a.admin.request('PATCH', `/api/v1/users/${gone.user.id}`, { active: false })).statusCode).toBe(200);
      expectError(await gone.get('/api/v1/projects'), 401, 'unauthenticated');
      expectError(await gone.post(`/api/v1/projects/${projectA}/tasks/next`), 401, 'unauthenticated');
    });

    it('serves the sign-in route and the API description to anyone', async () => {
      const doc = await a.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(doc.statusCode).toBe(200);
      const login = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@test.assay', password: 'nope' } });
      expectError(login, 401, 'unauthenticated');
    });
  });

  describe('the role matrix', () => {
    for (const route of DENIED) it(`refuses ${routeKey(route)} to a ${route.role} with 403 and writes nothing`, async () => {
      const before = await snapshot();
      const req = sampleRequest(route, { projectId: projectA, assignmentId: assignmentA, userId: a.annotators[2]!.user.id, tokenId: tokenIdA });
      const res = await send(clientsA[route.role], req);
      expectError(res, 403, 'forbidden');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('another organization', () => {
    for (const route of SCOPED) {
      const outcome = allowedRoles(route).includes(route.role) ? '404 not_found' : '403 forbidden';
      it(`answers ${routeKey(route)} on org A's ids with ${outcome} to a ${route.role} of org B, writing nothing`, async () => {
        const ids = { projectId: projectA, assignmentId: assignmentA, userId: a.annotators[2]!.user.id, tokenId: tokenIdA };
        const before = await snapshot();
        const res = await send(clientsB[route.role], sampleRequest(route, ids));
        if (allowedRoles(route).includes(route.role)) {
          const err = expectError(res, 404, 'not_found');
          expect(err.message).toMatch(/ not found or no access$/);
          // Exactly what an id that exists nowhere gets, so org A's ids cannot be probed.
          const missing = await send(clientsB[route.role], sampleRequest(route, {}));
          expect(res.json()).toEqual(missing.json());
        } else {
          expectError(res, 403, 'forbidden');
        }
        expect(await snapshot()).toEqual(before);
      });
    }

    it("lists none of org A's projects, users or vendors to org B", async () => {
      for (const role of ROLES) {
        const projects = await clientsB[role].get('/api/v1/projects');
        expect(projects.statusCode).toBe(200);
        expect(projects.body).not.toContain(projectA);
      }
      const users = (await b.admin.get('/api/v1/users?limit=500')).json();
      expect(users.items.length).toBeGreaterThan(0);
      const idsA = new Set((await a.admin.get('/api/v1/users?limit=500')).json().items.map((u: { id: string }) => u.id));
      for (const u of users.items) expect(idsA.has(u.id)).toBe(false);
      const byVendorA = (await b.manager.get(`/api/v1/users?vendorId=${a.vendors.inHouse}`)).json();
      expect(byVendorA.items).toEqual([]);
      const vendors = (await b.manager.get('/api/v1/vendors')).json();
      expect(vendors.items.map((v: { id: string }) => v.id).sort()).toEqual([b.vendors.inHouse, b.vendors.crowd].sort());
    });

    it("does not let org B name org A's vendors on its projects or users", async () => {
      const mine = await buildProject(b, { items: buildItems(1, 'b') });
      const before = await snapshot();
      const p = await b.manager.post('/api/v1/projects', { name: 'borrowing', schema: goldSchema, vendors: [{ vendorId: a.vendors.crowd, enabled: true }] });
      expect(expectError(p, 400, 'invalid').field).toBe('vendors[0].vendorId');
      const patch = await b.manager.request('PATCH', `/api/v1/projects/${mine}`, { vendors: [{ vendorId: a.vendors.inHouse, enabled: true }] });
      expect(expectError(patch, 400, 'invalid').field).toBe('vendors[0].vendorId');
      const u = await b.admin.post('/api/v1/users', { email: 'borrow@test.assay', name: 'Borrow', role: 'annotator', vendorId: a.vendors.crowd });
      expectError(u, 404, 'not_found');
      const patchUser = await b.admin.request('PATCH', `/api/v1/users/${b.annotators[1]!.user.id}`, { vendorId: a.vendors.inHouse });
      expectError(patchUser, 404, 'not_found');
      expect(await snapshot()).toEqual(before);
      const userB = await store.db.selectFrom('users').select('vendor_id').where('id', '=', b.annotators[1]!.user.id).executeTakeFirstOrThrow();
      expect(userB.vendor_id).toBe(b.vendors.crowd);
      const vendorsOfMine = await store.db.selectFrom('project_vendors').selectAll().where('project_id', '=', mine).execute();
      expect(vendorsOfMine).toEqual([]);
    });
  });

  describe('annotators', () => {
    it("read only their own annotations, whatever filter they pass", async () => {
      const projectId = await buildProject(a, { items: buildItems(3, 'own'), overlapK: 2 });
      const [x, y] = [a.annotators[0]!, a.annotators[1]!];
      for (const ann of [x, y]) {
        for (let i = 0; i < 3; i++) {
          const t = await ann.post(`/api/v1/projects/${projectId}/tasks/next`);
          expect(t.statusCode).toBe(200);
          const s = await ann.post(`/api/v1/tasks/${t.json().assignmentId}/submit`, { answers: { sentiment: ann === x ? 'pos' : 'neg' }, timeSpentMs: 50 });
          expect(s.statusCode).toBe(201);
        }
      }
      const all = (await a.manager.get(`/api/v1/projects/${projectId}/annotations`)).json();
      expect(all.items).toHaveLength(6);
      const itemOfY = all.items.find((n: { annotatorId: string }) => n.annotatorId === y.user.id).itemId;

      for (const query of ['', `?annotatorId=${y.user.id}`, `?itemId=${itemOfY}`, `?vendorId=${a.vendors.crowd}`, `?annotatorId=${y.user.id}&limit=1`]) {
        const res = await x.get(`/api/v1/projects/${projectId}/annotations${query}`);
        expect(res.statusCode, query).toBe(200);
        const items = res.json().items as { annotatorId: string; answers: { sentiment: string } }[];
        for (const n of items) {
          expect(n.annotatorId, query).toBe(x.user.id);
          expect(n.answers.sentiment).toBe('pos');
        }
        expect(res.body).not.toContain(y.user.id);
      }
      expect((await x.get(`/api/v1/projects/${projectId}/annotations`)).json().items).toHaveLength(3);
      // Paging through one's own annotations never crosses into another annotator's.
      let cursor: string | null = null;
      const seen: string[] = [];
      do {
        const page: { items: { id: string; annotatorId: string }[]; nextCursor: string | null } = (
          await x.get(`/api/v1/projects/${projectId}/annotations?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        ).json();
        for (const n of page.items) {
          expect(n.annotatorId).toBe(x.user.id);
          seen.push(n.id);
        }
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(3);
    });

    it("cannot submit or skip another annotator's assignment", async () => {
      const projectId = await buildProject(a, { items: buildItems(2, 'theirs') });
      const [owner, other] = [a.annotators[0]!, a.annotators[2]!];
      const task = (await owner.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
      const before = await countRows(store.db);
      const sub = await other.post(`/api/v1/tasks/${task.assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 5 }, { 'idempotency-key': 'steal-1' });
      expect(expectError(sub, 404, 'not_found').message).toBe('Task not found or no access');
      const skip = await other.post(`/api/v1/tasks/${task.assignmentId}/skip`, { reason: 'not mine' });
      expectError(skip, 404, 'not_found');
      expect(await countRows(store.db)).toEqual(before);
      const row = await store.db.selectFrom('assignments').selectAll().where('id', '=', task.assignmentId).executeTakeFirstOrThrow();
      expect(row.status).toBe('leased');
      expect(row.annotator_id).toBe(owner.user.id);
      // The owner's lease is untouched, and the thief's idempotency key did not bind to it.
      const mine = await owner.post(`/api/v1/tasks/${task.assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: 5 }, { 'idempotency-key': 'steal-1' });
      expect(mine.statusCode).toBe(201);
      expect(mine.json()).toMatchObject({ annotatorId: owner.user.id, answers: { sentiment: 'pos' } });
    });

    it('never see a gold answer, explanation or gold external id, and get gold items in the same shape', async () => {
      // Rate 1: the three gold items first, while the normal items that keep them servable are there, then those.
      const create = await a.manager.post('/api/v1/projects', { name: 'Reviews', schema: goldSchema, overlapK: 1, goldRate: 1, guidelines: '# Label the tone' });
      expect(create.statusCode).toBe(201);
      const projectId = create.json().id;
      const items = [
        { id: 'plain-a', data: { text: 'The delivery was on time.' } },
        { id: 'gold-secret-ext-1', data: { text: 'Terrible, it broke after a day.' }, gold: { sentiment: 'neg', rationale: 'GOLD-RATIONALE-IN-FILE-7f3a' }, gold_explanation: 'GOLD-EXPLANATION-IN-FILE-91bc' },
        { id: 'plain-b', text: 'Customer support never answered.' },
        { id: 'gold-secret-ext-2', text: 'Works exactly as advertised.', gold: { sentiment: 'pos', rationale: 'GOLD-RATIONALE-FLAT-3d9e' }, gold_explanation: 'GOLD-EXPLANATION-FLAT-b07a' },
        { id: 'gold-secret-ext-3', data: { text: 'It is a phone.' } },
        { id: 'plain-c', data: { text: 'Fine, I guess.' } },
      ];
      const imp = await a.manager.request('POST', `/api/v1/projects/${projectId}/items`, toJsonl(items), { 'content-type': 'application/x-ndjson' });
      expect(imp.statusCode, imp.body).toBe(201);
      expect(imp.json()).toEqual({ imported: 6, gold: 2 });
      const gold = toJsonl([{ id: 'gold-secret-ext-3', answers: { sentiment: 'neu', rationale: 'GOLD-RATIONALE-SEPARATE-2c4d' }, explanation: 'GOLD-EXPLANATION-SEPARATE-5e6f' }]);
      const gimp = await a.manager.request('POST', `/api/v1/projects/${projectId}/gold`, gold, { 'content-type': 'application/x-ndjson' });
      expect(gimp.statusCode, gimp.body).toBe(201);
      const goldItemIds = new Set((await store.db.selectFrom('gold_answers').select('item_id').where('project_id', '=', projectId).execute()).map((r) => r.item_id));
      expect(goldItemIds.size).toBe(3);
      // The markers really are stored, so not finding them below means they were withheld.
      const stored = JSON.stringify(await store.db.selectFrom('gold_answers').selectAll().where('project_id', '=', projectId).execute());
      for (const marker of GOLD_MARKERS.filter((m) => m.startsWith('GOLD-'))) expect(stored).toContain(marker);

      const ann = a.annotators[2]!;
      const bodies: { what: string; res: LightMyRequestResponse }[] = [];
      const call = async (what: string, p: Promise<LightMyRequestResponse>) => {
        const res = await p;
        bodies.push({ what, res });
        return res;
      };
      await call('me', ann.get('/api/v1/me'));
      const list = await call('projects', ann.get('/api/v1/projects'));
      expect(list.json().items.map((p: { id: string }) => p.id)).toContain(projectId);
      const proj = await call('project', ann.get(`/api/v1/projects/${projectId}`));
      expect(Object.keys(proj.json()).sort()).toEqual(['description', 'guidelineVersion', 'id', 'name', 'schemaVersion', 'status']);
      await call('schema', ann.get(`/api/v1/projects/${projectId}/schema`));
      await call('guidelines', ann.get(`/api/v1/projects/${projectId}/guidelines`));

      const tasks: { gold: boolean; task: LightMyRequestResponse; submit?: LightMyRequestResponse }[] = [];
      let skipped = false;
      for (let i = 0; i < 10; i++) {
        const next = await call(`next ${i}`, ann.post(`/api/v1/projects/${projectId}/tasks/next`));
        if (next.statusCode === 409) break;
        expect(next.statusCode, next.body).toBe(200);
        const t = next.json();
        const isGold = goldItemIds.has(t.item.id);
        const entry: (typeof tasks)[number] = { gold: isGold, task: next };
        tasks.push(entry);
        if (isGold && !skipped) {
          skipped = true;
          await call('skip gold', ann.post(`/api/v1/tasks/${t.assignmentId}/skip`, { reason: 'unsure' }));
          continue;
        }
        // A wrong answer on a gold item must not be corrected with the gold one.
        const wrong = await call('invalid submit', ann.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: 'meh', rationale: 5 }, timeSpentMs: 10 }));
        expect(wrong.statusCode).toBe(400);
        entry.submit = await call('submit', ann.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: 'pos', rationale: 'looks positive' }, timeSpentMs: 900 }, { 'idempotency-key': `k-${i}` }));
        expect(entry.submit.statusCode).toBe(201);
        await call('replayed submit', ann.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: 'pos', rationale: 'looks positive' }, timeSpentMs: 900 }, { 'idempotency-key': `k-${i}` }));
      }
      expect(bodies.at(-1)!.res.statusCode).toBe(409);
      expect(new Set(tasks.map((t) => t.task.json().item.id)).size).toBe(6);
      expect(tasks.filter((t) => t.gold)).toHaveLength(3);
      await call('annotations', ann.get(`/api/v1/projects/${projectId}/annotations`));
      for (const id of goldItemIds) await call('annotations of a gold item', ann.get(`/api/v1/projects/${projectId}/annotations?itemId=${id}`));
      await call('progress', ann.get(`/api/v1/projects/${projectId}/progress`));
      await call('my progress', ann.get(`/api/v1/projects/${projectId}/my-progress`));
      await call('export', ann.get(`/api/v1/projects/${projectId}/export`));

      for (const { what, res } of bodies) {
        for (const marker of GOLD_MARKERS) expect(res.body, `${what} leaks ${marker}`).not.toContain(marker);
        expect(res.body, `${what} has a gold key`).not.toMatch(GOLD_KEYS);
        for (const [name, value] of Object.entries(res.headers)) {
          expect(`${name}: ${String(value)}`, `${what} header`).not.toMatch(/gold/i);
        }
      }

      const goldTasks = tasks.filter((t) => t.gold);
      const plainTasks = tasks.filter((t) => !t.gold);
      const reference = shapeOf(plainTasks[0]!.task.json());
      for (const t of tasks) expect(shapeOf(t.task.json())).toEqual(reference);
      const headerNames = (r: LightMyRequestResponse) => Object.keys(r.headers).sort();
      for (const t of goldTasks) expect(headerNames(t.task)).toEqual(headerNames(plainTasks[0]!.task));
      const submitShape = shapeOf(plainTasks.find((t) => t.submit)!.submit!.json());
      for (const t of tasks.filter((x) => x.submit)) expect(shapeOf(t.submit!.json())).toEqual(submitShape);
      expect(goldTasks.some((t) => t.submit)).toBe(true);
    });

    it('of a vendor the project does not enable cannot see it or claim from it', async () => {
      const projectId = await buildProject(a, { items: buildItems(3, 'vend') });
      const [inHouse, crowd, inHouse2] = a.annotators as [Client, Client, Client];
      const restrict = await a.manager.request('PATCH', `/api/v1/projects/${projectId}`, { vendors: [{ vendorId: a.vendors.crowd, enabled: true }] });
      expect(restrict.statusCode, restrict.body).toBe(200);

      const check = async (ann: Client) => {
        const before = await countRows(store.db);
        const list = (await ann.get('/api/v1/projects?limit=500')).json();
        expect(list.items.map((p: { id: string }) => p.id)).not.toContain(projectId);
        const missing = await ann.get('/api/v1/projects/nonexistent0000');
        for (const url of [`/api/v1/projects/${projectId}`, `/api/v1/projects/${projectId}/schema`, `/api/v1/projects/${projectId}/guidelines`, `/api/v1/projects/${projectId}/annotations`]) {
          const res = await ann.get(url);
          expectError(res, 404, 'not_found');
          expect(res.json()).toEqual(missing.json());
        }
        expectError(await ann.post(`/api/v1/projects/${projectId}/tasks/next`), 404, 'not_found');
        expect(await countRows(store.db)).toEqual(before);
      };
      await check(inHouse);

      expect((await crowd.get('/api/v1/projects?limit=500')).json().items.map((p: { id: string }) => p.id)).toContain(projectId);
      expect((await crowd.post(`/api/v1/projects/${projectId}/tasks/next`)).statusCode).toBe(200);

      // Listed but switched off is the same as not listed.
      const off = await a.manager.request('PATCH', `/api/v1/projects/${projectId}`, {
        vendors: [
          { vendorId: a.vendors.inHouse, enabled: false },
          { vendorId: a.vendors.crowd, enabled: true },
        ],
      });
      expect(off.statusCode, off.body).toBe(200);
      await check(inHouse2);

      // An annotator with no vendor at all is kept out of a vendor-restricted project too.
      const freelancer = await a.addUser('annotator', null);
      await check(freelancer);
    });
  });

  describe('projects out of reach', () => {
    it('are hidden from annotators while paused, draft or archived', async () => {
      const projectId = await buildProject(a, { items: buildItems(2, 'stat') });
      const ann = a.annotators[0]!;
      const missing = await ann.get('/api/v1/projects/nonexistent0000');
      for (const status of ['paused', 'draft', 'archived'] as const) {
        expect((await a.manager.request('PATCH', `/api/v1/projects/${projectId}`, { status })).statusCode).toBe(200);
        const before = await countRows(store.db);
        expect((await ann.get('/api/v1/projects?limit=500')).json().items.map((p: { id: string }) => p.id), status).not.toContain(projectId);
        const get = await ann.get(`/api/v1/projects/${projectId}`);
        expectError(get, 404, 'not_found');
        expect(get.json()).toEqual(missing.json());
        expectError(await ann.post(`/api/v1/projects/${projectId}/tasks/next`), 404, 'not_found');
        expect(await countRows(store.db)).toEqual(before);
      }
      expect((await a.manager.request('PATCH', `/api/v1/projects/${projectId}`, { status: 'active' })).statusCode).toBe(200);
      expect((await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).statusCode).toBe(200);
    });

    it("cannot be reached through someone else's API token, even by an admin of the organization", async () => {
      const before = await snapshot();
      for (const c of [a.admin, a.manager, a.annotators[0]!]) {
        const res = await c.request('DELETE', `/api/v1/tokens/${tokenIdA}`);
        expect(expectError(res, 404, 'not_found').message).toBe('API token not found or no access');
      }
      expect(await snapshot()).toEqual(before);
      expect((await a.annotators[1]!.get('/api/v1/me')).statusCode).toBe(200);
    });
  });

  describe('role changes', () => {
    it('take effect on the next request, with the same API token', async () => {
      const demoted = await a.addUser('manager');
      const ok = await demoted.post('/api/v1/projects', { name: 'before demotion', schema: goldSchema });
      expect(ok.statusCode).toBe(201);
      expect((await a.admin.request('PATCH', `/api/v1/users/${demoted.user.id}`, { role: 'annotator', vendorId: a.vendors.crowd })).statusCode).toBe(200);
      const before = await countRows(store.db);
      expectError(await demoted.post('/api/v1/projects', { name: 'after demotion', schema: goldSchema }), 403, 'forbidden');
      expectError(await demoted.get(`/api/v1/projects/${ok.json().id}/export`), 403, 'forbidden');
      expect(await countRows(store.db)).toEqual(before);
    });
  });

  describe('reviewers', () => {
    it('read every annotation and the progress, but cannot create, import or export', async () => {
      const projectId = await buildProject(a, { items: buildItems(2, 'rev'), overlapK: 1 });
      for (const ann of [a.annotators[0]!, a.annotators[1]!]) {
        const t = (await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
        expect((await ann.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: 'neu' }, timeSpentMs: 1 })).statusCode).toBe(201);
      }
      const list = await a.reviewer.get(`/api/v1/projects/${projectId}/annotations`);
      expect(list.statusCode).toBe(200);
      expect(new Set(list.json().items.map((n: { annotatorId: string }) => n.annotatorId))).toEqual(new Set([a.annotators[0]!.user.id, a.annotators[1]!.user.id]));
      const progress = await a.reviewer.get(`/api/v1/projects/${projectId}/progress`);
      expect(progress.statusCode).toBe(200);
      expect(progress.json()).toMatchObject({ totalItems: 2, completeItems: 2, judgments: 2 });

      const before = await countRows(store.db);
      expectError(await a.reviewer.post('/api/v1/projects', { name: 'nope', schema: goldSchema }), 403, 'forbidden');
      expectError(await a.reviewer.request('POST', `/api/v1/projects/${projectId}/items`, toJsonl(buildItems(2, 'revx')), { 'content-type': 'application/x-ndjson' }), 403, 'forbidden');
      expectError(await a.reviewer.get(`/api/v1/projects/${projectId}/export?format=csv`), 403, 'forbidden');
      expectError(await a.reviewer.get(`/api/v1/projects/${projectId}/export?format=jsonl`), 403, 'forbidden');
      expectError(await a.reviewer.post(`/api/v1/projects/${projectId}/tasks/next`), 403, 'forbidden');
      expect(await countRows(store.db)).toEqual(before);
    });
  });

  describe('vendor managers', () => {
    it("list the users of their own vendor only", async () => {
      const vm = clientsA.vendor_manager;
      const expected = (await a.admin.get(`/api/v1/users?vendorId=${a.vendors.inHouse}&limit=500`)).json().items.map((u: { id: string }) => u.id).sort();
      expect(expected).toEqual(expect.arrayContaining([a.annotators[0]!.user.id, a.annotators[2]!.user.id, a.reviewer.user.id]));
      for (const query of ['', `?vendorId=${a.vendors.crowd}`, '?role=annotator', `?vendorId=${b.vendors.inHouse}`]) {
        const res = await vm.get(`/api/v1/users${query ? query + '&' : '?'}limit=500`);
        expect(res.statusCode).toBe(200);
        const users = res.json().items as { id: string; vendorId: string | null }[];
        for (const u of users) expect(u.vendorId, query).toBe(a.vendors.inHouse);
        expect(users.map((u) => u.id)).not.toContain(a.annotators[1]!.user.id);
        expect(users.map((u) => u.id)).not.toContain(a.admin.user.id);
        if (query === '' || query.startsWith('?vendorId')) expect(users.map((u) => u.id).sort(), query).toEqual(expected);
      }
      const vendors = (await vm.get('/api/v1/vendors')).json();
      expect(vendors.items.map((v: { id: string }) => v.id)).toEqual([a.vendors.inHouse]);
    });

    it("do not see a project, or its figures, that their vendor is not enabled on", async () => {
      const vm = clientsA.vendor_manager;
      const projectId = await buildProject(a, { items: buildItems(2, 'vm') });
      const restrict = await a.manager.request('PATCH', `/api/v1/projects/${projectId}`, { vendors: [{ vendorId: a.vendors.crowd, enabled: true }] });
      expect(restrict.statusCode).toBe(200);
      const missing = await vm.get('/api/v1/projects/nonexistent0000/progress');
      expect((await vm.get('/api/v1/projects?limit=500')).json().items.map((p: { id: string }) => p.id)).not.toContain(projectId);
      expectError(await vm.get(`/api/v1/projects/${projectId}`), 404, 'not_found');
      const progress = await vm.get(`/api/v1/projects/${projectId}/progress`);
      expectError(progress, 404, 'not_found');
      expect(progress.json()).toEqual(missing.json());
    });
  });
});
