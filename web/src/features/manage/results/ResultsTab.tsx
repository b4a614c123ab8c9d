/**
 * The project's results browser: items on the left (filters, search, a question's confidence range, more on
 * scroll), the selected item on the right. Filters and the selected item live in the URL (`?item=…`), so a view
 * can be linked and the back button undoes a filter. ↑/↓ move through the list, `/` jumps to the search.
 */
import { basisInWords } from '@core/figures/confidence-basis';
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useMe, useProjectSchema } from '../../../api/queries';
import { useHotkeys } from '../../../components/useHotkeys';
import { ErrorMessage, Loading } from '../../../components/Status';
import type { ItemData, TaskSchema } from '../../../schema';
import { ItemDetailView } from './ItemDetailView';
import { isConfidenceMode, ItemList, type BrowseFilters, type ListRow } from './ItemList';
import { useItems, useResults } from './queries';
import { summariseAggregate } from './summaries';
import type { ItemStatus } from './types';
import './results.css';

const STATUSES: readonly string[] = ['complete', 'in_progress', 'remaining'];

function readFilters(params: URLSearchParams): BrowseFilters {
  const num = (k: string) => {
    const v = params.get(k);
    return v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
  };
  const status = params.get('status') ?? '';
  const gold = params.get('gold');
  return {
    status: STATUSES.includes(status) ? (status as ItemStatus) : undefined,
    gold: gold === 'true' ? true : gold === 'false' ? false : undefined,
    q: params.get('q') || undefined,
    question: params.get('question') || undefined,
    min: num('min'),
    max: num('max'),
  };
}

function writeFilters(params: URLSearchParams, f: BrowseFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (k: string, v: string | number | boolean | undefined) => (v === undefined || v === '' ? next.delete(k) : next.set(k, String(v)));
  set('status', f.status);
  set('gold', f.gold);
  set('q', f.q);
  set('question', f.question);
  set('min', f.min);
  set('max', f.max);
  return next;
}

const spanCount = (answer: unknown) => {
  const n = Array.isArray(answer) ? answer.length : 0;
  return n === 0 ? 'No consensus spans' : `${n} consensus span${n === 1 ? '' : 's'}`;
};

export function ResultsTab({ projectId }: { projectId: string }) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const selected = params.get('item');
  const me = useMe();
  const seesGold = me.data?.role === 'admin' || me.data?.role === 'manager';
  const schemaQuery = useProjectSchema(projectId);
  const schema = schemaQuery.data?.schema as TaskSchema | undefined;
  const confidenceMode = isConfidenceMode(filters);

  const items = useItems(projectId, { status: filters.status, gold: seesGold ? filters.gold : undefined, q: filters.q }, !confidenceMode);
  const results = useResults(
    projectId,
    { question: filters.question ?? '', min: filters.min === undefined ? undefined : filters.min / 100, max: filters.max === undefined ? undefined : filters.max / 100 },
    confidenceMode,
  );
  const source = confidenceMode ? results : items;

  const rows: ListRow[] = useMemo(() => {
    if (confidenceMode) {
      const q = schema?.questions.find((x) => x.id === filters.question);
      return (results.data?.pages ?? []).flatMap((page) =>
        page.items.map((r) => {
          const a = r.aggregates[0];
          return {
            id: r.itemId,
            title: r.externalId ?? r.itemId,
            // The list has no item data: spans are counted, not quoted.
            answer: !a || !q ? '—' : q.type === 'span' ? spanCount(a.answer) : summariseAggregate(q, a, {} as ItemData),
            confidence: a?.confidence ?? null,
          };
        }),
      );
    }
    return (items.data?.pages ?? []).flatMap((page) =>
      page.items.map((i) => ({
        id: i.id,
        title: i.externalId ?? i.id,
        preview: i.preview,
        status: i.status,
        judgments: i.judgments,
        judgmentsNeeded: i.judgmentsNeeded,
        ...(i.isGold !== undefined && { isGold: i.isGold }),
      })),
    );
  }, [confidenceMode, results.data, items.data, schema, filters.question]);

  // One fit per question, so the listed confidences share one basis.
  const firstBasis = confidenceMode ? results.data?.pages[0]?.items[0]?.aggregates[0]?.basis : undefined;
  const basis = firstBasis ? basisInWords(firstBasis) : undefined;

  const select = useCallback(
    (id: string) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('item', id);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setFilters = (f: BrowseFilters) => setParams((p) => writeFilters(p, f));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = source;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const searchRef = useRef<HTMLInputElement>(null);
  const move = (delta: number) => {
    if (rows.length === 0) return;
    const at = rows.findIndex((r) => r.id === selected);
    const next = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta));
    select(rows[next]!.id);
    // Reaching the end of what is loaded fetches the next page, so ↓ walks through the whole project.
    if (next >= rows.length - 3) loadMore();
  };
  useHotkeys({
    arrowdown: () => move(1),
    arrowup: () => move(-1),
    '/': () => searchRef.current?.focus(),
  });

  if (schemaQuery.isPending) return <Loading label="Loading the schema" />;
  if (schemaQuery.isError || !schema) return <ErrorMessage error={schemaQuery.error} title="The schema could not be loaded" />;
  const withConfidence = schema.questions.filter((q) => q.type !== 'text' && q.type !== 'conversation');

  return (
    <div className="results-browser">
      <section className="results-pane results-list-pane" aria-label="Items">
        <ItemList
          filters={filters}
          onFilters={setFilters}
          questions={withConfidence}
          seesGold={seesGold}
          rows={rows}
          selected={selected}
          onSelect={select}
          loading={source.isPending}
          error={source.isError ? <ErrorMessage error={source.error} title="The items could not be loaded" /> : undefined}
          hasMore={!!hasNextPage}
          loadingMore={isFetchingNextPage}
          onLoadMore={loadMore}
          searchRef={searchRef}
          basis={basis}
        />
        {source.isPending && <Loading label="Loading items" />}
      </section>
      <section className="results-pane results-detail-pane" aria-label="Selected item">
        <ItemDetailView projectId={projectId} itemId={selected} schema={schema} schemaVersion={schemaQuery.data.version} />
      </section>
    </div>
  );
}
