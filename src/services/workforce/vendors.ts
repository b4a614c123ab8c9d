import { authorize, requireInOrg, type Actor } from '../../core/permissions.js';
import { conflict, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { getVendor, insertVendor, listVendors as listVendorRows, listVendorsPage } from '../../store/vendors.js';
import { toPage, MAX_PAGE_SIZE } from '../../store/pagination.js';
import type { VendorRow } from '../../store/schema.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { orgOf } from './organizations.js';

export const VENDOR_KINDS = ['in_house', 'crowd', 'expert_network'] as const;
export type VendorKind = (typeof VENDOR_KINDS)[number];

export const presentVendor = (v: VendorRow) => ({ id: v.id, name: v.name, kind: v.kind as VendorKind, createdAt: v.created_at });

export async function createVendor(deps: ServiceDeps, actor: Actor, input: { name: string; kind: VendorKind }) {
  authorize(actor, 'vendor.manage');
  const orgId = orgOf(actor);
  const existing = await listVendorRows(deps.store.db, orgId);
  if (existing.some((v) => v.name === input.name)) throw conflict(`A vendor named "${input.name}" exists`, 'name');
  const row: VendorRow = { id: newId('vendor'), org_id: orgId, name: input.name, kind: input.kind, created_at: nowIsoOf(deps) };
  await deps.store.write((trx) => insertVendor(trx, row));
  return presentVendor(row);
}

/** The organization's vendors; a vendor manager sees only its own. */
export async function listVendors(deps: ServiceDeps, actor: Actor, q: { cursor?: string | undefined; limit?: number | undefined } = {}) {
  authorize(actor, 'vendor.read');
  const limit = Math.min(q.limit ?? 100, MAX_PAGE_SIZE);
  const onlyId = actor.kind === 'user' && actor.role === 'vendor_manager' ? actor.vendorId : undefined;
  const rows = await listVendorsPage(deps.store.db, { orgId: orgOf(actor), onlyId, cursor: q.cursor, limit });
  return toPage(rows, limit, presentVendor);
}

export async function getVendorInScope(deps: ServiceDeps, actor: Actor, vendorId: string) {
  authorize(actor, 'vendor.read');
  const v = requireInOrg(actor, await getVendor(deps.store.db, vendorId), 'Vendor');
  if (actor.kind === 'user' && actor.role === 'vendor_manager' && actor.vendorId !== v.id) throw notFound('Vendor');
  return presentVendor(v);
}
