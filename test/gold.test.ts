/**
 * Hidden gold through the real API, on both dialects: gold served at the project's rate (a statistical test that can
 * fail) and only while a normal item is eligible too (no_task once the normal items are done, as my-progress says),
 * gold items that nobody can tell apart before submit (every annotator route, from the app's route table),
 * scoring at submit with feedback or audit mode, and live accuracy per annotator against a hand computation.
 */
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import { labelSchema, toJsonl, type Client, type World } from './factories.js';
import { readRouteTable, routeKey, sampleRequest, type SampleRequest } from './support/routes.js';
import type { Actor } from '../src/core/permissions.js';
import type { Store } from '../src/store/db.js';
import { nextTask } from '../src/services/tasks/next-task.js';
import { skipTask } from '../src/services/tasks/skip-task.js';

const { routes: ROUTES } = await readRouteTable();

const EXPLANATION = (i: number) => `GOLD-EXPLANATION-MARKER-${i}-c41d`;
const GOLD_EXT = (i: number) => `gold-hidden-ext-${i}`;
/** JSON keys that would tell an annotator an item is gold, or what its answer is, before they submit it. */
const GOLD_KEYS = /"(gold|gold_?answers?|is_?gold|gold_?explanation|explanation|correct_?answers?|gold_?rate|gold_?feedback|external_?id)"\s*:/i;
const ITEM_ID = /^itm_[A-Za-z0-9_-]{20}$/;
const ASSIGNMENT_ID = /^asg_[A-Za-z0-9_-]{20}$/;

/** A structural fingerprint: keys (recursively) and value types, not values. */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? ['empty'] : [shapeOf(v[0])];
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, shapeOf((v as Record<string, unknown>)[k])]));
  }
  return v === null ? 'null' : typeof v;
}
const bodyShape = (r: LightMyRequestResponse) => (r.body === '' ? 'empty' : shapeOf(r.json()));

const actorOf = (w: World, c: Client): Actor => ({ kind: 'user', userId: c.user.id, orgId: w.orgId, role: 'annotator', vendorId: c.user.vendorId ?? null });

