/**
 * Quality gates: each project's gate policy (on by default: floor 0.6 on the 95% upper bound of gold accuracy after
 * at least 10 gold items, or 5 gold items missed in a row); one status row per (project, annotator) that has
 * submitted gold there, with the gold tallies the gate reads (since the last reinstatement) and whether the
 * annotator is paused, why and by whom reinstated; and an append-only `events` table ("annotator paused", with the
 * reason, and "annotator reinstated"). Frozen in time: no application imports.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('projects').addColumn('gate_enabled', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('projects').addColumn('gate_floor', 'real', (c) => c.notNull().defaultTo(0.6)).execute();
  await db.schema.alterTable('projects').addColumn('gate_min_gold', 'integer', (c) => c.notNull().defaultTo(10)).execute();
  await db.schema.alterTable('projects').addColumn('gate_max_fail_streak', 'integer', (c) => c.notNull().defaultTo(5)).execute();

  await db.schema
    .createTable('annotator_project_status')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('annotator_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // active | paused
    .addColumn('reason', 'text')
    .addColumn('paused_at', 'text')
    .addColumn('reinstated_by', 'text')
    .addColumn('reinstated_at', 'text')
    // Gold tallies since the annotator started or was last reinstated: what the gate reads at submit.
    .addColumn('gold_n', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gold_correct', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fail_streak', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('annotator_project_status_pk', ['project_id', 'annotator_id'])
    .execute();
  await db.schema.createIndex('annotator_project_status_status_idx').on('annotator_project_status').columns(['project_id', 'status']).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // annotator.paused | annotator.reinstated
    .addColumn('subject_id', 'text') // the annotator concerned
    .addColumn('actor_id', 'text', (c) => c.notNull()) // 'system' for the gate itself
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_project_idx').on('events').columns(['project_id', 'created_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('events').execute();
  await db.schema.dropTable('annotator_project_status').execute();
  for (const c of ['gate_max_fail_streak', 'gate_min_gold', 'gate_floor', 'gate_enabled']) {
    await db.schema.alterTable('projects').dropColumn(c).execute();
  }
}
