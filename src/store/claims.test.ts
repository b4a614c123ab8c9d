/**
 * The SQL of the label cycle's two writes, per engine, as files beside this test (`claims-sql/`), so a change of the
 * hot path shows in review as a diff of its SQL. The statements are recorded, in the order they are sent, from the
 * store's own functions called as the services call them (`services/tasks/claim-item.ts`, `submit-annotation.ts`),
 * against a driver that answers from a script instead of a database.
 */
import { describe, expect, it } from 'vitest';
import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Store } from './db.js';
import type { DB } from './schema.js';
import { postgresCapabilities, sqliteCapabilities, type DialectName } from './dialect.js';
import { expireLeases } from './assignments.js';
import { findOpenLease, recordSubmission, tryClaim, type NewLease } from './claims.js';
import { NO_GOLD_OUTCOME } from './gold-scores.js';

type Answer = Partial<QueryResult<Record<string, unknown>>>;

/** A store whose every statement is recorded and answered by the next entry of `script` (else no rows, one changed). */
function scriptedStore(engine: DialectName, script: Answer[]): { store: Store; sent: string[] } {
  const sent: string[] = [];
  const connection: DatabaseConnection = {
    executeQuery: <R>(q: CompiledQuery) => {
      sent.push(q.sql);
      const a = script.shift() ?? {};
      return Promise.resolve({ rows: [], numAffectedRows: 1n, ...a } as QueryResult<R>);
    },
    streamQuery: () => {
      throw new Error('not used');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const dialect: Dialect =
    engine === 'postgres'
      ? { createAdapter: () => new PostgresAdapter(), createDriver: () => driver, createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() }
      : { createAdapter: () => new SqliteAdapter(), createDriver: () => driver, createIntrospector: (db) => new SqliteIntrospector(db), createQueryCompiler: () => new SqliteQueryCompiler() };
  const db = new Kysely<DB>({ dialect });
  const store: Store = {
    db,
    dialect: engine === 'postgres' ? postgresCapabilities : sqliteCapabilities,
    write: (fn) => fn(db),
    close: () => db.destroy(),
  };
  return { store, sent };
}

const lease: NewLease = {
  projectId: 'p1',
  annotatorId: 'u1',
  vendorId: '',
  skill: 0.5,
  now: '2026-01-01T00:00:00.000Z',
  goldOnly: false,
  draw: 7,
  overlapK: 3,
  assignmentId: 'a1',
  leaseExpiresAt: '2026-01-01T00:10:00.000Z',
  preferGold: false,
};

/** A claim with its sweep of lapsed leases and its resume read first, as every claim that sweeps runs it. */
async function claim(store: Store) {
  await expireLeases(store.db, lease.projectId, lease.now, lease.overlapK);
  expect(await findOpenLease(store.db, lease)).toBeNull();
  return tryClaim(store.db, lease);
}

const submission = {
  annotation: {
    id: 'n1',
    project_id: 'p1',
    item_id: 'i1',
    assignment_id: 'a1',
    annotator_id: 'u1',
    vendor_id: null,
    answers: { sentiment: 'positive' },
    schema_version: 1,
    guideline_version: 1,
    time_spent_ms: 4000,
    client_signals: {},
    idempotency_key: null,
    created_at: '2026-01-01T00:01:00.000Z',
  },
  gold: NO_GOLD_OUTCOME,
  now: '2026-01-01T00:01:00.000Z',
  countForGate: true,
};

const standing = { status: 'active', gold_n: 0, gold_correct: 0, fail_streak: 0 };
const asFile = (sent: string[]) => sent.map((s) => `${s.trim()};`).join('\n\n') + '\n';

describe('the claim and the submit (their SQL, per engine)', () => {
  it('claims on PostgreSQL with the sweep, the resume read and one statement', async () => {
    const { store, sent } = scriptedStore('postgres', [{ rows: [] }, { rows: [] }, { rows: [{ id: 'i1', data: {} }] }]);
    expect(await claim(store)).toMatchObject({ row: { item_id: 'i1', status: 'leased' } });
    await expect(asFile(sent)).toMatchFileSnapshot('claims-sql/claim.postgres.sql');
  });

  it('claims on SQLite with the sweep, the resume read, both candidates, the slot and the lease', async () => {
    const { store, sent } = scriptedStore('sqlite', [{ rows: [] }, { rows: [] }, { rows: [{ id: 'g1', data: '{}' }] }, { rows: [{ id: 'i1', data: '{}' }] }]);
    expect(await claim(store)).toMatchObject({ row: { item_id: 'i1', status: 'leased' } });
    await expect(asFile(sent)).toMatchFileSnapshot('claims-sql/claim.sqlite.sql');
  });

  it('submits on PostgreSQL in one statement', async () => {
    const { store, sent } = scriptedStore('postgres', [{ rows: [{ n: 1, ...standing }] }]);
    expect(await recordSubmission(store.db, submission)).toEqual({ recorded: true, standing: { active: true, tally: { n: 0, correct: 0, failStreak: 0 } } });
    await expect(asFile(sent)).toMatchFileSnapshot('claims-sql/submit.postgres.sql');
  });

  it('submits on SQLite in five statements, the last counting for the gate', async () => {
    const { store, sent } = scriptedStore('sqlite', [{}, {}, {}, {}, { rows: [standing] }]);
    expect(await recordSubmission(store.db, submission)).toEqual({ recorded: true, standing: { active: true, tally: { n: 0, correct: 0, failStreak: 0 } } });
    await expect(asFile(sent)).toMatchFileSnapshot('claims-sql/submit.sqlite.sql');
  });
});
