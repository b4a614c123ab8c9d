/**
 * Vendor pay terms, scorecards and the head-to-head, through the real API on both dialects.
 * - A small case computed by hand: cost per judgment, per accepted and per *correct* judgment to the cent (with the
 *   interval from the Wilson bounds of the accuracy), throughput and median time; scoping (a vendor manager sees
 *   their own card only, annotators are refused); pay-term validation naming the field.
 * - A simulation through the API (`test/support/vendor-simulation.ts`: annotators claim and submit, the server draws
 *   the hidden gold) with four vendors of known accuracy and price, crowd 0.70 at 5¢ a task, experts 0.92 at $60 an
 *   hour, mixed 0.85 and a second 0.85 at 30¢ a task, each judging the same 200 gold items, over SIM_SEEDS seeds
 *   (default 5): the scorecards order the vendors, their intervals cover the truth, cost per correct label matches
 *   the hand computation to the cent, the head-to-head counts every judgment of the shared gold items (accuracy and
 *   difference equal to the client's own tally), finds 0.70 vs 0.92 significant every time and the two 0.85
 *   vendors no more often than a 5% test allows (the false-positive rate is printed and written to test-results/).
 * - The head-to-head against Newcombe's published examples (unpaired), scipy's paired t on Newcombe's paired table,
 *   and a small case with reviews computed by hand (these write judgments straight into the store, so the hand-made
 *   table is exactly what is scored). The paired bootstrap's error rates under clustering are proven by simulation in
 *   src/quality/stats/paired-cluster-bootstrap.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import { buildProject, buildWorld, type Client, type World } from './factories.js';
import { createSimProject, createVendors, handCost, labelThroughApi, type SimVendor, type SimVendorSpec } from './support/vendor-simulation.js';
import type { Store } from '../src/store/db.js';
import { toJson } from '../src/store/dialect.js';
import { createRng } from '../src/quality/random.js';

const CLASSES = ['a', 'b', 'c', 'd'] as const;
const schema = {
  questions: [{ id: 'label', type: 'label', prompt: 'Which class?', field: 'text', options: CLASSES.map((c) => ({ value: c, label: c.toUpperCase() })) }],
};
const SEEDS = Number(process.env.SIM_SEEDS ?? 5);
const ANNOTATORS = Number(process.env.SIM_ANNOTATORS ?? 2);
const GOLD = 200;
const NORMAL = 40;
const GOLD_RATE = 0.95;
const MONDAY = Date.parse('2026-11-02T09:00:00.000Z');

let counter = 0;
const uid = (p: string) => `${p}_${Date.now().toString(36)}${(counter++).toString(36)}`;

interface Judgment {
  projectId: string;
  itemId: string;
  annotatorId: string;
  vendorId: string;
  answer: string;
  timeMs: number;
  at: number;
  /** 1/0 for a gold item, null for a normal one. */
  correct: number | null;
}

/** Writes judgments as a submit would leave them: assignment, annotation and (for gold) score, in batches. */
async function writeJudgments(store: Store, js: Judgment[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < js.length; i += 200) {
    const batch = js.slice(i, i + 200).map((j) => ({ j, asg: uid('asg'), ann: uid('ann'), at: new Date(j.at).toISOString() }));
    await store.db
      .insertInto('assignments')
      .values(batch.map((b) => ({ id: b.asg, project_id: b.j.projectId, item_id: b.j.itemId, annotator_id: b.j.annotatorId, status: 'submitted', lease_expires_at: b.at, skip_reason: null, created_at: b.at, completed_at: b.at })))
      .execute();
    await store.db
      .insertInto('annotations')
      .values(
        batch.map((b) => ({
          id: b.ann,
          project_id: b.j.projectId,
          item_id: b.j.itemId,
          assignment_id: b.asg,
          annotator_id: b.j.annotatorId,
          vendor_id: b.j.vendorId,
          answers: toJson({ label: b.j.answer }),
          schema_version: 1,
          guideline_version: 1,
          time_spent_ms: b.j.timeMs,
          client_signals: toJson({}),
          idempotency_key: null,
          created_at: b.at,
        })),
      )
      .execute();
    const gold = batch.filter((b) => b.j.correct !== null);
    if (gold.length > 0) {
      await store.db
        .insertInto('gold_scores')
        .values(gold.map((b) => ({ annotation_id: b.ann, project_id: b.j.projectId, item_id: b.j.itemId, annotator_id: b.j.annotatorId, vendor_id: b.j.vendorId, correct: b.j.correct!, questions_scored: 1, questions_correct: b.j.correct!, created_at: b.at })))
        .execute();
    }
    ids.push(...batch.map((b) => b.ann));
  }
  return ids;
}

