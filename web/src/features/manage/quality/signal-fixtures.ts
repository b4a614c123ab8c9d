/**
 * Hand-made answers of the signals routes for component tests. Ada (u1, vendor v1) has 3 of 40 annotations flagged
 * (2 too fast, 1 pasted); Bo (u2, vendor v2) 5 of 12 (5 near-duplicates, 1 of them also too fast); Cy (u3, v2) none
 * of 8. So v1: 3 of 40; v2: 5 of 20; the whole project 8 of 60.
 */
import type { FlaggedAnnotation, SignalPolicyView, SignalsView } from './types';

const kinds = (k: Partial<SignalsView['vendors'][number]['byKind']>) => ({ too_fast: 0, pasted: 0, near_duplicate: 0, straight_lining: 0, gold_fail_streak: 0, ...k });

export const POLICY: SignalPolicyView = {
  projectId: 'p1',
  tooFastRatio: 0.25,
  tooFastMinOthers: 3,
  pastedShare: 0.5,
  duplicateJaccard: 0.8,
  duplicateMinWords: 20,
  straightShare: 0.9,
  straightAlpha: 0.001,
  straightMinN: 20,
  goldFailStreak: null,
  updatedAt: null,
};

export const ANNOTATOR_COUNTS: SignalsView['annotators'] = [
  { annotatorId: 'u1', pseudonym: 'annotator-aa', vendorId: 'v1', n: 40, flagged: 3, byKind: kinds({ too_fast: 2, pasted: 1 }) },
  { annotatorId: 'u2', pseudonym: 'annotator-bb', vendorId: 'v2', n: 12, flagged: 5, byKind: kinds({ near_duplicate: 5, too_fast: 1 }) },
  { annotatorId: 'u3', pseudonym: 'annotator-cc', vendorId: 'v2', n: 8, flagged: 0, byKind: kinds({}) },
];

export const VENDOR_COUNTS: SignalsView['vendors'] = [
  { vendorId: 'v1', n: 40, flagged: 3, byKind: kinds({ too_fast: 2, pasted: 1 }) },
  { vendorId: 'v2', n: 20, flagged: 5, byKind: kinds({ near_duplicate: 5, too_fast: 1 }) },
];

export function flagged(i: number, extra: Partial<FlaggedAnnotation> = {}): FlaggedAnnotation {
  return {
    annotationId: `a${i}`,
    itemId: `i${i}`,
    itemExternalId: `review-${i}`,
    annotatorId: 'u1',
    pseudonym: 'annotator-aa',
    vendorId: 'v1',
    createdAt: '2025-03-01T11:00:00.000Z',
    flags: [{ kind: 'too_fast', detail: `700 ms on task: 0.05 × the item's median of other annotators (14000 ms); the annotator's median is 9000 ms`, value: 0.05, threshold: 0.25 }],
    ...extra,
  };
}

/** One page of the signals route: `items`, the cursor, and the counts (whole, whatever the filter). */
export function signalsPage(items: FlaggedAnnotation[], nextCursor: string | null = null, policy = POLICY): SignalsView {
  const { projectId: _p, updatedAt: _u, ...thresholds } = policy;
  return { projectId: 'p1', policy: thresholds, items, nextCursor, annotators: ANNOTATOR_COUNTS, vendors: VENDOR_COUNTS };
}
