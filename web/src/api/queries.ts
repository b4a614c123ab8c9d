/**
 * Shared server state through TanStack Query: one key per resource, so a mutation anywhere invalidates what it
 * changed (`queryKeys.project(id)` covers the project's schema, guidelines and progress too).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from './client';

export const queryKeys = {
  me: ['me'] as const,
  projects: ['projects'] as const,
  project: (id: string) => ['projects', id] as const,
  schema: (id: string, version?: number) => ['projects', id, 'schema', version ?? 'current'] as const,
  guidelines: (id: string, version?: number) => ['projects', id, 'guidelines', version ?? 'current'] as const,
  progress: (id: string) => ['projects', id, 'progress'] as const,
  annotations: (id: string) => ['projects', id, 'annotations'] as const,
  users: ['users'] as const,
  vendors: ['vendors'] as const,
  tokens: ['tokens'] as const,
  /** Every qualification list (a manager's, an annotator's with where they stand). */
  qualifications: ['qualifications'] as const,
  /** One qualification under its project's key, so an import into it (which invalidates the project) refreshes its pool. */
  qualification: (id: string) => ['projects', id, 'qualification'] as const,
  attempts: (id: string) => ['projects', id, 'qualification', 'attempts'] as const,
};

/**
 * The signed-in user. Asked of `/auth/session`, which answers a signed-out caller with `user: null` rather than a 401,
 * so a signed-out start is no error in the console; here it becomes the same `unauthenticated` error the route guard
 * already handles.
 */
export async function fetchMe() {
  const { user } = await unwrap(api.GET('/api/v1/auth/session'));
  if (!user) throw new ApiError(401, 'unauthenticated', 'Not signed in');
  return user;
}

export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useProjects() {
  return useQuery({
    queryKey: queryKeys.projects,
    queryFn: () => unwrap(api.GET('/api/v1/projects', { params: { query: { limit: 200 } } })),
  });
}

export function useProject(projectId: string) {
  return useQuery({
    queryKey: queryKeys.project(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}', { params: { path: { projectId } } })),
  });
}

export function useProjectSchema(projectId: string, version?: number) {
  return useQuery({
    queryKey: queryKeys.schema(projectId, version),
    queryFn: () =>
      unwrap(api.GET('/api/v1/projects/{projectId}/schema', { params: { path: { projectId }, query: version === undefined ? {} : { version } } })),
    staleTime: version === undefined ? 30_000 : Infinity,
  });
}

export function useGuidelines(projectId: string, version?: number) {
  return useQuery({
    queryKey: queryKeys.guidelines(projectId, version),
    queryFn: () =>
      unwrap(api.GET('/api/v1/projects/{projectId}/guidelines', { params: { path: { projectId }, query: version === undefined ? {} : { version } } })),
    staleTime: version === undefined ? 30_000 : Infinity,
  });
}

export function useProgress(projectId: string, refetchMs?: number) {
  return useQuery({
    queryKey: queryKeys.progress(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/progress', { params: { path: { projectId } } })),
    refetchInterval: refetchMs,
    placeholderData: keepPreviousData,
  });
}
