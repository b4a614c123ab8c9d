import type { Executor } from './db.js';
import type { VendorRow } from './schema.js';

export async function insertVendor(db: Executor, row: VendorRow) {
  await db.insertInto('vendors').values(row).execute();
}

export function getVendor(db: Executor, id: string): Promise<VendorRow | undefined> {
  return db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listVendors(db: Executor, orgId: string): Promise<VendorRow[]> {
  return db.selectFrom('vendors').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
}
