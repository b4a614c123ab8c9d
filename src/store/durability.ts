/**
 * Relaxed durability for bulk work that can be redone from scratch (the first-run demo's seeding): on SQLite,
 * `synchronous = NORMAL` under WAL skips the fsync at every commit (a commit is then durable at the next checkpoint;
 * a crash of the process loses nothing, a power cut may lose the last commits, never corrupts the file), and FULL is
 * restored afterwards whatever happens. PostgreSQL commits as it always does (nothing to relax per connection pool).
 */
import { sql } from 'kysely';
import type { Store } from './db.js';

export async function withRelaxedDurability<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  if (store.dialect.name !== 'sqlite') return fn();
  await sql`pragma synchronous = normal`.execute(store.db);
  try {
    return await fn();
  } finally {
    await sql`pragma synchronous = full`.execute(store.db);
  }
}
