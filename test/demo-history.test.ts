/**
 * The first-run demo's history, through the real HTTP API on both databases: after `seedDemo` every figure a manager
 * opens on first sign-in has data (annotator accuracy with n, agreement, calibration on 80+ gold items, throughput over
 * several past days, the quality report), the careless annotator is paused by the gate and their work flagged by the
 * signals, reviews are decided and more are pending for the demo reviewer, each vendor's scorecard has gold accuracy
 * with n and a cost per correct label, and the demo annotators still find work.
 *
 * The independent check: the planted accuracies come back. Each vendor's expected gold accuracy is computed here from
 * what was planted (each annotator's planted accuracy, weighted by the gold items the run itself counted for them; the
 * straight-liner's is the share of gold items whose answer is "positive" and "about the same"), and must lie within the
 * scorecard's Wilson 95% interval; and the vendors' point estimates come out in the planted order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildApp } from '../src/api/app.js';
import { makeDeps } from '../src/services/deps.js';
import { DEMO_GENERATED_ITEMS, DEMO_GOLD_ITEMS, DEMO_SEED, seedDemo, type DemoSeed } from '../src/services/demo/seed-demo.js';
import { DEMO_ITEMS } from '../src/services/demo/demo-items.js';
import { generateDemoItems } from '../src/services/demo/demo-templates.js';

interface Proportion {
  n: number;
  k: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}

/** Every gold answer of the demo, as planted. */
const GOLD = [...generateDemoItems(DEMO_GENERATED_ITEMS, DEMO_GOLD_ITEMS, DEMO_SEED).flatMap((g) => (g.item.gold ? [g.item.gold] : [])), ...DEMO_ITEMS.flatMap((i) => (i.gold ? [i.gold] : []))];
const STRAIGHT_LINER_HIT = GOLD.filter((g) => g.sentiment === 'positive' && g.preference === 0).length / GOLD.length;

