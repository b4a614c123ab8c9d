/**
 * Every difference between SQLite and PostgreSQL that the query modules need, named as a capability, so no
 * query tests the engine's name inline (the shape of Kysely's `DialectAdapter`).
 */
import { PostgresAdapter } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface DialectCapabilities {
  readonly name: DialectName;
  /**
   * `SELECT … FOR UPDATE SKIP LOCKED` on the claim: concurrent claimers on PostgreSQL skip each other's
   * candidate rows instead of queueing. SQLite has one writer at a time (the write transaction starts with
   * `BEGIN IMMEDIATE`), so there the plain select inside the write transaction is already exclusive.
   */
  readonly skipLocked: boolean;
  /**
   * Data-modifying CTEs (`WITH x AS (UPDATE … RETURNING …) INSERT …`): a claim or a submit is then one atomic
   * statement, one round trip instead of a transaction of five to seven. SQLite has none, and needs none: its
   * statements run in-process, so a transaction of several costs no round trips. Without it the same writes are
   * several statements (`recordSubmission` in claims.ts), so the service must run them in a write transaction;
   * with it, a submit needing nothing else in its transaction autocommits.
   */
  readonly singleStatementWrites: boolean;
  /**
   * How the claim asks "never given to this annotator" of each candidate item. `seek`: `not exists`, one index seek
   * per candidate (SQLite plans it so whatever its statistics). `hashed`: `id not in (the annotator's items in the
   * project)`, which PostgreSQL runs as a hashed subplan, built once per statement: its `not exists` anti-join, on
   * tables not yet analyzed (just imported), walks every assignment of the annotator for every candidate.
   */
  readonly neverGivenProbe: 'seek' | 'hashed';
  /** Unique-violation detection differs by driver error shape. */
  isUniqueViolation(err: unknown): boolean;
  /** A transaction that lost a race and may simply be run again (PostgreSQL serialization failure/deadlock). */
  isRetryable(err: unknown): boolean;
}

export const sqliteCapabilities: DialectCapabilities = {
  name: 'sqlite',
  skipLocked: false,
  singleStatementWrites: false,
  neverGivenProbe: 'seek',
  isUniqueViolation: (err) =>
    typeof err === 'object' && err !== null && 'code' in err &&
    ((err as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      (err as { code: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'),
  isRetryable: () => false,
};

export const postgresCapabilities: DialectCapabilities = {
  name: 'postgres',
  skipLocked: true,
  singleStatementWrites: true,
  neverGivenProbe: 'hashed',
  isUniqueViolation: (err) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505',
  isRetryable: (err) => {
    const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
    return code === '40001' || code === '40P01';
  },
};

/** The capabilities of the engine behind any executor (database, transaction or batch). */
export function capabilitiesOf(db: { getExecutor(): { adapter: unknown } }): DialectCapabilities {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresCapabilities : sqliteCapabilities;
}

/** JSON columns come back parsed from PostgreSQL (jsonb) and as text from SQLite. */
export function fromJson<T = unknown>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** JSON columns are written as text; PostgreSQL casts the parameter to jsonb. */
export const toJson = (value: unknown): string => JSON.stringify(value);
