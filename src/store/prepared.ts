/**
 * Prepared queries for the hot path. Building and compiling a Kysely query costs 10–50 µs, several times what
 * SQLite needs to run a point query, and the label cycle runs a dozen of them. A prepared query is written with the
 * ordinary query builder, compiled once per dialect with placeholder values, and afterwards only has its parameter
 * list filled in. Use it only for queries of fixed shape (no `in` lists of varying length, no `$if`).
 */
import { CompiledQuery, type Compilable, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';

/** db.ts's `Executor`, spelled out: db.ts imports this module (`PREPARED_MARK`), so importing it back would be a circle. */
type Executor = Kysely<DB> | Transaction<DB>;

type Slot = { key: string } | { value: unknown };

interface Compiled {
  sql: string;
  slots: Slot[];
}

const SENTINEL = '\u0000assay-param:';

/**
 * Marks the SQL of prepared queries, so the PostgreSQL pool (see `db.ts`) can run them as named statements that
 * the server parses and plans once per connection. SQLite caches its statements by text anyway.
 */
export const PREPARED_MARK = '/* prepared */ ';

/** Placeholders standing in for the named parameters while the query is compiled. */
function placeholders<P>(): P {
  return new Proxy({}, { get: (_t, key) => `${SENTINEL}${String(key)}` }) as P;
}

export interface PreparedQuery<P, R> {
  /** Runs the query with these parameter values on the database, a transaction or a group-commit batch. */
  execute(db: Executor, params: P): Promise<R[]>;
  /** Runs it and returns the first row, if any. */
  first(db: Executor, params: P): Promise<R | undefined>;
  /** Runs a write and returns the number of rows it changed. */
  run(db: Executor, params: P): Promise<number>;
}

/** A query builder, or a `sql` template (which compiles against the database it is given). */
type Buildable<R> = Compilable<R> | { compile(db: Kysely<DB>): CompiledQuery<R> };

export function prepare<P extends Record<string, unknown>, R = unknown>(
  build: (db: Kysely<DB>, p: P) => Buildable<R>,
): PreparedQuery<P, R> {
  // One compilation per dialect (SQLite writes `?`, PostgreSQL `$1`); keyed by the adapter's class.
  const byDialect = new Map<unknown, Compiled>();
  const compiledFor = (db: Executor): Compiled => {
    const adapter = db.getExecutor().adapter.constructor;
    let c = byDialect.get(adapter);
    if (!c) {
      const q = (build(db as Kysely<DB>, placeholders<P>()) as { compile(db: Kysely<DB>): CompiledQuery<R> }).compile(db as Kysely<DB>);
      c = {
        sql: PREPARED_MARK + q.sql,
        slots: q.parameters.map((v) =>
          typeof v === 'string' && v.startsWith(SENTINEL) ? { key: v.slice(SENTINEL.length) } : { value: v },
        ),
      };
      byDialect.set(adapter, c);
    }
    return c;
  };
  const raw = async (db: Executor, params: P) => {
    const c = compiledFor(db);
    const values = c.slots.map((s) => ('key' in s ? params[s.key] : s.value));
    return db.executeQuery<R>(CompiledQuery.raw(c.sql, values));
  };
  return {
    execute: async (db, params) => (await raw(db, params)).rows,
    first: async (db, params) => (await raw(db, params)).rows[0],
    run: async (db, params) => Number((await raw(db, params)).numAffectedRows ?? 0n),
  };
}
