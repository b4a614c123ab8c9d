import { authorize, can, type Actor } from '../../core/permissions.js';
import { itemStatusOf } from '../../core/figures/counts.js';
import { browseItems, type BrowseItemRow } from '../../store/item-listing.js';
import type { ItemStatus } from '../../core/item.js';
import { decodeSeqCursor, encodeSeqCursor, MAX_PAGE_SIZE, type Page, type SeqKey } from '../../store/pagination.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { foldText, itemMatches, likePrefilter, previewOf } from './item-search.js';

export interface ListItemsQuery {
  status?: ItemStatus | undefined;
  /** Only gold (true) or only non-gold (false) items; needs the gold permission. */
  gold?: boolean | undefined;
  /** Text the item's data, id or external id contains (see `item-search.ts`). */
  q?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface ItemSummary {
  id: string;
  externalId: string | null;
  preview: string;
  judgments: number;
  judgmentsNeeded: number;
  status: ItemStatus;
  /** Only for actors who may see gold (`gold.manage`). */
  isGold?: boolean;
  createdAt: string;
}

/** Candidate rows per round trip while a search filters in JS; most candidates match, so one round usually does. */
const SCAN_BATCH = 200;

/**
 * Who may browse items: `item.read` (admins, managers, reviewers). Vendor managers are refused: the role table gives
 * them no `item.read`, because their scope is their vendor's people and figures (progress, throughput), not the
 * lab's data. Letting them read the items their annotators labeled would be a new, vendor-scoped permission, a
 * product decision, not a side effect of this browser. Annotators see items only as tasks.
 */
export function authorizeItemBrowse(actor: Actor): void {
  authorize(actor, 'item.read');
}

/** Judgments the item asks for: the project's k and those adaptive overlap asked on top. */
export const judgmentsNeededOf = (row: { extra_k: number }, overlapK: number): number => overlapK + Number(row.extra_k);

export const statusOf = (row: { submitted_count: number; extra_k: number }, overlapK: number, hasLiveLease: boolean): ItemStatus =>
  itemStatusOf(row.submitted_count, judgmentsNeededOf(row, overlapK), hasLiveLease);

/** A project's items in serving order, filtered by status, gold and a search, a page at a time. */
export async function listItems(deps: ServiceDeps, actor: Actor, projectId: string, query: ListItemsQuery): Promise<Page<ItemSummary>> {
  authorizeItemBrowse(actor);
  const seesGold = can(actor, 'gold.manage');
  // Filtering by gold would tell which items are gold as surely as a flag would.
  if (query.gold !== undefined) authorize(actor, 'gold.manage');
  const project = await requireProject(deps, actor, projectId);
  const limit = Math.min(query.limit ?? 100, MAX_PAGE_SIZE);
  const text = query.q?.trim() ?? '';
  const folded = foldText(text);
  const base = {
    projectId: project.id,
    overlapK: project.overlap_k,
    now: nowIsoOf(deps),
    status: query.status,
    gold: query.gold,
    likePattern: text ? likePrefilter(text) : undefined,
  };

  const found: BrowseItemRow[] = [];
  let after: SeqKey | null = decodeSeqCursor(query.cursor);
  for (;;) {
    const want = limit + 1 - found.length;
    const batch = text ? Math.max(want, SCAN_BATCH) : want;
    const rows = await browseItems(deps.store.db, { ...base, after, limit: batch });
    for (const row of rows) {
      if (!text || itemMatches(folded, row)) found.push(row);
      if (found.length > limit) break;
    }
    const last = rows[rows.length - 1];
    if (found.length > limit || rows.length < batch || !last) break;
    after = { seq: last.seq, id: last.id };
  }

  const more = found.length > limit;
  const page = found.slice(0, limit);
  const tail = page[page.length - 1];
  return {
    items: page.map((row) => ({
      id: row.id,
      externalId: row.external_id,
      preview: previewOf(row.data),
      judgments: row.submitted_count,
      judgmentsNeeded: judgmentsNeededOf(row, project.overlap_k),
      status: statusOf(row, project.overlap_k, row.has_live_lease),
      ...(seesGold && { isGold: row.is_gold }),
      createdAt: row.created_at,
    })),
    nextCursor: more && tail ? encodeSeqCursor({ seq: tail.seq, id: tail.id }) : null,
  };
}
