/**
 * Effort and fraud signals.
 * - signal_policies: a project's thresholds for the signals (absent: the defaults in `services/quality/signal-policy.ts`).
 * - annotation_signals: the flags last computed, one row per annotation and kind, so SQL (the review trigger, reports)
 *   can select flagged annotations; rewritten when the signals are recomputed.
 * - review_policies.signals: 1 sends every annotation with a persisted flag to review.
 * Frozen in time: no application imports.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signal_policies')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('too_fast_ratio', 'real', (c) => c.notNull())
    .addColumn('too_fast_min_others', 'integer', (c) => c.notNull())
    .addColumn('pasted_share', 'real', (c) => c.notNull())
    .addColumn('duplicate_jaccard', 'real', (c) => c.notNull())
    .addColumn('duplicate_min_words', 'integer', (c) => c.notNull())
    .addColumn('straight_share', 'real', (c) => c.notNull())
    .addColumn('straight_alpha', 'real', (c) => c.notNull())
    .addColumn('straight_min_n', 'integer', (c) => c.notNull())
    .addColumn('gold_fail_streak', 'integer') // null: the quality gate's streak
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('annotation_signals')
    .addColumn('annotation_id', 'text', (c) => c.notNull().references('annotations.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('annotation_signals_pk', ['annotation_id', 'kind'])
    .execute();
  await db.schema.createIndex('annotation_signals_project_idx').on('annotation_signals').columns(['project_id', 'kind']).execute();

  await db.schema.alterTable('review_policies').addColumn('signals', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('review_policies').dropColumn('signals').execute();
  await db.schema.dropTable('annotation_signals').execute();
  await db.schema.dropTable('signal_policies').execute();
}
