/** The reviewer queue's calls: the landing's counts, take the next review (or resume the held one) and decide it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import type { AnswerSet } from '../../schema';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;
export type ReviewTask = Ok<paths['/api/v1/projects/{projectId}/reviews/next']['post']>;
export type ReviewSummary = Ok<paths['/api/v1/reviews/{reviewId}/accept']['post']>;
export type ReviewContext = ReviewTask['context'];
export type ReviewQueues = Ok<paths['/api/v1/me/review-queues']['get']>;

export const reviewKeys = {
  next: (projectId: string) => ['review', 'next', projectId] as const,
  queues: ['review', 'queues'] as const,
};

/** Per project the reviewer may review, how many annotations are left for them. */
export function useReviewQueues() {
  return useQuery({ queryKey: reviewKeys.queues, queryFn: () => unwrap(api.GET('/api/v1/me/review-queues')) });
}

/** The review in hand, or null when the queue is empty (the server's 409 no_task). */
export function useNextReview(projectId: string) {
  return useQuery({
    queryKey: reviewKeys.next(projectId),
    queryFn: async (): Promise<ReviewTask | null> => {
      try {
        return await unwrap(api.POST('/api/v1/projects/{projectId}/reviews/next', { params: { path: { projectId } }, body: {} }));
      } catch (err) {
        if (err instanceof ApiError && err.code === 'no_task') return null;
        throw err;
      }
    },
    refetchOnWindowFocus: false,
  });
}

export type Verdict = { kind: 'accept' } | { kind: 'reject'; reason: string } | { kind: 'correct'; answers: AnswerSet; timeSpentMs: number };

/** Records a verdict, then takes the next review. */
export function useDecide(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ reviewId, verdict }: { reviewId: string; verdict: Verdict }) => {
      const path = { params: { path: { reviewId } } };
      if (verdict.kind === 'accept') return unwrap(api.POST('/api/v1/reviews/{reviewId}/accept', { ...path, body: {} }));
      if (verdict.kind === 'reject') return unwrap(api.POST('/api/v1/reviews/{reviewId}/reject', { ...path, body: { reason: verdict.reason } }));
      return (await unwrap(api.POST('/api/v1/reviews/{reviewId}/correct', { ...path, body: { answers: verdict.answers, timeSpentMs: verdict.timeSpentMs } }))).review;
    },
    onSuccess: async () => {
      // The landing's count is stale too; the next review comes with its own.
      void queryClient.invalidateQueries({ queryKey: reviewKeys.queues });
      await queryClient.invalidateQueries({ queryKey: reviewKeys.next(projectId) });
    },
  });
}
