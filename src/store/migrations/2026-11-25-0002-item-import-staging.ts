/**
 * Imports write their items in chunks as the file streams in, marked with the import's id and closed to claims
 * (`open = 0`); the import publishes them all in one statement at the end, or deletes them on any error. Frozen in
 * time: no application imports.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').addColumn('import_id', 'text').execute();
  await db.schema.createIndex('items_import_idx').on('items').columns(['import_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('items_import_idx').execute();
  await db.schema.alterTable('items').dropColumn('import_id').execute();
}
