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

/** A project's review policy: which annotations go to review. */
export interface ReviewPolicy {
  /** Share of all annotations sampled into review, 0..1 (resolution 1/4096). */
  sampleRate: number;
  /** Every one of each annotator's first n annotations in the project goes to review. */
  firstN: number;
  /** Every annotation of a flagged item goes to review. */
  flagged: boolean;
  /** Annotations of items whose aggregate confidence (the live result) is under this go to review; null: off. */
  lowConfidence: number | null;
  /** Every annotation with an effort or fraud signal (as last computed, `annotation_signals`) goes to review. */
  signals: boolean;
  /**
   * Annotations of gold items come to review too, with the gold answer beside them for every reviewer. Off (the
   * default), gold items stay out of every queue and a reviewer never learns an item is gold; managers and admins
   * may still ask for a gold item's annotation by id, and see its gold answer.
   */
  gold: boolean;
}

/** No policy set: nothing goes to review. */
export const DEFAULT_POLICY: ReviewPolicy = { sampleRate: 0, firstN: 0, flagged: false, lowConfidence: null, signals: false, gold: false };
