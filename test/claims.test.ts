import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildItems, buildProject, buildWorld, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

describe.each(DIALECTS)('claiming tasks on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  let clock = Date.now();
  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 50, deps: { now: () => new Date(clock) } });
  });
  afterAll(async () => {
    await w.app.close();
    await close();
  });

  it('gives no item more than k judgments and no annotator an item twice with 50 concurrent annotators', async () => {
    const k = 3;
    const projectId = await buildProject(w, { overlapK: k, items: buildItems(40) });
    let noTask = 0;
    await Promise.all(
      w.annotators.map(async (a, n) => {
        for (;;) {
          const next = await a.post(`/api/v1/projects/${projectId}/tasks/next`);
          if (next.statusCode === 409) {
            noTask++;
            return;
          }
          expect(next.statusCode).toBe(200);
          const t = next.json();
          const sub = await a.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: n % 2 ? 'pos' : 'neg' }, timeSpentMs: 100 });
          expect(sub.statusCode).toBe(201);
        }
      }),
    );
    expect(noTask).toBe(50);
    const rows = await store.db.selectFrom('annotations').select(['item_id', 'annotator_id']).where('project_id', '=', projectId).execute();
    expect(rows).toHaveLength(40 * k);
    const byItem = new Map<string, string[]>();
    for (const r of rows) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r.annotator_id]);
    expect(byItem.size).toBe(40);
    for (const annotators of byItem.values()) {
      expect(annotators).toHaveLength(k);
      expect(new Set(annotators).size).toBe(k);
    }
    const assignments = await store.db.selectFrom('assignments').select(['item_id', 'status']).where('project_id', '=', projectId).execute();
    expect(assignments.every((a) => a.status === 'submitted')).toBe(true);
  });

  it('never has more than k live leases on an item while 50 annotators claim at once', async () => {
    const k = 2;
    const projectId = await buildProject(w, { overlapK: k, items: buildItems(10) });
    const claims = await Promise.all(w.annotators.map((a) => a.post(`/api/v1/projects/${projectId}/tasks/next`)));
    const ok = claims.filter((c) => c.statusCode === 200);
    expect(ok).toHaveLength(20); // 10 items × k=2 slots, the other 30 annotators are told there is nothing
    expect(claims.filter((c) => c.statusCode === 409).every((c) => c.json().error.code === 'no_task')).toBe(true);
    const perItem = new Map<string, number>();
    for (const c of ok) perItem.set(c.json().item.id, (perItem.get(c.json().item.id) ?? 0) + 1);
    expect([...perItem.values()].every((n) => n === k)).toBe(true);
  });

  it('resumes the open lease when an annotator asks for the next task twice', async () => {
    const projectId = await buildProject(w, { items: buildItems(3) });
    const a = w.annotators[0]!;
    const t1 = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    const t2 = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    expect(t2.assignmentId).toBe(t1.assignmentId);
  });

  it('writes one annotation for a retried submit with the same Idempotency-Key', async () => {
    const projectId = await buildProject(w, { items: buildItems(2) });
    const a = w.annotators[1]!;
    const t = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    const body = { answers: { sentiment: 'pos' }, timeSpentMs: 700 };
    const headers = { 'idempotency-key': 'submit-abc-1' };
    const [r1, r2] = await Promise.all([
      a.post(`/api/v1/tasks/${t.assignmentId}/submit`, body, headers),
      a.post(`/api/v1/tasks/${t.assignmentId}/submit`, body, headers),
    ]);
    const r3 = await a.post(`/api/v1/tasks/${t.assignmentId}/submit`, body, headers);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 201]);
    expect(r3.statusCode).toBe(200);
    expect(r3.headers['idempotent-replayed']).toBe('true');
    expect(r1.json().id).toBe(r2.json().id);
    expect(r3.json().id).toBe(r1.json().id);
    const n = await store.db.selectFrom('annotations').select((eb) => eb.fn.countAll<number>().as('n')).where('assignment_id', '=', t.assignmentId).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    // The same key for another task is a conflict, not a silent replay.
    const t2 = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    const wrong = await a.post(`/api/v1/tasks/${t2.assignmentId}/submit`, body, headers);
    expect(wrong.statusCode).toBe(409);
    // Without a key, a second submit of a submitted task is a conflict.
    const again = await a.post(`/api/v1/tasks/${t.assignmentId}/submit`, body);
    expect(again.statusCode).toBe(409);
  });

  it('returns the item to the pool when a lease expires, and refuses the late submit', async () => {
    const projectId = await buildProject(w, { items: buildItems(1), leaseSeconds: 60 });
    const [a, b] = [w.annotators[2]!, w.annotators[3]!];
    const t = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    expect((await b.post(`/api/v1/projects/${projectId}/tasks/next`)).statusCode).toBe(409);
    clock += 61_000;
    const tb = await b.post(`/api/v1/projects/${projectId}/tasks/next`);
    expect(tb.statusCode).toBe(200);
    expect(tb.json().item.id).toBe(t.item.id);
    const late = await a.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: 1 });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('lease_expired');
    expect((await b.post(`/api/v1/tasks/${tb.json().assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 1 })).statusCode).toBe(201);
  });

  it('gives a skipped item to someone else but never back to the skipper', async () => {
    const projectId = await buildProject(w, { items: buildItems(1) });
    const [a, b] = [w.annotators[4]!, w.annotators[5]!];
    const t = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    const skip = await a.post(`/api/v1/tasks/${t.assignmentId}/skip`, { reason: 'Text is not in English' });
    expect(skip.statusCode).toBe(200);
    expect((await a.post(`/api/v1/tasks/${t.assignmentId}/skip`, { reason: 'again' })).statusCode).toBe(200);
    const na = await a.post(`/api/v1/projects/${projectId}/tasks/next`);
    expect(na.statusCode).toBe(409);
    expect(na.json().error.details.reason).toBe('none_eligible');
    expect((await b.post(`/api/v1/projects/${projectId}/tasks/next`)).json().item.id).toBe(t.item.id);
    const progress = (await w.manager.get(`/api/v1/projects/${projectId}/progress`)).json();
    expect(progress.skips).toBe(1);
  });
});
