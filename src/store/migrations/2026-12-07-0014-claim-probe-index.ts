/**
 * The claim asks, for each candidate item, whether the annotator was ever given it (`not exists` on assignments by
 * item and annotator). The unique (item, annotator) index is partial (`status <> 'correction'`, since 0004), so
 * neither engine may use it for that probe, which then walked every assignment of the annotator: a claim cost grew
 * with the annotator's history, and the gold candidate, which reads every eligible gold item (least-judged first),
 * paid it once per gold item. A plain index on (annotator_id, item_id) makes each probe one index seek
 * (on PostgreSQL once the tables have statistics: autovacuum analyzes them after an import or a burst of claims).
 * Frozen in time: no application imports.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('assignments_annotator_item_idx').on('assignments').columns(['annotator_id', 'item_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assignments_annotator_item_idx').execute();
}
