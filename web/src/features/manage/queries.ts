/**
 * The manager console's server state: throughput and vendors to read; project settings, schema and guideline
 * versions to write. Each mutation invalidates the project's keys, so every tab shows the new version at once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/client';
import { queryKeys } from '../../api/queries';

export type ThroughputBucket = 'hour' | 'day';
export type ProjectPatch = NonNullable<paths['/api/v1/projects/{projectId}']['patch']['requestBody']>['content']['application/json'];
export type NewProject = NonNullable<paths['/api/v1/projects']['post']['requestBody']>['content']['application/json'];

export const manageKeys = {
  throughput: (id: string, bucket: ThroughputBucket) => [...queryKeys.project(id), 'throughput', bucket] as const,
};

export function useThroughput(projectId: string, bucket: ThroughputBucket, refetchMs?: number) {
  return useQuery({
    queryKey: manageKeys.throughput(projectId, bucket),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/throughput', { params: { path: { projectId }, query: { bucket } } })),
    refetchInterval: refetchMs,
    placeholderData: keepPreviousData,
  });
}

/** What a download with these options will hold, counted by the query that writes it (rows, items, gold left out or in). */
export function useExportCount(projectId: string, includeGold: boolean) {
  return useQuery({
    queryKey: [...queryKeys.project(projectId), 'export-count', includeGold] as const,
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/export/count', { params: { path: { projectId }, query: { includeGold: includeGold ? 'true' : 'false' } } })),
    placeholderData: keepPreviousData,
  });
}

/** The project's first item's data (for the schema preview), or null when it has none. */
export function useFirstItemData(projectId: string) {
  return useQuery({
    queryKey: [...queryKeys.project(projectId), 'first-item'] as const,
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/projects/{projectId}/items', { params: { path: { projectId }, query: { limit: 1 } } }));
      const first = page.items[0];
      if (!first) return null;
      const item = await unwrap(api.GET('/api/v1/projects/{projectId}/items/{itemId}', { params: { path: { projectId, itemId: first.id } } }));
      return item.data;
    },
    staleTime: 60_000,
  });
}

export function useVendors() {
  return useQuery({
    queryKey: queryKeys.vendors,
    queryFn: () => unwrap(api.GET('/api/v1/vendors')),
    staleTime: 60_000,
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewProject) => unwrap(api.POST('/api/v1/projects', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.projects }),
  });
}

export function useUpdateProject(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectPatch) => unwrap(api.PATCH('/api/v1/projects/{projectId}', { params: { path: { projectId } }, body })),
    onSuccess: (project) => {
      queryClient.setQueryData(queryKeys.project(projectId), project);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects });
    },
  });
}

export function usePublishSchema(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (schema: unknown) =>
      unwrap(api.PUT('/api/v1/projects/{projectId}/schema', { params: { path: { projectId } }, body: schema })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

export function usePublishGuidelines(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (markdown: string) =>
      unwrap(api.PUT('/api/v1/projects/{projectId}/guidelines', { params: { path: { projectId } }, body: { markdown } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}
