/**
 * Quality gates through the real API, on both dialects: the rules derived from the floor and the chance rate
 * (core/gold/gate-rule.ts; their error rates are proven in gate-rule.test.ts) as the API reports them, the verdict
 * against the likelihood ratio computed by hand, the streak rule, no pause for a good annotator, 409 no_task `paused`
 * with a message, open leases released on pause, the `annotator.paused` event with its reason, and reinstatement;
 * the policy stored and edited (floor, chance), the old fixed rules refused naming the field.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import { labelSchema, toJsonl, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { gateRuleOf, gateVerdict, DEFAULT_QUALITY_GATE } from '../src/core/gold/quality-gate.js';
import * as assignments from '../src/store/assignments.js';

const RIGHT = { sentiment: 'neg', quality: 2 };
const WRONG = { sentiment: 'pos' };

/** Λ = ln of (right k of n | guessing at chance) over (… | honest at p0), written out. */
const logLikelihoodRatio = (n: number, k: number, chance: number, p0: number) => k * Math.log(chance / p0) + (n - k) * Math.log((1 - chance) / (1 - p0));

describe('the gate rule, by hand', () => {
  it('pauses exactly when the streak reaches its limit or, from minItems on, Λ reaches the threshold', () => {
    for (const [policy, schemaChance] of [
      [DEFAULT_QUALITY_GATE, 1 / 15],
      [{ enabled: true, floor: 0.6, chance: 0.25 }, 0.5],
      [{ enabled: true, floor: 0.7, chance: null }, 1 / 3],
    ] as const) {
      const r = gateRuleOf(policy, schemaChance);
      const chance = policy.chance ?? schemaChance;
      expect(r.chance).toBe(chance);
      for (let n = 1; n <= 40; n++) {
        for (let k = 0; k <= n; k++) {
          for (const streak of [0, Math.max(0, r.maxFailStreak - 1), r.maxFailStreak].filter((x) => x <= n - k)) {
            const byHand = (r.maxFailStreak > 0 && streak >= r.maxFailStreak) || (n >= r.minItems && logLikelihoodRatio(n, k, chance, policy.floor + 0.05) >= r.threshold - 1e-9);
            expect(gateVerdict(policy, schemaChance, { n, correct: k, failStreak: streak }) !== null, `${n} ${k} ${streak}`).toBe(byHand);
          }
        }
      }
    }
    expect(gateVerdict({ ...DEFAULT_QUALITY_GATE, enabled: false }, 0.25, { n: 50, correct: 0, failStreak: 50 })).toBeNull();
  });
});

