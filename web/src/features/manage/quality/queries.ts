/**
 * Server state of the quality dashboard: live accuracy per annotator, review outcomes per annotator, agreement over
 * time for a question, every item's confidence for a question (for the histogram), and the effort and fraud signals
 * (flag counts per annotator and vendor, the flagged annotations paged, the thresholds). Keys sit under the
 * project's key, like the other tabs'; the figures change with every submit, so they refresh on a timer.
 */
import type { ConfidenceBasisView } from '@core/figures/confidence-basis';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { queryKeys } from '../../../api/queries';
import type { paths } from '../../../api/schema';
import type { AgreementBucket, SignalKind, SignalPolicy } from './types';

const REFRESH_MS = 15_000;
/** The histogram reads at most this many items (pages of 500); the card says so when there are more. */
export const HISTOGRAM_MAX_ITEMS = 10_000;
const RESULTS_PAGE = 500;

export const qualityKeys = {
  annotators: (projectId: string) => [...queryKeys.project(projectId), 'quality', 'annotators'] as const,
  reviewTally: (projectId: string) => [...queryKeys.project(projectId), 'quality', 'review-tally'] as const,
  agreement: (projectId: string, question: string, bucket: AgreementBucket) => [...queryKeys.project(projectId), 'quality', 'agreement', question, bucket] as const,
  confidences: (projectId: string, question: string) => [...queryKeys.project(projectId), 'quality', 'confidences', question] as const,
  calibration: (projectId: string, question: string) => [...queryKeys.project(projectId), 'quality', 'calibration', question] as const,
  gates: (projectId: string) => [...queryKeys.project(projectId), 'quality', 'gates'] as const,
  /** Everything the signals route answers: the counts and the flagged lists (the thresholds change them all). */
  signals: (projectId: string) => [...queryKeys.project(projectId), 'quality', 'signals'] as const,
  signalCounts: (projectId: string) => [...queryKeys.project(projectId), 'quality', 'signals', 'counts'] as const,
  flagged: (projectId: string, f: FlaggedFilter) => [...queryKeys.project(projectId), 'quality', 'signals', 'flagged', f] as const,
  signalPolicy: (projectId: string) => [...queryKeys.project(projectId), 'signal-policy'] as const,
};

/** Which flagged annotations to list. */
export interface FlaggedFilter {
  kind?: SignalKind | undefined;
  annotatorId?: string | undefined;
}

const FLAGGED_PAGE = 25;

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

/** Every annotated item's confidence for the question (up to HISTOGRAM_MAX_ITEMS), whether more were left out, and their basis. */
export function useConfidences(projectId: string, question: string) {
  return useQuery({
    queryKey: qualityKeys.confidences(projectId, question),
    queryFn: async () => {
      const values: (number | null)[] = [];
      // One fit per question, so one basis for all its confidences (calibrated on N gold items, or the model's).
      let basis: ConfidenceBasisView | null = null;
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/v1/projects/{projectId}/results', { params: { path: { projectId }, query: { question, limit: RESULTS_PAGE, cursor } } }),
        );
        for (const r of page.items) {
          values.push(r.aggregates[0]?.confidence ?? null);
          basis ??= r.aggregates[0]?.basis ?? null;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor && values.length < HISTOGRAM_MAX_ITEMS);
      return { values, truncated: cursor !== undefined, basis };
    },
    enabled: question !== '',
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export type CalibrationView = paths['/api/v1/projects/{projectId}/quality/calibration']['get']['responses'][200]['content']['application/json'];

/** The reliability diagram of a label question (managers and admins). */
export function useCalibration(projectId: string, question: string) {
  return useQuery({
    queryKey: qualityKeys.calibration(projectId, question),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/quality/calibration', { params: { path: { projectId }, query: { question } } })),
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

/**
 * The flag counts per annotator and per vendor (a vendor manager gets their vendor's only), without the list: one
 * flagged annotation is the least page the route serves.
 */
export function useSignalCounts(projectId: string) {
  return useQuery({
    queryKey: qualityKeys.signalCounts(projectId),
    queryFn: async () => {
      const v = await unwrap(api.GET('/api/v1/projects/{projectId}/quality/signals', { params: { path: { projectId }, query: { limit: 1 } } }));
      return { annotators: v.annotators, vendors: v.vendors, policy: v.policy };
    },
    refetchInterval: REFRESH_MS,
  });
}

/** The flagged annotations, oldest first, a page at a time with the route's cursor. */
export function useFlaggedAnnotations(projectId: string, f: FlaggedFilter) {
  return useInfiniteQuery({
    queryKey: qualityKeys.flagged(projectId, f),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects/{projectId}/quality/signals', {
          params: { path: { projectId }, query: { limit: FLAGGED_PAGE, cursor: pageParam, kind: f.kind, annotatorId: f.annotatorId } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The thresholds in force (the defaults until a manager sets them). */
export function useSignalPolicy(projectId: string) {
  return useQuery({
    queryKey: qualityKeys.signalPolicy(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/signal-policy', { params: { path: { projectId } } })),
  });
}

/** Sets the thresholds; the counts and lists reload, since the thresholds decide what fires. */
export function useSetSignalPolicy(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignalPolicy) => unwrap(api.PUT('/api/v1/projects/{projectId}/signal-policy', { params: { path: { projectId } }, body })),
    onSuccess: async (policy) => {
      queryClient.setQueryData(qualityKeys.signalPolicy(projectId), policy);
      await queryClient.invalidateQueries({ queryKey: qualityKeys.signals(projectId) });
    },
  });
}
