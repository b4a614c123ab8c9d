/**
 * Server state of the quality dashboard: live accuracy per annotator, review outcomes per annotator, agreement over
 * time for a question, and every item's confidence for a question (for the histogram). Keys sit under the project's
 * key, like the other tabs'; the figures change with every submit, so they refresh on a timer.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { queryKeys } from '../../../api/queries';
import type { AgreementBucket } from './types';

const REFRESH_MS = 15_000;
/** The histogram reads at most this many items (pages of 500); the card says so when there are more. */
export const HISTOGRAM_MAX_ITEMS = 10_000;
const RESULTS_PAGE = 500;

export const qualityKeys = {
  annotators: (projectId: string) => [...queryKeys.project(projectId), 'quality', 'annotators'] as const,
  reviewTally: (projectId: string) => [...queryKeys.project(projectId), 'quality', 'review-tally'] as const,
  agreement: (projectId: string, question: string, bucket: AgreementBucket) => [...queryKeys.project(projectId), 'quality', 'agreement', question, bucket] as const,
  confidences: (projectId: string, question: string) => [...queryKeys.project(projectId), 'quality', 'confidences', question] as const,
  gates: (projectId: string) => [...queryKeys.project(projectId), 'quality', 'gates'] as const,
};

export function useAnnotatorAccuracy(projectId: string) {
  return useQuery({
    queryKey: qualityKeys.annotators(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/quality/annotators', { params: { path: { projectId } } })),
    refetchInterval: REFRESH_MS,
  });
}

export function useReviewTally(projectId: string) {
  return useQuery({
    queryKey: qualityKeys.reviewTally(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/reviews/tally', { params: { path: { projectId } } })),
    refetchInterval: REFRESH_MS,
  });
}

export function useAgreement(projectId: string, question: string, bucket: AgreementBucket) {
  return useQuery({
    queryKey: qualityKeys.agreement(projectId, question, bucket),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/quality/agreement', { params: { path: { projectId }, query: { question, bucket } } })),
    enabled: question !== '',
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/** Every annotated item's confidence for the question (up to HISTOGRAM_MAX_ITEMS), and whether more were left out. */
export function useConfidences(projectId: string, question: string) {
  return useQuery({
    queryKey: qualityKeys.confidences(projectId, question),
    queryFn: async () => {
      const values: (number | null)[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/v1/projects/{projectId}/results', { params: { path: { projectId }, query: { question, limit: RESULTS_PAGE, cursor } } }),
        );
        for (const r of page.items) values.push(r.aggregates[0]?.confidence ?? null);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && values.length < HISTOGRAM_MAX_ITEMS);
      return { values, truncated: cursor !== undefined };
    },
    enabled: question !== '',
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/** Who the quality gate has paused on the project (with the reasons) and its latest events. */
export function useQualityGates(projectId: string) {
  return useQuery({
    queryKey: qualityKeys.gates(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/quality/gates', { params: { path: { projectId } } })),
    refetchInterval: REFRESH_MS,
  });
}

/** Reinstates a paused annotator; the paused list, the events and the annotator table (a fresh gold record) reload. */
export function useReinstate(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => unwrap(api.POST('/api/v1/projects/{projectId}/annotators/{userId}/reinstate', { params: { path: { projectId, userId } } })),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: qualityKeys.gates(projectId) }),
        queryClient.invalidateQueries({ queryKey: qualityKeys.annotators(projectId) }),
      ]),
  });
}
