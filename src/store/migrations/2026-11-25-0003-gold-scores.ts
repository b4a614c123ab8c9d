/**
 * Hidden gold: items carry `is_gold` (set with their gold answer) so the claim can pick a gold or a normal item from
 * one index without joining `gold_answers`; gold items stay open (served to every annotator once, never complete);
 * each scored gold annotation gets a `gold_scores` row; the project chooses whether a missed gold item shows its
 * answer after submit (`gold_feedback`: 'audit' | 'feedback'). Frozen in time: no application imports.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').addColumn('is_gold', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db
    .updateTable('items')
    .set({ is_gold: 1, open: sql`case when import_id is null then 1 else open end` })
    .where('id', 'in', db.selectFrom('gold_answers').select('item_id'))
    .execute();
  // The claim walks a project's open items of one kind (gold or not) in serving order.
  await db.schema.dropIndex('items_claim_idx').execute();
  await db.schema.createIndex('items_claim_idx').on('items').columns(['project_id', 'open', 'is_gold', 'priority desc', 'seq']).execute();

  await db.schema.alterTable('projects').addColumn('gold_feedback', 'text', (c) => c.notNull().defaultTo('audit')).execute();

  await db.schema
    .createTable('gold_scores')
    .addColumn('annotation_id', 'text', (c) => c.primaryKey().references('annotations.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('annotator_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('vendor_id', 'text')
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('questions_scored', 'integer', (c) => c.notNull())
    .addColumn('questions_correct', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gold_scores_project_annotator_idx').on('gold_scores').columns(['project_id', 'annotator_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('gold_scores').execute();
  await db.schema.alterTable('projects').dropColumn('gold_feedback').execute();
  await db.schema.dropIndex('items_claim_idx').execute();
  await db.schema.alterTable('items').dropColumn('is_gold').execute();
  await db.schema.createIndex('items_claim_idx').on('items').columns(['project_id', 'open', 'priority desc', 'seq']).execute();
}
