/**
 * The qualification vocabulary: an attempt's state, why an attempt is refused, and where an annotator stands on a
 * qualification as their own list shows it.
 */

/** `open`: answering; `passed`/`failed`: scored against the qualification's gold. */
export const ATTEMPT_STATUSES = ['open', 'passed', 'failed'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** Why a new attempt cannot start: passed already, cooling down after a failure, out of attempts, not active. */
export const ATTEMPT_REFUSALS = ['already_passed', 'cooldown', 'exhausted', 'inactive'] as const;
export type AttemptRefusal = (typeof ATTEMPT_REFUSALS)[number];

/** The annotator's standing on one qualification (`in_progress`: an attempt is open). */
export const MINE_STATUSES = ['not_taken', 'in_progress', 'passed', 'failed'] as const;
export type MineStatus = (typeof MINE_STATUSES)[number];
