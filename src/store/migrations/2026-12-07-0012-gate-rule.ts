/**
 * The quality gate's rules are derived from the floor (issue 16): the project keeps its floor and gains the chance
 * rate of a guesser (`gate_chance`, null: from the schema's options); the fixed "after 10 gold items" and "5 misses in
 * a row" settings go, since the derived rule replaces them (5 in a row paused honest annotators above the floor).
 * Frozen in time: no application imports.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('projects').addColumn('gate_chance', 'real').execute();
  await db.schema.alterTable('projects').dropColumn('gate_min_gold').execute();
  await db.schema.alterTable('projects').dropColumn('gate_max_fail_streak').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('projects').addColumn('gate_min_gold', 'integer', (c) => c.notNull().defaultTo(10)).execute();
  await db.schema.alterTable('projects').addColumn('gate_max_fail_streak', 'integer', (c) => c.notNull().defaultTo(5)).execute();
  await db.schema.alterTable('projects').dropColumn('gate_chance').execute();
}
