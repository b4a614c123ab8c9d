import type { Executor } from './db.js';
import type { VendorRow } from './schema.js';
import { afterKey, decodeCursor } from './pagination.js';

export async function insertVendor(db: Executor, row: VendorRow) {
  await db.insertInto('vendors').values(row).execute();
}

/** Writes a vendor's name, kind and pay terms. */
export async function updateVendorRow(db: Executor, row: VendorRow) {
  await db
    .updateTable('vendors')
    .set({ name: row.name, kind: row.kind, pay_model: row.pay_model, pay_rate_minor: row.pay_rate_minor, currency: row.currency })
    .where('id', '=', row.id)
    .execute();
}

export function getVendor(db: Executor, id: string): Promise<VendorRow | undefined> {
  return db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listVendors(db: Executor, orgId: string): Promise<VendorRow[]> {
  return db.selectFrom('vendors').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
}

export function listVendorsPage(db: Executor, o: { orgId: string; onlyId?: string | null | undefined; cursor?: string | undefined; limit: number }) {
  const after = decodeCursor(o.cursor);
  return db
    .selectFrom('vendors')
    .selectAll()
    .where('org_id', '=', o.orgId)
    .$if(o.onlyId !== undefined, (q) => q.where('id', '=', o.onlyId ?? ''))
    .$if(after !== null, (q) => q.where((eb) => afterKey(eb, after!)))
    .orderBy('created_at')
    .orderBy('id')
    .limit(o.limit + 1)
    .execute();
}
