/**
 * Gold by timing, on both dialects: an annotator who times `tasks/next` must not be able to tell a gold task from a
 * normal one. Every claim looks up both the gold and the normal candidate, whatever it was drawn to serve
 * (services/tasks/claim-item.ts over store/claims.ts), so serving either runs the same statements in the same order. Two checks over more than 300
 * tasks on one server, gold and normal interleaved by the server's own draw, after a warm-up:
 * - the work, deterministically: every statement each `tasks/next` sends to the database is recorded (at Kysely's
 *   query executor), and gold and normal tasks ran one and the same sequence of statements;
 * - the time, as the issue asks: the response times of gold and normal tasks compared with a two-sided Mann–Whitney
 *   test, p > 0.01. A leak of the kind reported (gold slower in 53 of 55 cases) gives p far below that in any sample;
 *   a clean server gives p ≤ 0.01 in 1% of samples, so a second, independent sample is drawn only then, and both must
 *   fall under 0.01 to fail (one run in 10,000 by chance), which keeps the test stable on a loaded machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefaultQueryExecutor, type CompiledQuery } from 'kysely';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import { buildProject, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { mannWhitneyU } from '../src/quality/stats/mann-whitney.js';

/** What each `tasks/next` cost: the statements it sent, in order, and its time. */
interface Served {
  gold: boolean;
  ms: number;
  statements: string;
}

const WARM_UP = 40;
const LEAST_TASKS = 300;

// Records every statement any Kysely instance runs while `recording` holds (the test runs one request at a time).
const base = Object.getPrototypeOf(DefaultQueryExecutor.prototype) as { executeQuery(q: CompiledQuery, id: unknown): Promise<unknown> };
const original = base.executeQuery;
let recording: string[] | null = null;
beforeAll(() => {
  base.executeQuery = function (this: unknown, q: CompiledQuery, id: unknown) {
    recording?.push(q.sql);
    return original.call(this, q, id);
  };
});
afterAll(() => {
  base.executeQuery = original;
});

describe.each(DIALECTS)('gold by timing on %s', (dialect) => {
  let store: Store;
  let w: World;
  let clock = Date.parse('2026-12-07T09:00:00.000Z');
  worldPerSuite(dialect, { annotators: 2, deps: { now: () => new Date(clock) } }, (s, world) => {
    store = s;
    w = world;
  });

  /** Texts of one length for both kinds, so the answer's size says nothing either. */
  const text = (i: number) => `Review ${String(i).padStart(4, '0')}: the product was fine.`;

  /** A fresh project of 420 normal and 140 gold items at gold rate 0.25, labeled by two annotators in turn. */
  async function serveAll(): Promise<Served[]> {
    const items = Array.from({ length: 560 }, (_, i) => (i % 4 === 3 ? { id: `g${i}`, data: { text: text(i) }, gold: { sentiment: 'neg' } } : { id: `n${i}`, data: { text: text(i) } }));
    const id = await buildProject(w, { items, settings: { goldRate: 0.25, qualityGate: { enabled: false } } });
    const gold = new Set((await store.db.selectFrom('items').select('id').where('project_id', '=', id).where('is_gold', '=', 1).execute()).map((r) => r.id));
    const served: Served[] = [];
    const done = new Set<Client>();
    while (done.size < w.annotators.length) {
      for (const c of w.annotators) {
        if (done.has(c)) continue;
        const statements: string[] = [];
        recording = statements;
        const started = process.hrtime.bigint();
        const res = await c.post(`/api/v1/projects/${id}/tasks/next`);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        recording = null;
        if (res.statusCode === 409) {
          done.add(c);
          continue;
        }
        expect(res.statusCode, res.body).toBe(200);
        const t = res.json() as { assignmentId: string; item: { id: string } };
        served.push({ gold: gold.has(t.item.id), ms, statements: statements.join('\n') });
        const sub = await c.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 3000 });
        expect(sub.statusCode, sub.body).toBe(201);
        clock += 1;
      }
    }
    return served.slice(WARM_UP);
  }

  it('serves gold and normal tasks with the same statements in the same order, in times no test tells apart', async () => {
    const first = await serveAll();
    const goldTasks = first.filter((s) => s.gold);
    const normalTasks = first.filter((s) => !s.gold);
    expect(first.length).toBeGreaterThanOrEqual(LEAST_TASKS);
    expect(goldTasks.length).toBeGreaterThanOrEqual(60);

    // The work: one sequence of statements for every task of either kind (after the warm-up's first lease sweep).
    const sequences = new Set(first.map((s) => s.statements));
    expect([...sequences].map((s) => s.split('\n').length)).toHaveLength(1);
    expect(new Set(goldTasks.map((s) => s.statements))).toEqual(new Set(normalTasks.map((s) => s.statements)));

    // The time.
    const p = (sample: Served[]) =>
      mannWhitneyU(
        sample.filter((s) => s.gold).map((s) => s.ms),
        sample.filter((s) => !s.gold).map((s) => s.ms),
      ).pValue;
    const p1 = p(first);
    const p2 = p1 > 0.01 ? null : p(await serveAll());
    expect({ p1, p2, ok: p1 > 0.01 || (p2 ?? 0) > 0.01 }).toMatchObject({ ok: true });
  }, 120_000);
});
