/**
 * Each test file creates and drops its own databases, one per dialect, like Kysely's own test setup: a
 * `DIALECTS` list (filterable with ASSAY_TEST_DIALECTS) that suites loop over with `describe.each`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, migrateToLatest, type Store } from '../../src/store/db.js';
import type { DialectName } from '../../src/store/dialect.js';

const PG_ADMIN_URL = process.env.ASSAY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The dialects this run covers: SQLite always, PostgreSQL when it is up (global setup fails CI without it). */
export const DIALECTS: DialectName[] = (['sqlite', 'postgres'] as const).filter(
  (d) => (process.env.ASSAY_TEST_DIALECTS ?? 'sqlite,postgres').includes(d) && (d === 'sqlite' || inject('postgres')),
);

export interface TestDatabase {
  dialect: DialectName;
  url: string;
  /** Drops the database (and its files). */
  drop: () => Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'assay-test-'));
    return { dialect, url: `sqlite:${join(dir, 'assay.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `assay_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  // Tests check behaviour, not what survives a power cut: commits need not wait for the WAL flush (a crash of the
  // server process loses nothing either way; only the operating system's crash could lose the last commits).
  await admin.query(`alter database ${name} set synchronous_commit = off`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    dialect,
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        // Without FORCE: a pool's last connections may still be closing; killing them would raise errors there.
        for (let attempt = 0; ; attempt++) {
          try {
            await c.query(`drop database if exists ${name}`);
            return;
          } catch (e) {
            if ((e as { code?: string }).code !== '55006' || attempt >= 50) throw e;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/** A fresh database at the latest migration, with a store open on it. */
export async function createTestStore(dialect: DialectName, opts: { poolSize?: number } = {}): Promise<{ store: Store; db: TestDatabase; close: () => Promise<void> }> {
  const db = await createTestDatabase(dialect);
  const store = openStore(db.url, { poolSize: opts.poolSize ?? 20 });
  await migrateToLatest(store.db);
  return {
    store,
    db,
    close: async () => {
      await store.close();
      await db.drop();
    },
  };
}
