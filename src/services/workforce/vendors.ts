import { authorize, requireInOrg, type Actor } from '../../core/permissions.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { getVendor, insertVendor, listVendors as listVendorRows, listVendorsPage, updateVendorRow } from '../../store/vendors.js';
import { toPage, MAX_PAGE_SIZE } from '../../store/pagination.js';
import type { VendorRow } from '../../store/schema.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { orgOf } from './organizations.js';
import { PAY_MODELS, type PayModel, type PayTerms, type VendorKind } from '../../core/vendor.js';

export const payTermsOf = (v: VendorRow): PayTerms | null =>
  v.pay_model !== null && v.pay_rate_minor !== null && v.currency !== null
    ? { model: v.pay_model as PayModel, rateMinor: v.pay_rate_minor, currency: v.currency }
    : null;

export const presentVendor = (v: VendorRow) => ({
  id: v.id,
  name: v.name,
  kind: v.kind as VendorKind,
  payTerms: payTermsOf(v),
  createdAt: v.created_at,
});

export async function createVendor(deps: ServiceDeps, actor: Actor, input: { name: string; kind: VendorKind }) {
  authorize(actor, 'vendor.manage');
  const orgId = orgOf(actor);
  const existing = await listVendorRows(deps.store.db, orgId);
  if (existing.some((v) => v.name === input.name)) throw conflict(`A vendor named "${input.name}" exists`, 'name');
  const row: VendorRow = {
    id: newId('vendor'),
    org_id: orgId,
    name: input.name,
    kind: input.kind,
    created_at: nowIsoOf(deps),
    pay_model: null,
    pay_rate_minor: null,
    currency: null,
  };
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
    pay_model: patch.payModel === undefined ? v.pay_model : patch.payModel,
    pay_rate_minor: patch.payRateMinor === undefined ? v.pay_rate_minor : patch.payRateMinor,
    currency: patch.currency === undefined ? v.currency : patch.currency,
  };
  const set = [next.pay_model, next.pay_rate_minor, next.currency].filter((x) => x !== null).length;
  if (set !== 0 && set !== 3) {
    const missing = next.pay_model === null ? 'payModel' : next.pay_rate_minor === null ? 'payRateMinor' : 'currency';
    throw invalid(`Pay terms need payModel, payRateMinor and currency together (or all null); ${missing} is missing`, missing);
  }
  if (patch.name !== undefined && patch.name !== v.name) {
    const existing = await listVendorRows(deps.store.db, v.org_id);
    if (existing.some((o) => o.name === patch.name)) throw conflict(`A vendor named "${patch.name}" exists`, 'name');
  }
  const row: VendorRow = { ...v, ...next, name: patch.name ?? v.name, kind: patch.kind ?? v.kind };
  await deps.store.write((trx) => updateVendorRow(trx, row));
  return presentVendor(row);
}
