/**
 * Vendors. The pay terms live in three nullable columns that are set together; the store gives them whole or null.
 */
import type { Executor } from './db.js';
import type { VendorRow } from './schema.js';
import { afterKey, decodeCursor, toPage, type Page } from './pagination.js';
import type { PayModel, Vendor, VendorKind } from '../core/vendor.js';

/** The one mapping of a vendor row. */
function vendorOf(r: VendorRow): Vendor {
  const payTerms =
    r.pay_model !== null && r.pay_rate_minor !== null && r.currency !== null
      ? { model: r.pay_model as PayModel, rateMinor: r.pay_rate_minor, currency: r.currency }
      : null;
  return { id: r.id, org_id: r.org_id, name: r.name, kind: r.kind as VendorKind, payTerms, created_at: r.created_at };
}

function rowOf(v: Vendor): VendorRow {
  return {
    id: v.id,
    org_id: v.org_id,
    name: v.name,
    kind: v.kind,
    created_at: v.created_at,
    pay_model: v.payTerms?.model ?? null,
    pay_rate_minor: v.payTerms?.rateMinor ?? null,
    currency: v.payTerms?.currency ?? null,
  };
}

export async function insertVendor(db: Executor, v: Vendor) {
  await db.insertInto('vendors').values(rowOf(v)).execute();
}

/** Writes a vendor's name, kind and pay terms. */
export async function updateVendorRow(db: Executor, v: Vendor) {
  const { name, kind, pay_model, pay_rate_minor, currency } = rowOf(v);
  await db.updateTable('vendors').set({ name, kind, pay_model, pay_rate_minor, currency }).where('id', '=', v.id).execute();
}

export async function getVendor(db: Executor, id: string): Promise<Vendor | undefined> {
  const r = await db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst();
  return r && vendorOf(r);
}

export async function listVendors(db: Executor, orgId: string): Promise<Vendor[]> {
  const rows = await db.selectFrom('vendors').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
  return rows.map(vendorOf);
}

export async function listVendorsPage(
  db: Executor,
  o: { orgId: string; onlyId?: string | null | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<Vendor>> {
  const after = decodeCursor(o.cursor);
  const rows = await db
    .selectFrom('vendors')
    .selectAll()
    .where('org_id', '=', o.orgId)
    .$if(o.onlyId !== undefined, (q) => q.where('id', '=', o.onlyId ?? ''))
    .$if(after !== null, (q) => q.where((eb) => afterKey(eb, after!)))
    .orderBy('created_at')
    .orderBy('id')
    .limit(o.limit + 1)
    .execute();
  return toPage(rows, o.limit, vendorOf);
}
