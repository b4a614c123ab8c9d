/**
 * The annotator table's rows: live gold accuracy, agreement with the consensus and gate status joined with the
 * review tally and vendor names, and their order for each sortable column. Annotators appear once they have a
 * scored gold item; review figures are added where their work has been reviewed, flag counts (effort and fraud
 * signals) where the signals have been read.
 */
import type { AnnotatorAccuracy, ReviewTally, SignalCounts, SignalsView } from './types';

export interface AnnotatorRow {
  id: string;
  name: string;
  pseudonym: string;
  vendor: string | null;
  gold: number;
  correct: number;
  /** Correct of gold judged, with its Wilson 95% interval: the figure the Vendors tab and the report show. */
  accuracy: { rate: number; lower: number; upper: number };
  /** Paused by the project's quality gate, or active. */
  status: AnnotatorAccuracy['status'];
  /** Agreement with the aggregated answer (label questions of normal items) with its Wilson 95% interval; null before any. */
  agreement: { n: number; agreed: number; rate: number; lower: number; upper: number } | null;
  /** Null when none of their annotations has been reviewed. */
  review: { reviewed: number; accepted: number; rejected: number; corrected: number; acceptance: { estimate: number; lower: number; upper: number } } | null;
  /** Their annotations considered by the signals, flagged, and flagged by kind; null until the signals are read. */
  flags: SignalCounts | null;
}

export const SORT_KEYS = ['annotator', 'vendor', 'status', 'gold', 'accuracy', 'agreement', 'reviewed', 'acceptance', 'flags'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

export function joinAnnotatorRows(
  accuracy: readonly AnnotatorAccuracy[],
  tally: readonly ReviewTally[],
  vendorNames: ReadonlyMap<string, string>,
  signals?: SignalsView['annotators'],
): AnnotatorRow[] {
  const reviews = new Map(tally.map((t) => [t.annotatorId, t]));
  const flags = new Map((signals ?? []).map((c) => [c.annotatorId, c]));
  const flagsOf = (id: string): SignalCounts | null => {
    if (!signals) return null;
    const c = flags.get(id);
    return c ? { n: c.n, flagged: c.flagged, byKind: c.byKind } : { n: 0, flagged: 0, byKind: { too_fast: 0, pasted: 0, near_duplicate: 0, straight_lining: 0, gold_fail_streak: 0 } };
  };
  return accuracy.map((a) => {
    const t = reviews.get(a.annotatorId);
    return {
      id: a.annotatorId,
      name: a.name,
      pseudonym: a.pseudonym,
      vendor: a.vendorId === null ? null : (vendorNames.get(a.vendorId) ?? a.vendorId),
      gold: a.n,
      correct: a.correct,
      accuracy: { rate: a.accuracy.rate, lower: a.accuracy.lower, upper: a.accuracy.upper },
      status: a.status,
      agreement: a.agreement,
      review:
        t && t.reviewed > 0
          ? { reviewed: t.reviewed, accepted: t.accepted, rejected: t.rejected, corrected: t.corrected, acceptance: { estimate: t.acceptance.estimate, lower: t.acceptance.lower, upper: t.acceptance.upper } }
          : null,
      flags: flagsOf(a.annotatorId),
    };
  });
}

/** The value a column sorts by; null sorts last in either direction. */
const SORT_VALUE: Record<SortKey, (r: AnnotatorRow) => string | number | null> = {
  annotator: (r) => r.name,
  vendor: (r) => r.vendor,
  gold: (r) => r.gold,
  // Paused before active when ascending: the rows that need a manager first.
  status: (r) => (r.status === 'paused' ? 0 : 1),
  accuracy: (r) => r.accuracy.rate,
  agreement: (r) => r.agreement?.rate ?? null,
  reviewed: (r) => r.review?.reviewed ?? null,
  acceptance: (r) => r.review?.acceptance.estimate ?? null,
  // The share flagged: 3 of 10 ranks above 10 of 100.
  flags: (r) => (r.flags && r.flags.n > 0 ? r.flags.flagged / r.flags.n : null),
};

/** A sorted copy; ties keep the name order, so the table never shuffles between refreshes. */
export function sortAnnotatorRows(rows: readonly AnnotatorRow[], key: SortKey, direction: SortDirection): AnnotatorRow[] {
  const value = SORT_VALUE[key];
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: AnnotatorRow, b: AnnotatorRow) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const c = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : (x as number) - (y as number);
    return c !== 0 ? sign * c : byName(a, b);
  });
}
