/**
 * The confidence histogram's bins: ten of 10 points each, [0, 0.1), [0.1, 0.2), … [0.9, 1] (the last holds 1), and
 * the Results tab's address for a bin. The Results filter includes both ends, so an item exactly on an edge also
 * shows in the bin below's list.
 */
export const BIN_COUNT = 10;

export interface ConfidenceBin {
  /** Edges in whole percent. */
  from: number;
  to: number;
  count: number;
}

/** Counts per bin, and the items whose aggregate has no confidence. */
export function binConfidences(values: readonly (number | null)[]): { bins: ConfidenceBin[]; none: number } {
  const bins = Array.from({ length: BIN_COUNT }, (_, i) => ({ from: (i * 100) / BIN_COUNT, to: ((i + 1) * 100) / BIN_COUNT, count: 0 }));
  let none = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) none++;
    else bins[Math.min(BIN_COUNT - 1, Math.max(0, Math.floor(v * BIN_COUNT)))]!.count++;
  }
  return { bins, none };
}

export const binLabel = (b: ConfidenceBin) => `${b.from}–${b.to}%`;

/** The Results tab listing the question's items with a confidence in the bin (its filters take whole percent). */
export function resultsLinkFor(projectId: string, question: string, b: ConfidenceBin): string {
  const q = new URLSearchParams({ question, min: String(b.from), max: String(b.to) });
  return `/manage/projects/${projectId}/results?${q.toString()}`;
}
