/**
 * The vendor vocabulary: what kind of workforce a vendor is and how it is paid.
 */

export const VENDOR_KINDS = ['in_house', 'crowd', 'expert_network'] as const;
export type VendorKind = (typeof VENDOR_KINDS)[number];

/** How a vendor is paid: per submitted judgment, or per hour of active time (the annotations' time_spent_ms). */
export const PAY_MODELS = ['per_task', 'per_hour'] as const;
export type PayModel = (typeof PAY_MODELS)[number];

/** A vendor's pay terms: the rate in integer minor units of an ISO 4217 currency. */
export interface PayTerms {
  model: PayModel;
  rateMinor: number;
  currency: string;
}

/** A vendor as the store returns it: kind typed, pay terms whole or null. */
export interface Vendor {
  id: string;
  org_id: string;
  name: string;
  kind: VendorKind;
  payTerms: PayTerms | null;
  created_at: string;
}
