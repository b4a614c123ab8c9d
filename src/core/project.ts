/**
 * A project's vocabulary: its lifecycle, its kind, how it serves gold and overlap, and the shape of a domain. One
 * home for these closed sets, read by the API's schemas, the services and the web app alike.
 */

export const PROJECT_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * What an annotator learns after submitting a gold item they missed: `audit` nothing (the score is only recorded),
 * `feedback` the gold answer and its explanation. A correct gold answer and a normal item never show anything.
 */
export const GOLD_FEEDBACK_MODES = ['audit', 'feedback'] as const;
export type GoldFeedbackMode = (typeof GOLD_FEEDBACK_MODES)[number];

/**
 * `fixed`: exactly `overlapK` judgments per item. `adaptive`: `overlapK` to start with, then one more at a time
 * (preferring an annotator of another vendor and of higher measured skill) until the item's confidence reaches
 * `overlapTau` or it has `overlapKMax`.
 */
export const OVERLAP_MODES = ['fixed', 'adaptive'] as const;
export type OverlapMode = (typeof OVERLAP_MODES)[number];

/** `production` projects do the work; a `qualification` is a gold set taken to earn a measured skill (read-only). */
export const PROJECT_KINDS = ['production', 'qualification'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

/** A domain is a lowercase path: segments of [a-z0-9_-] joined by `/`, e.g. `medicine/cardiology`. */
export const DOMAIN_PATTERN = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/;
export const DOMAIN_MAX_LENGTH = 100;

/** A vendor's quota on a project (null: no cap; both caps apply when both are set). */
export interface VendorQuota {
  /** Most tasks (leased or submitted, gold included) the vendor's annotators may take here; null: no cap. */
  quotaTasks: number | null;
  /** Most share (0..1) of the project's planned judgments (normal items × k) the vendor may take; null: no cap. */
  quotaShare: number | null;
}