describe.each(DIALECTS)('the demo history on %s', (dialect) => {
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let demo: DemoSeed;
  let seedMs = 0;
  const cookies = new Map<string, string>();

  const as = async (email: string) => {
    const known = cookies.get(email);
    if (known) return known;
    const password = demo.users.find((u) => u.email === email)!.password;
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = [res.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]).join('; ');
    cookies.set(email, cookie);
    return cookie;
  };
  const get = async <T = Record<string, unknown>>(email: string, url: string): Promise<T> => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: await as(email) } });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json() as T;
  };
  const manager = 'manager@demo.assay';
  const p = () => `/api/v1/projects/${demo.projectId}`;

  beforeAll(async () => {
    let store;
    ({ store, close } = await createTestStore(dialect));
    const deps = makeDeps(store, { secret: 'demo-history-secret-0123456789' });
    const t0 = performance.now();
    demo = await seedDemo(deps);
    seedMs = performance.now() - t0;
    app = await buildApp({ deps });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it('is labeled mostly, over several past days, with work left for the people who sign in', async () => {
    process.stdout.write(`demo seeded on ${dialect} in ${Math.round(seedMs)} ms\n`);
    const progress = await get<{ totalItems: number; judgments: number; judgmentsPlanned: number; judgmentsNeeded: number; goldItems: number }>(manager, `${p()}/progress`);
    expect(progress.judgments).toBe(demo.history.judgments);
    expect(progress.judgments / progress.judgmentsPlanned).toBeGreaterThan(0.5);
    expect(progress.judgmentsNeeded).toBeGreaterThan(150);
    expect(progress.goldItems).toBe(GOLD.length);
    const throughput = await get<{ buckets: { judgments: number }[] }>(manager, `${p()}/throughput?bucket=day`);
    expect(throughput.buckets.filter((b) => b.judgments > 0).length).toBeGreaterThanOrEqual(4);

    for (const n of [1, 2, 3]) {
      const email = `annotator${n}@demo.assay`;
      const res = await app.inject({ method: 'POST', url: `${p()}/tasks/next`, headers: { cookie: await as(email) } });
      expect(res.statusCode, `${email}: ${res.body}`).toBe(200);
    }
  });

  it('shows annotators with gold accuracy and n, agreement, and calibration on 80 or more gold items', async () => {
    const acc = await get<{ items: { name: string; n: number; accuracy: { rate: number }; status: string; agreement: unknown }[] }>(manager, `${p()}/quality/annotators`);
    const simulated = new Set(demo.planted.map((x) => x.name));
    expect(acc.items.filter((a) => simulated.has(a.name)).length).toBe(demo.planted.length);
    for (const a of acc.items) expect(a.n).toBeGreaterThan(0);
    expect(acc.items.filter((a) => a.agreement !== null).length).toBeGreaterThan(5);

    const agreement = await get<{ overall: { alpha: number | null } }>(manager, `${p()}/quality/agreement?bucket=day`);
    expect(agreement.overall.alpha).not.toBeNull();
    const calibration = await get<{ basis: { kind: string; nGold: number }; n: number; bins: { n: number }[] }>(manager, `${p()}/quality/calibration`);
    expect(calibration.basis.kind).toBe('calibrated');
    expect(calibration.n).toBeGreaterThanOrEqual(80);
  });

  it('has exactly the careless annotator paused by the gate, and their annotations flagged by the signals', async () => {
    const careless = demo.planted.filter((x) => x.behaviour !== 'honest');
    expect(careless).toHaveLength(1);
    const gates = await get<{ paused: { annotatorId: string; reason: string }[]; events: unknown[] }>(manager, `${p()}/quality/gates`);
    expect(gates.paused.map((x) => x.annotatorId)).toEqual([careless[0]!.userId]);
    expect(gates.events.length).toBeGreaterThan(0);

    const signals = await get<{ annotators: { annotatorId: string; flagged: number; byKind: Record<string, number> }[] }>(manager, `${p()}/quality/signals?limit=10`);
    const theirs = signals.annotators.find((a) => a.annotatorId === careless[0]!.userId)!;
    expect(theirs.flagged).toBeGreaterThan(10);
    expect(theirs.byKind.straight_lining).toBeGreaterThan(0);
    expect(theirs.byKind.too_fast).toBeGreaterThan(0);
  });

  it('has reviews accepted, rejected with reasons and corrected, and a queue left for the demo reviewer', async () => {
    const decided = await get<{ items: { outcome: string; reason: string | null }[] }>(manager, `${p()}/reviews?status=decided&limit=200`);
    const outcomes = decided.items.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'accept').length).toBe(demo.history.reviews.accepted);
    expect(outcomes.filter((o) => o === 'reject').length).toBe(demo.history.reviews.rejected);
    expect(demo.history.reviews.rejected).toBeGreaterThan(3);
    for (const r of decided.items.filter((x) => x.outcome === 'reject')) expect(r.reason?.length).toBeGreaterThan(10);
    expect(demo.history.flags).toBeGreaterThan(0);

    const queues = await get<{ projects: { projectId: string; left: number; policyOn: boolean }[] }>('reviewer@demo.assay', '/api/v1/me/review-queues');
    const q = queues.projects.find((x) => x.projectId === demo.projectId)!;
    expect(q.policyOn).toBe(true);
    expect(q.left).toBeGreaterThan(10);
  });

  it("gives every vendor a scorecard with gold accuracy and n and a cost per correct label, and recovers the planted accuracies", async () => {
    const cards = await get<{ vendors: { vendorId: string; name: string; gold: Proportion; cost: { perCorrectJudgment: unknown } | null }[] }>(manager, `${p()}/vendors/scorecards`);
    expect(cards.vendors).toHaveLength(demo.vendors.length);
    const tally = demo.history.byAnnotator;
    for (const v of demo.vendors) {
      const card = cards.vendors.find((c) => c.vendorId === v.id)!;
      expect(card.gold.n, v.name).toBeGreaterThanOrEqual(15);
      expect(card.cost?.perCorrectJudgment, v.name).toBeTruthy();
      // The planted expectation, weighted by each annotator's own gold count (the demo annotators have none yet).
      const mine = demo.planted.filter((x) => x.vendor === v.name);
      const n = mine.reduce((s, x) => s + tally.get(x.userId)!.goldN, 0);
      const expected = mine.reduce((s, x) => s + tally.get(x.userId)!.goldN * (x.behaviour === 'honest' ? x.accuracy : STRAIGHT_LINER_HIT), 0) / n;
      expect(card.gold.n, v.name).toBe(n);
      expect(expected, `${v.name}: planted ${expected.toFixed(3)} within [${card.gold.lower}, ${card.gold.upper}]`).toBeGreaterThanOrEqual(card.gold.lower!);
      expect(expected).toBeLessThanOrEqual(card.gold.upper!);
    }
    const byPlanted = [...demo.vendors].sort((a, b) => b.accuracy - a.accuracy).map((v) => v.id);
    const byMeasured = [...cards.vendors].sort((a, b) => b.gold.rate! - a.gold.rate!).map((v) => v.vendorId);
    expect(byMeasured).toEqual(byPlanted);

    const h2h = await get<{ paired: { items: number } }>(manager, `${p()}/vendors/head-to-head?a=${demo.vendors[0]!.id}&b=${demo.vendors[2]!.id}`);
    expect(h2h.paired.items).toBeGreaterThan(0);
  });

  it('renders the quality report with every vendor', async () => {
    const res = await app.inject({ method: 'GET', url: `${p()}/report`, headers: { cookie: await as(manager) } });
    expect(res.statusCode).toBe(200);
    for (const v of demo.vendors) expect(res.body).toContain(v.name);
    expect(res.body).toContain('<svg');
  });
});
