/** GET /me/reviews: the caller's own reviewed work (an annotator hears the verdict); never gold, never the reviewer. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.js';
import { listMyReviews } from '../../services/review/my-reviews.js';
import { REVIEW_OUTCOMES } from '../../core/review.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, jsonObject, page, pageQuery } from '../common-schemas.js';

export const myReview = z.object({
  id: z.string().describe("The review's id"),
  projectId: z.string(),
  projectName: z.string(),
  item: z.object({ id: z.string(), data: jsonObject }),
  annotation: z.object({
    id: z.string(),
    answers: jsonObject.describe('Your answers, as you submitted them'),
    schemaVersion: z.number().int(),
    guidelineVersion: z.number().int().describe('The guidelines you worked under, by which the reviewer judged the work'),
    createdAt: z.string(),
  }),
  outcome: z.enum(REVIEW_OUTCOMES),
  reason: z.string().nullable().describe("Why it was rejected (always given), what a correction fixed, or an acceptance's comment"),
  correction: z.object({ answers: jsonObject }).nullable().describe("The reviewer's answers in place of yours (outcome correct)"),
  decidedAt: z.string(),
});

export const myReviewRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/me/reviews',
    {
      schema: {
        tags: ['review'],
        summary: 'My reviewed annotations, newest verdict first: the item, my answers, the outcome, the reason and any correction',
        querystring: pageQuery.extend({
          limit: z.coerce.number().int().min(1).max(500).default(20),
          projectId: z.string().min(1).optional(),
          outcome: z.enum(REVIEW_OUTCOMES).optional(),
        }),
        response: { 200: page(myReview), ...errors },
      },
    },
    async (req) => listMyReviews(deps, actorOf(req), req.query),
  );
};
