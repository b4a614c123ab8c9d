/**
 * The effort and fraud signals' vocabulary: the kinds of flag, and the one policy type holding a project's
 * thresholds (the API's signal policy, the sentences that explain it, the rules that apply it), with its defaults.
 */

export const SIGNAL_KINDS = ['too_fast', 'pasted', 'near_duplicate', 'straight_lining', 'gold_fail_streak'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** When an annotation is flagged, per kind. */
export interface SignalPolicy {
  /** too_fast: time on task under this fraction of the item's median and of the annotator's own median. */
  tooFastRatio: number;
  /** too_fast: other annotators' annotations an item needs for its own median; fewer, the project's median. */
  tooFastMinOthers: number;
  /** pasted: pasted characters over the length of the text answers at or above this. */
  pastedShare: number;
  /** near_duplicate: estimated Jaccard similarity (MinHash, word 3-grams) at or above this. */
  duplicateJaccard: number;
  /** near_duplicate: texts with fewer words are ignored. */
  duplicateMinWords: number;
  /** straight_lining: share of the annotator's most frequent answer at or above this … */
  straightShare: number;
  /** … and its one-sided binomial p-value against the project's share under this … */
  straightAlpha: number;
  /** … with at least this many answers to the question. */
  straightMinN: number;
  /** gold_fail_streak: missed gold items in a row; null: the quality gate's streak (0 there: off). */
  goldFailStreak: number | null;
}

/** The thresholds of a project that has set none. */
export const DEFAULT_SIGNAL_POLICY: SignalPolicy = {
  tooFastRatio: 0.25,
  tooFastMinOthers: 3,
  pastedShare: 0.5,
  duplicateJaccard: 0.8,
  duplicateMinWords: 20,
  straightShare: 0.9,
  straightAlpha: 0.001,
  straightMinN: 20,
  goldFailStreak: null,
};
