/**
 * Qualifications through the real API, on both dialects: creating one (fields checked), importing its gold set (an
 * item without gold refused with its line), taking an attempt through the ordinary task flow, passing (the skill
 * granted is the Beta posterior, its interval checked against scipy), failing, the cooldown and a retake once the
 * clock moves, skips counting as taken, an exhausted pool, qualification items never served in production and their
 * answers never shown before submit, and a pass opening a project with a minimum skill.
 */
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DIALECTS } from './support/databases.js';
import { annotatorWithDomains, worldPerSuite } from './support/world.js';
import { buildItems, buildProject, labelSchema, toJsonl, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

const MARK = (i: number) => `QUAL-EXPLANATION-MARKER-${i}-7e2a`;
/** Keys that would give a gold answer away. */
const GOLD_KEYS = /"(gold|gold_?answers?|is_?gold|gold_?explanation|explanation|correct_?answers?)"\s*:/i;
const RIGHT = 'neg';
const WRONG = 'pos';

describe.each(DIALECTS)('qualifications on %s', (dialect) => {
  let store: Store;
  let w: World;
  let clock = Date.parse('2026-11-25T09:00:00.000Z');
  worldPerSuite(dialect, { annotators: 2, deps: { now: () => new Date(clock) } }, (s, world) => {
    store = s;
    w = world;
  });

  let seq = 0;
  /** An annotator with these profile domains, created by the admin through the API; vendors alternate. */
  const annotator = (domains: string[]) => annotatorWithDomains(w, domains, ++seq % 2 ? w.vendors.crowd : w.vendors.inHouse);

  /** A qualification in `domain` with `n` gold items (answer: sentiment neg); returns its id. */
  async function qualification(o: { domain: string; n: number; attemptSize: number; passMark: number; cooldownHours?: number; name?: string }) {
    const res = await w.manager.post('/api/v1/qualifications', {
      name: o.name ?? `Qualification ${Math.random()}`,
      domain: o.domain,
      schema: labelSchema,
      passMark: o.passMark,
      attemptSize: o.attemptSize,
      cooldownHours: o.cooldownHours ?? 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const items = Array.from({ length: o.n }, (_, i) => ({ id: `q-${i}`, data: { text: `Qualifying review ${i}.` }, gold: { sentiment: RIGHT }, gold_explanation: MARK(i) }));
    const imp = await w.manager.request('POST', `/api/v1/projects/${id}/items`, toJsonl(items), { 'content-type': 'application/x-ndjson' });
    expect(imp.statusCode, imp.body).toBe(201);
    expect(imp.json()).toEqual({ imported: o.n, gold: o.n });
    return id;
  }

  /** Every response an annotator got, to search for gold afterwards. */
  const seen: { what: string; res: LightMyRequestResponse }[] = [];
  const record = async (what: string, p: Promise<LightMyRequestResponse>) => {
    const res = await p;
    seen.push({ what, res });
    return res;
  };
  const start = (c: Client, id: string) => record('start', c.post(`/api/v1/qualifications/${id}/attempts`, {}));
  const next = (c: Client, id: string) => record('next', c.post(`/api/v1/projects/${id}/tasks/next`));
  /** Claims and answers one item of the attempt. */
  async function answer(c: Client, id: string, sentiment: string) {
    const t = await next(c, id);
    expect(t.statusCode, t.body).toBe(200);
    const s = await c.post(`/api/v1/tasks/${t.json().assignmentId}/submit`, { answers: { sentiment }, timeSpentMs: 5 });
    expect(s.statusCode, s.body).toBe(201);
    return t.json().item.id as string;
  }
  const mine = async (c: Client, id: string) => (await record('get', c.get(`/api/v1/qualifications/${id}`))).json().mine;

  it('is created by managers with its fields checked, and its items must all carry gold', async () => {
    const ann = w.annotators[0]!;
    const body = { name: 'Q', domain: 'medicine', schema: labelSchema, passMark: 0.8, attemptSize: 5, cooldownHours: 24 };
    expect((await ann.post('/api/v1/qualifications', body)).statusCode).toBe(403);
    for (const [patch, field] of [
      [{ passMark: 1.5 }, 'passMark'],
      [{ attemptSize: 0 }, 'attemptSize'],
      [{ cooldownHours: -1 }, 'cooldownHours'],
      [{ domain: 'Medicine' }, 'domain'],
    ] as const) {
      const r = await w.manager.post('/api/v1/qualifications', { ...body, ...patch });
      expect(r.statusCode, JSON.stringify(patch)).toBe(400);
      expect(r.json().error.field).toBe(field);
    }
    const created = await w.manager.post('/api/v1/qualifications', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Q', domain: 'medicine', passMark: 0.8, attemptSize: 5, cooldownSeconds: 86_400, goldItems: 0 });
    const id = created.json().id;
    const project = (await w.manager.get(`/api/v1/projects/${id}`)).json();
    expect(project).toMatchObject({ kind: 'qualification', domain: 'medicine', qualityGate: { enabled: false } });
    const items = [
      { id: 'ok-1', data: { text: 'Fine.' }, gold: { sentiment: 'neg' } },
      { id: 'no-gold', data: { text: 'No answer here.' } },
    ];
    const imp = await w.manager.request('POST', `/api/v1/projects/${id}/items`, toJsonl(items), { 'content-type': 'application/x-ndjson' });
    expect(imp.statusCode, imp.body).toBe(400);
    expect(imp.json().error).toMatchObject({ field: 'gold', details: { line: 2 } });
    expect(imp.json().error.message).toMatch(/line 2.*gold answer/);
    const count = await store.db.selectFrom('items').select((eb) => eb.fn.countAll().as('n')).where('project_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('passes an annotator at the pass mark and grants the skill as the Beta posterior; the result shows only at the end', async () => {
    const id = await qualification({ domain: 'oncology', n: 8, attemptSize: 5, passMark: 0.8, name: 'Oncology basics' });
    const ann = await annotator(['oncology']);
    // Listed for them (not among their projects), not started yet, and the task flow says so.
    const list = (await record('list', ann.get('/api/v1/qualifications'))).json().items;
    expect(list.find((q: { id: string }) => q.id === id)).toMatchObject({ name: 'Oncology basics', goldItems: 8, mine: { status: 'not_taken', answered: 0, size: 5 } });
    expect((await ann.get('/api/v1/projects')).json().items.map((p: { id: string }) => p.id)).not.toContain(id);
    const before = await next(ann, id);
    expect(before.json().error).toMatchObject({ code: 'no_task', details: { reason: 'qualification_not_started' } });

    const s = await start(ann, id);
    expect(s.statusCode, s.body).toBe(201);
    expect(s.json()).toMatchObject({ qualificationId: id, status: 'open', size: 5, answered: 0, finishedAt: null, retakeAt: null });
    expect(s.json()).not.toHaveProperty('correct');
    const again = await start(ann, id);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(s.json().id);

    // Four right, one wrong: 4 / 5 = 0.8, at the pass mark.
    for (const sentiment of [RIGHT, WRONG, RIGHT, RIGHT]) await answer(ann, id, sentiment);
    const during = await mine(ann, id);
    expect(during).toMatchObject({ status: 'in_progress', answered: 4, size: 5 });
    expect(during).not.toHaveProperty('skill');
    const own = (await record('attempts', ann.get(`/api/v1/qualifications/${id}/attempts`))).json().items;
    expect(own).toHaveLength(1);
    expect(own[0]).not.toHaveProperty('correct');
    expect((await record('progress', ann.get(`/api/v1/projects/${id}/my-progress`))).json()).toMatchObject({ blocked: null, itemsLeft: 1 });
    await answer(ann, id, RIGHT);

    const done = await next(ann, id);
    expect(done.json().error).toMatchObject({ code: 'no_task', details: { reason: 'qualification_complete' } });
    expect(done.json().error.message).toMatch(/passed.*4 of 5 correct/);
    // Beta(1 + 4, 1 + 1) = Beta(5, 2): mean 5/7; scipy 1.17.1 beta.ppf(0.025, 5, 2) = 0.35876542100232517,
    // beta.ppf(0.975, 5, 2) = 0.9567281317072583. By hand, its CDF is 6x⁵ − 5x⁶: it gives 0.025 and 0.975 there.
    const m = await mine(ann, id);
    expect(m).toMatchObject({ status: 'passed', answered: 5, size: 5, retakeAt: null, skill: { n: 5, correct: 4 } });
    expect(m.skill.mean).toBeCloseTo(5 / 7, 12);
    expect(m.skill.low).toBeCloseTo(0.35876542100232517, 9);
    expect(m.skill.high).toBeCloseTo(0.9567281317072583, 9);
    const cdf = (x: number) => 6 * x ** 5 - 5 * x ** 6;
    expect(cdf(m.skill.low)).toBeCloseTo(0.025, 9);
    expect(cdf(m.skill.high)).toBeCloseTo(0.975, 9);

    const skills = (await w.manager.get(`/api/v1/users/${ann.user.id}/skills`)).json();
    expect(skills.items).toEqual([
      { domain: 'oncology', n: 5, correct: 4, mean: expect.closeTo(5 / 7, 12), low: expect.closeTo(0.35876542100232517, 9), high: expect.closeTo(0.9567281317072583, 9), fromQualification: { n: 5, correct: 4, passedAt: new Date(clock).toISOString() }, fromGold: { n: 0, correct: 0 } },
    ]);
    const ownSkills = (await record('skills', ann.get(`/api/v1/users/${ann.user.id}/skills`))).json();
    expect(ownSkills.items).toEqual([expect.objectContaining({ domain: 'oncology', n: 5, correct: 4, fromGold: null })]);
    expect((await ann.get(`/api/v1/users/${w.annotators[0]!.user.id}/skills`)).statusCode).toBe(404);

    // The attempt's score as every gold accuracy is shown: 4 of 5, Wilson 95% by hand (z = 1.959963984540054) in Python.
    const attempts = (await w.manager.get(`/api/v1/qualifications/${id}/attempts`)).json().items;
    expect(attempts).toEqual([
      expect.objectContaining({ annotatorId: ann.user.id, annotatorName: ann.user.name, vendorId: ann.user.vendorId, status: 'passed', passed: true, size: 5, answered: 5, correct: 4, accuracy: { n: 5, correct: 4, rate: 0.8, lower: expect.closeTo(0.3755346297625253, 9), upper: expect.closeTo(0.9637758913675698, 9) } }),
    ]);
    const events = await store.db.selectFrom('events').select(['kind', 'subject_id', 'message']).where('project_id', '=', id).execute();
    expect(events).toEqual([{ kind: 'qualification.passed', subject_id: ann.user.id, message: expect.stringMatching(/passed the qualification "Oncology basics" \(oncology\): 4 of 5 correct, pass mark 80%/) }]);
    const refusal = await start(ann, id);
    expect(refusal.statusCode).toBe(409);
    expect(refusal.json().error).toMatchObject({ code: 'conflict', details: { reason: 'already_passed' } });
  });

  it('fails below the pass mark, holds a retake back until the cooldown ends, then serves items not seen before', async () => {
    const id = await qualification({ domain: 'radiology', n: 6, attemptSize: 3, passMark: 0.7, cooldownHours: 2 });
    const ann = await annotator([]);
    expect((await start(ann, id)).statusCode).toBe(201);
    const first = [await answer(ann, id, RIGHT), await answer(ann, id, WRONG), await answer(ann, id, RIGHT)]; // 2/3 = 0.67 < 0.7
    const failedAt = clock;
    const m = await mine(ann, id);
    const retakeAt = new Date(failedAt + 2 * 3600_000).toISOString();
    expect(m).toEqual({ status: 'failed', answered: 3, size: 3, retakeAt });
    expect((await next(ann, id)).json().error.details.reason).toBe('qualification_complete');
    const early = await start(ann, id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toEqual({ reason: 'cooldown', retakeAt });
    clock += 2 * 3600_000 - 1000;
    expect((await start(ann, id)).json().error.details.reason).toBe('cooldown');
    clock += 1000;
    const retake = await start(ann, id);
    expect(retake.statusCode, retake.body).toBe(201);
    const second = [await answer(ann, id, RIGHT), await answer(ann, id, RIGHT), await answer(ann, id, RIGHT)];
    expect(new Set([...first, ...second]).size).toBe(6);
    expect(await mine(ann, id)).toMatchObject({ status: 'passed', skill: { n: 3, correct: 3 } });
    const kinds = (await store.db.selectFrom('events').select('kind').where('project_id', '=', id).orderBy('created_at').execute()).map((e) => e.kind);
    expect(kinds).toEqual(['qualification.failed', 'qualification.passed']);
    expect((await store.db.selectFrom('annotator_skills').selectAll().where('user_id', '=', ann.user.id).execute()).map((s) => [s.domain, Number(s.n), Number(s.correct)])).toEqual([['radiology', 3, 3]]);
  });

  it('counts a skip as taken but not answered (a miss), and refuses an attempt when too few unseen items are left', async () => {
    const id = await qualification({ domain: 'pathology', n: 4, attemptSize: 3, passMark: 0.6 });
    const ann = await annotator([]);
    expect((await start(ann, id)).statusCode).toBe(201);
    await answer(ann, id, RIGHT);
    const t = (await next(ann, id)).json();
    expect((await ann.post(`/api/v1/tasks/${t.assignmentId}/skip`, { reason: 'unsure' })).statusCode).toBe(200);
    await answer(ann, id, RIGHT);
    // 3 taken, 2 answered, both right: 2 / 3 = 0.67 ≥ 0.6, passed with the skip counted as a miss.
    expect(await mine(ann, id)).toMatchObject({ status: 'passed', answered: 2, skill: { n: 3, correct: 2 } });

    const other = await annotator([]);
    const small = await qualification({ domain: 'pathology', n: 2, attemptSize: 3, passMark: 0.6 });
    const refused = await start(other, small);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('exhausted');
    // A failed attempt used up items: the retake needs as many unseen ones again.
    const four = await qualification({ domain: 'pathology', n: 4, attemptSize: 3, passMark: 1, cooldownHours: 0 });
    expect((await start(other, four)).statusCode).toBe(201);
    for (const s of [WRONG, RIGHT, RIGHT]) await answer(other, four, s);
    expect((await mine(other, four)).status).toBe('failed');
    expect((await start(other, four)).json().error.details.reason).toBe('exhausted');
  });

  it('never serves qualification items in production, and lets a pass into a project with a minimum skill', async () => {
    const id = await qualification({ domain: 'neuro', n: 5, attemptSize: 4, passMark: 0.75, name: 'Neuro basics' });
    const prodId = await buildProject(w, { name: 'Neuro work', items: buildItems(3, 'neuro'), settings: { domain: 'neuro', minSkill: 0.7 } });
    const ann = await annotator(['neuro']);
    const refused = await next(ann, prodId);
    expect(refused.json().error).toMatchObject({ details: { reason: 'not_qualified' } });
    expect(refused.json().error.message).toMatch(/take the qualification "Neuro basics"/);
    // The start page can say the same before any claim, and link to the qualification.
    expect((await ann.get(`/api/v1/projects/${prodId}/my-progress`)).json()).toMatchObject({
      blocked: 'not_qualified',
      blockedMessage: refused.json().error.message,
      requiredQualification: { id, name: 'Neuro basics' },
    });

    expect((await start(ann, id)).statusCode).toBe(201);
    const qualItems = new Set<string>();
    for (const s of [RIGHT, RIGHT, WRONG, RIGHT]) qualItems.add(await answer(ann, id, s)); // 3/4 = 0.75: Beta(4, 2), mean 4/6
    expect(await mine(ann, id)).toMatchObject({ status: 'passed', skill: { n: 4, correct: 3 } });
    // 0.667 < 0.7: the pass alone is not enough here...
    expect((await next(ann, prodId)).json().error.details.reason).toBe('not_qualified');
    await w.manager.request('PATCH', `/api/v1/projects/${prodId}`, { minSkill: 0.65 });
    // ...at 0.65 it is, and the production items served are never the qualification's.
    // Managers list projects of either kind apart; annotators never see qualifications among projects.
    const ids = async (c: Client, query: string) => (await c.get(`/api/v1/projects?limit=500${query}`)).json().items.map((p: { id: string }) => p.id) as string[];
    expect(await ids(w.manager, '&kind=qualification')).toContain(id);
    expect(await ids(w.manager, '&kind=qualification')).not.toContain(prodId);
    expect(await ids(w.manager, '&kind=production')).not.toContain(id);
    expect(await ids(ann, '&kind=qualification')).not.toContain(id);
    const served = new Set<string>();
    for (;;) {
      const t = await next(ann, prodId);
      if (t.statusCode === 409) break;
      served.add(t.json().item.id);
      expect((await ann.post(`/api/v1/tasks/${t.json().assignmentId}/submit`, { answers: { sentiment: 'neu' }, timeSpentMs: 5 })).statusCode).toBe(201);
    }
    expect(served.size).toBe(3);
    for (const itemId of served) expect(qualItems.has(itemId)).toBe(false);
    const qualIds = new Set((await store.db.selectFrom('items').select('id').where('project_id', '=', id).execute()).map((r) => r.id));
    const prodServed = await store.db.selectFrom('assignments').select('item_id').where('project_id', '=', prodId).execute();
    expect(prodServed.length).toBeGreaterThan(0);
    for (const a of prodServed) expect(qualIds.has(a.item_id)).toBe(false);
  });

  it('shows no gold answer or explanation to an annotator in any response before submit', async () => {
    // Every response recorded above: claims, starts, lists, progress, attempts, skills.
    expect(seen.length).toBeGreaterThan(30);
    for (const { what, res } of seen) {
      expect(res.body, what).not.toMatch(/QUAL-EXPLANATION-MARKER/);
      expect(GOLD_KEYS.exec(res.body)?.[0], what).toBeUndefined();
    }
    // A task of a qualification looks like any task: the same keys as a production one.
    const claim = seen.find((s) => s.what === 'next' && s.res.statusCode === 200)!.res.json();
    expect(Object.keys(claim).sort()).toEqual(['assignmentId', 'guidelineVersion', 'item', 'leaseExpiresAt', 'projectId', 'schemaVersion']);
    expect(Object.keys(claim.item).sort()).toEqual(['data', 'id']);
  });
});
