import { z } from 'zod';
import { jsonObject } from '../common-schemas.js';
import { annotationView } from '../annotations/schemas.js';
import { questionAggregate } from '../results/schemas.js';
import { REVIEW_OUTCOMES, REVIEW_STATUSES, REVIEW_TRIGGERS } from '../../core/review.js';

export const reviewPolicy = z.object({
  sampleRate: z.number().min(0).max(1).describe('Share of annotations sampled into review (resolution 1/4096)'),
  firstN: z.number().int().min(0).max(100_000).describe("Every one of each annotator's first n annotations in the project"),
  flagged: z.boolean().describe('Every annotation of a flagged item'),
  lowConfidence: z
    .number()
    .gt(0)
    .max(1)
    .nullable()
    .describe("Every annotation of an item whose aggregated answer's confidence is under this; null: off"),
  signals: z.boolean().describe('Every annotation with an effort or fraud signal (GET /projects/{id}/quality/signals computes and stores them)'),
  gold: z
    .boolean()
    .describe(
      'Annotations of gold items come to review too, and reviewers see the gold answer beside them; off: gold stays out of every queue (managers and admins may still request one by annotationId)',
    ),
});

export const reviewPolicyView = reviewPolicy.extend({ projectId: z.string(), updatedAt: z.string().nullable().describe('null: never set (nothing goes to review)') });

export const reviewSummary = z.object({
  id: z.string(),
  projectId: z.string(),
  annotationId: z.string(),
  itemId: z.string(),
  annotatorId: z.string(),
  reviewerId: z.string().optional().describe("Omitted for an annotator reading the reviews of their own work"),
  status: z.enum(REVIEW_STATUSES),
  triggers: z.array(z.enum(REVIEW_TRIGGERS)).describe('Why it came to review'),
  leaseExpiresAt: z.string(),
  outcome: z.enum(REVIEW_OUTCOMES).nullable(),
  reason: z.string().nullable(),
  correctionAnnotationId: z.string().nullable().describe("The reviewer's annotation that corrects the reviewed one"),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const reviewTask = reviewSummary.extend({
  item: z.object({ id: z.string(), data: jsonObject }),
  annotation: z.object({
    id: z.string(),
    annotator: z.string().describe("The author's pseudonym: reviews are blind to names"),
    answers: jsonObject,
    schemaVersion: z.number().int(),
    guidelineVersion: z.number().int().describe('The guidelines the annotator worked under'),
    timeSpentMs: z.number().int(),
    createdAt: z.string(),
  }),
  flag: z.object({ reason: z.string(), createdAt: z.string() }).nullable(),
  left: z.number().int().describe('Annotations left for this reviewer in the project, this one included: what the queue would still hand out'),
  context: z
    .object({
      others: z
        .array(
          z.object({
            id: z.string(),
            annotator: z.string().describe("The author's pseudonym"),
            answers: jsonObject,
            schemaVersion: z.number().int(),
            createdAt: z.string(),
            isCorrection: z.boolean().describe("A reviewer's correction of another annotation"),
            outcome: z.enum(REVIEW_OUTCOMES).nullable().describe('The verdict already given on it, if any'),
          }),
        )
        .describe("The item's other annotations, oldest first"),
      aggregates: z.array(questionAggregate).describe("The item's current aggregate per question, as GET /projects/{id}/items/{itemId} gives it"),
      gold: z
        .object({ answers: jsonObject, explanation: z.string().nullable() })
        .optional()
        .describe("A gold item's gold answer: only for managers and admins, and for reviewers when the review policy's gold is on"),
    })
    .describe('What the reviewer sees beside the annotation'),
});

export const reviewQueues = z.object({
  projects: z.array(
    z.object({
      projectId: z.string(),
      name: z.string(),
      status: z.string(),
      left: z.number().int().describe('Annotations left for you: what the queue would hand out, plus one you hold'),
      holding: z.boolean().describe('You hold a review in this project'),
      policyOn: z.boolean().describe("The project's review policy sends something to review"),
    }),
  ),
});

export const correctionResult = z.object({ review: reviewSummary, correction: annotationView });

const interval = z.object({ estimate: z.number(), lower: z.number(), upper: z.number(), n: z.number().int() });
export const reviewTally = z.object({
  projectId: z.string(),
  annotators: z.array(
    z.object({
      annotatorId: z.string(),
      reviewed: z.number().int(),
      accepted: z.number().int(),
      rejected: z.number().int(),
      corrected: z.number().int(),
      acceptance: interval.describe('accepted / reviewed with its Wilson 95% interval'),
    }),
  ),
});
