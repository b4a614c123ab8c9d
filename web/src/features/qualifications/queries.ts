/**
 * Qualification data for both sides: annotators list them (with where they stand) and start attempts; managers
 * create them and read their attempts. Imports only the API client, so the annotator's chunk can use it without
 * pulling in the manager console.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/queries';
import type { NewQualification } from './types';

export function useQualifications() {
  return useQuery({
    queryKey: queryKeys.qualifications,
    queryFn: () => unwrap(api.GET('/api/v1/qualifications')),
  });
}

export function useQualification(qualificationId: string) {
  return useQuery({
    queryKey: queryKeys.qualification(qualificationId),
    queryFn: () => unwrap(api.GET('/api/v1/qualifications/{qualificationId}', { params: { path: { qualificationId } } })),
  });
}

/** Attempts at a qualification: a manager sees everyone's (a vendor manager their vendor's), an annotator their own. */
export function useAttempts(qualificationId: string, options: { enabled?: boolean; refetchMs?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.attempts(qualificationId),
    queryFn: () => unwrap(api.GET('/api/v1/qualifications/{qualificationId}/attempts', { params: { path: { qualificationId } } })),
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchMs,
  });
}

/** Starts an attempt (or returns the open one); the caller then opens the workspace on the qualification's id. */
export function useStartAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (qualificationId: string) =>
      unwrap(api.POST('/api/v1/qualifications/{qualificationId}/attempts', { params: { path: { qualificationId } }, body: {} })),
    onSuccess: (_attempt, qualificationId) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.qualifications }),
        queryClient.invalidateQueries({ queryKey: queryKeys.project(qualificationId) }),
      ]),
  });
}

export function useCreateQualification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewQualification) => unwrap(api.POST('/api/v1/qualifications', { body })),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.qualifications }), queryClient.invalidateQueries({ queryKey: queryKeys.projects })]),
  });
}