async function makeVendor(w: World, name: string, kind: string, terms: { payModel: string; payRateMinor: number; currency: string }): Promise<string> {
  const res = await w.admin.post('/api/v1/vendors', { name: `${name} ${uid('v')}`, kind });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const patch = await w.admin.request('PATCH', `/api/v1/vendors/${id}`, terms);
  expect(patch.statusCode, patch.body).toBe(200);
  return id;
}

/** A project on these vendors with gold items g0.. (truth = a fixed class each) and normal items n0.., item ids by external id. */
async function goldProject(w: World, store: Store, vendorIds: string[], gold: number, normal: number) {
  const truth = (i: number) => CLASSES[i % CLASSES.length]!;
  const rows = [
    ...Array.from({ length: gold }, (_, i) => ({ id: `g${i}`, data: { text: `gold ${i}` }, gold: { label: truth(i) } })),
    ...Array.from({ length: normal }, (_, i) => ({ id: `n${i}`, data: { text: `normal ${i}` } })),
  ];
  const projectId = await buildProject(w, { schema, items: rows, overlapK: vendorIds.length, settings: { goldRate: 0.5 } });
  const patch = await w.manager.request('PATCH', `/api/v1/projects/${projectId}`, { vendors: vendorIds.map((vendorId) => ({ vendorId, enabled: true })) });
  expect(patch.statusCode, patch.body).toBe(200);
  const items = await store.db.selectFrom('items').select(['id', 'external_id']).where('project_id', '=', projectId).execute();
  const byExt = new Map(items.map((i) => [i.external_id!, i.id]));
  return { projectId, item: (ext: string) => byExt.get(ext)!, truth };
}

/** The smallest x with P(X ≤ x) ≥ q for X ~ Binomial(n, p). */
function binomialQuantile(n: number, p: number, q: number): number {
  let pmf = (1 - p) ** n;
  let cdf = 0;
  for (let x = 0; x < n; x++) {
    cdf += pmf;
    if (cdf >= q) return x;
    pmf *= ((n - x) / (x + 1)) * (p / (1 - p));
  }
  return n;
}

const wrong = (label: string, r: number) => CLASSES.filter((c) => c !== label)[Math.floor(r * 3)]!;

