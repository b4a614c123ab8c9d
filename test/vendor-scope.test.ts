/**
 * A vendor manager sees its own vendor only, on every route it may call, through the real HTTP API in both dialects.
 * The routes come from the router and the shared ACCESS table (a route later allowed to vendor managers is swept
 * without anyone listing it here), the query filters to probe from the OpenAPI document.
 *
 * The world: vendors A and B on one project with hidden gold (answers and explanations carry marker strings), both
 * vendors' annotators label normal and gold items through the task flow, two are paused by the quality gate (one
 * reinstated), reviews decided (rejections give a reason naming the vendor), too-fast annotations flagged, a
 * qualification both vendors attempted, plus a project and a qualification vendor A is not enabled on. The vendor
 * manager of A calls every allowed route with ids in its scope (2xx) and outside it (404, the very body a
 * nonexistent id gets), and no body it gets holds an identifier of vendor B or its people, of the projects it may
 * not see, or a gold answer or explanation.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildWorld, clientFor, goldSchema as schema, toJsonl, type Client, type World } from './factories.js';
import { countRows, readRouteTable, routeKey, sampleRequest, type RouteEntry, type SampleRequest } from './support/routes.js';
import { allowedRoles } from './support/access.js';
import { systemActor, type Role } from '../src/core/permissions.js';
import { createApiToken } from '../src/services/auth/api-tokens.js';
import type { UserView } from '../src/services/workforce/users.js';
import type { Store } from '../src/store/db.js';

const { routes: ROUTES, documented: DOCUMENTED } = await readRouteTable();

/** Every route the ACCESS table lets a vendor manager call (HEAD mirrors GET and has no body to read). */
const VM_ROUTES = ROUTES.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && allowedRoles(r).includes('vendor_manager'));

