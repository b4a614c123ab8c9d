/**
 * Vendor pay terms, what a scorecard's cost per judgment (and per correct judgment) is computed from:
 * - vendors.pay_model: 'per_task' (the rate is paid per submitted judgment) or 'per_hour' (per hour of active time,
 *   the annotations' summed time_spent_ms); null until set.
 * - vendors.pay_rate_minor: the rate in integer minor units of `currency` (cents for USD), never floating point.
 * - vendors.currency: ISO 4217 code, three upper-case letters.
 * Frozen in time: no application imports.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('vendors').addColumn('pay_model', 'text').execute();
  await db.schema.alterTable('vendors').addColumn('pay_rate_minor', 'integer').execute();
  await db.schema.alterTable('vendors').addColumn('currency', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['currency', 'pay_rate_minor', 'pay_model']) await db.schema.alterTable('vendors').dropColumn(c).execute();
}