describe.each(DIALECTS)('vendor scorecards on %s', (dialect) => {
  let store: Store;
  let w: World;
  worldPerSuite(dialect, { annotators: 0 }, (s, world) => {
    store = s;
    w = world;
  });

  describe('pay terms', () => {
    it('are set by an admin with PATCH /vendors/{id}, shown in the vendor view, and validated by field', async () => {
      const res = await w.admin.post('/api/v1/vendors', { name: `Terms ${uid('v')}`, kind: 'crowd' });
      const id = res.json().id as string;
      expect(res.json().payTerms).toBeNull();
      const bad = async (body: object, field: string) => {
        const r = await w.admin.request('PATCH', `/api/v1/vendors/${id}`, body);
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json().error.field).toBe(field);
      };
      await bad({ payModel: 'per_task', payRateMinor: 1.5, currency: 'USD' }, 'payRateMinor');
      await bad({ payModel: 'per_task', payRateMinor: -1, currency: 'USD' }, 'payRateMinor');
      await bad({ payModel: 'per_task', payRateMinor: 10, currency: 'usd' }, 'currency');
      await bad({ payModel: 'per_minute', payRateMinor: 10, currency: 'USD' }, 'payModel');
      await bad({ payModel: 'per_task' }, 'payRateMinor');
      await bad({ payRateMinor: 10, currency: 'USD' }, 'payModel');
      expect((await w.admin.get(`/api/v1/vendors/${id}`)).json().payTerms).toBeNull(); // nothing half-written
      const ok = await w.admin.request('PATCH', `/api/v1/vendors/${id}`, { payModel: 'per_hour', payRateMinor: 4500, currency: 'EUR' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().payTerms).toEqual({ model: 'per_hour', rateMinor: 4500, currency: 'EUR' });
      const listed = (await w.manager.get('/api/v1/vendors?limit=500')).json().items.find((v: { id: string }) => v.id === id);
      expect(listed.payTerms).toEqual({ model: 'per_hour', rateMinor: 4500, currency: 'EUR' });
      // Changing one part keeps the others; clearing takes all three.
      expect((await w.admin.request('PATCH', `/api/v1/vendors/${id}`, { payRateMinor: 5000 })).json().payTerms.rateMinor).toBe(5000);
      await bad({ currency: null }, 'currency');
      const cleared = await w.admin.request('PATCH', `/api/v1/vendors/${id}`, { payModel: null, payRateMinor: null, currency: null });
      expect(cleared.json().payTerms).toBeNull();
      expect((await w.manager.request('PATCH', `/api/v1/vendors/${id}`, { name: 'x' })).statusCode).toBe(403);
    });
  });

  describe('a case computed by hand', () => {
    let projectId: string;
    let hourly: string;
    let perTask: string;
    let hourlyManager: Client;
    let annotator: Client;

    it('prices judgments per hour and per task, exactly (fractional minor units)', async () => {
      hourly = await makeVendor(w, 'Hourly', 'expert_network', { payModel: 'per_hour', payRateMinor: 4999, currency: 'USD' });
      perTask = await makeVendor(w, 'PerTask', 'crowd', { payModel: 'per_task', payRateMinor: 12, currency: 'EUR' });
      const p = await goldProject(w, store, [hourly, perTask], 3, 0);
      projectId = p.projectId;
      const h = await w.addUser('annotator', hourly);
      annotator = h;
      const t1 = await w.addUser('annotator', perTask);
      const t2 = await w.addUser('annotator', perTask);
      hourlyManager = await w.addUser('vendor_manager', hourly);
      const j = (who: Client, vendorId: string, i: number, correct: boolean, timeMs: number, at: number): Judgment => ({
        projectId,
        itemId: p.item(`g${i}`),
        annotatorId: who.user.id,
        vendorId,
        answer: correct ? p.truth(i) : wrong(p.truth(i), 0),
        timeMs,
        at,
        correct: correct ? 1 : 0,
      });
      const week2 = MONDAY + 7 * 86_400_000;
      const [hA, hB, hC] = await writeJudgments(store, [
        j(h, hourly, 0, true, 30_000, MONDAY),
        j(h, hourly, 1, false, 40_000, MONDAY + 60_000),
        j(h, hourly, 2, true, 50_000, week2),
        j(t1, perTask, 0, true, 10_000, MONDAY),
        j(t1, perTask, 1, true, 10_000, MONDAY),
        j(t1, perTask, 2, false, 10_000, MONDAY),
        j(t2, perTask, 0, true, 20_000, MONDAY),
      ]);
      const review = (annotationId: string, outcome: string, reason: string | null) => ({
        id: uid('rev'),
        project_id: projectId,
        annotation_id: annotationId,
        annotator_id: h.user.id,
        reviewer_id: w.reviewer.user.id,
        status: 'decided',
        lease_expires_at: new Date(MONDAY).toISOString(),
        triggers: 'sample',
        outcome,
        reason,
        correction_annotation_id: null,
        created_at: new Date(MONDAY).toISOString(),
        decided_at: new Date(MONDAY).toISOString(),
      });
      // The reviewer corrects the third: the correction is an annotation (here even stamped with the vendor), not a paid judgment.
      const [fix] = await writeJudgments(store, [{ ...j(h, hourly, 2, true, 99_000, week2), annotatorId: w.reviewer.user.id, correct: null }]);
      await store.db
        .insertInto('reviews')
        .values([review(hA!, 'accept', null), review(hB!, 'reject', 'off guideline'), { ...review(hC!, 'correct', null), correction_annotation_id: fix! }])
        .execute();

      const res = await w.manager.get(`/api/v1/projects/${projectId}/vendors/scorecards`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const card = (id: string) => body.vendors.find((v: { vendorId: string }) => v.vendorId === id);
      const H = card(hourly);
      const T = card(perTask);
      // Hourly: 3 judgments, 30 + 40 + 50 s = 120 s at 4999/h: total 4999·120/3600 = 166.633…, per judgment 55.544…
      expect(H.gold).toMatchObject({ n: 3, k: 2 });
      expect(H.smallSample).toBe(true);
      expect(H.throughput.judgments).toBe(3);
      expect(H.throughput.perActiveHour).toBeCloseTo(90, 9); // 3 judgments in 1/30 h
      expect(H.throughput.medianTimeMs).toBe(40_000);
      // Costs stay exact (fractional minor units): nothing is rounded until it is written.
      expect(H.cost).toMatchObject({ currency: 'USD', payModel: 'per_hour' });
      expect(H.cost.total).toBeCloseTo(166.633333, 5);
      expect(H.cost.perJudgment).toBeCloseTo(55.544444, 5);
      // Per correct: 55.544… / (2/3) = 83.3167. Wilson 95% for 2/3: [0.207659, 0.938507] → 59.1838 and 267.4783.
      expect(H.cost.perCorrectJudgment.estimate).toBeCloseTo(83.316667, 5);
      expect(H.cost.perCorrectJudgment.lower).toBeCloseTo(59.183770, 5);
      expect(H.cost.perCorrectJudgment.upper).toBeCloseTo(267.478336, 5);
      // Review: 1 accepted of 3 decided; per accepted = 55.544 / (1/3) = 166.633.
      expect(H.review).toMatchObject({ decided: 3, accepted: 1, rejected: 1, corrected: 1, rejectionReasons: [{ reason: 'off guideline', n: 1 }] });
      expect(H.cost.perAcceptedJudgment.estimate).toBeCloseTo(166.633333, 5);
      expect(H.trend.map((t: { weekStart: string; n: number; correct: number }) => [t.weekStart, t.n, t.correct])).toEqual([
        ['2026-11-02T00:00:00.000Z', 2, 1],
        ['2026-11-09T00:00:00.000Z', 1, 1],
      ]);
      // Per task: 12 a judgment, 3 of 4 correct: 12 / 0.75 = 16; Wilson 95% for 3/4: [0.300643, 0.954411] → 12.5732, 39.9146.
      expect(T.gold).toMatchObject({ n: 4, k: 3 });
      expect(T.cost).toMatchObject({ currency: 'EUR', payModel: 'per_task', total: 48, perJudgment: 12 });
      expect(T.cost.perCorrectJudgment.estimate).toBeCloseTo(16, 9);
      expect(T.cost.perCorrectJudgment.lower).toBeCloseTo(12.573177, 5);
      expect(T.cost.perCorrectJudgment.upper).toBeCloseTo(39.914604, 5);
      expect(T.cost.perAcceptedJudgment).toEqual({ estimate: null, lower: null, upper: null }); // nothing reviewed
      // Two currencies: no project-wide cost; the rest is pooled.
      expect(body.overall.cost).toBeNull();
      expect(body.overall.gold).toMatchObject({ n: 7, k: 5 });
      expect(body.overall.throughput.judgments).toBe(7);

      const people = await w.manager.get(`/api/v1/projects/${projectId}/vendors/${perTask}/annotators`);
      expect(people.statusCode, people.body).toBe(200);
      const byId = new Map(people.json().annotators.map((a: { annotatorId: string }) => [a.annotatorId, a]));
      expect(byId.get(t1.user.id)).toMatchObject({ gold: { n: 3, k: 2 }, cost: { perJudgment: 12, perCorrectJudgment: { estimate: 18 } } });
      expect(byId.get(t2.user.id)).toMatchObject({ gold: { n: 1, k: 1 }, cost: { perCorrectJudgment: { estimate: 12 } } });
    });

    it("shows a vendor manager their own vendor only, and refuses annotators", async () => {
      const mine = await hourlyManager.get(`/api/v1/projects/${projectId}/vendors/scorecards`);
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json().vendors.map((v: { vendorId: string }) => v.vendorId)).toEqual([hourly]);
      expect(mine.json().overall).toBeNull();
      expect(JSON.stringify(mine.json())).not.toContain(perTask);
      expect((await hourlyManager.get(`/api/v1/projects/${projectId}/vendors/${hourly}/annotators`)).statusCode).toBe(200);
      const other = await hourlyManager.get(`/api/v1/projects/${projectId}/vendors/${perTask}/annotators`);
      expect(other.statusCode).toBe(404);
      expect(other.json()).toEqual((await hourlyManager.get(`/api/v1/projects/${projectId}/vendors/nonexistent0000/annotators`)).json());
      expect((await hourlyManager.get(`/api/v1/projects/${projectId}/vendors/head-to-head?a=${hourly}&b=${perTask}`)).statusCode).toBe(403);
      expect((await annotator.get(`/api/v1/projects/${projectId}/vendors/scorecards`)).statusCode).toBe(403);
      expect((await annotator.get(`/api/v1/projects/${projectId}/vendors/${hourly}/annotators`)).statusCode).toBe(403);
      const missing = await w.manager.get(`/api/v1/projects/${projectId}/vendors/head-to-head?a=${hourly}`);
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.field).toBe('b');
      const same = await w.manager.get(`/api/v1/projects/${projectId}/vendors/head-to-head?a=${hourly}&b=${hourly}`);
      expect(same.json().error.field).toBe('b');
      const h2h = await w.manager.get(`/api/v1/projects/${projectId}/vendors/head-to-head?a=${hourly}&b=${perTask}`);
      expect(h2h.statusCode, h2h.body).toBe(200);
      // Paired on g0..g2 with every judgment: hourly (1, 0, 1) by one annotator; per-task g0 (1, 1) by two, g1 1, g2 0.
      // Accuracy 2/3 and 3/4, difference −1/12. Linearised SE by hand: n̄ = 1 and 4/3, residuals
      // eᵢ = (kᴬ − ⅔nᴬ) − (kᴮ − ¾nᴮ)·¾: g0 ⅓ − 0.375, g1 −⅔ − 0.1875, g2 ⅓ + 0.5625; SE = √(Σe² / (3·2)).
      const e = [1 / 3 - 0.375, -2 / 3 - 0.1875, 1 / 3 + 0.5625];
      const se = Math.sqrt(e.reduce((x, y) => x + y * y, 0) / 6);
      const paired = h2h.json().paired;
      expect(paired).toMatchObject({ items: 3, judgmentsA: 3, judgmentsB: 4, annotatorsA: 1, annotatorsB: 2, smallSample: true });
      expect(paired.accuracyA).toBeCloseTo(2 / 3, 12);
      expect(paired.accuracyB).toBeCloseTo(0.75, 12);
      expect(paired.difference).toBeCloseTo(-1 / 12, 12);
      expect(paired.statistic).toBeCloseTo(-1 / 12 / se, 9);
      // Three items cannot show a difference of a twelfth: the interval spans 0 and p is large.
      expect(paired.lower).toBeLessThan(0);
      expect(paired.upper).toBeGreaterThan(0);
      expect(paired.pValue).toBeGreaterThan(0.2);
      expect(paired.method.test).toMatch(/bootstrap/);
      expect(h2h.json().independent).toMatchObject({ nA: 3, correctA: 2, nB: 4, correctB: 3, smallSample: true });
    });
  });

  describe("the head-to-head against Newcombe's published examples", () => {
    it("gives scipy's paired t on Newcombe (1998b) Table III (20, 12, 2, 16) and reproduces Newcombe (1998) Table II 56/70 − 48/80 independent", async () => {
      const terms = { payModel: 'per_task', payRateMinor: 10, currency: 'USD' };
      const a = await makeVendor(w, 'Newcombe A', 'crowd', terms);
      const b = await makeVendor(w, 'Newcombe B', 'crowd', terms);
      const [ua, ub] = [await w.addUser('annotator', a), await w.addUser('annotator', b)];
      const judge = (projectId: string, item: (ext: string) => string, truth: (i: number) => string, who: Client, vendorId: string, i: number, right: boolean): Judgment => ({
        projectId,
        itemId: item(`g${i}`),
        annotatorId: who.user.id,
        vendorId,
        answer: right ? truth(i) : wrong(truth(i), 0),
        timeMs: 1000,
        at: MONDAY + i * 60_000,
        correct: right ? 1 : 0,
      });
      // Paired: 50 items; both right on 20, only a on 12, only b on 2, neither on 16.
      const p1 = await goldProject(w, store, [a, b], 50, 0);
      const cell = (i: number): [boolean, boolean] => (i < 20 ? [true, true] : i < 32 ? [true, false] : i < 34 ? [false, true] : [false, false]);
      await writeJudgments(
        store,
        Array.from({ length: 50 }, (_, i) => [judge(p1.projectId, p1.item, p1.truth, ua, a, i, cell(i)[0]), judge(p1.projectId, p1.item, p1.truth, ub, b, i, cell(i)[1])]).flat(),
      );
      const r1 = (await w.admin.get(`/api/v1/projects/${p1.projectId}/vendors/head-to-head?a=${a}&b=${b}`)).json();
      expect(r1.paired).toMatchObject({ items: 50, judgmentsA: 50, judgmentsB: 50, accuracyA: 0.64, accuracyB: 0.44, smallSample: false });
      expect(r1.paired.difference).toBeCloseTo(0.2, 12);
      // One judgment a side: the item differences are 0 (36), +1 (12), −1 (2); SE = √(12 / (50·49)), t = 2.857738.
      // scipy: t.ppf(0.975, 49) = 2.009575 → 0.2 ± 0.14064; 2·t.sf(2.857738, 49) = 0.00625. The bootstrap-t
      // approximates that t distribution from 1,999 resamples of a discrete sample: within its Monte Carlo error.
      expect(r1.paired.statistic).toBeCloseTo(2.857738, 5);
      expect(Math.abs(r1.paired.lower - (0.2 - 0.14064))).toBeLessThan(0.02);
      expect(Math.abs(r1.paired.upper - (0.2 + 0.14064))).toBeLessThan(0.02);
      expect(r1.paired.pValue).toBeGreaterThan(0.002);
      expect(r1.paired.pValue).toBeLessThan(0.015);
      // Independent: a judges 70 items (56 right), b 80 (48 right).
      const p2 = await goldProject(w, store, [a, b], 80, 0);
      await writeJudgments(store, [
        ...Array.from({ length: 70 }, (_, i) => judge(p2.projectId, p2.item, p2.truth, ua, a, i, i < 56)),
        ...Array.from({ length: 80 }, (_, i) => judge(p2.projectId, p2.item, p2.truth, ub, b, i, i < 48)),
      ]);
      const r2 = (await w.admin.get(`/api/v1/projects/${p2.projectId}/vendors/head-to-head?a=${a}&b=${b}`)).json();
      expect(r2.independent).toMatchObject({ nA: 70, correctA: 56, nB: 80, correctB: 48, smallSample: false });
      expect(r2.independent.lower).toBeCloseTo(0.0524, 4);
      expect(r2.independent.upper).toBeCloseTo(0.3339, 4);
      expect(r2.independent.statistic).toBeCloseTo(2.6502, 4);
    });
  });

  describe('a simulation through the API of vendors of known quality and price', () => {
    const TRUTH = { crowd: 0.7, experts: 0.92, mixed: 0.85, mixed2: 0.85 } as const;
    type Name = keyof typeof TRUTH;
    const NAMES = Object.keys(TRUTH) as Name[];
    const SPECS: Record<Name, SimVendorSpec> = {
      crowd: { name: 'Crowd workers', kind: 'crowd', accuracy: TRUTH.crowd, terms: { payModel: 'per_task', payRateMinor: 5, currency: 'USD' }, seconds: 20, annotators: ANNOTATORS },
      experts: { name: 'Experts', kind: 'expert_network', accuracy: TRUTH.experts, terms: { payModel: 'per_hour', payRateMinor: 6000, currency: 'USD' }, seconds: 45, annotators: ANNOTATORS },
      mixed: { name: 'Mixed', kind: 'crowd', accuracy: TRUTH.mixed, terms: { payModel: 'per_task', payRateMinor: 30, currency: 'USD' }, seconds: 30, annotators: ANNOTATORS },
      mixed2: { name: 'Mixed 2', kind: 'crowd', accuracy: TRUTH.mixed2, terms: { payModel: 'per_task', payRateMinor: 30, currency: 'USD' }, seconds: 30, annotators: ANNOTATORS },
    };
    // The suite's world has a real clock and the CSPRNG; this one a test clock and a seeded gold draw, reseeded per seed.
    let sim: World;
    let clock = MONDAY;
    let serverRng = createRng(0);
    let vendor: Record<Name, SimVendor>;
    beforeAll(async () => {
      sim = await buildWorld(store, { annotators: 0, deps: { now: () => new Date(clock), random: () => serverRng.next() } });
      const made = await createVendors(sim, NAMES.map((n) => SPECS[n]));
      vendor = Object.fromEntries(NAMES.map((n, i) => [n, made[i]!])) as Record<Name, SimVendor>;
    });
    afterAll(async () => {
      await sim?.app.close();
    });

    it(`orders the vendors, covers the truth, prices them by hand and tests the difference over ${SEEDS} seeds`, async () => {
      const started = performance.now();
      let covered = 0;
      let intervals = 0;
      let ordered = 0;
      let powerHits = 0;
      let falsePositives = 0;
      let falsePositivesIndependent = 0;
      let judgments = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        serverRng = createRng(20_261_100 + seed);
        const all = NAMES.map((n) => vendor[n]);
        const p = await createSimProject(sim, all, { gold: GOLD, normal: NORMAL, goldRate: GOLD_RATE, seed });
        const tallies = await labelThroughApi(p, all, seed, () => {
          clock += 30_000;
        });
        const tally = (n: Name) => tallies.get(vendor[n].vendorId)!;
        for (const n of NAMES) {
          // Every annotator met every gold item once (and every normal item: overlap k is everyone).
          for (const t of tally(n).byAnnotator.values()) expect([t.goldN, t.judgments]).toEqual([GOLD, GOLD + NORMAL]);
          judgments += tally(n).judgments;
        }

        const res = await sim.manager.get(`/api/v1/projects/${p.projectId}/vendors/scorecards`);
        expect(res.statusCode, res.body).toBe(200);
        const cards = new Map<Name, any>(NAMES.map((n) => [n, res.json().vendors.find((v: { vendorId: string }) => v.vendorId === vendor[n].vendorId)])); // eslint-disable-line @typescript-eslint/no-explicit-any
        for (const n of NAMES) {
          const c = cards.get(n);
          const t = tally(n);
          expect(c.gold).toMatchObject({ n: t.goldN, k: t.goldCorrect });
          expect(c.smallSample).toBe(false);
          expect(c.throughput.judgments).toBe(t.judgments);
          intervals++;
          if (c.gold.lower <= TRUTH[n] && TRUTH[n] <= c.gold.upper) covered++;
          // Cost per judgment and per correct judgment by hand, in exact minor units, never rounded.
          const cost = handCost(SPECS[n].terms, t);
          expect(c.cost.perJudgment).toBeCloseTo(cost.perJudgment, 9);
          expect(c.cost.perCorrectJudgment.estimate).toBeCloseTo(cost.perCorrect, 9);
          expect(c.cost.perCorrectJudgment.lower).toBeLessThanOrEqual(c.cost.perCorrectJudgment.estimate);
          expect(c.cost.perCorrectJudgment.upper).toBeGreaterThanOrEqual(c.cost.perCorrectJudgment.estimate);
          expect(c.trend.reduce((s: number, w: { n: number }) => s + w.n, 0)).toBe(t.goldN);
          // Agreement with the consensus on the normal items (every annotator judged each), alpha over all items.
          if (ANNOTATORS >= 2) {
            expect(c.agreement.n).toBe(ANNOTATORS * NORMAL);
            expect(c.alpha.units).toBe(GOLD + NORMAL);
            expect(c.alpha.alpha).toBeGreaterThan(0);
          }
        }
        const acc = (n: Name) => tally(n).goldCorrect / tally(n).goldN;
        if (acc('crowd') < acc('mixed') && acc('mixed') < acc('experts') && acc('crowd') < acc('mixed2') && acc('mixed2') < acc('experts')) ordered++;
        // At these prices (5¢ a task, $60 an hour at ~45 s, 30¢ a task) the crowd is cheapest per correct label, experts dearest.
        const perCorrect = (n: Name) => cards.get(n).cost.perCorrectJudgment.estimate as number;
        expect(perCorrect('crowd')).toBeLessThan(perCorrect('mixed'));
        expect(perCorrect('mixed')).toBeLessThan(perCorrect('experts'));
        expect(perCorrect('mixed2')).toBeLessThan(perCorrect('experts'));

        const h2h = async (a: Name, b: Name) => {
          const r = await sim.manager.get(`/api/v1/projects/${p.projectId}/vendors/head-to-head?a=${vendor[a].vendorId}&b=${vendor[b].vendorId}`);
          expect(r.statusCode, r.body).toBe(200);
          const body = r.json();
          expect(body.paired.items).toBe(GOLD);
          expect(body.paired.smallSample).toBe(false);
          expect(body.independent).toMatchObject({ nA: tally(a).goldN, correctA: tally(a).goldCorrect, nB: tally(b).goldN, correctB: tally(b).goldCorrect });
          // Every annotator judged every gold item, so every gold judgment is on a shared item and is counted.
          expect(body.paired).toMatchObject({ judgmentsA: tally(a).goldN, judgmentsB: tally(b).goldN, annotatorsA: ANNOTATORS, annotatorsB: ANNOTATORS });
          expect(body.paired.accuracyA).toBeCloseTo(tally(a).goldCorrect / tally(a).goldN, 12);
          expect(body.paired.difference).toBeCloseTo(tally(a).goldCorrect / tally(a).goldN - tally(b).goldCorrect / tally(b).goldN, 12);
          return body;
        };
        const strong = await h2h('crowd', 'experts');
        expect(strong.paired.method.test).toMatch(/bootstrap/);
        expect(strong.independent.method.interval).toMatch(/Newcombe/);
        if (strong.paired.pValue < 0.05 && strong.paired.upper < 0 && strong.independent.pValue < 0.05) powerHits++;
        const equal = await h2h('mixed', 'mixed2');
        if (equal.paired.pValue < 0.05) falsePositives++;
        if (equal.independent.pValue < 0.05) falsePositivesIndependent++;
        expect(equal.paired.lower).toBeLessThanOrEqual(equal.paired.difference);
        expect(equal.paired.upper).toBeGreaterThanOrEqual(equal.paired.difference);
      }
      // False positives of a 5% test over SEEDS independent seeds are at most Binomial(SEEDS, 0.05); allow up to its
      // 99.7% quantile, so an honest test fails this less than 0.3% of the time (a conservative test, less still).
      const allowedFalsePositives = binomialQuantile(SEEDS, 0.05, 0.997);
      const figures = {
        dialect,
        seeds: SEEDS,
        annotatorsPerVendor: ANNOTATORS,
        goldPerVendor: GOLD,
        goldJudgmentsPerVendor: GOLD * ANNOTATORS,
        judgments,
        coverage: covered / intervals,
        ordered: ordered / SEEDS,
        power070vs092: powerHits / SEEDS,
        falsePositiveRatePaired: falsePositives / SEEDS,
        falsePositiveRateIndependent: falsePositivesIndependent / SEEDS,
        allowedFalsePositives,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      };
      console.log('scorecard simulation', JSON.stringify(figures));
      mkdirSync('test-results', { recursive: true });
      writeFileSync(`test-results/scorecards-${dialect}.json`, JSON.stringify(figures, null, 2));
      expect(powerHits).toBe(SEEDS);
      expect(covered / intervals).toBeGreaterThanOrEqual(0.85);
      expect(ordered).toBeGreaterThanOrEqual(SEEDS * 0.8);
      expect(falsePositives).toBeLessThanOrEqual(allowedFalsePositives);
      expect(falsePositivesIndependent).toBeLessThanOrEqual(allowedFalsePositives);
    }, 300_000);
  });
});
