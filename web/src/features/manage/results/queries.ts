/**
 * Server state of the results browser: the item list (status, gold, search) and the results list (a question's
 * confidence range) as cursor-paged infinite queries, and one item's detail. Keys sit under the project's key, so
 * anything that invalidates the project refreshes these too.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { queryKeys } from '../../../api/queries';
import type { ItemStatus } from './types';

const PAGE = 50;

export interface ItemFilter {
  status?: ItemStatus | undefined;
  gold?: boolean | undefined;
  q?: string | undefined;
}

export interface ConfidenceFilter {
  question: string;
  min?: number | undefined;
  max?: number | undefined;
}

export const resultsKeys = {
  items: (projectId: string, f: ItemFilter) => [...queryKeys.project(projectId), 'items', f] as const,
  results: (projectId: string, f: ConfidenceFilter) => [...queryKeys.project(projectId), 'results', f] as const,
  item: (projectId: string, itemId: string) => [...queryKeys.project(projectId), 'item', itemId] as const,
};

export function useItems(projectId: string, f: ItemFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: resultsKeys.items(projectId, f),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects/{projectId}/items', {
          params: {
            path: { projectId },
            query: { limit: PAGE, cursor: pageParam, status: f.status, gold: f.gold === undefined ? undefined : f.gold ? 'true' : 'false', q: f.q || undefined },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keep the list on screen while a new filter loads, instead of flashing a spinner per keystroke.
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useResults(projectId: string, f: ConfidenceFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: resultsKeys.results(projectId, f),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects/{projectId}/results', {
          params: { path: { projectId }, query: { limit: PAGE, cursor: pageParam, question: f.question, minConfidence: f.min, maxConfidence: f.max } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useItemDetail(projectId: string, itemId: string | null) {
  return useQuery({
    queryKey: resultsKeys.item(projectId, itemId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/items/{itemId}', { params: { path: { projectId, itemId: itemId! } } })),
    enabled: itemId !== null,
  });
}

/** Flags the item for review with a reason (a later flag replaces the reason). */
export function useFlagItem(projectId: string, itemId: string) {
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST('/api/v1/projects/{projectId}/items/{itemId}/flag', { params: { path: { projectId, itemId } }, body: { reason } })),
  });
}
