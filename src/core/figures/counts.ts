/**
 * What a project's counts count, defined once and said the same way on every screen, in the report and in the API.
 *
 * - **Items**: the project's published items that need judgments. Hidden gold items are not among them: they are
 *   served to every annotator, never complete, and are counted apart as **gold items**.
 * - **Judgments**: annotators' answers to those items (one per annotator and item). Answers to gold items and
 *   reviewers' corrections are not judgments of the project's items.
 * - **Planned judgments**: what the items ask for: the project's k each, plus what adaptive overlap asked on top.
 * - An item is **complete** when it has all its planned judgments; **in progress** when it has at least one judgment
 *   or a live lease but not all its judgments; **not started** when it has neither. The three add up to the items.
 *
 * `itemStatusOf` is the per-item rule; the store counts with the same rule in SQL (`projectProgress`), and the tests
 * check one against the other.
 */

import type { ItemStatus } from '../item.js';

/** An item's status from its judgments, the judgments it asks for and whether someone holds a live lease on it. */
export function itemStatusOf(judgments: number, planned: number, hasLiveLease: boolean): ItemStatus {
  if (judgments >= planned) return 'complete';
  return judgments > 0 || hasLiveLease ? 'in_progress' : 'remaining';
}

/** A project's counts, as `GET /projects/{id}/progress` gives them. */
export interface ProjectCounts {
  /** Items that need judgments (published, not gold). */
  totalItems: number;
  completeItems: number;
  /** At least one judgment or a live lease, not complete. */
  itemsInProgress: number;
  /** Not started: no judgment and no live lease. */
  remainingItems: number;
  /** Judgments made on the items. */
  judgments: number;
  /** Judgments the items ask for (k each, plus adaptive extras). */
  judgmentsPlanned: number;
  /** Hidden gold items (published), counted apart from the items. */
  goldItems: number;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "24 of 33 items complete". */
export const itemsSentence = (c: Pick<ProjectCounts, 'totalItems' | 'completeItems'>): string =>
  `${c.completeItems.toLocaleString('en-US')} of ${plural(c.totalItems, 'item')} complete`;

/**
 * The counts in one line a reader can check against each other: "24 of 33 items complete · 40 of 66 judgments · 3
 * gold items". Without `goldItems` (an annotator's view: which items are gold is not theirs to know, nor how many)
 * the gold part is left out.
 */
export function countsSentence(c: Pick<ProjectCounts, 'totalItems' | 'completeItems' | 'judgments' | 'judgmentsPlanned'> & { goldItems?: number | null | undefined }): string {
  const parts = [itemsSentence(c), `${c.judgments.toLocaleString('en-US')} of ${plural(c.judgmentsPlanned, 'judgment')}`];
  if (c.goldItems !== undefined && c.goldItems !== null) parts.push(plural(c.goldItems, 'gold item'));
  return parts.join(' · ');
}

/** Share of planned judgments made, 0..1 (0 when nothing is planned). */
export const judgmentShare = (c: Pick<ProjectCounts, 'judgments' | 'judgmentsPlanned'>): number =>
  c.judgmentsPlanned === 0 ? 0 : Math.min(1, c.judgments / c.judgmentsPlanned);
