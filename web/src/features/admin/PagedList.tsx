/**
 * A cursor-paged admin list in each of its states: loading, the error, empty, or the rows (drawn by the page) with
 * "load more" at the foot.
 */
import type { ReactNode } from 'react';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { LoadMore } from './LoadMore';

/** The parts of an infinite query of `{ items }` pages that the list uses. */
export interface PagedQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: { pages: { items: T[] }[] } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function PagedList<T>({
  query,
  noun,
  empty,
  children,
}: {
  query: PagedQuery<T>;
  /** Singular, lower case: "user" gives "Loading users", "Could not load users", "3 users shown". */
  noun: string;
  /** What an empty list says. */
  empty: ReactNode;
  children: (rows: T[]) => ReactNode;
}) {
  if (query.isPending) return <Loading label={`Loading ${noun}s`} />;
  if (query.isError) return <ErrorMessage error={query.error} title={`Could not load ${noun}s`} />;
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      {children(rows)}
      <LoadMore shown={rows.length} noun={noun} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onMore={() => query.fetchNextPage()} />
    </>
  );
}
