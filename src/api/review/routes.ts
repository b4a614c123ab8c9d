import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.js';
import { getReviewPolicy, setReviewPolicy } from '../../services/review/policy.js';
import { nextReview } from '../../services/review/next-review.js';
import { acceptReview, correctReview, rejectReview } from '../../services/review/decide-review.js';
import { listReviews, reviewTally } from '../../services/review/list-reviews.js';
import { flagItem } from '../../services/review/flag-item.js';
import { listReviewQueues } from '../../services/review/review-queues.js';
import { REVIEW_OUTCOMES, REVIEW_STATUSES } from '../../core/review.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, page, pageQuery, projectParams } from '../common-schemas.js';
import { correctionResult, reviewPolicy, reviewPolicyView, reviewSummary, reviewQueues, reviewTally as tallyView, reviewTask } from './schemas.js';

const reviewParams = z.object({ reviewId: z.string().min(1) });

export const reviewRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/projects/:projectId/review-policy',
    { schema: { tags: ['review'], summary: 'Which annotations go to review', params: projectParams, response: { 200: reviewPolicyView, ...errors } } },
    async (req) => getReviewPolicy(deps, actorOf(req), req.params.projectId),
  );
  app.put(
    '/projects/:projectId/review-policy',
    {
      schema: {
        tags: ['review'],
        summary: 'Set the review policy; it applies at once to every annotation not yet reviewed',
        params: projectParams,
        body: reviewPolicy.partial(),
        response: { 200: reviewPolicyView, ...errors },
      },
    },
    async (req) => setReviewPolicy(deps, actorOf(req), req.params.projectId, req.body),
  );

  app.get(
    '/me/review-queues',
    {
      schema: {
        tags: ['review'],
        summary: 'The projects I may review, each with how many annotations are left for me',
        response: { 200: reviewQueues, ...errors },
      },
    },
    async (req) => listReviewQueues(deps, actorOf(req)),
  );

  app.post(
    '/projects/:projectId/reviews/next',
    {
      schema: {
        tags: ['review'],
        summary: "Take the next annotation to review (never one's own), or resume the one held; 409 no_task when none",
        params: projectParams,
        body: z.object({ annotationId: z.string().optional().describe('Review this annotation, whatever the policy') }).default({}),
        response: { 200: reviewTask, ...errors },
      },
    },
    async (req) => nextReview(deps, actorOf(req), req.params.projectId, req.body),
  );
  app.post(
    '/reviews/:reviewId/accept',
    {
      schema: {
        tags: ['review'],
        summary: 'Accept the annotation under review',
        params: reviewParams,
        body: z.object({ comment: z.string().max(10_000).optional() }).default({}),
        response: { 200: reviewSummary, ...errors },
      },
    },
    async (req) => acceptReview(deps, actorOf(req), req.params.reviewId, req.body),
  );
  app.post(
    '/reviews/:reviewId/reject',
    {
      schema: {
        tags: ['review'],
        summary: 'Reject the annotation under review, with a reason',
        params: reviewParams,
        body: z.object({ reason: z.string().min(1).max(10_000) }),
        response: { 200: reviewSummary, ...errors },
      },
    },
    async (req) => rejectReview(deps, actorOf(req), req.params.reviewId, req.body),
  );
  app.post(
    '/reviews/:reviewId/correct',
    {
      schema: {
        tags: ['review'],
        summary: "Correct it: a new annotation by the reviewer, on the original's schema version, linked to it",
        params: reviewParams,
        body: z.object({
          answers: z.unknown(),
          timeSpentMs: z.number().int().min(0).optional(),
          reason: z.string().max(10_000).optional(),
        }),
        response: { 200: correctionResult, ...errors },
      },
    },
    async (req) => correctReview(deps, actorOf(req), req.params.reviewId, req.body),
  );

  app.get(
    '/projects/:projectId/reviews',
    {
      schema: {
        tags: ['review'],
        summary: "A project's reviews, oldest first (an annotator: those of their own annotations)",
        params: projectParams,
        querystring: pageQuery.extend({
          status: z.enum(REVIEW_STATUSES).optional(),
          outcome: z.enum(REVIEW_OUTCOMES).optional(),
          annotatorId: z.string().optional(),
          reviewerId: z.string().optional(),
        }),
        response: { 200: page(reviewSummary), ...errors },
      },
    },
    async (req) => listReviews(deps, actorOf(req), req.params.projectId, req.query),
  );
  app.get(
    '/projects/:projectId/reviews/tally',
    {
      schema: { tags: ['review'], summary: 'Review outcomes per annotator, with acceptance and its interval', params: projectParams, response: { 200: tallyView, ...errors } },
    },
    async (req) => reviewTally(deps, actorOf(req), req.params.projectId),
  );

  app.post(
    '/projects/:projectId/items/:itemId/flag',
    {
      schema: {
        tags: ['review'],
        summary: 'Flag an item for review (an annotator: an item they were given)',
        params: projectParams.extend({ itemId: z.string().min(1) }),
        body: z.object({ reason: z.string().min(1).max(2000) }),
        response: { 200: z.object({ itemId: z.string(), projectId: z.string(), reason: z.string(), createdAt: z.string() }), ...errors },
      },
    },
    async (req) => flagItem(deps, actorOf(req), req.params.projectId, req.params.itemId, req.body),
  );
};
