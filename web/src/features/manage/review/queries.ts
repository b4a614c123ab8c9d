/**
 * The project's review policy (its own resource, GET and PUT /projects/{id}/review-policy) for the Settings tab and
 * the results browser's flag control, which says whether a flag sends the item to review.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../api/client';
import { queryKeys } from '../../../api/queries';

export type ReviewPolicyView = paths['/api/v1/projects/{projectId}/review-policy']['get']['responses'][200]['content']['application/json'];
export type ReviewPolicy = Pick<ReviewPolicyView, 'sampleRate' | 'firstN' | 'flagged' | 'lowConfidence'> & Partial<Pick<ReviewPolicyView, 'gold'>>;

export const reviewPolicyKey = (projectId: string) => [...queryKeys.project(projectId), 'review-policy'] as const;

export function useReviewPolicy(projectId: string, enabled = true) {
  return useQuery({
    queryKey: reviewPolicyKey(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/review-policy', { params: { path: { projectId } } })),
    enabled,
  });
}

export function useSetReviewPolicy(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewPolicy) => unwrap(api.PUT('/api/v1/projects/{projectId}/review-policy', { params: { path: { projectId } }, body })),
    onSuccess: (policy) => queryClient.setQueryData(reviewPolicyKey(projectId), policy),
  });
}

/**
 * Names of the organization's people by id (the first 500; a vendor manager gets their vendor's), for the review
 * outcomes, whose tally names annotators by id only. Ids beyond the page show as ids.
 */
export function useUserNames(enabled = true) {
  return useQuery({
    queryKey: [...queryKeys.users, 'names'] as const,
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/users', { params: { query: { limit: 500 } } }));
      return new Map(page.items.map((u) => [u.id, u.name]));
    },
    enabled,
    staleTime: 60_000,
  });
}
