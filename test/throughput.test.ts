/** The throughput endpoint counts judgments and skips per hour and per day in SQL, the same on both engines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildItems, buildProject, buildWorld, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

describe.each(DIALECTS)('throughput on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  let clock = Date.parse('2025-03-03T20:00:00.000Z');
  let projectId: string;
  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 3, deps: { now: () => new Date(clock) } });
    projectId = await buildProject(w, { overlapK: 1, items: buildItems(12) });
    // annotators[0] and [2] belong to the in-house vendor, [1] to the crowd (buildWorld alternates).
    const [a0, a1, a2] = w.annotators as [Client, Client, Client];
    const work: [string, Client, 'submit' | 'skip'][] = [
      ['2025-03-03T22:15:00.000Z', a0, 'submit'],
      ['2025-03-03T22:50:00.000Z', a1, 'submit'],
      ['2025-03-03T23:59:59.999Z', a0, 'submit'],
      ['2025-03-04T00:00:00.000Z', a2, 'submit'],
      ['2025-03-04T00:30:00.000Z', a1, 'skip'],
      ['2025-03-04T03:10:00.000Z', a0, 'submit'],
      ['2025-03-04T03:10:00.000Z', a1, 'skip'],
      ['2025-03-04T03:40:00.000Z', a2, 'skip'],
    ];
    for (const [at, who, what] of work) {
      clock = Date.parse(at);
      const task = await who.post(`/api/v1/projects/${projectId}/tasks/next`);
      expect(task.statusCode).toBe(200);
      const { assignmentId } = task.json();
      const done =
        what === 'submit'
          ? await who.post(`/api/v1/tasks/${assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: 1000 })
          : await who.post(`/api/v1/tasks/${assignmentId}/skip`, { reason: 'unclear' });
      expect(done.statusCode).toBeLessThan(300);
    }
    clock = Date.parse('2025-03-04T05:20:00.000Z');
  });
  afterAll(async () => {
    await w.app.close();
    await close();
  });

  const counts = (body: { buckets: { start: string; judgments: number; skips: number }[] }) =>
    body.buckets.map((b) => [b.start, b.judgments, b.skips]);

  it('counts judgments and skips per hour, empty hours included, from the hour of since to now', async () => {
    const res = await w.manager.get(`/api/v1/projects/${projectId}/throughput?bucket=hour&since=2025-03-03T22:30:00Z`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ bucket: 'hour', since: '2025-03-03T22:00:00.000Z', until: '2025-03-04T05:20:00.000Z', judgments: 5, skips: 3 });
    expect(counts(body)).toEqual([
      ['2025-03-03T22:00:00.000Z', 2, 0],
      ['2025-03-03T23:00:00.000Z', 1, 0],
      ['2025-03-04T00:00:00.000Z', 1, 1],
      ['2025-03-04T01:00:00.000Z', 0, 0],
      ['2025-03-04T02:00:00.000Z', 0, 0],
      ['2025-03-04T03:00:00.000Z', 1, 2],
      ['2025-03-04T04:00:00.000Z', 0, 0],
      ['2025-03-04T05:00:00.000Z', 0, 0],
    ]);
  });

  it('counts per day', async () => {
    const body = (await w.reviewer.get(`/api/v1/projects/${projectId}/throughput?bucket=day&since=2025-03-03T12:00:00Z`)).json();
    expect(counts(body)).toEqual([
      ['2025-03-03T00:00:00.000Z', 3, 0],
      ['2025-03-04T00:00:00.000Z', 2, 3],
    ]);
  });

  it('leaves out what came before since', async () => {
    const body = (await w.manager.get(`/api/v1/projects/${projectId}/throughput?bucket=hour&since=2025-03-04T00:00:00Z`)).json();
    expect(body).toMatchObject({ judgments: 2, skips: 3 });
    expect(body.buckets).toHaveLength(6);
  });

  it('looks back 48 hours by default', async () => {
    const body = (await w.manager.get(`/api/v1/projects/${projectId}/throughput`)).json();
    expect(body.bucket).toBe('hour');
    expect(body.buckets).toHaveLength(48);
    expect(body.since).toBe('2025-03-02T06:00:00.000Z');
    expect(body.buckets.at(-1).start).toBe('2025-03-04T05:00:00.000Z');
    expect(body).toMatchObject({ judgments: 5, skips: 3 });
  });

  it("gives a vendor manager only their vendor's judgments and skips", async () => {
    const vm = await w.addUser('vendor_manager', w.vendors.inHouse);
    const body = (await vm.get(`/api/v1/projects/${projectId}/throughput?bucket=day&since=2025-03-03T00:00:00Z`)).json();
    expect(counts(body)).toEqual([
      ['2025-03-03T00:00:00.000Z', 2, 0],
      ['2025-03-04T00:00:00.000Z', 2, 1],
    ]);
  });

  it('refuses a since that is not a time, or too far back for the bucket', async () => {
    const bad = await w.manager.get(`/api/v1/projects/${projectId}/throughput?since=yesterday`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid', field: 'since' });
    const far = await w.manager.get(`/api/v1/projects/${projectId}/throughput?bucket=hour&since=2020-01-01T00:00:00Z`);
    expect(far.statusCode).toBe(400);
    expect(far.json().error.message).toMatch(/bucket=day/);
  });

  it('is refused to an annotator', async () => {
    const res = await w.annotators[0]!.get(`/api/v1/projects/${projectId}/throughput`);
    expect(res.statusCode).toBe(403);
  });
});