describe.each(DIALECTS)('hidden gold on %s', (dialect) => {
  let store: Store;
  let w: World;
  worldPerSuite(dialect, { annotators: 4 }, (s, world) => {
    store = s;
    w = world;
  });

  /** A project with `plain` normal items and `gold` gold items (answer: sentiment neg, quality 2); returns its id. */
  async function goldProject(o: { goldRate: number; plain: number; gold: number; goldFeedback?: 'audit' | 'feedback'; overlapK?: number }) {
    const res = await w.manager.post('/api/v1/projects', {
      name: `Gold ${Math.random()}`,
      schema: labelSchema,
      overlapK: o.overlapK ?? 1,
      goldRate: o.goldRate,
      ...(o.goldFeedback && { goldFeedback: o.goldFeedback }),
      // These tests miss gold on purpose; the quality gate (test/quality-gates.test.ts) would pause the annotators.
      qualityGate: { enabled: false },
    });
    expect(res.statusCode, res.body).toBe(201);
    const projectId = res.json().id as string;
    const items = [
      ...Array.from({ length: o.plain }, (_, i) => ({ id: `plain-${i}`, data: { text: `A plain review number ${i}.` } })),
      ...Array.from({ length: o.gold }, (_, i) => ({
        id: GOLD_EXT(i),
        data: { text: `A checked review number ${i}.` },
        gold: { sentiment: 'neg', quality: 2 },
        gold_explanation: EXPLANATION(i),
      })),
    ];
    const imp = await w.manager.request('POST', `/api/v1/projects/${projectId}/items`, toJsonl(items), { 'content-type': 'application/x-ndjson' });
    expect(imp.statusCode, imp.body).toBe(201);
    expect(imp.json()).toEqual({ imported: o.plain + o.gold, gold: o.gold });
    return projectId;
  }

  const goldIdsOf = async (projectId: string) =>
    new Set((await store.db.selectFrom('gold_answers').select('item_id').where('project_id', '=', projectId).execute()).map((r) => r.item_id));

  it('serves gold at the project rate: 1000 claims at 0.2 land in the binomial 99.9% band', async () => {
    const projectId = await goldProject({ goldRate: 0.2, plain: 1000, gold: 400 });
    const gold = await goldIdsOf(projectId);
    const ann = w.annotators[0]!;
    const actor = actorOf(w, ann);
    let served = 0;
    for (let i = 0; i < 1000; i++) {
      const t = await nextTask(w.deps, actor, projectId);
      if (gold.has(t.item.id)) served++;
      await skipTask(w.deps, actor, t.assignmentId, 'rate test');
    }
    // Binomial(1000, 0.2): scipy.stats.binom.ppf(0.0005, 1000, 0.2) = 159, binom.ppf(0.9995, 1000, 0.2) = 243.
    // A correct implementation fails this about once in a thousand runs.
    expect(served).toBeGreaterThanOrEqual(159);
    expect(served).toBeLessThanOrEqual(243);
  }, 120_000);

  it('falls back to a normal item when no gold item is eligible, serves each gold item to every annotator once, and keeps gold out of completion', async () => {
    const none = await goldProject({ goldRate: 0, plain: 3, gold: 2 });
    const all = await goldProject({ goldRate: 1, plain: 3, gold: 2 });
    // At rate 1 gold comes first while normal items are eligible; at rate 0 the normal items, and then nothing: the
    // gold items left are never the only thing served.
    for (const [projectId, expected] of [[none, [false, false, false]], [all, [true, true, false, false, false]]] as const) {
      const gold = await goldIdsOf(projectId);
      const kinds: boolean[] = [];
      for (;;) {
        const t = await w.annotators[1]!.post(`/api/v1/projects/${projectId}/tasks/next`);
        if (t.statusCode === 409) break;
        kinds.push(gold.has(t.json().item.id));
        expect((await w.annotators[1]!.post(`/api/v1/tasks/${t.json().assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: 5 })).statusCode).toBe(201);
      }
      expect(kinds).toEqual(expected);
    }
    // Overlap 1: a normal item goes to one annotator, a gold item to each of them once, but only while they have a
    // normal item too. The next annotator finds the normal items taken: no gold for them.
    const other = w.annotators[2]!;
    const t = await other.post(`/api/v1/projects/${all}/tasks/next`);
    expect(t.statusCode, t.body).toBe(409);
    expect(t.json().error.details.reason).toBe('project_finished');
    const progress = (await w.manager.get(`/api/v1/projects/${all}/progress`)).json();
    expect(progress).toMatchObject({ totalItems: 3, completeItems: 3 });
    expect((await other.get(`/api/v1/projects/${all}/my-progress`)).json()).toMatchObject({ itemsLeft: 0, project: { totalItems: 3, completeItems: 3 } });
  });

  it('serves gold only while a normal item is eligible too: no_task once the normal items are labeled, as my-progress says', async () => {
    const projectId = await goldProject({ goldRate: 1, plain: 3, gold: 5, overlapK: 2 });
    const gold = await goldIdsOf(projectId);
    const [ann, peer] = [w.annotators[2]!, w.annotators[3]!];
    const itemsLeft = async () => {
      const res = await ann.get(`/api/v1/projects/${projectId}/my-progress`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().itemsLeft as number;
    };
    const submit = async (assignmentId: string) =>
      expect((await ann.post(`/api/v1/tasks/${assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: 5 })).statusCode).toBe(201);

    // Rate 1 with normal items available: gold is served, and my-progress counts it among what is left.
    expect(await itemsLeft()).toBe(8);
    const first = await ann.post(`/api/v1/projects/${projectId}/tasks/next`);
    expect(first.statusCode, first.body).toBe(200);
    expect(gold.has(first.json().item.id)).toBe(true);
    await submit(first.json().assignmentId);
    expect(await itemsLeft()).toBe(7);

    // The annotator labels every normal item, through their own claims: at rate 1 those would serve the gold items
    // first, so the rate is 0 meanwhile.
    expect((await w.manager.request('PATCH', `/api/v1/projects/${projectId}`, { goldRate: 0 })).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) {
      const t = await ann.post(`/api/v1/projects/${projectId}/tasks/next`);
      expect(t.statusCode, t.body).toBe(200);
      expect(gold.has(t.json().item.id)).toBe(false);
      await submit(t.json().assignmentId);
    }
    expect((await w.manager.request('PATCH', `/api/v1/projects/${projectId}`, { goldRate: 1 })).statusCode).toBe(200);

    // Four gold items are still unlabeled by them, the rate is 1 and the project still needs judgments (overlap 2),
    // yet nothing is served, and my-progress agrees: nothing left.
    const unlabeledGold = await store.db
      .selectFrom('items')
      .select('id')
      .where('project_id', '=', projectId)
      .where('is_gold', '=', 1)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('assignments').select('id').whereRef('assignments.item_id', '=', 'items.id').where('assignments.annotator_id', '=', ann.user.id))))
      .execute();
    expect(unlabeledGold).toHaveLength(4);
    for (let i = 0; i < 3; i++) {
      const none = await ann.post(`/api/v1/projects/${projectId}/tasks/next`);
      expect(none.statusCode, none.body).toBe(409);
      expect(none.json().error).toMatchObject({ code: 'no_task', details: { reason: 'none_eligible' } });
    }
    expect(await itemsLeft()).toBe(0);
    // The service's claim, straight: no gold item either, whatever the draw.
    await expect(nextTask(w.deps, actorOf(w, ann), projectId)).rejects.toMatchObject({ code: 'no_task' });

    // Another annotator still has the normal items (overlap 2): gold for them first, and the same end.
    const seen: boolean[] = [];
    for (;;) {
      const t = await peer.post(`/api/v1/projects/${projectId}/tasks/next`);
      if (t.statusCode === 409) {
        expect(t.json().error.details.reason).toBe('project_finished');
        break;
      }
      seen.push(gold.has(t.json().item.id));
      expect((await peer.post(`/api/v1/tasks/${t.json().assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 5 })).statusCode).toBe(201);
    }
    expect(seen).toEqual([true, true, true, true, true, false, false, false]);
    expect((await peer.get(`/api/v1/projects/${projectId}/my-progress`)).json()).toMatchObject({ itemsLeft: 0, project: { totalItems: 3, completeItems: 3 } });
  });

  it('lets nobody tell gold from normal items on any annotator route before submit', async () => {
    // Twice as many normal items as gold ones: gold is served only while a normal item is left, and the skips below
    // use up items of both kinds.
    const projectId = await goldProject({ goldRate: 0.5, plain: 24, gold: 12, goldFeedback: 'feedback' });
    const gold = await goldIdsOf(projectId);
    const ann = w.annotators[3]!;
    /** Claims until the annotator holds a lease on an item of the wanted kind (skipping the others). */
    const leaseOf = async (wantGold: boolean) => {
      for (;;) {
        const t = await ann.post(`/api/v1/projects/${projectId}/tasks/next`);
        expect(t.statusCode, t.body).toBe(200);
        const { assignmentId, item } = t.json() as { assignmentId: string; item: { id: string } };
        if (gold.has(item.id) === wantGold) return { assignmentId, itemId: item.id };
        expect((await ann.post(`/api/v1/tasks/${assignmentId}/skip`, { reason: 'not this kind' })).statusCode).toBe(200);
      }
    };
    // Every route of the table but signing out (which would end the caller's own session), run in an order that
    // leaves the lease for last: reads, then writes, then skip, then submit (on a second lease of the same kind).
    const routes = ROUTES.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && routeKey(r) !== 'POST /api/v1/auth/logout');
    const rank = (key: string) => (key.endsWith('/skip') ? 2 : key.endsWith('/submit') ? 3 : key.startsWith('GET ') ? 0 : 1);
    routes.sort((x, y) => rank(routeKey(x)) - rank(routeKey(y)));
    expect(routes.map(routeKey)).toEqual(expect.arrayContaining(['POST /api/v1/projects/:projectId/tasks/next', 'POST /api/v1/tasks/:assignmentId/submit', 'GET /api/v1/projects/:projectId/my-progress']));

    const sweep = async (wantGold: boolean) => {
      const out = new Map<string, LightMyRequestResponse>();
      let lease = await leaseOf(wantGold);
      for (const route of routes) {
        const key = routeKey(route);
        if (key.endsWith('/submit')) lease = await leaseOf(wantGold);
        const ids = { projectId, assignmentId: lease.assignmentId, itemId: lease.itemId, userId: ann.user.id, tokenId: 'nonexistent0000' };
        let req: SampleRequest = sampleRequest(route, ids);
        // Submit the gold answer itself: in feedback mode only a miss shows anything, after submit.
        if (key.endsWith('/submit')) req = { ...req, url: `${req.url}?next=true`, payload: { answers: { sentiment: 'neg', quality: 2 }, timeSpentMs: 700 } };
        const res = await ann.request(req.method, req.url, req.payload, req.headers);
        out.set(key, res);
        if (key.endsWith('/tasks/next')) {
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json().assignmentId).toBe(lease.assignmentId); // resumes the lease of the wanted kind
        }
      }
      return { out, lease };
    };
    // One submission first, so both sweeps start from the same kind of history (my-progress shows the last one).
    const warm = (await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    expect((await ann.post(`/api/v1/tasks/${warm.assignmentId}/submit`, { answers: { sentiment: 'neg', quality: 2 }, timeSpentMs: 5 })).statusCode).toBe(201);
    const goldRun = await sweep(true);
    const plainRun = await sweep(false);
    expect(gold.has(goldRun.lease.itemId)).toBe(true);
    expect(gold.has(plainRun.lease.itemId)).toBe(false);

    for (const route of routes) {
      const key = routeKey(route);
      const [g, p] = [goldRun.out.get(key)!, plainRun.out.get(key)!];
      expect(g.statusCode, `${key} status`).toBe(p.statusCode);
      expect(bodyShape(g), `${key} shape`).toEqual(bodyShape(p));
      expect(Object.keys(g.headers).sort(), `${key} headers`).toEqual(Object.keys(p.headers).sort());
      for (const res of [g, p]) {
        expect(/GOLD-EXPLANATION-MARKER/.test(res.body), `${key} leaks an explanation`).toBe(false);
        expect(/gold-hidden-ext/.test(res.body), `${key} leaks a gold external id`).toBe(false);
        // The API description is the same document for everyone and names the managers' gold fields.
        if (key !== 'GET /api/v1/openapi.json') expect(GOLD_KEYS.exec(res.body)?.[0], `${key} has a gold key`).toBeUndefined();
        for (const [name, value] of Object.entries(res.headers)) expect(`${name}: ${String(value)}`, `${key} header`).not.toMatch(/gold/i);
      }
    }
    for (const run of [goldRun, plainRun]) {
      const task = run.out.get('POST /api/v1/projects/:projectId/tasks/next')!.json();
      expect(task.item.id).toMatch(ITEM_ID);
      expect(task.assignmentId).toMatch(ASSIGNMENT_ID);
      const submitted = run.out.get('POST /api/v1/tasks/:assignmentId/submit')!;
      expect(submitted.statusCode, submitted.body).toBe(201);
      expect(submitted.json().feedback).toBeNull();
    }
  });

  it('shows a missed gold item its answer and explanation after submit in feedback mode, and nothing in audit mode', async () => {
    const feedback = await goldProject({ goldRate: 1, plain: 1, gold: 2, goldFeedback: 'feedback' });
    // One normal item in each: a gold item is served only while a normal one is eligible too.
    const audit = await goldProject({ goldRate: 1, plain: 1, gold: 1 });
    expect((await w.manager.get(`/api/v1/projects/${audit}`)).json().goldFeedback).toBe('audit');
    const ann = w.annotators[0]!;
    const claim = async (projectId: string) => (await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).json() as { assignmentId: string; item: { id: string } };

    const missed = await claim(feedback);
    const body = { answers: { sentiment: 'pos', quality: 2 }, timeSpentMs: 40 };
    const first = await ann.post(`/api/v1/tasks/${missed.assignmentId}/submit`, body, { 'idempotency-key': 'miss-1' });
    expect(first.statusCode, first.body).toBe(201);
    const gold = await goldIdsOf(feedback);
    expect(gold.has(missed.item.id)).toBe(true);
    const expected = { correctAnswers: { sentiment: 'neg', quality: 2 }, explanation: expect.stringMatching(/^GOLD-EXPLANATION-MARKER-\d-c41d$/) };
    expect(first.json().feedback).toEqual(expected);
    // A retry replays the same feedback.
    const replay = await ann.post(`/api/v1/tasks/${missed.assignmentId}/submit`, body, { 'idempotency-key': 'miss-1' });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().feedback).toEqual(first.json().feedback);

    // A gold item answered right shows nothing; with ?next=true the feedback sits beside the annotation.
    const right = await claim(feedback);
    const ok = await ann.post(`/api/v1/tasks/${right.assignmentId}/submit?next=true`, { answers: { sentiment: 'neg', quality: 2 }, timeSpentMs: 40 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().feedback).toBeNull();
    // The plain item that came next: nothing either, whatever the answer.
    const plain = ok.json().next as { assignmentId: string; item: { id: string } };
    expect(gold.has(plain.item.id)).toBe(false);
    const p = await ann.post(`/api/v1/tasks/${plain.assignmentId}/submit?next=true`, { answers: { sentiment: 'pos' }, timeSpentMs: 40 });
    expect(p.json()).toMatchObject({ feedback: null, next: null, noTask: { reason: 'project_finished' } });

    const auditTask = await claim(audit);
    const a = await ann.post(`/api/v1/tasks/${auditTask.assignmentId}/submit`, body);
    expect(a.statusCode).toBe(201);
    expect(a.json().feedback).toBeNull();
    expect(a.body).not.toMatch(/GOLD-EXPLANATION-MARKER/);

    // Every gold submit was scored in its own transaction: a miss, a hit, and the audited miss.
    const scores = await store.db.selectFrom('gold_scores').select(['item_id', 'correct', 'questions_scored', 'questions_correct']).where('annotator_id', '=', ann.user.id).where('project_id', 'in', [feedback, audit]).orderBy('created_at').execute();
    expect(scores.map((s) => [s.correct, s.questions_scored, s.questions_correct])).toEqual([
      [0, 2, 1],
      [1, 2, 2],
      [0, 2, 1],
    ]);
  });

  it('reports live accuracy as the observed share correct / n with its Wilson 95% interval, scoped for vendor managers', async () => {
    // The normal item keeps the gold ones servable (rate 1: the ten gold items come first).
    const projectId = await goldProject({ goldRate: 1, plain: 1, gold: 10 });
    const ann = w.annotators[1]!;
    for (let i = 0; i < 10; i++) {
      const t = (await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
      const sentiment = i < 7 ? 'neg' : 'pos';
      expect((await ann.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment, quality: 2 }, timeSpentMs: 9 })).statusCode).toBe(201);
    }
    const res = await w.reviewer.get(`/api/v1/projects/${projectId}/quality/annotators`);
    expect(res.statusCode, res.body).toBe(200);
    const [row, ...rest] = res.json().items;
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ annotatorId: ann.user.id, vendorId: ann.user.vendorId, n: 10, correct: 7 });
    // 7 of 10: the share 0.7 (the figure the scorecards and the report show, not a posterior mean). Wilson 95% by
    // hand (z = 1.959963984540054, centre (k + z²/2)/(n + z²) ± z·√(k(n−k)/n + z²/4)/(n + z²)), computed in Python:
    // [0.39677814746114537, 0.8922087325936989].
    expect(row.accuracy.rate).toBeCloseTo(0.7, 12);
    expect(row.accuracy.lower).toBeCloseTo(0.39677814746114537, 9);
    expect(row.accuracy.upper).toBeCloseTo(0.8922087325936989, 9);
    expect(res.json().interval).toMatch(/Wilson/);
    expect(row.accuracy.level).toBe(0.95);

    const own = await w.addUser('vendor_manager', ann.user.vendorId);
    const foreign = await w.addUser('vendor_manager', ann.user.vendorId === w.vendors.inHouse ? w.vendors.crowd : w.vendors.inHouse);
    expect((await own.get(`/api/v1/projects/${projectId}/quality/annotators`)).json().items.map((r: { annotatorId: string }) => r.annotatorId)).toEqual([ann.user.id]);
    expect((await foreign.get(`/api/v1/projects/${projectId}/quality/annotators`)).json().items).toEqual([]);
    expect((await ann.get(`/api/v1/projects/${projectId}/quality/annotators`)).statusCode).toBe(403);
  });
});
