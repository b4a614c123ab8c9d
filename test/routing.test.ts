/**
 * Routing through the real API, on both dialects: the project settings it reads (validated, each error naming its
 * field), who gets an item at all (domain, measured skill in the domain, vendor quota in tasks and as a share, the
 * quality gate's pause) with the 409 reason and what my-progress says, and adaptive overlap's slots: an item served
 * again up to k + extra_k, the preference window that keeps its extra judgment from the avoided vendor and from lower
 * skill until prefer_until, and claims that stay atomic under 50 concurrent annotators with extra judgments asked.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { annotatorWithDomains, worldPerSuite } from './support/world.js';
import { buildItems, buildProject, buildWorld, labelSchema, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

describe.each(DIALECTS)('routing on %s', (dialect) => {
  let store: Store;
  let w: World;
  let clock = Date.parse('2026-11-25T09:00:00.000Z');
  worldPerSuite(dialect, { annotators: 50, deps: { now: () => new Date(clock) } }, (s, world) => {
    store = s;
    w = world;
  });

  /** An in-house annotator with these profile domains, created by the admin through the API. */
  const annotator = (domains: string[]) => annotatorWithDomains(w, domains);
  /** A production project with these settings (the quality gate off unless they say) and its items imported. */
  const project = (settings: Record<string, unknown>, items: unknown[] = buildItems(4)) => buildProject(w, { items, settings: { qualityGate: { enabled: false }, ...settings } });

  /** A skill record as a passed qualification writes it: `correct` of `n` in `domain`, granted now. */
  const grant = (userId: string, domain: string, n: number, correct: number) =>
    store.db.insertInto('annotator_skills').values({ user_id: userId, domain, n, correct, source: 'qualification', source_id: null, granted_at: new Date(clock).toISOString() }).execute();

  const next = (c: Client, projectId: string) => c.post(`/api/v1/projects/${projectId}/tasks/next`);
  const submit = async (c: Client, assignmentId: string, sentiment = 'neg') => {
    const r = await c.post(`/api/v1/tasks/${assignmentId}/submit`, { answers: { sentiment, quality: 2 }, timeSpentMs: 5 });
    expect(r.statusCode, r.body).toBe(201);
  };
  async function refused(c: Client, projectId: string, reason: string) {
    const r = await next(c, projectId);
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'no_task', details: { reason } });
    const mine = (await c.get(`/api/v1/projects/${projectId}/my-progress`)).json();
    expect(mine).toMatchObject({ blocked: reason, blockedMessage: r.json().error.message, itemsLeft: 0 });
    return r.json().error.message as string;
  }

  describe('project settings', () => {
    it('has defaults, shows them with the kind, and refuses bad values naming the field', async () => {
      const id = await project({});
      const p = (await w.manager.get(`/api/v1/projects/${id}`)).json();
      expect(p).toMatchObject({ kind: 'production', domain: null, minSkill: 0, overlapMode: 'fixed', overlapKMax: 5, overlapTau: 0.9, excludePaused: false });
      const bad: [Record<string, unknown>, string][] = [
        [{ domain: 'Medicine' }, 'domain'],
        [{ domain: 'medicine//cardiology' }, 'domain'],
        [{ domain: 'x'.repeat(101) }, 'domain'],
        [{ minSkill: 1.2 }, 'minSkill'],
        [{ minSkill: 0.5 }, 'minSkill'], // no domain to measure it in
        [{ overlapMode: 'sometimes' }, 'overlapMode'],
        [{ overlapK: 3, overlapKMax: 2 }, 'overlapKMax'],
        [{ overlapTau: 0.5 }, 'overlapTau'],
        [{ overlapTau: 1.01 }, 'overlapTau'],
        [{ vendors: [{ vendorId: w.vendors.crowd, enabled: true, quotaTasks: -1 }] }, 'vendors[0].quotaTasks'],
        [{ vendors: [{ vendorId: w.vendors.crowd, enabled: true, quotaShare: 1.5 }] }, 'vendors[0].quotaShare'],
      ];
      for (const [patch, field] of bad) {
        const r = await w.manager.request('PATCH', `/api/v1/projects/${id}`, patch);
        expect(r.statusCode, JSON.stringify(patch)).toBe(400);
        expect(r.json().error.field, JSON.stringify(patch)).toBe(field);
      }
      const good = {
        domain: 'medicine/cardiology',
        minSkill: 0.7,
        overlapMode: 'adaptive',
        overlapK: 2,
        overlapKMax: 4,
        overlapTau: 0.95,
        excludePaused: true,
        vendors: [{ vendorId: w.vendors.crowd, enabled: true, quotaTasks: 10, quotaShare: 0.25 }],
      };
      const ok = await w.manager.request('PATCH', `/api/v1/projects/${id}`, good);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject(good);
      // The domain cannot go while a minimum skill needs it; k above k_max raises k_max with it.
      expect((await w.manager.request('PATCH', `/api/v1/projects/${id}`, { domain: null })).json().error.field).toBe('domain');
      const raised = (await w.manager.request('PATCH', `/api/v1/projects/${id}`, { overlapK: 6 })).json();
      expect(raised).toMatchObject({ overlapK: 6, overlapKMax: 6 });
    });

    it('keeps items open while they have fewer than k + extra_k judgments when k or the mode changes', async () => {
      const id = await project({ overlapK: 1, overlapMode: 'adaptive' }, buildItems(2));
      const a = w.annotators[0]!;
      const t = (await next(a, id)).json();
      await submit(a, t.assignmentId);
      const openOf = async () =>
        Object.fromEntries(
          (await store.db.selectFrom('items').select(['id', 'open']).where('project_id', '=', id).execute()).map((r) => [r.id, Number(r.open)]),
        );
      expect((await openOf())[t.item.id]).toBe(0);
      // Adaptive overlap asked one more judgment of it (as live results do).
      await store.db.updateTable('items').set({ extra_k: 1, open: 1 }).where('id', '=', t.item.id).execute();
      // k 1 → 2: the item needs k + extra_k = 3, it has 1.
      expect((await w.manager.request('PATCH', `/api/v1/projects/${id}`, { overlapK: 2 })).statusCode).toBe(200);
      expect((await openOf())[t.item.id]).toBe(1);
      // k 2 → 1 keeps it open for its extra judgment (1 + 1 > 1 taken)...
      expect((await w.manager.request('PATCH', `/api/v1/projects/${id}`, { overlapK: 1 })).statusCode).toBe(200);
      expect((await openOf())[t.item.id]).toBe(1);
      // ...and back to fixed overlap drops the extra judgment: exactly k = 1, which it has.
      expect((await w.manager.request('PATCH', `/api/v1/projects/${id}`, { overlapMode: 'fixed' })).statusCode).toBe(200);
      expect((await openOf())[t.item.id]).toBe(0);
      const row = await store.db.selectFrom('items').select(['extra_k', 'prefer_until']).where('id', '=', t.item.id).executeTakeFirstOrThrow();
      expect({ extra: Number(row.extra_k), until: row.prefer_until }).toEqual({ extra: 0, until: null });
    });
  });

  describe('eligibility', () => {
    it('serves a required domain to a profile with it or a domain below it, and tells the others not_in_domain', async () => {
      const medicine = await project({ domain: 'medicine' });
      const cardiology = await project({ domain: 'medicine/cardiology' });
      const [none, law, general, cardio] = [await annotator([]), await annotator(['law/contracts']), await annotator(['medicine']), await annotator(['medicine/cardiology'])];
      for (const c of [none, law]) expect(await refused(c, medicine, 'not_in_domain')).toMatch(/medicine.*profile.*ask your manager/);
      // A profile's medicine/cardiology covers medicine; medicine does not cover medicine/cardiology.
      expect((await next(cardio, medicine)).statusCode).toBe(200);
      expect((await next(cardio, cardiology)).statusCode).toBe(200);
      expect((await next(general, medicine)).statusCode).toBe(200);
      await refused(general, cardiology, 'not_in_domain');
      expect((await cardio.get(`/api/v1/projects/${cardiology}/my-progress`)).json()).toMatchObject({ blocked: null, paused: false });
    });

    it('asks for the measured skill in the domain: no record names the qualification, below the minimum says so, a qualified annotator is served', async () => {
      const qual = await w.manager.post('/api/v1/qualifications', { name: 'Dermatology basics', domain: 'derma', schema: labelSchema, passMark: 0.8, attemptSize: 3, cooldownHours: 1 });
      expect(qual.statusCode, qual.body).toBe(201);
      const id = await project({ domain: 'derma', minSkill: 0.6 });
      const [fresh, weak, strong] = [await annotator(['derma']), await annotator(['derma']), await annotator(['derma/skin'])];
      expect(await refused(fresh, id, 'not_qualified')).toMatch(/at least 60% in derma.*no record.*take the qualification "Dermatology basics"/);
      // Skills as passed qualifications grant them: Beta posterior means (1 + 4) / (2 + 10) = 0.417 and (1 + 9) / 12 = 0.833.
      await grant(weak.user.id, 'derma', 10, 4);
      await grant(strong.user.id, 'derma/skin', 10, 9); // a qualification below the domain counts towards it
      expect(await refused(weak, id, 'not_qualified')).toMatch(/derma is 41\.7%, under this project's minimum of 60%/);
      expect((await next(strong, id)).statusCode).toBe(200);
    });

    it('counts gold answered on production projects of the domain (or below it), without quoting a figure that gold moves', async () => {
      const gated = await project({ domain: 'cardio', minSkill: 0.7 });
      // A production project below the domain, with gold served first (rate 1) and no minimum.
      const practice = await project(
        { domain: 'cardio/ecg', goldRate: 1 },
        [
          { id: 'n-1', data: { text: 'A plain one.' } },
          ...Array.from({ length: 3 }, (_, i) => ({ id: `g-${i}`, data: { text: `A checked one ${i}.` }, gold: { sentiment: 'neg' } })),
        ],
      );
      const ann = await annotator(['cardio/ecg']); // covers both projects' domains
      const answer = async (sentiment: string) => {
        const t = await next(ann, practice);
        expect(t.statusCode, t.body).toBe(200);
        await submit(ann, t.json().assignmentId, sentiment);
      };
      await answer('pos'); // a miss: (1 + 0) / (2 + 1) = 0.33
      const msg = await refused(ann, gated, 'not_qualified');
      expect(msg).toMatch(/Your measured skill in cardio is under this project's minimum of 70%/);
      expect(msg).not.toMatch(/\d+(\.\d+)?%,/); // no figure: it moves with each gold answer
      await answer('neg');
      await answer('neg'); // 2 of 3: (1 + 2) / (2 + 3) = 0.6 < 0.7
      await refused(ann, gated, 'not_qualified');
      const skills = (await w.manager.get(`/api/v1/users/${ann.user.id}/skills`)).json();
      expect(skills.items).toEqual([expect.objectContaining({ domain: 'cardio/ecg', n: 3, correct: 2, mean: 0.6, fromQualification: null, fromGold: { n: 3, correct: 2 } })]);
      // One more gold domain-skill source: a qualification tally in cardio, 5 of 5: (1 + 7) / (2 + 8) = 0.8 ≥ 0.7.
      await grant(ann.user.id, 'cardio', 5, 5);
      expect((await next(ann, gated)).statusCode).toBe(200);
    });

    it('stops a vendor at its task quota (running leases and submissions), resumes a held lease, and counts again when a lease lapses', async () => {
      const id = await project(
        { leaseSeconds: 60, vendors: [{ vendorId: w.vendors.inHouse, enabled: true, quotaTasks: 2 }, { vendorId: w.vendors.crowd, enabled: true }] },
        buildItems(6),
      );
      // buildWorld alternates vendors: even annotators in-house, odd ones crowd.
      const [h1, h2, h3, c1] = [w.annotators[10]!, w.annotators[12]!, w.annotators[14]!, w.annotators[11]!];
      const t1 = (await next(h1, id)).json();
      await submit(h1, t1.assignmentId);
      const t2 = (await next(h2, id)).json(); // a running lease: 2 taken
      expect(await refused(h3, id, 'quota_reached')).toMatch(/vendor has taken all the tasks it was allotted/);
      await refused(h1, id, 'quota_reached');
      // The lease h2 holds is theirs to finish.
      expect((await next(h2, id)).json().assignmentId).toBe(t2.assignmentId);
      // Another vendor is not held back.
      expect((await next(c1, id)).statusCode).toBe(200);
      // h2's lease lapses: it no longer counts.
      clock += 61_000;
      expect((await next(h3, id)).statusCode).toBe(200);
      await refused(h1, id, 'quota_reached');
    });

    it('stops a vendor at its share: ceil(share × normal items × k) tasks', async () => {
      // 10 normal items × k 1 × 0.25 = 2.5 → 3 tasks; a gold item does not raise the cap.
      const id = await project(
        { vendors: [{ vendorId: w.vendors.crowd, enabled: true, quotaShare: 0.25 }, { vendorId: w.vendors.inHouse, enabled: true }] },
        [...buildItems(10), { id: 'g-1', data: { text: 'Checked.' }, gold: { sentiment: 'neg' } }],
      );
      const crowd = [w.annotators[21]!, w.annotators[23]!, w.annotators[25]!, w.annotators[27]!];
      for (const c of crowd.slice(0, 3)) {
        const t = await next(c, id);
        expect(t.statusCode, t.body).toBe(200);
        await submit(c, t.json().assignmentId);
      }
      await refused(crowd[3]!, id, 'quota_reached');
      expect((await next(w.annotators[20]!, id)).statusCode).toBe(200);
    });

    it('gives a paused annotator nothing, saying so', async () => {
      const id = await project({});
      const ann = w.annotators[30]!;
      const now = new Date(clock).toISOString();
      await store.db
        .insertInto('annotator_project_status')
        .values({ project_id: id, annotator_id: ann.user.id, status: 'paused', reason: 'test', paused_at: now, reinstated_by: null, reinstated_at: null, gold_n: 0, gold_correct: 0, fail_streak: 0, updated_at: now })
        .execute();
      expect(await refused(ann, id, 'paused')).toMatch(/paused on this project/);
      expect((await next(w.annotators[31]!, id)).statusCode).toBe(200);
    });
  });

  describe('adaptive overlap slots', () => {
    it('serves an item again up to k + extra_k, and a skip frees the slot', async () => {
      const id = await project({ overlapK: 1, overlapMode: 'adaptive' }, buildItems(2));
      const [a, b, c, d] = [w.annotators[32]!, w.annotators[33]!, w.annotators[34]!, w.annotators[35]!];
      const first = (await next(a, id)).json();
      await submit(a, first.assignmentId);
      await store.db.updateTable('items').set({ extra_k: 2, open: 1 }).where('id', '=', first.item.id).execute();
      const tb = (await next(b, id)).json();
      expect(tb.item.id).toBe(first.item.id); // open again, first in serving order
      const tc = (await next(c, id)).json();
      expect(tc.item.id).toBe(first.item.id); // 3 = k + extra_k
      expect((await next(d, id)).json().item.id).not.toBe(first.item.id); // full
      expect((await c.post(`/api/v1/tasks/${tc.assignmentId}/skip`, { reason: 'not sure' })).statusCode).toBe(200);
      const e = w.annotators[36]!;
      expect((await next(e, id)).json().item.id).toBe(first.item.id);
      const item = await store.db.selectFrom('items').select(['active_count', 'open']).where('id', '=', first.item.id).executeTakeFirstOrThrow();
      expect({ active: Number(item.active_count), open: Number(item.open) }).toEqual({ active: 3, open: 0 });
    });

    it('keeps the extra judgment from the avoided vendor and from lower skill until prefer_until, then serves it', async () => {
      // One normal item and four gold ones; at rate 1 the gold comes first while the normal item is eligible.
      const id = await project(
        { overlapK: 1, overlapMode: 'adaptive', goldRate: 1 },
        [{ id: 'the-item', data: { text: 'Ambiguous.' } }, ...Array.from({ length: 4 }, (_, i) => ({ id: `g-${i}`, data: { text: `Checked ${i}.` }, gold: { sentiment: 'neg' } }))],
      );
      const [expert, novice, inHouse, first] = [w.annotators[37]!, w.annotators[39]!, w.annotators[38]!, w.annotators[40]!];
      // The expert (crowd) answers three gold items right: skill (1 + 3) / (2 + 3) = 0.8 on the project.
      for (let i = 0; i < 3; i++) {
        const t = (await next(expert, id)).json();
        await submit(expert, t.assignmentId, 'neg');
      }
      expect((await w.manager.request('PATCH', `/api/v1/projects/${id}`, { goldRate: 0 })).statusCode).toBe(200);
      const t = (await next(first, id)).json(); // in-house, takes the item's one judgment
      await submit(first, t.assignmentId);
      const itemId = t.item.id as string;
      const ask = (extra: number) =>
        store.db
          .updateTable('items')
          .set({ extra_k: extra, open: 1, prefer_until: new Date(clock + 3600_000).toISOString(), avoid_vendor: w.vendors.inHouse, prefer_skill: 0.7 })
          .where('id', '=', itemId)
          .execute();
      await ask(1);
      // In the window: the in-house annotator (avoided vendor) and the crowd novice (skill 0.5 < 0.7) get nothing,
      // not even gold (no normal item is eligible for them).
      for (const c of [inHouse, novice]) expect((await next(c, id)).json().error.details.reason).toBe('none_eligible');
      const te = (await next(expert, id)).json();
      expect(te.item.id).toBe(itemId);
      await submit(expert, te.assignmentId);
      // One more, and the window passes: anyone eligible.
      await ask(2);
      expect((await next(inHouse, id)).statusCode).toBe(409);
      clock += 3600_000 + 1000;
      const ti = (await next(inHouse, id)).json();
      expect(ti.item.id).toBe(itemId);
    });

    it('never gives an item more than k + extra_k live leases while 50 annotators claim at once', async () => {
      const id = await project({ overlapK: 1, overlapMode: 'adaptive' }, buildItems(10, 'burst'));
      await store.db.updateTable('items').set({ extra_k: 2, open: 1 }).where('project_id', '=', id).execute();
      const claims = await Promise.all(w.annotators.map((a) => next(a, id)));
      const ok = claims.filter((c) => c.statusCode === 200);
      expect(ok).toHaveLength(30); // 10 items × (k 1 + extra 2)
      expect(claims.filter((c) => c.statusCode === 409).every((c) => c.json().error.details.reason === 'none_eligible')).toBe(true);
      const perItem = new Map<string, Set<string>>();
      for (const c of ok) {
        const { item, assignmentId } = c.json();
        perItem.set(item.id, (perItem.get(item.id) ?? new Set()).add(assignmentId));
      }
      expect([...perItem.values()].map((s) => s.size)).toEqual(Array(10).fill(3));
      const rows = await store.db.selectFrom('items').select(['active_count', 'open']).where('project_id', '=', id).execute();
      expect(rows.every((r) => Number(r.active_count) === 3 && Number(r.open) === 0)).toBe(true);
    });
  });
});

describe.each(DIALECTS)('the project list on %s', (dialect) => {
  it('shows an annotator production projects only', async () => {
    const { store, close } = await createTestStore(dialect);
    const w = await buildWorld(store, { annotators: 1 });
    try {
      const prod = await buildProject(w, { items: buildItems(1) });
      const q = await w.manager.post('/api/v1/qualifications', { name: 'Q', domain: 'law', schema: labelSchema, passMark: 0.5, attemptSize: 1, cooldownHours: 0 });
      expect(q.statusCode, q.body).toBe(201);
      const mine = (await w.annotators[0]!.get('/api/v1/projects')).json().items.map((p: { id: string }) => p.id);
      expect(mine).toEqual([prod]);
      const all = (await w.manager.get('/api/v1/projects')).json().items.map((p: { id: string; kind: string }) => [p.id, p.kind]);
      expect(all).toHaveLength(2);
      expect(all).toEqual(expect.arrayContaining([[prod, 'production'], [q.json().id, 'qualification']]));
    } finally {
      await w.app.close();
      await close();
    }
  });
});
