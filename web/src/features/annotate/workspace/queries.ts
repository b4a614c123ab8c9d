/** Data the workspace and the start page read besides the task loop: schema and guidelines by version, my progress. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap } from '../../../api/client';
import { queryKeys } from '../../../api/queries';

export const myProgressKey = (projectId: string) => [...queryKeys.project(projectId), 'my-progress'] as const;

export function useMyProgress(projectId: string) {
  return useQuery({
    queryKey: myProgressKey(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/my-progress', { params: { path: { projectId } } })),
  });
}

const schemaQuery = (projectId: string, version: number) => ({
  queryKey: queryKeys.schema(projectId, version),
  queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/schema', { params: { path: { projectId }, query: { version } } })),
  staleTime: Infinity,
});
const guidelinesQuery = (projectId: string, version: number) => ({
  queryKey: queryKeys.guidelines(projectId, version),
  queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/guidelines', { params: { path: { projectId }, query: { version } } })),
  staleTime: Infinity,
});

/**
 * After a task appears, looks up the versions the project has in force now and loads them into the cache: the
 * next task (from the same submit round trip) carries those versions, so it renders without waiting even just
 * after a manager published a new schema or guidelines.
 */
export function usePrefetchCurrentVersions(projectId: string, afterTask: string | null) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (afterTask === null) return;
    let cancelled = false;
    void (async () => {
      const project = await queryClient.fetchQuery({
        queryKey: queryKeys.project(projectId),
        queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}', { params: { path: { projectId } } })),
        staleTime: 30_000,
      });
      if (cancelled) return;
      await Promise.all([
        queryClient.prefetchQuery(schemaQuery(projectId, project.schemaVersion)),
        queryClient.prefetchQuery(guidelinesQuery(projectId, project.guidelineVersion)),
      ]);
    })().catch(() => undefined); // a prefetch failing costs a fetch later, nothing more
    return () => {
      cancelled = true;
    };
  }, [projectId, afterTask, queryClient]);
}
