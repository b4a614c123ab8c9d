/**
 * The item vocabulary: where an item stands against its project's overlap. The rule that assigns a status is
 * `itemStatusOf` in `figures/counts.ts`, beside the counts that add the statuses up.
 */

/** `remaining`: not started (no judgment, nobody on it). */
export const ITEM_STATUSES = ['complete', 'in_progress', 'remaining'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
