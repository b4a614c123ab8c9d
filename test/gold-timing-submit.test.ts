/**
 * Gold by timing at the submit, on both dialects: an annotator who times their submits must not be able to tell a
 * gold task from a normal one (in the default `audit` feedback mode, where the response of either is the same).
 * Every submit runs the same statements, whatever the item: the gold score insert (writing a row only for gold), the
 * gate's tally upsert (leaving a normal item's tallies as they were) and, where the project has a gate, the
 * transaction the gate is judged in (services/tasks/submit-annotation.ts, over the statements of store/claims.ts).
 * The checks of `gold-timing.test.ts` for `tasks/next`, here for `tasks/{id}/submit`, over more than 300 submits on
 * one server in a project with the default quality gate, gold and normal interleaved by the server's own draw, after
 * a warm-up:
 * - the work, deterministically: every statement each submit sends to the database is recorded (at Kysely's query
 *   executor, and on PostgreSQL the driver's `begin`/`commit`, which bypass it), and gold and normal submits ran one
 *   and the same sequence;
 * - the time is not checked yet: the gold score's own row still costs measurably more at the commit (figures at the
 *   end of the suite).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefaultQueryExecutor, PostgresDriver, type CompiledQuery } from 'kysely';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import { buildProject, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

/** What each submit cost: the statements it sent, in order, and its time. */
interface Submitted {
  gold: boolean;
  ms: number;
  statements: string;
}

const WARM_UP = 40;
const LEAST_SUBMITS = 300;

// Records every statement any Kysely instance runs while `recording` holds (the test runs one request at a time),
// and PostgreSQL's transaction control, which the driver sends past the executor.
type Run = (this: unknown, ...args: unknown[]) => Promise<unknown>;
const base = Object.getPrototypeOf(DefaultQueryExecutor.prototype) as { executeQuery: Run };
const driver = PostgresDriver.prototype as unknown as Record<'beginTransaction' | 'commitTransaction' | 'rollbackTransaction', Run>;
const originals = { executeQuery: base.executeQuery, begin: driver.beginTransaction, commit: driver.commitTransaction, rollback: driver.rollbackTransaction };
let recording: string[] | null = null;
const noting = (name: string, run: Run): Run =>
  function (this: unknown, ...args: unknown[]) {
    recording?.push(name);
    return run.apply(this, args);
  };
beforeAll(() => {
  base.executeQuery = function (this: unknown, q: unknown, id: unknown) {
    recording?.push((q as CompiledQuery).sql);
    return originals.executeQuery.call(this, q, id);
  };
  driver.beginTransaction = noting('begin', originals.begin);
  driver.commitTransaction = noting('commit', originals.commit);
  driver.rollbackTransaction = noting('rollback', originals.rollback);
});
afterAll(() => {
  base.executeQuery = originals.executeQuery;
  driver.beginTransaction = originals.begin;
  driver.commitTransaction = originals.commit;
  driver.rollbackTransaction = originals.rollback;
});

describe.each(DIALECTS)('gold by timing at the submit on %s', (dialect) => {
  let store: Store;
  let w: World;
  let clock = Date.parse('2026-12-07T09:00:00.000Z');
  worldPerSuite(dialect, { annotators: 2, deps: { now: () => new Date(clock) } }, (s, world) => {
    store = s;
    w = world;
  });

  /** Texts of one length for both kinds, so nothing of the item's size differs either. */
  const text = (i: number) => `Review ${String(i).padStart(4, '0')}: the product was fine.`;

  /**
   * A fresh project (default quality gate, default `audit` feedback) of 420 normal and 140 gold items at gold rate
   * 0.25, labeled by two annotators in turn; every answer matches the gold, so the gate never trips.
   */
  async function submitAll(): Promise<Submitted[]> {
    const items = Array.from({ length: 560 }, (_, i) => (i % 4 === 3 ? { id: `g${i}`, data: { text: text(i) }, gold: { sentiment: 'neg' } } : { id: `n${i}`, data: { text: text(i) } }));
    const id = await buildProject(w, { items, settings: { goldRate: 0.25 } });
    const gold = new Set((await store.db.selectFrom('items').select('id').where('project_id', '=', id).where('is_gold', '=', 1).execute()).map((r) => r.id));
    const submitted: Submitted[] = [];
    const done = new Set<Client>();
    while (done.size < w.annotators.length) {
      for (const c of w.annotators) {
        if (done.has(c)) continue;
        const res = await c.post(`/api/v1/projects/${id}/tasks/next`);
        if (res.statusCode === 409) {
          done.add(c);
          continue;
        }
        expect(res.statusCode, res.body).toBe(200);
        const t = res.json() as { assignmentId: string; item: { id: string } };
        const statements: string[] = [];
        recording = statements;
        const started = process.hrtime.bigint();
        const sub = await c.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 3000 });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        recording = null;
        expect(sub.statusCode, sub.body).toBe(201);
        expect((sub.json() as { feedback: unknown }).feedback).toBeNull();
        submitted.push({ gold: gold.has(t.item.id), ms, statements: statements.join('\n') });
        clock += 1;
      }
    }
    return submitted.slice(WARM_UP);
  }

  let first: Submitted[] = [];

  it('submits gold and normal tasks with the same statements in the same order', async () => {
    first = await submitAll();
    const goldSubmits = first.filter((s) => s.gold);
    const normalSubmits = first.filter((s) => !s.gold);
    expect(first.length).toBeGreaterThanOrEqual(LEAST_SUBMITS);
    expect(goldSubmits.length).toBeGreaterThanOrEqual(60);

    // The work: one sequence of statements for every submit of either kind.
    expect(new Set(goldSubmits.map((s) => s.statements))).toEqual(new Set(normalSubmits.map((s) => s.statements)));
    expect(new Set(first.map((s) => s.statements)).size).toBe(1);
  }, 180_000);

  // The time is not yet tested, because it is not yet equal on either database: the same statements, but a gold submit's score insert writes a row (and its two
  // index entries) that a normal submit's does not. On SQLite (`synchronous=FULL`) those pages cost ~0.15 ms at the
  // commit (medians 1.17 vs 0.99 ms, p ≈ 1e-12; with the insert suppressed, p = 0.66); on PostgreSQL ~0.05 ms (medians
  // 2.40 vs 2.34 ms; p over six runs 0.02–0.68, and both samples under 0.01 in one run of ten). Closing it needs the
  // score written alike for every submit (e.g. score columns on the annotation row); then add the Mann–Whitney check
  // of `gold-timing.test.ts` here.
});
