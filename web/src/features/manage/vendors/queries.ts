/**
 * Server state of the Vendors tab: the project's scorecards, one vendor's annotators (fetched when its row is
 * expanded) and the head-to-head of two vendors (fetched once both are picked). Keys sit under the project's key;
 * the figures move with every submit, so the scorecards refresh on a timer like the Quality tab's.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { queryKeys } from '../../../api/queries';

const REFRESH_MS = 30_000;

export const vendorKeys = {
  scorecards: (projectId: string) => [...queryKeys.project(projectId), 'vendors', 'scorecards'] as const,
  annotators: (projectId: string, vendorId: string) => [...queryKeys.project(projectId), 'vendors', 'annotators', vendorId] as const,
  headToHead: (projectId: string, a: string, b: string) => [...queryKeys.project(projectId), 'vendors', 'head-to-head', a, b] as const,
};

export function useScorecards(projectId: string) {
  return useQuery({
    queryKey: vendorKeys.scorecards(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/vendors/scorecards', { params: { path: { projectId } } })),
    refetchInterval: REFRESH_MS,
  });
}

export function useVendorAnnotators(projectId: string, vendorId: string, enabled: boolean) {
  return useQuery({
    queryKey: vendorKeys.annotators(projectId, vendorId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/vendors/{vendorId}/annotators', { params: { path: { projectId, vendorId } } })),
    enabled,
  });
}

export function useHeadToHead(projectId: string, a: string, b: string) {
  return useQuery({
    queryKey: vendorKeys.headToHead(projectId, a, b),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/vendors/head-to-head', { params: { path: { projectId }, query: { a, b } } })),
    enabled: a !== '' && b !== '' && a !== b,
    placeholderData: keepPreviousData,
  });
}
