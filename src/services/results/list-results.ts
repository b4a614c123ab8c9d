import { invalid } from '../../core/errors.js';
import { itemConfidence } from '../../core/item-confidence.js';
import type { Actor } from '../../core/permissions.js';
import { decodeSeqCursor, encodeSeqCursor, isAfter } from '../../store/pagination.js';
import { MAX_PAGE_SIZE, type Page } from '../../store/pagination.js';
import type { ServiceDeps } from '../deps.js';
import { requireProjectResults } from './project-results.js';
import type { QuestionAggregate } from './result-types.js';

export interface ListResultsQuery {
  /** Only this question's aggregate, and the confidence filter applies to it. */
  question?: string | undefined;
  /** Keep items whose confidence (of `question`, else their least confident question) is at least this. */
  minConfidence?: number | undefined;
  maxConfidence?: number | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface ItemResult {
  itemId: string;
  externalId: string | null;
  aggregates: QuestionAggregate[];
}

/** Per annotated item, in serving order, the aggregate of each question; filterable by confidence. */
export async function listResults(deps: ServiceDeps, actor: Actor, projectId: string, query: ListResultsQuery): Promise<Page<ItemResult>> {
  const { loaded } = await requireProjectResults(deps, actor, projectId);
  if (query.question !== undefined && !loaded.schema.questions.some((q) => q.id === query.question)) {
    throw invalid(`The schema has no question "${query.question}"`, 'question');
  }
  const filtered = query.minConfidence !== undefined || query.maxConfidence !== undefined;
  const min = query.minConfidence ?? -Infinity;
  const max = query.maxConfidence ?? Infinity;
  const limit = Math.min(query.limit ?? 100, MAX_PAGE_SIZE);
  const after = decodeSeqCursor(query.cursor);

  const items: ItemResult[] = [];
  let more = false;
  for (const row of loaded.order) {
    if (after && !isAfter(row, after)) continue;
    const all = loaded.results.byItem.get(row.id);
    if (!all) continue;
    const aggregates = query.question === undefined ? all : all.filter((a) => a.questionId === query.question);
    if (aggregates.length === 0) continue;
    if (filtered) {
      const c = itemConfidence(aggregates);
      if (c === null || c < min || c > max) continue;
    }
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push({ itemId: row.id, externalId: row.external_id, aggregates });
  }
  const last = items.length > 0 ? loaded.order.find((r) => r.id === items[items.length - 1]!.itemId) : undefined;
  return { items, nextCursor: more && last ? encodeSeqCursor({ seq: last.seq, id: last.id }) : null };
}
