/**
 * Submit and skip with `?next=true` (one round trip answers and claims the next task), and an annotator's own
 * progress per project, on every dialect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildItems, buildProject, buildWorld, toJsonl, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

describe.each(DIALECTS)('submit and skip with the next task on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  let clock = Date.now();
  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 4, deps: { now: () => new Date(clock) } });
  });
  afterAll(async () => {
    await w.app.close();
    await close();
  });

  const countAnnotations = async (assignmentId: string) =>
    Number(
      (await store.db.selectFrom('annotations').select((eb) => eb.fn.countAll<number>().as('n')).where('assignment_id', '=', assignmentId).executeTakeFirstOrThrow()).n,
    );

  it('answers the annotation and the next task in one round trip, then says why there is none', async () => {
    const projectId = await buildProject(w, { items: buildItems(2) });
    const a = w.annotators[0]!;
    const t1 = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    const r1 = await a.post(`/api/v1/tasks/${t1.assignmentId}/submit?next=true`, { answers: { sentiment: 'pos' }, timeSpentMs: 800 });
    expect(r1.statusCode).toBe(201);
    const b1 = r1.json();
    expect(Object.keys(b1).sort()).toEqual(['annotation', 'feedback', 'next', 'noTask']);
    expect(b1.feedback).toBeNull();
    expect(b1.annotation).toMatchObject({ assignmentId: t1.assignmentId, answers: { sentiment: 'pos' }, timeSpentMs: 800 });
    expect(b1.noTask).toBeNull();
    expect(b1.next.item.id).not.toBe(t1.item.id);
    expect(Object.keys(b1.next).sort()).toEqual(['assignmentId', 'guidelineVersion', 'item', 'leaseExpiresAt', 'projectId', 'schemaVersion']);
    // The next task is a real lease: tasks/next resumes it.
    expect((await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json().assignmentId).toBe(b1.next.assignmentId);

    const r2 = await a.post(`/api/v1/tasks/${b1.next.assignmentId}/submit?next=true`, { answers: { sentiment: 'neg' }, timeSpentMs: 500 });
    expect(r2.statusCode).toBe(201);
    expect(r2.json()).toMatchObject({ next: null, noTask: { reason: 'project_finished' } });
    expect(r2.json().noTask.message).toMatch(/finished/);
  });

  it('keeps the bare annotation when the flag is absent or false', async () => {
    const projectId = await buildProject(w, { items: buildItems(2) });
    const a = w.annotators[1]!;
    const t = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    const r = await a.post(`/api/v1/tasks/${t.assignmentId}/submit?next=false`, { answers: { sentiment: 'pos' }, timeSpentMs: 10 });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ assignmentId: t.assignmentId, answers: { sentiment: 'pos' } });
    expect(r.json()).not.toHaveProperty('next');
    expect((await a.post(`/api/v1/tasks/${t.assignmentId}/submit?next=maybe`, { answers: { sentiment: 'pos' }, timeSpentMs: 10 })).statusCode).toBe(400);
  });

  it('replays a retried submit with next=true and hands back the same next task, writing one annotation', async () => {
    const projectId = await buildProject(w, { items: buildItems(3) });
    const a = w.annotators[2]!;
    const t = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    const body = { answers: { sentiment: 'neu' }, timeSpentMs: 1500, clientSignals: { activeMs: 1500, pastes: 0, focusLosses: 1, keystrokes: 3 } };
    const headers = { 'idempotency-key': `ws-${t.assignmentId}` };
    const first = await a.post(`/api/v1/tasks/${t.assignmentId}/submit?next=true`, body, headers);
    const retry = await a.post(`/api/v1/tasks/${t.assignmentId}/submit?next=true`, body, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().annotation.id).toBe(first.json().annotation.id);
    expect(retry.json().next.assignmentId).toBe(first.json().next.assignmentId);
    expect(await countAnnotations(t.assignmentId)).toBe(1);
    const leases = await store.db.selectFrom('assignments').select('id').where('project_id', '=', projectId).where('annotator_id', '=', a.user.id).where('status', '=', 'leased').execute();
    expect(leases).toHaveLength(1);
    // A retry without the flag after one with it still replays the annotation alone.
    const bare = await a.post(`/api/v1/tasks/${t.assignmentId}/submit`, body, headers);
    expect(bare.statusCode).toBe(200);
    expect(bare.json().id).toBe(first.json().annotation.id);
  });

  it('refuses an invalid submit with next=true without claiming anything', async () => {
    const projectId = await buildProject(w, { items: buildItems(2) });
    const a = w.annotators[3]!;
    const t = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    const bad = await a.post(`/api/v1/tasks/${t.assignmentId}/submit?next=true`, { answers: { sentiment: 'meh' }, timeSpentMs: 10 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('answers.sentiment');
    expect((await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json().assignmentId).toBe(t.assignmentId);
  });

  it('says lease_expired for a late submit with next=true', async () => {
    const projectId = await buildProject(w, { items: buildItems(2), leaseSeconds: 60 });
    const a = w.annotators[0]!;
    const t = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    clock += 61_000;
    const late = await a.post(`/api/v1/tasks/${t.assignmentId}/submit?next=true`, { answers: { sentiment: 'pos' }, timeSpentMs: 1 });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('lease_expired');
  });

  it('skips with a reason and hands over the next task, or why there is none', async () => {
    const projectId = await buildProject(w, { items: buildItems(2) });
    const a = w.annotators[1]!;
    const t1 = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    const s1 = await a.post(`/api/v1/tasks/${t1.assignmentId}/skip?next=true`, { reason: 'Not in English' });
    expect(s1.statusCode).toBe(200);
    expect(s1.json()).toMatchObject({ skipped: { assignmentId: t1.assignmentId, status: 'skipped', reason: 'Not in English' }, noTask: null });
    const t2 = s1.json().next;
    expect(t2.item.id).not.toBe(t1.item.id);
    const s2 = await a.post(`/api/v1/tasks/${t2.assignmentId}/skip?next=true`, { reason: 'Offensive content' });
    // Both items are still open for others, but never again for this annotator.
    expect(s2.json()).toMatchObject({ next: null, noTask: { reason: 'none_eligible' } });
    const plain = await a.post(`/api/v1/tasks/${t2.assignmentId}/skip`, { reason: 'again' });
    expect(plain.json()).toEqual({ assignmentId: t2.assignmentId, status: 'skipped', reason: 'Offensive content' });
  });
});

describe.each(DIALECTS)('my progress on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 2 });
  });
  afterAll(async () => {
    await w.app.close();
    await close();
  });

  it("gives each annotator their own judgments, skips, time and open lease, and the project's completion", async () => {
    const projectId = await buildProject(w, { overlapK: 2, items: buildItems(5) });
    const gold = toJsonl([{ id: 'it-1', answers: { sentiment: 'pos' }, explanation: 'SECRET-GOLD-EXPLANATION' }]);
    expect((await w.manager.request('POST', `/api/v1/projects/${projectId}/gold`, gold, { 'content-type': 'application/x-ndjson' })).statusCode).toBe(201);
    const [a, b] = [w.annotators[0]!, w.annotators[1]!];
    const url = `/api/v1/projects/${projectId}/my-progress`;

    const fresh = (await a.get(url)).json();
    expect(fresh).toEqual({
      projectId,
      mine: { judgments: 0, skips: 0, timeSpentMs: 0, lastSubmittedAt: null },
      openLease: null,
      itemsLeft: 5,
      paused: false,
      blocked: null,
      blockedMessage: null,
      requiredQualification: null,
      // The gold item is one of the five a may still get, but not one the project has to complete.
      project: { overlapK: 2, totalItems: 4, completeItems: 0, judgments: 0, judgmentsNeeded: 8 },
    });

    // a: two judgments and a skip, then holds a lease (all four normal items: the rate is 0); b: one judgment.
    for (const ms of [1000, 2500]) {
      const t = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
      expect((await a.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: ms })).statusCode).toBe(201);
    }
    const ts = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    await a.post(`/api/v1/tasks/${ts.assignmentId}/skip`, { reason: 'unsure' });
    const held = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    const tb = (await b.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    expect((await b.post(`/api/v1/tasks/${tb.assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 700 })).statusCode).toBe(201);

    const mineA = await a.get(url);
    expect(mineA.statusCode).toBe(200);
    expect(mineA.json()).toMatchObject({
      mine: { judgments: 2, skips: 1, timeSpentMs: 3500 },
      openLease: { assignmentId: held.assignmentId, leaseExpiresAt: held.leaseExpiresAt },
      // The gold item a was never given no longer counts: with no normal item left for a, it will not be served.
      itemsLeft: 0,
      project: { totalItems: 4, completeItems: 1, judgments: 3, judgmentsNeeded: 5 },
    });
    expect(mineA.json().mine.lastSubmittedAt).toEqual(expect.any(String));
    const mineB = (await b.get(url)).json();
    expect(mineB).toMatchObject({ mine: { judgments: 1, skips: 0, timeSpentMs: 700 }, openLease: null, itemsLeft: 4 });
    for (const r of [mineA.body, JSON.stringify(mineB)]) expect(r).not.toMatch(/gold|SECRET-GOLD|explanation/i);
    expect(mineA.body).not.toContain(b.user.id);
  });

  it('is not for roles that do not label, nor for projects outside the caller’s scope', async () => {
    const projectId = await buildProject(w, { items: buildItems(1) });
    expect((await w.manager.get(`/api/v1/projects/${projectId}/my-progress`)).statusCode).toBe(403);
    expect((await w.annotators[0]!.get('/api/v1/projects/nonexistent0000/my-progress')).statusCode).toBe(404);
  });
});
