/**
 * Quality gates through the real API, on both dialects: the fail-streak rule, the accuracy rule (95% upper bound of
 * Beta(1 + correct, 1 + wrong) under the floor after at least minGold gold items, with quantiles checked against
 * scipy), no pause for a good annotator, 409 no_task `paused` with a message, open leases released on pause, the
 * `annotator.paused` event with its reason, and reinstatement.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import { labelSchema, toJsonl, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { gateVerdict, DEFAULT_QUALITY_GATE } from '../src/core/gold/quality-gate.js';
import * as assignments from '../src/store/assignments.js';

const RIGHT = { sentiment: 'neg', quality: 2 };
const WRONG = { sentiment: 'pos' };

describe('the gate rule, by hand', () => {
  // scipy.stats.beta.ppf(0.975, a, b): (4, 8) = 0.6097425595724212, (4, 9) = 0.5718584618781891,
  // (1, 10) = 0.3084971078187607, (10, 2) = 0.9771688017000404.
  const policy = { enabled: true, floor: 0.6, minGold: 10, maxFailStreak: 0 };
  it('pauses on the upper bound only from minGold on, and on the streak', () => {
    expect(gateVerdict(policy, { n: 10, correct: 3, failStreak: 0 })).toBeNull(); // Beta(4, 8): 0.6097 ≥ 0.60
    expect(gateVerdict(policy, { n: 11, correct: 3, failStreak: 1 })).toBe('accuracy upper bound 0.57 < floor 0.60 after 11 gold items (3 correct)'); // Beta(4, 9): 0.5719
    expect(gateVerdict(policy, { n: 9, correct: 0, failStreak: 9 })).toBeNull(); // Beta(1, 10): 0.3085, but n < minGold and no streak rule
    expect(gateVerdict(DEFAULT_QUALITY_GATE, { n: 10, correct: 9, failStreak: 1 })).toBeNull(); // Beta(10, 2): 0.9772
    expect(gateVerdict(DEFAULT_QUALITY_GATE, { n: 5, correct: 0, failStreak: 5 })).toBe('5 gold items missed in a row (limit 5)');
    expect(gateVerdict(DEFAULT_QUALITY_GATE, { n: 4, correct: 0, failStreak: 4 })).toBeNull();
    expect(gateVerdict({ ...DEFAULT_QUALITY_GATE, enabled: false }, { n: 50, correct: 0, failStreak: 50 })).toBeNull();
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

  it('has sane defaults, and PATCH changes part of the policy', async () => {
    const projectId = await gatedProject();
    expect((await w.manager.get(`/api/v1/projects/${projectId}`)).json().qualityGate).toEqual({ enabled: true, floor: 0.6, minGold: 10, maxFailStreak: 5 });
    const p = await w.manager.request('PATCH', `/api/v1/projects/${projectId}`, { qualityGate: { floor: 0.7 } });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().qualityGate).toEqual({ enabled: true, floor: 0.7, minGold: 10, maxFailStreak: 5 });
    expect((await w.manager.request('PATCH', `/api/v1/projects/${projectId}`, { qualityGate: { floor: 1.5 } })).statusCode).toBe(400);
    expect((await gates(projectId)).policy).toEqual({ enabled: true, floor: 0.7, minGold: 10, maxFailStreak: 5 });
  });

  it('pauses after a streak of missed gold: 409 paused, open leases released, the event recorded; reinstate lets them work again', async () => {
    const projectId = await gatedProject();
    const [ann, other] = [w.annotators[0]!, w.annotators[1]!];
    for (let i = 0; i < 4; i++) await label(ann, projectId, WRONG);
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
    const fifth = await ann.post(`/api/v1/tasks/${t.json().assignmentId}/submit`, { answers: WRONG, timeSpentMs: 5 });
    expect(fifth.statusCode, fifth.body).toBe(201);

    const g = await gates(projectId);
    expect(g.paused).toHaveLength(1);
    expect(g.paused[0]).toMatchObject({ annotatorId: ann.user.id, reason: '5 gold items missed in a row (limit 5)', gold: { n: 5, correct: 0, failStreak: 5 } });
    expect(g.events[0]).toMatchObject({ kind: 'annotator.paused', annotatorId: ann.user.id, actorId: 'system' });
    expect(g.events[0].message).toContain('5 gold items missed in a row (limit 5)');
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

  it('does not pause an annotator at 9 of 10 (upper bound 0.977), with the miss last', async () => {
    const projectId = await gatedProject();
    const ann = w.annotators[2]!;
    for (let i = 0; i < 9; i++) await label(ann, projectId, RIGHT);
    await label(ann, projectId, WRONG);
    expect((await gates(projectId)).paused).toEqual([]);
    expect((await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).statusCode).toBe(200);
  });

  it('pauses on the upper bound: 3 of 10 goes on (0.6097 ≥ 0.60), 3 of 11 stops (0.5719 < 0.60)', async () => {
    const projectId = await gatedProject({ maxFailStreak: 0 });
    const ann = w.annotators[3]!;
    // Three right, then seven wrong (no streak rule here): Beta(4, 8), upper 0.6097 (scipy), not under the floor.
    for (let i = 0; i < 3; i++) await label(ann, projectId, RIGHT);
    for (let i = 0; i < 7; i++) await label(ann, projectId, WRONG);
    expect((await gates(projectId)).paused).toEqual([]);
    await label(ann, projectId, WRONG); // Beta(4, 9): upper 0.5719
    const g = await gates(projectId);
    expect(g.paused.map((p: { annotatorId: string }) => p.annotatorId)).toEqual([ann.user.id]);
    expect(g.paused[0].reason).toBe('accuracy upper bound 0.57 < floor 0.60 after 11 gold items (3 correct)');
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
