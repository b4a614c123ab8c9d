import { authorize, requireInOrg, type Actor } from '../../core/permissions.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { getVendor, insertVendor, listVendors as listVendorRows, listVendorsPage, updateVendorRow } from '../../store/vendors.js';
import { MAX_PAGE_SIZE, type Page } from '../../store/pagination.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { orgOf } from './organizations.js';
import { PAY_MODELS, type PayModel, type PayTerms, type Vendor, type VendorKind } from '../../core/vendor.js';

export interface VendorView {
  id: string;
  name: string;
  kind: VendorKind;
  payTerms: PayTerms | null;
  createdAt: string;
}

export const presentVendor = (v: Vendor): VendorView => ({ id: v.id, name: v.name, kind: v.kind, payTerms: v.payTerms, createdAt: v.created_at });

export async function createVendor(deps: ServiceDeps, actor: Actor, input: { name: string; kind: VendorKind }) {
  authorize(actor, 'vendor.manage');
  const orgId = orgOf(actor);
  const existing = await listVendorRows(deps.store.db, orgId);
  if (existing.some((v) => v.name === input.name)) throw conflict(`A vendor named "${input.name}" exists`, 'name');
  const row: Vendor = { id: newId('vendor'), org_id: orgId, name: input.name, kind: input.kind, payTerms: null, created_at: nowIsoOf(deps) };
  await deps.store.write((trx) => insertVendor(trx, row));
  return presentVendor(row);
}

/** The organization's vendors; a vendor manager sees only its own. */
export async function listVendors(deps: ServiceDeps, actor: Actor, q: { cursor?: string | undefined; limit?: number | undefined } = {}) {
  authorize(actor, 'vendor.read');
  const limit = Math.min(q.limit ?? 100, MAX_PAGE_SIZE);
  const onlyId = actor.kind === 'user' && actor.role === 'vendor_manager' ? actor.vendorId : undefined;
  const page = await listVendorsPage(deps.store.db, { orgId: orgOf(actor), onlyId, cursor: q.cursor, limit });
  return { ...page, items: page.items.map(presentVendor) } satisfies Page<VendorView>;
}

export async function getVendorInScope(deps: ServiceDeps, actor: Actor, vendorId: string) {
  authorize(actor, 'vendor.read');
  const v = requireInOrg(actor, await getVendor(deps.store.db, vendorId), 'Vendor');
  if (actor.kind === 'user' && actor.role === 'vendor_manager' && actor.vendorId !== v.id) throw notFound('Vendor');
  return presentVendor(v);
}

export interface VendorPatch {
  name?: string | undefined;
  kind?: VendorKind | undefined;
  /** All three set together, or all three null to clear the terms. */
  payModel?: PayModel | null | undefined;
  payRateMinor?: number | null | undefined;
  currency?: string | null | undefined;
}

/**
 * Renames a vendor or sets its pay terms (admin). The terms after the change must be whole (model, rate and currency
 * all set) or absent (all null): a scorecard cannot cost judgments from half of them.
 */
export async function updateVendor(deps: ServiceDeps, actor: Actor, vendorId: string, patch: VendorPatch) {
  authorize(actor, 'vendor.manage');
  const v = requireInOrg(actor, await getVendor(deps.store.db, vendorId), 'Vendor');
  if (patch.payModel !== undefined && patch.payModel !== null && !(PAY_MODELS as readonly string[]).includes(patch.payModel)) {
    throw invalid(`payModel must be one of ${PAY_MODELS.join(', ')}`, 'payModel');
  }
  if (patch.payRateMinor !== undefined && patch.payRateMinor !== null && !(Number.isSafeInteger(patch.payRateMinor) && patch.payRateMinor >= 0)) {
    throw invalid('payRateMinor must be a whole number of minor units, 0 or more', 'payRateMinor');
  }
  if (patch.currency !== undefined && patch.currency !== null && !/^[A-Z]{3}$/.test(patch.currency)) {
    throw invalid('currency must be an ISO 4217 code of three capital letters, e.g. USD', 'currency');
  }
  const next = {
    model: patch.payModel === undefined ? (v.payTerms?.model ?? null) : patch.payModel,
    rateMinor: patch.payRateMinor === undefined ? (v.payTerms?.rateMinor ?? null) : patch.payRateMinor,
    currency: patch.currency === undefined ? (v.payTerms?.currency ?? null) : patch.currency,
  };
  const set = [next.model, next.rateMinor, next.currency].filter((x) => x !== null).length;
  if (set !== 0 && set !== 3) {
    const missing = next.model === null ? 'payModel' : next.rateMinor === null ? 'payRateMinor' : 'currency';
    throw invalid(`Pay terms need payModel, payRateMinor and currency together (or all null); ${missing} is missing`, missing);
  }
  const payTerms: PayTerms | null = set === 3 ? { model: next.model!, rateMinor: next.rateMinor!, currency: next.currency! } : null;
  if (patch.name !== undefined && patch.name !== v.name) {
    const existing = await listVendorRows(deps.store.db, v.org_id);
    if (existing.some((o) => o.name === patch.name)) throw conflict(`A vendor named "${patch.name}" exists`, 'name');
  }
  const row: Vendor = { ...v, payTerms, name: patch.name ?? v.name, kind: patch.kind ?? v.kind };
  await deps.store.write((trx) => updateVendorRow(trx, row));
  return presentVendor(row);
}
