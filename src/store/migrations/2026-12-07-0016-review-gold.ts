/**
 * review_policies.gold: 1 lets annotations of gold items come to review, with the gold answer shown to the reviewer
 * beside them (managers and admins see gold anyway; a reviewer only through this). 0, the default, keeps gold items
 * out of every queue, as before. Frozen in time: no application imports.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('review_policies').addColumn('gold', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('review_policies').dropColumn('gold').execute();
}
