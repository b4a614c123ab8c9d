/**
 * Routing, qualifications, adaptive overlap and live results.
 * - projects: the required domain and minimum measured skill; `kind` ('production' or 'qualification': a
 *   qualification is a project whose items are all gold, with its settings in `qualifications`); the overlap policy
 *   (`overlap_mode` 'fixed' serves exactly `overlap_k`; 'adaptive' starts at `overlap_k` and asks one more judgment
 *   at a time until the item's confidence reaches `overlap_tau` or it has `overlap_k_max`); `exclude_paused` (1:
 *   results and exports leave out paused annotators' annotations).
 * - review_policies: `low_confidence`, a confidence under which an item's annotations go to review (null: off).
 * - items: `extra_k`, judgments asked beyond the project's k by adaptive overlap; while `prefer_until` is in the
 *   future the extra judgment goes only to an annotator not of `avoid_vendor` whose measured skill on the project
 *   is at least `prefer_skill`.
 * - project_vendors: a quota per vendor, in tasks or as a share of the project's judgments.
 * - qualifications, qualification_attempts, annotator_skills: a gold set per domain with a pass mark; each attempt
 *   and its outcome; the skill a passed attempt grants.
 * - item_results: each item's current aggregate (refreshed after submits), what results, exports and adaptive
 *   overlap read.
 * Frozen in time: no application imports.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  const projects = [
    ['domain', 'text', null],
    ['min_skill', 'real', 0],
    ['kind', 'text', 'production'],
    ['overlap_mode', 'text', 'fixed'],
    ['overlap_k_max', 'integer', 5],
    ['overlap_tau', 'real', 0.9],
    ['exclude_paused', 'integer', 0],
  ] as const;
  for (const [name, type, dflt] of projects) {
    await db.schema
      .alterTable('projects')
      .addColumn(name, type, (c) => (dflt === null ? c : c.notNull().defaultTo(dflt)))
      .execute();
  }
  await db.schema.alterTable('review_policies').addColumn('low_confidence', 'real').execute();

  await db.schema.alterTable('items').addColumn('extra_k', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('items').addColumn('prefer_until', 'text').execute();
  await db.schema.alterTable('items').addColumn('avoid_vendor', 'text').execute();
  await db.schema.alterTable('items').addColumn('prefer_skill', 'real').execute();

  await db.schema.alterTable('project_vendors').addColumn('quota_tasks', 'integer').execute();
  await db.schema.alterTable('project_vendors').addColumn('quota_share', 'real').execute();

  await db.schema
    .createTable('qualifications')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('pass_mark', 'real', (c) => c.notNull())
    .addColumn('attempt_size', 'integer', (c) => c.notNull())
    .addColumn('cooldown_seconds', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('qualification_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // open | passed | failed
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('correct', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('retake_at', 'text')
    .execute();
  await db.schema
    .createIndex('qualification_attempts_user_idx')
    .on('qualification_attempts')
    .columns(['project_id', 'user_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('annotator_skills')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // qualification
    .addColumn('source_id', 'text')
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('annotator_skills_pk', ['user_id', 'domain'])
    .execute();
  // Gold records count towards skill in the project's domain: gold scores by annotator.
  await db.schema.createIndex('gold_scores_annotator_idx').on('gold_scores').columns(['annotator_id', 'project_id']).execute();

  await db.schema
    .createTable('item_results')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('items.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('aggregates', 'text', (c) => c.notNull()) // JSON: QuestionAggregate[]
    .addColumn('confidence', 'real') // the lowest confidence over the item's questions that have one
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_results_project_idx').on('item_results').columns(['project_id', 'confidence']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('item_results').execute();
  await db.schema.dropIndex('gold_scores_annotator_idx').execute();
  await db.schema.dropTable('annotator_skills').execute();
  await db.schema.dropTable('qualification_attempts').execute();
  await db.schema.dropTable('qualifications').execute();
  for (const c of ['quota_share', 'quota_tasks']) await db.schema.alterTable('project_vendors').dropColumn(c).execute();
  for (const c of ['prefer_skill', 'avoid_vendor', 'prefer_until', 'extra_k']) await db.schema.alterTable('items').dropColumn(c).execute();
  await db.schema.alterTable('review_policies').dropColumn('low_confidence').execute();
  for (const c of ['exclude_paused', 'overlap_tau', 'overlap_k_max', 'overlap_mode', 'kind', 'min_skill', 'domain']) {
    await db.schema.alterTable('projects').dropColumn(c).execute();
  }
}
