/** The annotator's reviewed work (`GET /me/reviews`), a page at a time, newest verdict first. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { paths } from '../../../api/schema';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;
export type MyReviewPage = Ok<paths['/api/v1/me/reviews']['get']>;
export type MyReview = MyReviewPage['items'][number];
export type Outcome = MyReview['outcome'];

export const PAGE_SIZE = 10;

export function useMyReviews(outcome: Outcome | undefined) {
  return useInfiniteQuery({
    queryKey: ['me', 'reviews', outcome ?? 'all'] as const,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/me/reviews', { params: { query: { limit: PAGE_SIZE, ...(outcome && { outcome }), ...(pageParam && { cursor: pageParam }) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
