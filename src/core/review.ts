/**
 * The review vocabulary: what a reviewer decides about an annotation, where a review stands, and which policy rule
 * put an annotation in the queue. One home for the store, the services, the routes and the web app.
 */

/** `correct`: the reviewer wrote a corrected annotation that counts instead of the original. */
export const REVIEW_OUTCOMES = ['accept', 'reject', 'correct'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** `leased`: a reviewer holds it (until the lease lapses); `decided`: the verdict is in. */
export const REVIEW_STATUSES = ['leased', 'decided'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The review policy's rules that can choose an annotation; `requested`: a reviewer asked for this one. */
export const REVIEW_TRIGGERS = ['sample', 'first_n', 'flagged', 'low_confidence', 'requested', 'signal'] as const;
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number];
