/**
 * The issue's three-vendor scenario through the real API on both dialects, with fixed seeds: vendor A of accuracy
 * 0.92, vendor B of 0.80 with a straight-liner (always the first class), vendor C of 0.65 with a spammer (a class at
 * random), four annotators each, on four classes; items of which a fifth are gold, gold rate 0.2, the default quality
 * gate; once with fixed overlap 3 and once with adaptive overlap from 2 to 5 (τ 0.9, the live refresh every third
 * round). The annotators work in turns on a test clock, 1.5 s a request (simulation-in-turns.ts); vendor A's go home
 * after 60 tasks, so the last items are left to B and C while A's record still makes A the vendor preferred for
 * uncertain items (what held the last items for five minutes when the preference waited for whoever it named).
 *
 * Scaled down from the issue's 800 items (160 gold) to `ITEMS` = 400 (80 gold), half, to keep the run short; the
 * rates (gold share, gold rate, overlap, annotators) are the issue's, and each annotator of B and C still meets about
 * 20 gold items, enough for the gate to judge the spammer and the straight-liner.
 *
 * What must come out, in both projects:
 * - gold coverage: at least 90% of the gold items judged (the gold judgments allow it several times over), and every
 *   pair of vendors shares gold items to compare on;
 * - no stall: every item finishes, nobody is answered no_task more than 5 times while work remained, and the
 *   longest stretch in which nobody got a task while work remained is under the preference window plus one round;
 * - the gate pauses the spammer and the straight-liner (and never an annotator of vendor A);
 * - each vendor's gold accuracy interval (the scorecards' Wilson 95%) covers its planted accuracy: the vendor's
 *   accuracy weighted by each of its annotators' gold judgments, the odd one counting 1/4.
 * The figures are written to test-results/simulation-vendors-<dialect>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import type { World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { createRng } from '../src/quality/random.js';
import { LiveResults } from '../src/services/quality/live-results.js';
import { PREFERENCE_WINDOW_MS } from '../src/core/overlap/adaptive.js';
import { createSimProject, createVendors, plantedAccuracy, type SimVendor, type SimVendorSpec } from './support/vendor-simulation.js';
import { labelInTurns, type TurnsRun } from './support/simulation-in-turns.js';

const ITEMS = 400;
const GOLD = ITEMS / 5;
const STEP_MS = 1500;
const SPECS: SimVendorSpec[] = [
  { name: 'Vendor A', kind: 'expert_network', accuracy: 0.92, terms: { payModel: 'per_task', payRateMinor: 40, currency: 'USD' }, seconds: 40, annotators: 4, shiftTasks: 60 },
  { name: 'Vendor B', kind: 'crowd', accuracy: 0.8, terms: { payModel: 'per_task', payRateMinor: 12, currency: 'USD' }, seconds: 25, annotators: 4, oddOne: 'straight_liner' },
  { name: 'Vendor C', kind: 'crowd', accuracy: 0.65, terms: { payModel: 'per_task', payRateMinor: 5, currency: 'USD' }, seconds: 15, annotators: 4, oddOne: 'spammer' },
];

interface Figures {
  goldJudged: number;
  goldJudgments: number;
  sharedGold: Record<string, number>;
  judgments: number;
  longestStallMs: number;
  mostNoTaskWhileWorkRemained: number;
  paused: string[];
  vendors: { name: string; planted: number; n: number; k: number; lower: number; upper: number }[];
}

describe.each(DIALECTS)('three vendors simulated on %s', (dialect) => {
  let store: Store;
  let w: World;
  let clock = Date.parse('2026-12-07T09:00:00.000Z');
  let serverRng = createRng(1);
  worldPerSuite(dialect, { annotators: 0, deps: { now: () => new Date(clock), random: () => serverRng.next() } }, (s, world) => {
    store = s;
    w = world;
  });
  const figures: Record<string, Figures> = {};

  async function scenario(name: string, seed: number, overlap: Record<string, unknown>): Promise<{ run: TurnsRun; vendors: SimVendor[]; projectId: string }> {
    serverRng = createRng(20_261_207 + seed);
    const vendors = await createVendors(w, SPECS.map((s) => ({ ...s, name: `${s.name} ${name}` })));
    const p = await createSimProject(w, vendors, { gold: GOLD, normal: ITEMS - GOLD, goldRate: 0.2, seed, settings: { qualityGate: { enabled: true }, leaseSeconds: 3600, ...overlap } });
    const live = new LiveResults(w.deps);
    try {
      const adaptive = overlap.overlapMode === 'adaptive';
      let rounds = 0;
      const run = await labelInTurns(w, p, vendors, {
        seed,
        stepMs: STEP_MS,
        advance: (ms) => (clock += ms),
        // The live refresh every third round (36 requests, 54 s of test time), as a busy server coalesces them.
        ...(adaptive && { afterRound: async (progressed) => (++rounds % 3 === 0 || !progressed ? (await live.refresh(p.projectId)).reopened : 0) }),
      });
      return { run, vendors, projectId: p.projectId };
    } finally {
      await live.close();
    }
  }

  async function check(key: string, { run, vendors, projectId }: Awaited<ReturnType<typeof scenario>>) {
    // Gold coverage, and shared gold items between every pair of vendors.
    const goldJudgments = [...run.goldJudgments.values()].reduce((s, j) => s + j.length, 0);
    const vendorsOf = new Map([...run.goldJudgments].map(([text, js]) => [text, new Set(js.map((j) => j.vendorId))]));
    const sharedGold: Record<string, number> = {};
    for (const [i, a] of vendors.entries())
      for (const b of vendors.slice(i + 1)) sharedGold[`${a.name} / ${b.name}`] = [...vendorsOf.values()].filter((s) => s.has(a.vendorId) && s.has(b.vendorId)).length;

    // The gate.
    const pausedIds = new Set(
      (await store.db.selectFrom('annotator_project_status').select('annotator_id').where('project_id', '=', projectId).where('status', '=', 'paused').execute()).map((r) => r.annotator_id),
    );
    const people = vendors.flatMap((v) => v.people.map((c, i) => ({ v, c, i })));
    const paused = people.filter(({ c }) => pausedIds.has(c.user.id)).map(({ v, i }) => `${v.name} #${i + 1}${v.oddOne && i === v.annotators - 1 ? ` (${v.oddOne})` : ''}`);

    // Vendor scorecards against the planted accuracy, weighted by who judged the gold.
    const res = await w.manager.get(`/api/v1/projects/${projectId}/vendors/scorecards`);
    expect(res.statusCode, res.body).toBe(200);
    const byUser = new Map(run.annotators.map((a) => [a.annotator.user.id, a]));
    const cards = vendors.map((v) => {
      const card = (res.json().vendors as { vendorId: string; gold: { n: number; k: number; lower: number; upper: number } }[]).find((c) => c.vendorId === v.vendorId)!;
      const n = v.people.reduce((s, c) => s + byUser.get(c.user.id)!.goldN, 0);
      const k = v.people.reduce((s, c) => s + byUser.get(c.user.id)!.goldCorrect, 0);
      const planted = v.people.reduce((s, c, i) => s + byUser.get(c.user.id)!.goldN * plantedAccuracy(v, i), 0) / n;
      expect(card.gold).toMatchObject({ n, k });
      return { name: v.name, planted, n, k, lower: card.gold.lower, upper: card.gold.upper };
    });

    const progress = (await w.manager.get(`/api/v1/projects/${projectId}/progress`)).json();
    figures[key] = {
      goldJudged: run.goldJudgments.size,
      goldJudgments,
      sharedGold,
      judgments: run.judgments,
      longestStallMs: run.longestStallMs,
      mostNoTaskWhileWorkRemained: Math.max(...run.annotators.map((a) => a.noTaskWhileWorkRemained)),
      paused,
      vendors: cards,
    };
    const f = figures[key];

    expect(f.goldJudgments).toBeGreaterThanOrEqual(2 * GOLD);
    expect(f.goldJudged).toBeGreaterThanOrEqual(0.9 * GOLD);
    for (const shared of Object.values(f.sharedGold)) expect(shared).toBeGreaterThanOrEqual(GOLD / 4);
    expect(progress.completeItems).toBe(progress.totalItems);
    expect(progress.totalItems).toBe(ITEMS - GOLD);
    expect(f.longestStallMs, JSON.stringify(f)).toBeLessThanOrEqual(PREFERENCE_WINDOW_MS + 12 * STEP_MS);
    // A hold lasts at most 10 s, under one round (18 s), so it refuses an annotator at most once, and only when it
    // held the last item they could take. With the five-minute hold for whoever the preference named, vendor C's
    // honest annotators were refused 12–13 times each in this very run (measured), vendor B taking everything.
    expect(f.mostNoTaskWhileWorkRemained, JSON.stringify(f)).toBeLessThanOrEqual(5);
    // The gate's rule is derived from the floor (0.6) so that an annotator at 0.65 is paused with probability ≤ 5%
    // over 200 gold items: on these seeded paths exactly the straight-liner and the spammer are paused, nobody honest
    // (vendor C's honest annotators are at 0.65, just above the floor).
    expect([...f.paused].sort()).toEqual(['Vendor B #4 (straight_liner)', 'Vendor C #4 (spammer)'].map((s) => s.replace(/^(Vendor [BC])/, `$1 ${key}`)).sort());
    for (const c of f.vendors) {
      expect(c.planted, JSON.stringify(c)).toBeGreaterThanOrEqual(c.lower);
      expect(c.planted, JSON.stringify(c)).toBeLessThanOrEqual(c.upper);
    }
  }

  it('fixed overlap 3: gold covered and shared, no stall, spammer and straight-liner paused, vendor intervals cover the truth', async () => {
    await check('fixed', await scenario('fixed', 1, { overlapK: 3 }));
  }, 120_000);

  it('adaptive overlap 2 → 5: the same', async () => {
    await check('adaptive', await scenario('adaptive', 2, { overlapK: 2, overlapMode: 'adaptive', overlapKMax: 5, overlapTau: 0.9 }));
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/simulation-vendors-${dialect}.json`, JSON.stringify(figures, null, 2));
  }, 120_000);
});