describe.each(DIALECTS)('quality gates on %s', (dialect) => {
  let store: Store;
  let w: World;
  worldPerSuite(dialect, { annotators: 4 }, (s, world) => {
    store = s;
    w = world;
  });

  /** Gold rate 1: every claim serves a gold item while normal items remain (plenty of both here). */
  async function gatedProject(qualityGate?: Record<string, unknown>) {
    const res = await w.manager.post('/api/v1/projects', { name: `Gate ${Math.random()}`, schema: labelSchema, overlapK: 1, goldRate: 1, ...(qualityGate && { qualityGate }) });
    expect(res.statusCode, res.body).toBe(201);
    const projectId = res.json().id as string;
    const items = [
      ...Array.from({ length: 20 }, (_, i) => ({ id: `plain-${i}`, data: { text: `A plain review ${i}.` } })),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `gold-${i}`, data: { text: `A checked review ${i}.` }, gold: RIGHT })),
    ];
    const imp = await w.manager.request('POST', `/api/v1/projects/${projectId}/items`, toJsonl(items), { 'content-type': 'application/x-ndjson' });
    expect(imp.statusCode, imp.body).toBe(201);
    return projectId;
  }

  /** Claims (a gold item, at rate 1) and submits `answers`. */
  async function label(ann: Client, projectId: string, answers: object) {
    const t = await ann.post(`/api/v1/projects/${projectId}/tasks/next`);
    expect(t.statusCode, t.body).toBe(200);
    const s = await ann.post(`/api/v1/tasks/${t.json().assignmentId}/submit`, { answers, timeSpentMs: 5 });
    expect(s.statusCode, s.body).toBe(201);
  }

  const gates = async (projectId: string) => {
    const r = await w.manager.get(`/api/v1/projects/${projectId}/quality/gates`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('has sane defaults, derives the rule from the floor and the chance rate, and PATCH changes part of the policy', async () => {
    const projectId = await gatedProject();
    expect((await w.manager.get(`/api/v1/projects/${projectId}`)).json().qualityGate).toEqual({ enabled: true, floor: 0.6, chance: null });
    // The schema: a label of 3 options and a rating of 5 points, both scored: a guesser is right 1/15 of the time.
    const first = await gates(projectId);
    expect(first.rule).toMatchObject({ floor: 0.6, chanceFromSchema: true, meetsTarget: true });
    expect(first.rule.chance).toBeCloseTo(1 / 15, 12);
    expect(first.rule.honest).toBeCloseTo(0.65, 12);
    expect(first.rule.falsePause).toBeLessThanOrEqual(0.05);
    expect(first.rule.pausedWithin).toBeGreaterThanOrEqual(0.95);
    const p = await w.manager.request('PATCH', `/api/v1/projects/${projectId}`, { qualityGate: { floor: 0.7, chance: 0.25 } });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().qualityGate).toEqual({ enabled: true, floor: 0.7, chance: 0.25 });
    const bad = async (qualityGate: object, field: string) => {
      const r = await w.manager.request('PATCH', `/api/v1/projects/${projectId}`, { qualityGate });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.field).toBe(field);
    };
    await bad({ floor: 1.5 }, 'qualityGate.floor');
    await bad({ chance: 1 }, 'qualityGate.chance');
    await bad({ maxFailStreak: 5 }, 'qualityGate.maxFailStreak');
    await bad({ minGold: 10 }, 'qualityGate.minGold');
    const g = await gates(projectId);
    expect(g.policy).toEqual({ enabled: true, floor: 0.7, chance: 0.25 });
    expect(g.rule).toMatchObject({ floor: 0.7, chance: 0.25, chanceFromSchema: false });
    expect(g.rule.likelihoodRatio).toBeCloseTo(Math.exp(g.rule.threshold), 9);
    // Back to the schema's chance rate.
    expect((await w.manager.request('PATCH', `/api/v1/projects/${projectId}`, { qualityGate: { chance: null } })).json().qualityGate).toEqual({ enabled: true, floor: 0.7, chance: null });
  });

  it('pauses after a streak of missed gold: 409 paused, open leases released, the event recorded; reinstate lets them work again', async () => {
    const projectId = await gatedProject();
    const [ann, other] = [w.annotators[0]!, w.annotators[1]!];
    // All misses: the streak's limit comes before the likelihood rule starts (minItems), so the streak pauses.
    const { rule } = await gates(projectId);
    const limit = rule.maxFailStreak as number;
    expect(limit).toBeGreaterThan(0);
    expect(limit).toBeLessThan(rule.minItems);
    for (let i = 0; i < limit - 1; i++) await label(ann, projectId, WRONG);
    expect((await gates(projectId)).paused).toEqual([]);

    // An open lease on a normal item besides the one being submitted (the API resumes a single lease, so a second
    // one, as two concurrent claims could leave, is made in the store).
    const t = await ann.post(`/api/v1/projects/${projectId}/tasks/next`);
    expect(t.statusCode, t.body).toBe(200);
    const plain = await store.db.selectFrom('items').select(['id', 'active_count']).where('project_id', '=', projectId).where('is_gold', '=', 0).orderBy('seq').limit(1).executeTakeFirstOrThrow();
    expect(await assignments.takeItemSlot(store.db, plain.id, 1)).toBe(true);
    const extraLease = `asg_${'x'.repeat(16)}${dialect.slice(0, 4)}`;
    await assignments.insertAssignment(store.db, {
      id: extraLease, project_id: projectId, item_id: plain.id, annotator_id: ann.user.id, status: 'leased',
      lease_expires_at: new Date(Date.now() + 3_600_000).toISOString(), skip_reason: null, created_at: new Date().toISOString(), completed_at: null,
    });
    const last = await ann.post(`/api/v1/tasks/${t.json().assignmentId}/submit`, { answers: WRONG, timeSpentMs: 5 });
    expect(last.statusCode, last.body).toBe(201);

    const g = await gates(projectId);
    expect(g.paused).toHaveLength(1);
    const reason = `${limit} gold items missed in a row (the limit for a floor of 60% is ${limit})`;
    expect(g.paused[0]).toMatchObject({ annotatorId: ann.user.id, reason, gold: { n: limit, correct: 0, failStreak: limit } });
    expect(g.events[0]).toMatchObject({ kind: 'annotator.paused', annotatorId: ann.user.id, actorId: 'system' });
    expect(g.events[0].message).toContain(reason);
    const events = await store.db.selectFrom('events').selectAll().where('project_id', '=', projectId).execute();
    expect(events.map((e) => e.kind)).toEqual(['annotator.paused']);

    // The extra lease went back to the pool: expired, the slot freed and the item open for someone else.
    const lease = await store.db.selectFrom('assignments').select('status').where('id', '=', extraLease).executeTakeFirstOrThrow();
    expect(lease.status).toBe('expired');
    const item = await store.db.selectFrom('items').select(['active_count', 'open']).where('id', '=', plain.id).executeTakeFirstOrThrow();
    expect({ active: Number(item.active_count), open: Number(item.open) }).toEqual({ active: Number(plain.active_count), open: 1 });

    const refused = await ann.post(`/api/v1/projects/${projectId}/tasks/next`);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('no_task');
    expect(refused.json().error.details.reason).toBe('paused');
    expect(refused.json().error.message).toMatch(/paused on this project/);
    // The reason stays with managers: it would tell the annotator which of their items were gold.
    expect(refused.body).not.toMatch(/gold|missed|in a row/i);
    // Their start page says so, with nothing left for them, and still not why.
    const mine = await ann.get(`/api/v1/projects/${projectId}/my-progress`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ paused: true, itemsLeft: 0, openLease: null });
    expect(mine.body).not.toMatch(/gold|missed|in a row/i);
    // Others work on.
    expect((await other.get(`/api/v1/projects/${projectId}/my-progress`)).json()).toMatchObject({ paused: false, itemsLeft: expect.any(Number) });
    expect((await other.get(`/api/v1/projects/${projectId}/my-progress`)).json().itemsLeft).toBeGreaterThan(0);
    expect((await other.post(`/api/v1/projects/${projectId}/tasks/next`)).statusCode).toBe(200);

    // Reinstate: managers only; then they work again, with a fresh record for the gate.
    expect((await ann.post(`/api/v1/projects/${projectId}/annotators/${ann.user.id}/reinstate`)).statusCode).toBe(403);
    const re = await w.manager.post(`/api/v1/projects/${projectId}/annotators/${ann.user.id}/reinstate`);
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json()).toMatchObject({ annotatorId: ann.user.id, status: 'active', reinstatedBy: w.manager.user.id });
    expect((await w.manager.post(`/api/v1/projects/${projectId}/annotators/${ann.user.id}/reinstate`)).statusCode).toBe(409);
    expect((await gates(projectId)).paused).toEqual([]);
    const again = (await ann.get(`/api/v1/projects/${projectId}/my-progress`)).json();
    expect(again.paused).toBe(false);
    expect(again.itemsLeft).toBeGreaterThan(0);
    expect((await gates(projectId)).events.map((e: { kind: string }) => e.kind)).toEqual(['annotator.reinstated', 'annotator.paused']);
    await label(ann, projectId, WRONG); // one miss after reinstatement: the old streak does not count
    expect((await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).statusCode).toBe(200);
  });

  it('does not pause an annotator at 9 of 10, with the miss last', async () => {
    const projectId = await gatedProject();
    const ann = w.annotators[2]!;
    for (let i = 0; i < 9; i++) await label(ann, projectId, RIGHT);
    await label(ann, projectId, WRONG);
    expect((await gates(projectId)).paused).toEqual([]);
    expect((await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).statusCode).toBe(200);
  });

  it('pauses on the likelihood ratio, on the item the hand computation says: one right in three, chance 0.25', async () => {
    const projectId = await gatedProject({ chance: 0.25 });
    const ann = w.annotators[3]!;
    const { rule } = await gates(projectId);
    // Right, wrong, wrong, … (never more than two misses in a row): pause at the first n ≥ minItems where
    // Λ(n, k) = k·ln(0.25/0.65) + (n − k)·ln(0.75/0.35) reaches the threshold.
    let expected = 0;
    let k = 0;
    for (let n = 1; n <= 20 && expected === 0; n++) {
      k += n % 3 === 1 ? 1 : 0;
      if (n >= rule.minItems && logLikelihoodRatio(n, k, 0.25, 0.65) >= rule.threshold - 1e-9) expected = n;
    }
    expect(expected).toBeGreaterThan(0);
    for (let n = 1; n < expected; n++) await label(ann, projectId, n % 3 === 1 ? RIGHT : WRONG);
    expect((await gates(projectId)).paused).toEqual([]);
    await label(ann, projectId, expected % 3 === 1 ? RIGHT : WRONG);
    const g = await gates(projectId);
    expect(g.paused.map((p: { annotatorId: string }) => p.annotatorId)).toEqual([ann.user.id]);
    const right = Math.ceil(expected / 3);
    const ratio = Math.exp(logLikelihoodRatio(expected, right, 0.25, 0.65));
    expect(g.paused[0].reason).toBe(
      `${right} of ${expected} gold items right: ${ratio >= 100 ? Math.round(ratio) : ratio.toFixed(1)} times likelier from guessing (chance 25%) than from 65% accuracy (limit ${rule.likelihoodRatio.toFixed(1)})`,
    );
    expect((await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).json().error.details.reason).toBe('paused');
  });

  it('does nothing when the gate is off', async () => {
    const projectId = await gatedProject({ enabled: false });
    const ann = w.annotators[1]!;
    for (let i = 0; i < 6; i++) await label(ann, projectId, WRONG);
    expect((await gates(projectId)).paused).toEqual([]);
    expect((await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).statusCode).toBe(200);
  });
});