const pathParamsOf = (r: RouteEntry) => [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
const queryOf = (r: RouteEntry) => DOCUMENTED.find((d) => routeKey(d) === routeKey(r))?.query ?? [];

/** What a path parameter names; every path parameter of a vendor manager's route needs ids of its kind. */
const PATH_PARAMS = ['projectId', 'vendorId', 'userId', 'tokenId', 'qualificationId'] as const;
type PathParam = (typeof PATH_PARAMS)[number];

/** Documented query parameters that name something of a vendor, probed with ids inside and outside the scope. */
const QUERY_PROBES: Record<string, ProbeKind> = {
  vendorId: 'vendor',
  annotatorId: 'user',
  userId: 'user',
  reviewerId: 'user',
  itemId: 'item',
  // Free-text search over people: B's names and emails must find nothing a missing name would not.
  q: 'search',
};
type ProbeKind = 'vendor' | 'user' | 'item' | 'search';

const MISSING = 'nonexistent0000';
const hex = () => randomBytes(4).toString('hex');


/** Gold items with marker strings in the gold answer's free text and in the explanation. */
function goldItems(prefix: string, answers: string[]) {
  return answers.map((sentiment, i) => ({
    id: `${prefix}-gold-${i + 1}`,
    data: { text: `A gold review ${i + 1} (${prefix}).` },
    gold: { sentiment, rationale: `GOLD-ANSWER-${prefix}-${i + 1}-${hex()}` },
    gold_explanation: `GOLD-EXPLANATION-${prefix}-${i + 1}-${hex()}`,
  }));
}
const normalItems = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i + 1}`, data: { text: `Review ${i + 1} of ${prefix}.` } }));

/**
 * Where a body says an item is gold, which only those who may manage gold may learn (a vendor manager could pass a
 * list of gold items on to its annotators): an `isGold` field, or a gold-streak flag (it is raised on gold items only).
 */
function goldRevealedIn(v: unknown, path = '$'): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => goldRevealedIn(x, `${path}[${i}]`));
  if (v === null || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  const here = [...('isGold' in o ? [`${path}.isGold`] : []), ...(o.kind === 'gold_fail_streak' ? [`${path}.kind`] : [])];
  return [...here, ...Object.entries(o).flatMap(([k, x]) => goldRevealedIn(x, `${path}.${k}`))];
}

const send = (c: Client, r: SampleRequest) => c.request(r.method, r.url, r.payload, r.headers);
const withQuery = (url: string, name: string, value: string) => `${url}${url.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`;

function expectNotFound(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(404);
  expect(res.json(), what).toMatchObject({ error: { code: 'not_found' } });
}

/** The ids, path and query, a vendor manager's calls are made with; filled per dialect once the world is built. */
interface Scope {
  inScope: Record<PathParam, string[]>;
  outOfScope: Record<PathParam, string[]>;
  probes: Record<ProbeKind, { inScope: string[]; outOfScope: string[] }>;
  /** Strings no vendor manager's response may hold, each with what it is. */
  forbidden: [label: string, value: string][];
}

describe('the vendor manager routes', () => {
  it('are read from the router and the ACCESS table', () => {
    expect(VM_ROUTES.length).toBeGreaterThanOrEqual(20);
    expect(VM_ROUTES.map(routeKey)).toEqual(
      expect.arrayContaining(['GET /api/v1/projects/:projectId/vendors/scorecards', 'GET /api/v1/projects/:projectId/quality/signals', 'GET /api/v1/users']),
    );
  });

  it('have every path parameter among the kinds this sweep fills', () => {
    for (const r of VM_ROUTES) for (const p of pathParamsOf(r)) expect(PATH_PARAMS as readonly string[], `${routeKey(r)} :${p}`).toContain(p);
  });

  it('have every id-like documented query parameter among the probed ones', () => {
    for (const r of VM_ROUTES) {
      for (const q of queryOf(r)) if (/Id$/.test(q)) expect(Object.keys(QUERY_PROBES), `${routeKey(r)} ?${q}`).toContain(q);
    }
  });

  it('each have a well-formed sample request', () => {
    for (const r of VM_ROUTES) expect(() => sampleRequest(r, {}), routeKey(r)).not.toThrow();
  });
});

describe.each(DIALECTS)('vendor scope on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  /** The vendor manager of vendor A: every sweep call below is theirs. */
  let vm: Client;
  let vendorA: { id: string; name: string };
  let vendorB: { id: string; name: string };
  let peopleA: { a1: Client; a2: Client };
  let peopleB: { b1: Client; b2: Client; vmB: Client };
  let project: string;
  let hiddenProject: string;
  let qualification: string;
  let hiddenQualification: string;
  let goldMarkers: string[];
  let scope: Scope;

  /** A person of the organization with recognisable name and email, created by the admin through the API. */
  async function person(role: Role, vendorId: string, label: string): Promise<Client> {
    const tag = `${label}-${hex()}`;
    const res = await w.admin.post('/api/v1/users', {
      email: `${tag.toLowerCase()}@vendor-scope.test`,
      name: `${tag} Person`,
      role,
      vendorId,
      ...(role === 'annotator' && { domains: ['general'] }),
      password: 'correct horse battery',
    });
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json() as UserView;
    const { token } = await createApiToken(w.deps, systemActor(w.orgId), { name: 'sweep', forUserId: user.id });
    return clientFor(w.app, user, token);
  }

  async function vendor(label: string, terms: object) {
    const res = await w.admin.post('/api/v1/vendors', { name: `${label}-${hex()}`, kind: 'crowd' });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as { id: string; name: string };
    expect((await w.admin.request('PATCH', `/api/v1/vendors/${v.id}`, terms)).statusCode).toBe(200);
    return v;
  }

  async function importItems(projectId: string, items: unknown[]) {
    const res = await w.manager.request('POST', `/api/v1/projects/${projectId}/items`, toJsonl(items), { 'content-type': 'application/x-ndjson' });
    expect(res.statusCode, res.body).toBe(201);
  }

  /** What each annotator does on the shared project: a tag in its free text, gold items to miss first, one fast task. */
  interface Plan {
    client: Client;
    tag: string;
    missGold: number;
    fastAt: number;
    done: number;
  }

  /** Claims and submits one task; the 409 reason when there is none. */
  async function step(projectId: string, p: Plan, goldAnswers: Map<string, string>): Promise<string | null> {
    const next = await p.client.post(`/api/v1/projects/${projectId}/tasks/next`);
    if (next.statusCode === 409) return next.json().error.details?.reason ?? 'none';
    expect(next.statusCode, next.body).toBe(200);
    const t = next.json() as { assignmentId: string; item: { id: string } };
    const gold = goldAnswers.get(t.item.id);
    let sentiment = p.done % 2 === 0 ? 'pos' : 'neg';
    if (gold !== undefined) {
      sentiment = p.missGold > 0 ? (gold === 'pos' ? 'neg' : 'pos') : gold;
      if (p.missGold > 0) p.missGold--;
    }
    const timeSpentMs = p.done === p.fastAt ? 120 : 4_000 + 500 * (p.done % 5);
    const sub = await p.client.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment, rationale: `${p.tag} wrote this about task ${p.done}` }, timeSpentMs });
    expect(sub.statusCode, sub.body).toBe(201);
    p.done++;
    return null;
  }

  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 0 });
    vendorA = await vendor('VENDOR-A', { payModel: 'per_task', payRateMinor: 40, currency: 'USD' });
    vendorB = await vendor('VENDOR-B', { payModel: 'per_hour', payRateMinor: 1800, currency: 'USD' });
    vm = await person('vendor_manager', vendorA.id, 'VM-A');
    peopleA = { a1: await person('annotator', vendorA.id, 'A1'), a2: await person('annotator', vendorA.id, 'A2') };
    peopleB = { b1: await person('annotator', vendorB.id, 'B1'), b2: await person('annotator', vendorB.id, 'B2'), vmB: await person('vendor_manager', vendorB.id, 'VM-B') };

    // The shared project: gold first (rate 1), two gold misses in a row pause an annotator (the rule derived from a
    // floor of 0.94 at chance 1/3), every annotation sampled.
    const create = await w.manager.post('/api/v1/projects', {
      name: `Shared ${hex()}`,
      schema,
      overlapK: 2,
      goldRate: 1,
      qualityGate: { floor: 0.94, chance: 1 / 3 },
      vendors: [
        { vendorId: vendorA.id, enabled: true },
        { vendorId: vendorB.id, enabled: true },
      ],
      guidelines: '# Label the tone',
    });
    expect(create.statusCode, create.body).toBe(201);
    project = create.json().id;
    const gold = goldItems('p1', ['neg', 'pos', 'neu']);
    await importItems(project, [...gold, ...normalItems('p1', 8)]);
    const policy = await w.manager.request('PUT', `/api/v1/projects/${project}/review-policy`, { sampleRate: 1, firstN: 0, flagged: false, lowConfidence: null, signals: false });
    expect(policy.statusCode, policy.body).toBe(200);
    const goldRows = await store.db.selectFrom('gold_answers').select(['item_id', 'answers']).where('project_id', '=', project).execute();
    const goldAnswers = new Map(goldRows.map((g) => [g.item_id, (typeof g.answers === 'string' ? JSON.parse(g.answers) : g.answers).sentiment as string]));
    expect(goldAnswers.size).toBe(3);

    const plans: Plan[] = [
      { client: peopleA.a1, tag: `A1-TEXT-${hex()}`, missGold: 0, fastAt: 4, done: 0 },
      { client: peopleA.a2, tag: `A2-TEXT-${hex()}`, missGold: 2, fastAt: -1, done: 0 },
      { client: peopleB.b1, tag: `B1-TEXT-${hex()}`, missGold: 0, fastAt: 4, done: 0 },
      { client: peopleB.b2, tag: `B2-TEXT-${hex()}`, missGold: 2, fastAt: -1, done: 0 },
    ];
    let reinstated = false;
    for (let active = [...plans]; active.length > 0; ) {
      for (const p of [...active]) {
        const reason = await step(project, p, goldAnswers);
        if (reason === null) continue;
        if (p.client === peopleB.b2 && reason === 'paused' && !reinstated) {
          const r = await w.manager.post(`/api/v1/projects/${project}/annotators/${peopleB.b2.user.id}/reinstate`);
          expect(r.statusCode, r.body).toBe(200);
          reinstated = true;
          continue;
        }
        active = active.filter((x) => x !== p);
      }
    }
    expect(reinstated).toBe(true);
    for (const p of plans) expect(p.done, p.tag).toBeGreaterThanOrEqual(2);

    // Reviews: the first of each vendor's annotations rejected with a reason naming the vendor, the rest accepted.
    const rejected = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const next = await w.reviewer.post(`/api/v1/projects/${project}/reviews/next`, {});
      if (next.statusCode === 409) break;
      expect(next.statusCode, next.body).toBe(200);
      const r = next.json() as { id: string; annotatorId: string };
      const v = [peopleA.a1, peopleA.a2].some((c) => c.user.id === r.annotatorId) ? 'A' : 'B';
      const res = rejected.has(v)
        ? await w.reviewer.post(`/api/v1/reviews/${r.id}/accept`)
        : await w.reviewer.post(`/api/v1/reviews/${r.id}/reject`, { reason: `REJECTED-${v}-${hex()}` });
      expect(res.statusCode, res.body).toBe(200);
      rejected.add(v);
    }
    expect([...rejected].sort()).toEqual(['A', 'B']);

    // A project vendor A is not enabled on, with vendor B's work on it.
    const hidden = await w.manager.post('/api/v1/projects', { name: `HIDDEN-PROJECT-${hex()}`, schema, overlapK: 1, vendors: [{ vendorId: vendorB.id, enabled: true }] });
    expect(hidden.statusCode, hidden.body).toBe(201);
    hiddenProject = hidden.json().id;
    await importItems(hiddenProject, normalItems('p2', 3));
    const b1Hidden: Plan = { client: peopleB.b1, tag: `B1-HIDDEN-${hex()}`, missGold: 0, fastAt: -1, done: 0 };
    expect(await step(hiddenProject, b1Hidden, new Map())).toBeNull();
    expect(await step(hiddenProject, b1Hidden, new Map())).toBeNull();

    // Qualifications: one open to all (both vendors attempt it), one vendor A is not enabled on.
    const qualify = async (name: string) => {
      const res = await w.manager.post('/api/v1/qualifications', { name, domain: 'general', schema, passMark: 0.5, attemptSize: 2, cooldownHours: 1 });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      await importItems(id, goldItems(id.slice(-6), ['pos', 'neg', 'pos']));
      return id;
    };
    qualification = await qualify(`Qualification ${hex()}`);
    hiddenQualification = await qualify(`HIDDEN-QUALIFICATION-${hex()}`);
    const restrict = await w.manager.request('PATCH', `/api/v1/projects/${hiddenQualification}`, { vendors: [{ vendorId: vendorB.id, enabled: true }] });
    expect(restrict.statusCode, restrict.body).toBe(200);
    const qGold = new Map((await store.db.selectFrom('gold_answers').select(['item_id', 'answers']).execute()).map((g) => [g.item_id, (typeof g.answers === 'string' ? JSON.parse(g.answers) : g.answers).sentiment as string]));
    for (const [c, qid] of [
      [peopleA.a1, qualification],
      [peopleB.b1, qualification],
      [peopleB.b1, hiddenQualification],
    ] as const) {
      const start = await c.post(`/api/v1/qualifications/${qid}/attempts`, {});
      expect(start.statusCode, start.body).toBe(201);
      const plan: Plan = { client: c, tag: `Q-${hex()}`, missGold: 0, fastAt: -1, done: 0 };
      expect(await step(qid, plan, qGold)).toBeNull();
      expect(await step(qid, plan, qGold)).toBeNull();
    }

    // The markers really are stored, so not finding them below means they were withheld.
    const stored = await store.db.selectFrom('gold_answers').select(['answers', 'explanation']).execute();
    goldMarkers = stored.flatMap((g) => {
      const answers = typeof g.answers === 'string' ? JSON.parse(g.answers) : g.answers;
      return [answers.rationale as string, g.explanation as string];
    });
    expect(goldMarkers.filter((m) => /^GOLD-(ANSWER|EXPLANATION)-/.test(m))).toHaveLength(stored.length * 2);

    // Vendor A's manager owns a few extra tokens, to revoke in scope.
    const ownTokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      const t = await vm.post('/api/v1/tokens', { name: `spare ${i}` });
      expect(t.statusCode, t.body).toBe(201);
      ownTokens.push(t.json().id);
    }

    const bPeople = [peopleB.b1, peopleB.b2, peopleB.vmB];
    const bIds = bPeople.map((c) => c.user.id);
    const db = store.db;
    const idsOf = async (p: Promise<{ id: string }[]>) => (await p).map((r) => r.id);
    const bAnnotations = await idsOf(db.selectFrom('annotations').select('id').where('annotator_id', 'in', bIds).execute());
    const bAssignments = await idsOf(db.selectFrom('assignments').select('id').where('annotator_id', 'in', bIds).execute());
    const bReviews = await db.selectFrom('reviews').select(['id', 'reason']).where('annotation_id', 'in', bAnnotations).execute();
    const bTokens = await idsOf(db.selectFrom('api_tokens').select('id').where('user_id', 'in', bIds).execute());
    const bAttempts = await idsOf(db.selectFrom('qualification_attempts').select('id').where('user_id', 'in', bIds).execute());
    const bEvents = await idsOf(db.selectFrom('events').select('id').where('subject_id', 'in', bIds).execute());
    const hiddenItems = await idsOf(db.selectFrom('items').select('id').where('project_id', '=', hiddenProject).execute());
    expect(bAnnotations.length).toBeGreaterThan(5);
    expect(bReviews.some((r) => r.reason?.startsWith('REJECTED-B-'))).toBe(true);
    expect(bEvents.length).toBeGreaterThan(0);
    expect(bAttempts).toHaveLength(2);

    const hiddenNames = await db.selectFrom('projects').select(['id', 'name']).where('id', 'in', [hiddenProject, hiddenQualification]).execute();
    // The org's other vendors (the world's in-house and crowd) and the in-house reviewer are not vendor A's either.
    const otherPeople = [...bPeople, w.reviewer];
    scope = {
      inScope: {
        projectId: [project, qualification],
        vendorId: [vendorA.id],
        userId: [peopleA.a1.user.id, peopleA.a2.user.id, vm.user.id],
        tokenId: ownTokens,
        qualificationId: [qualification],
      },
      outOfScope: {
        projectId: [hiddenProject, hiddenQualification],
        vendorId: [vendorB.id, w.vendors.inHouse, w.vendors.crowd],
        userId: [...bIds, w.reviewer.user.id, w.manager.user.id],
        tokenId: bTokens,
        qualificationId: [hiddenQualification, hiddenProject],
      },
      probes: {
        vendor: { inScope: [vendorA.id], outOfScope: [vendorB.id, w.vendors.inHouse] },
        user: { inScope: [peopleA.a1.user.id], outOfScope: [peopleB.b1.user.id, peopleB.b2.user.id, peopleB.vmB.user.id, w.reviewer.user.id] },
        item: {
          inScope: (await idsOf(db.selectFrom('annotations').select('item_id as id').where('annotator_id', '=', peopleA.a1.user.id).where('project_id', '=', project).execute())).slice(0, 1),
          outOfScope: hiddenItems.slice(0, 1),
        },
        search: { inScope: [peopleA.a1.user.name], outOfScope: [peopleB.b1.user.name, peopleB.b1.user.email, vendorB.name] },
      },
      forbidden: [
        ['vendor B id', vendorB.id],
        ['vendor B name', vendorB.name],
        ['in-house vendor id', w.vendors.inHouse],
        ['crowd vendor id', w.vendors.crowd],
        ...otherPeople.flatMap((c): [string, string][] => [
          [`user id of ${c.user.name}`, c.user.id],
          [`email of ${c.user.name}`, c.user.email],
          [`name of ${c.user.name}`, c.user.name],
          [`pseudonym of ${c.user.name}`, c.user.pseudonym],
        ]),
        ...bAnnotations.map((id): [string, string] => ['an annotation id of vendor B', id]),
        ...bAssignments.map((id): [string, string] => ['an assignment id of vendor B', id]),
        ...bReviews.map((r): [string, string] => ['a review id of vendor B', r.id]),
        ...bReviews.flatMap((r): [string, string][] => (r.reason ? [['a rejection reason of vendor B', r.reason]] : [])),
        ...bTokens.map((id): [string, string] => ['an API token id of vendor B', id]),
        ...bAttempts.map((id): [string, string] => ['a qualification attempt id of vendor B', id]),
        ...bEvents.map((id): [string, string] => ['an event id about vendor B', id]),
        ...plans.filter((p) => p.tag.startsWith('B')).map((p): [string, string] => ["vendor B's free text", p.tag]),
        ['free text on the hidden project', b1Hidden.tag],
        ...hiddenNames.flatMap((p): [string, string][] => [
          [`id of ${p.name}`, p.id],
          [`name of ${p.name}`, p.name],
        ]),
        ...hiddenItems.map((id): [string, string] => ['an item id of the hidden project', id]),
        ...goldMarkers.map((m): [string, string] => ['a gold answer or explanation', m]),
      ],
    };
  }, 120_000);
  afterAll(async () => {
    await w?.app.close();
    await close?.();
  });

  function expectNoLeak(res: LightMyRequestResponse, what: string) {
    const text = `${res.body}\n${JSON.stringify(res.headers)}`;
    for (const [label, value] of scope.forbidden) expect(text.includes(value), `${what} holds ${label} (${value}): ${res.body.slice(0, 2000)}`).toBe(false);
    if ((res.headers['content-type'] ?? '').toString().includes('json') && res.body) {
      expect(goldRevealedIn(res.json()), `${what} says which items are gold: ${res.body.slice(0, 2000)}`).toEqual([]);
    }
  }

  describe('the world', () => {
    it('has an in-scope and an out-of-scope id for every path parameter', () => {
      for (const p of PATH_PARAMS) {
        expect(scope.inScope[p].length, p).toBeGreaterThan(0);
        expect(scope.outOfScope[p].length, p).toBeGreaterThan(0);
      }
      for (const [kind, v] of Object.entries(scope.probes)) {
        expect(v.inScope.length, kind).toBeGreaterThan(0);
        expect(v.outOfScope.length, kind).toBeGreaterThan(0);
      }
    });

    it("puts vendor B's people and work in the admin's view of the same routes, so the sweep can see a leak", async () => {
      const seen: string[] = [];
      for (const route of VM_ROUTES.filter((r) => r.method === 'GET')) {
        const ids = Object.fromEntries(pathParamsOf(route).map((p) => [p, p === 'vendorId' ? vendorB.id : p === 'userId' ? peopleB.b1.user.id : scope.inScope[p as PathParam][0]!]));
        if (route.url.includes(':tokenId')) continue;
        seen.push((await send(w.admin, sampleRequest(route, ids))).body);
      }
      const all = seen.join('\n');
      const expected: [string, string][] = [
        ['vendor B id', vendorB.id],
        ['vendor B name', vendorB.name],
        ['B1 user id', peopleB.b1.user.id],
        ['B2 user id (paused, reinstated)', peopleB.b2.user.id],
        ['B1 pseudonym', peopleB.b1.user.pseudonym],
        ['a rejection reason of vendor B', scope.forbidden.find(([l]) => l === 'a rejection reason of vendor B')![1]],
      ];
      for (const [label, value] of expected) expect(all, label).toContain(value);
      const bAnnotationIds = scope.forbidden.filter(([l]) => l === 'an annotation id of vendor B').map(([, v]) => v);
      expect(bAnnotationIds.some((id) => all.includes(id)), 'a flagged annotation of vendor B').toBe(true);
    });

    it("shows the vendor manager its own vendor's people and work", async () => {
      const body = async (url: string) => {
        const res = await vm.get(url);
        expect(res.statusCode, res.body).toBe(200);
        return res.body;
      };
      expect(await body(`/api/v1/projects/${project}/vendors/scorecards`)).toContain(vendorA.id);
      expect(await body(`/api/v1/projects/${project}/vendors/${vendorA.id}/annotators`)).toContain(peopleA.a1.user.id);
      expect(await body(`/api/v1/projects/${project}/quality/annotators`)).toContain(peopleA.a2.user.id);
      expect(await body(`/api/v1/projects/${project}/quality/gates`)).toContain(peopleA.a2.user.id);
      expect(await body(`/api/v1/projects/${project}/quality/signals`)).toContain(peopleA.a1.user.id);
      expect(await body(`/api/v1/projects/${project}/reviews/tally`)).toContain(peopleA.a1.user.id);
      expect(await body(`/api/v1/qualifications/${qualification}/attempts`)).toContain(peopleA.a1.user.id);
      expect(await body('/api/v1/users?limit=500')).toContain(peopleA.a2.user.id);
    });

    it("counts vendor A's work alone in the figures it shows", async () => {
      const ofA = await store.db
        .selectFrom('annotations')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('project_id', '=', project)
        .where('annotator_id', 'in', [peopleA.a1.user.id, peopleA.a2.user.id])
        .executeTakeFirstOrThrow();
      const throughput = (await vm.get(`/api/v1/projects/${project}/throughput?bucket=day`)).json();
      expect(throughput.judgments).toBe(Number(ofA.n));
      const agreement = (await vm.get(`/api/v1/projects/${project}/quality/agreement?bucket=day`)).json();
      expect(agreement.overall.annotations).toBe(Number(ofA.n));
      const scorecards = (await vm.get(`/api/v1/projects/${project}/vendors/scorecards`)).json();
      expect(scorecards.vendors.map((v: { vendorId: string }) => v.vendorId)).toEqual([vendorA.id]);
      expect(scorecards.overall).toBeNull();
      const reviewedA = await store.db
        .selectFrom('reviews as r')
        .innerJoin('annotations as a', 'a.id', 'r.annotation_id')
        .select('a.annotator_id')
        .distinct()
        .where('a.project_id', '=', project)
        .where('r.outcome', 'is not', null)
        .where('a.annotator_id', 'in', [peopleA.a1.user.id, peopleA.a2.user.id])
        .execute();
      expect(reviewedA.length).toBeGreaterThan(0);
      const tally = (await vm.get(`/api/v1/projects/${project}/reviews/tally`)).json();
      expect(tally.annotators.map((t: { annotatorId: string }) => t.annotatorId).sort()).toEqual(reviewedA.map((r) => r.annotator_id).sort());
      const signals = (await vm.get(`/api/v1/projects/${project}/quality/signals`)).json();
      expect(signals.vendors.map((v: { vendorId: string }) => v.vendorId)).toEqual([vendorA.id]);
      // Progress: the project's state is shared, the work done is vendor A's (judgments on real items, by hand).
      const realOfA = await store.db
        .selectFrom('annotations as a')
        .innerJoin('items as i', 'i.id', 'a.item_id')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('a.project_id', '=', project)
        .where('a.vendor_id', '=', vendorA.id)
        .where('i.is_gold', '=', 0)
        .executeTakeFirstOrThrow();
      const progress = (await vm.get(`/api/v1/projects/${project}/progress`)).json();
      const whole = (await w.manager.get(`/api/v1/projects/${project}/progress`)).json();
      expect(progress.vendorId).toBe(vendorA.id);
      expect(whole.vendorId).toBeNull();
      expect(progress.judgments).toBe(Number(realOfA.n));
      expect(progress.judgments).toBeLessThan(whole.judgments);
      expect(progress.totalItems).toBe(whole.totalItems);
    });
  });

  describe('every route a vendor manager may call', () => {
    for (const route of VM_ROUTES) {
      const params = pathParamsOf(route) as PathParam[];
      const probed = queryOf(route).filter((q) => QUERY_PROBES[q] !== undefined);
      const what = [
        params.length > 0 ? `:${params.join(', :')} in and out of scope` : 'in scope',
        ...(probed.length > 0 ? [`?${probed.join(', ?')} probed`] : []),
      ].join('; ');
      it(`${routeKey(route)} (${what}) shows vendor A only`, async () => {
        const base = Object.fromEntries(params.map((p) => [p, scope.inScope[p][0]!]));

        // In scope: each in-scope id of each parameter, the others at their first.
        const inScope = params.length === 0 ? [base] : params.flatMap((p) => scope.inScope[p].map((id) => ({ ...base, [p]: id })));
        for (const ids of inScope) {
          const req = sampleRequest(route, ids);
          const res = await send(vm, req);
          expect(res.statusCode, `${req.method} ${req.url}: ${res.body}`).toBeGreaterThanOrEqual(200);
          expect(res.statusCode, `${req.method} ${req.url}: ${res.body}`).toBeLessThan(300);
          expectNoLeak(res, `${req.method} ${req.url}`);
        }

        // Out of scope: 404 with exactly the body a nonexistent id gets, and nothing written.
        for (const p of params) {
          const missing = await send(vm, sampleRequest(route, { ...base, [p]: MISSING }));
          expectNotFound(missing, `${routeKey(route)} with a nonexistent :${p}`);
          for (const id of scope.outOfScope[p]) {
            const before = { counts: await countRows(store.db), tokens: await store.db.selectFrom('api_tokens').select(['id', 'revoked_at']).orderBy('id').execute() };
            const req = sampleRequest(route, { ...base, [p]: id });
            const res = await send(vm, req);
            expectNotFound(res, `${req.method} ${req.url}`);
            expect(res.json(), `${req.method} ${req.url} answers like a nonexistent :${p}`).toEqual(missing.json());
            expectNoLeak(res, `${req.method} ${req.url}`);
            expect({ counts: await countRows(store.db), tokens: await store.db.selectFrom('api_tokens').select(['id', 'revoked_at']).orderBy('id').execute() }).toEqual(before);
          }
        }

        // Query filters naming something: in scope 2xx, outside exactly what a nonexistent one gets.
        for (const name of probed) {
          const kind = QUERY_PROBES[name]!;
          const req = sampleRequest(route, base);
          const at = (value: string) => send(vm, { ...req, url: withQuery(req.url, name, value) });
          const missing = await at(MISSING);
          expectNoLeak(missing, `${req.url} ?${name}=${MISSING}`);
          for (const value of scope.probes[kind].inScope) {
            const res = await at(value);
            expect(res.statusCode, `${req.url} ?${name}=${value}: ${res.body}`).toBeGreaterThanOrEqual(200);
            expect(res.statusCode, `${req.url} ?${name}=${value}: ${res.body}`).toBeLessThan(300);
            expectNoLeak(res, `${req.url} ?${name}=${value}`);
          }
          for (const value of scope.probes[kind].outOfScope) {
            const res = await at(value);
            expectNoLeak(res, `${req.url} ?${name}=${value}`);
            expect(res.statusCode, `${req.url} ?${name}=${value}`).toBe(missing.statusCode);
            expect(res.json(), `${req.url} ?${name}=${value} answers like a nonexistent ${name}`).toEqual(missing.json());
          }
        }
      });
    }
  });

  it('leaves vendor B its API tokens', async () => {
    for (const c of [peopleB.b1, peopleB.vmB]) expect((await c.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('answers a project list without the hidden project and qualification', async () => {
    const list = await vm.get('/api/v1/projects?limit=500');
    const ids = list.json().items.map((p: { id: string }) => p.id);
    expect(ids).toContain(project);
    expect(ids).not.toContain(hiddenProject);
    expect(ids).not.toContain(hiddenQualification);
    const quals = (await vm.get('/api/v1/qualifications')).json().items.map((q: { id: string }) => q.id);
    expect(quals).toEqual([qualification]);
  });
});
