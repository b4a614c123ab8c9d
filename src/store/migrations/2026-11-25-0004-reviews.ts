/**
 * Review: a project's review policy, flagged items, and one review row per annotation taken into review (its lease
 * while a reviewer holds it, then its outcome). A correction is an ordinary annotation by the reviewer, made through
 * an assignment of status `correction`; a reviewer may correct several annotations of one item, so the rule "one
 * assignment per item and annotator" now holds for task assignments only (a partial unique index). Frozen in time:
 * no application imports.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_policies')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('sample_rate', 'real', (c) => c.notNull())
    .addColumn('first_n', 'integer', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('item_flags')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('items.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('flagged_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    // One review per annotation: the unique index is the final guard of the claim on both engines.
    .addColumn('annotation_id', 'text', (c) => c.notNull().unique().references('annotations.id').onDelete('cascade'))
    // The author of the reviewed annotation, kept here so tallies and "never your own" need no join.
    .addColumn('annotator_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // leased | decided
    .addColumn('lease_expires_at', 'text', (c) => c.notNull())
    .addColumn('triggers', 'text', (c) => c.notNull()) // comma-separated: sample, first_n, flagged, requested
    .addColumn('outcome', 'text') // accept | reject | correct
    .addColumn('reason', 'text')
    .addColumn('correction_annotation_id', 'text', (c) => c.references('annotations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('reviews_project_idx').on('reviews').columns(['project_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('reviews_annotator_idx').on('reviews').columns(['project_id', 'annotator_id', 'status']).execute();
  await db.schema.createIndex('reviews_correction_idx').on('reviews').columns(['correction_annotation_id']).execute();
  // "First n of each annotator" ranks an annotator's annotations in a project.
  await db.schema
    .createIndex('annotations_annotator_idx')
    .on('annotations')
    .columns(['project_id', 'annotator_id', 'created_at', 'id'])
    .execute();

  await db.schema.dropIndex('assignments_item_annotator_unique').execute();
  await db.schema
    .createIndex('assignments_item_annotator_unique')
    .on('assignments')
    .columns(['item_id', 'annotator_id'])
    .unique()
    .where(sql.ref('status'), '<>', 'correction')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  // Corrections go with their reviews: the full unique index could not be rebuilt over them.
  await db.deleteFrom('reviews').execute();
  await db.deleteFrom('annotations').where('assignment_id', 'in', db.selectFrom('assignments').select('id').where('status', '=', 'correction')).execute();
  await db.deleteFrom('assignments').where('status', '=', 'correction').execute();
  await db.schema.dropIndex('assignments_item_annotator_unique').execute();
  await db.schema.createIndex('assignments_item_annotator_unique').on('assignments').columns(['item_id', 'annotator_id']).unique().execute();
  await db.schema.dropIndex('annotations_annotator_idx').execute();
  await db.schema.dropTable('reviews').execute();
  await db.schema.dropTable('item_flags').execute();
  await db.schema.dropTable('review_policies').execute();
}
