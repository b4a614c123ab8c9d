/**
 * Opens the database named by a URL (`sqlite:PATH`, `sqlite::memory:` or `postgres://…`), and offers the one
 * way to write: `store.write(fn)`, which resolves only once the transaction is durable.
 *
 * SQLite runs in WAL mode with `synchronous=FULL`: every commit is fsynced before it is acknowledged, so an
 * acknowledged annotation survives `kill -9` and power loss. An fsync costs ~0.3 ms here, which would cap a
 * single writer at ~3,500 commits/s; `write` therefore group-commits: transactions that arrive while one is running
 * are run back to back inside one `BEGIN IMMEDIATE … COMMIT`, each in its own savepoint (so one failing use case
 * rolls back only itself), and all are acknowledged after the one fsync. PostgreSQL does its own group commit.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { postgresCapabilities, sqliteCapabilities, type DialectCapabilities } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import { PREPARED_MARK } from './prepared.js';

/** Anything a query module can run a query on: the database, a transaction or a group-commit batch. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Store {
  readonly db: Kysely<DB>;
  readonly dialect: DialectCapabilities;
  /** Runs `fn` in a write transaction; resolves with its result once committed durably, rejects with its error after rolling it back. */
  write<T>(fn: (trx: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Largest number of PostgreSQL connections in the pool. */
  poolSize?: number;
}

// pg returns int8/numeric as strings; our counts fit a double, and COUNT(*) is int8.
pg.types.setTypeParser(20, (v) => Number(v));

export function openStore(url: string, opts: OpenOptions = {}): Store {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url, opts);
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}

function openSqlite(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, { timeout: 10_000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const committer = new GroupCommitter(db);
  return {
    db,
    dialect: sqliteCapabilities,
    write: (fn) => committer.run(fn),
    close: async () => {
      await committer.idle();
      await db.destroy();
    },
  };
}

function openPostgres(url: string, opts: OpenOptions): Store {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process: the pool discards it
  // and connects anew on the next query.
  pool.on('error', (err) => process.stderr.write(`assay: PostgreSQL connection lost (${err.message}); reconnecting on demand\n`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
  return {
    db,
    dialect: postgresCapabilities,
    write: async (fn) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(fn);
        } catch (err) {
          if (attempt >= 5 || !postgresCapabilities.isRetryable(err)) throw err;
        }
      }
    },
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every query anew; preparing costs about as much as running a point query. Queries are built from
 * a fixed set of shapes, so caching prepared statements by SQL text (bounded) removes that cost. Safe because Kysely
 * runs one statement at a time on the connection and we never stream (`iterate`) two uses of one statement at once.
 */
function withStatementCache(sqlite: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let stmt = cache.get(text);
      if (!stmt) {
        if (cache.size >= 2000) cache.delete(cache.keys().next().value!);
        stmt = sqlite.prepare(text);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

/**
 * Runs the hot path's prepared queries (marked by `prepare`) as named statements: PostgreSQL then parses and plans
 * each once per connection instead of on every call, which is most of a point query's server time. Other queries
 * (of varying shape) stay unnamed, so no connection accumulates statements without bound.
 */
function withNamedStatements(pool: pg.Pool) {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`));
    return name;
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      return Object.assign(Object.create(client) as pg.PoolClient, {
        query: (text: unknown, values?: unknown[]) =>
          typeof text === 'string' && text.startsWith(PREPARED_MARK) ? query({ name: nameOf(text), text, values }) : query(text, values),
        release: (err?: Error | boolean) => client.release(err),
      });
    },
    end: () => pool.end(),
  };
}

interface Job {
  fn: (trx: Executor) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/** Batches SQLite write transactions into one durable commit; see the file comment. */
// Fixed statements of the batch, compiled once.
const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const SAVEPOINT = CompiledQuery.raw('savepoint op');
const RELEASE = CompiledQuery.raw('release op');
const ROLLBACK_TO = CompiledQuery.raw('rollback to op');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

class GroupCommitter {
  private queue: Job[] = [];
  private draining: Promise<void> | null = null;
  constructor(private readonly db: Kysely<DB>) {}

  run<T>(fn: (trx: Executor) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      // Start on the next macrotask so requests parsed in the same tick join the batch.
      this.draining ??= new Promise<void>((done) => setImmediate(() => void this.drain().finally(done)));
    });
  }

  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, 500);
        await this.commitBatch(batch);
      }
    } finally {
      this.draining = null;
    }
  }

  private async commitBatch(batch: Job[]): Promise<void> {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      await this.db.connection().execute(async (conn) => {
        await conn.executeQuery(BEGIN_IMMEDIATE);
        try {
          for (const job of batch) {
            await conn.executeQuery(SAVEPOINT);
            try {
              const value = await job.fn(conn);
              await conn.executeQuery(RELEASE);
              outcomes.push({ ok: true, value });
            } catch (err) {
              await conn.executeQuery(ROLLBACK_TO);
              await conn.executeQuery(RELEASE);
              outcomes.push({ ok: false, value: err });
            }
          }
          await conn.executeQuery(COMMIT);
        } catch (err) {
          await conn.executeQuery(ROLLBACK).catch(() => undefined);
          throw err;
        }
      });
    } catch (err) {
      // The commit itself failed: nothing of the batch is durable, so nobody is acknowledged.
      for (const job of batch) job.reject(err);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.value);
    });
  }
}

/** Brings the schema up to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Undoes every migration, newest first (used by the migration test). */
export async function migrateAllDown(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  for (;;) {
    const { error, results } = await migrator.migrateDown();
    if (error) throw error;
    if (!results || results.length === 0 || results[0]!.status === 'NotExecuted') return;
  }
}
