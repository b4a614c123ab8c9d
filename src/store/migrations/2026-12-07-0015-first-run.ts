/**
 * The first run: `instance_setup` holds at most one row (its key is the constant 'first-run'), written in the same
 * transaction as the first organization and its admin by `assay init` or the first-run screen. Its primary key is
 * what makes the first run happen once: two concurrent set-ups both insert that key, and on either engine only one
 * commits (PostgreSQL makes the second wait for the first and then refuses it; SQLite's write lock serialises them).
 * Frozen in time: no application imports.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instance_setup')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // 'cli' (assay init) or 'web' (the first-run screen).
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('instance_setup').execute();
}
